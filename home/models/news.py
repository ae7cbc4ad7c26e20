"""News of the office (ข่าวประชาสัมพันธ์): one index page, its posts, and their categories."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from coordination.models.text import TextCleaningMixin
from home.blocks import BodyBlock
from home.models.base import PageAgency, SitePage


class NewsCategory(TextCleaningMixin, models.Model):
    """A category of news posts (ข่าวประชาสัมพันธ์, ประกาศ, จัดซื้อจัดจ้าง ...), used as a filter."""

    name = models.CharField(_("ชื่อหมวดข่าว"), max_length=100, unique=True)
    slug = models.SlugField(_("ชื่อในลิงก์"), max_length=100, unique=True, allow_unicode=True)
    sort_order = models.PositiveSmallIntegerField(_("ลำดับ"), default=0)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("sort_order")]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("หมวดข่าว")
        verbose_name_plural = _("หมวดข่าว")

    def __str__(self):
        return self.name


class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey("home.NewsPage", related_name="tagged_items")

    class Meta:
        verbose_name = _("แท็กข่าว")


class NewsIndexPage(SitePage):
    """The list of news posts at /news/, paged and filterable by category and tag."""

    intro = models.TextField(_("คำโปรย"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.NewsPage"]
    max_count = 1
    # What the list reads; any other parameter bypasses the page cache (coordination.cache).
    page_cache_query_parameters = ("category", "tag", "page")

    class Meta:
        verbose_name = _("หน้ารวมข่าว")
        verbose_name_plural = _("หน้ารวมข่าว")

    def get_summary(self) -> str:
        return self.intro

    def get_context(self, request, *args, **kwargs):
        from home import selectors

        context = super().get_context(request, *args, **kwargs)
        context.update(
            selectors.news_listing(
                index=self,
                category_slug=request.GET.get("category", ""),
                tag=request.GET.get("tag", ""),
                page_number=request.GET.get("page", "1"),
            )
        )
        return context


class NewsPage(SitePage):
    """A news post: its date, category, tags, picture, body and the agencies it concerns."""

    date = models.DateField(_("วันที่ข่าว"), default=timezone.localdate)
    category = models.ForeignKey(
        NewsCategory,
        verbose_name=_("หมวดข่าว"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="news_pages",
    )
    tags = ClusterTaggableManager(_("แท็ก"), through=NewsPageTag, blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("ภาพประกอบข่าว"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    intro = models.TextField(_("สรุปข่าว"), help_text=_("หนึ่งถึงสองประโยค ใช้ในหน้ารวมข่าวและ RSS"))
    body = StreamField(BodyBlock(), verbose_name=_("เนื้อหาข่าว"), blank=True)

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("date"), FieldPanel("category"), FieldPanel("tags")],
            heading=_("ข้อมูลข่าว"),
        ),
        FieldPanel("image"),
        FieldPanel("intro"),
        FieldPanel("body"),
        InlinePanel(
            "related_agencies",
            heading=_("หน่วยงานที่เกี่ยวข้อง"),
            label=_("หน่วยงาน"),
            help_text=_("เลือกจากทะเบียนหน่วยงาน แสดงเฉพาะหน่วยงานที่เผยแพร่แล้วและเปิดเผยต่อสาธารณะ"),
        ),
    ]
    search_fields = [
        *SitePage.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]
    thai_search_text_fields = ("intro", "body")
    search_date_field = "date"

    parent_page_types = ["home.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("ข่าว")
        verbose_name_plural = _("ข่าว")

    def get_summary(self) -> str:
        return self.intro

    def get_og_image(self):
        return self.social_image or self.image

    def get_context(self, request, *args, **kwargs):
        from home import selectors

        context = super().get_context(request, *args, **kwargs)
        context["related_agencies"] = selectors.related_agency_cards(page=self, request=request)
        context["news_index"] = self.get_parent()
        return context


class NewsPageRelatedAgency(PageAgency):
    """An agency from the registry that a news post concerns; shown only while it is public."""

    page = ParentalKey(NewsPage, on_delete=models.CASCADE, related_name="related_agencies")

    class Meta(PageAgency.Meta):
        verbose_name = _("หน่วยงานที่เกี่ยวข้อง")
        verbose_name_plural = _("หน่วยงานที่เกี่ยวข้อง")
