"""The home page and the publicity pages of the office website."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from coordination.models.text import TextCleaningMixin
from home.blocks import RICH_TEXT_FEATURES, BodyBlock
from home.models.base import PageAgency, SitePage


class HomePage(SitePage):
    """The office's home page.

    Carries what the Official Information Act and the ITA/OIT assessment ask an office site to
    show first (O1 structure, O2 executives, O3 authority and duties, O4 contact information,
    O5 news) and the way into the directory (manual step 5.5).
    """

    intro = RichTextField(_("บทนำ"), blank=True, features=["bold", "italic", "link"])
    vision = models.TextField(_("วิสัยทัศน์"), blank=True)
    mission = RichTextField(_("พันธกิจ"), blank=True, features=RICH_TEXT_FEATURES)
    duties = RichTextField(
        _("อำนาจหน้าที่"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("อำนาจหน้าที่ตามกฎหมาย (ITA ข้อ O3)"),
    )
    structure = RichTextField(
        _("โครงสร้างหน่วยงาน"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("กลุ่มงานและหน่วยภายในสำนักงาน (ITA ข้อ O1)"),
    )
    structure_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("แผนภูมิโครงสร้าง"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(BodyBlock(), verbose_name=_("เนื้อหาเพิ่มเติม"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldPanel("vision"), FieldPanel("mission"), FieldPanel("duties")],
            heading=_("วิสัยทัศน์ พันธกิจ และอำนาจหน้าที่"),
        ),
        MultiFieldPanel(
            [FieldPanel("structure"), FieldPanel("structure_image")],
            heading=_("โครงสร้างหน่วยงาน"),
        ),
        InlinePanel("executives", heading=_("ผู้บริหาร (ITA ข้อ O2)"), label=_("ผู้บริหาร")),
        InlinePanel(
            "featured_agencies",
            heading=_("หน่วยงานแนะนำจากทะเบียน"),
            label=_("หน่วยงาน"),
            help_text=_("แสดงเฉพาะหน่วยงานที่เผยแพร่แล้วและเปิดเผยต่อสาธารณะ"),
        ),
        FieldPanel("body"),
    ]
    search_fields = [
        *SitePage.search_fields,
        index.SearchField("intro"),
        index.SearchField("mission"),
        index.SearchField("duties"),
        index.SearchField("structure"),
    ]
    thai_search_text_fields = ("intro", "mission", "duties", "structure", "body")

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["home.NewsIndexPage", "home.StandardPage", "coordination.DirectoryPage"]
    max_count = 1

    class Meta:
        verbose_name = _("หน้าแรก")
        verbose_name_plural = _("หน้าแรก")

    def __str__(self):
        return self.title

    def get_summary(self) -> str:
        return self.intro or self.vision

    def get_context(self, request, *args, **kwargs):
        from home import selectors

        context = super().get_context(request, *args, **kwargs)
        context["executives"] = selectors.home_executives(page=self)
        context["featured_agencies"] = selectors.featured_agency_cards(page=self, request=request)
        context["latest_news"] = selectors.latest_news(site_root=self)
        context["directory_url"] = selectors.directory_url(request)
        return context


class HomePageExecutive(TextCleaningMixin, Orderable):
    """An executive of the office shown on the home page (ITA O2): official contacts only."""

    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="executives")
    name = models.CharField(_("ชื่อ-สกุล"), max_length=255)
    position = models.CharField(_("ตำแหน่ง"), max_length=255)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("รูปถ่าย"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    phone = models.CharField(_("โทรศัพท์ที่ทำงาน"), max_length=60, blank=True)
    email = models.EmailField(_("อีเมลราชการ"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("position"),
        FieldPanel("photo"),
        FieldPanel("phone"),
        FieldPanel("email"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("ผู้บริหาร")
        verbose_name_plural = _("ผู้บริหาร")

    def __str__(self):
        return f"{self.name} ({self.position})"


class HomePageFeaturedAgency(PageAgency):
    """An agency from the registry featured on the home page; shown only while it is public."""

    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_agencies")

    class Meta(PageAgency.Meta):
        verbose_name = _("หน่วยงานแนะนำ")
        verbose_name_plural = _("หน่วยงานแนะนำ")


class StandardPage(SitePage):
    """A publicity page (ประชาสัมพันธ์): free content that may embed the live directory, and
    notices such as the privacy notice."""

    intro = models.TextField(_("คำโปรย"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("เนื้อหา"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [
        *SitePage.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
    ]
    thai_search_text_fields = ("intro", "body")

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("หน้าประชาสัมพันธ์/เนื้อหาทั่วไป")
        verbose_name_plural = _("หน้าประชาสัมพันธ์/เนื้อหาทั่วไป")

    def get_summary(self) -> str:
        return self.intro
