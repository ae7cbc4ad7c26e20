"""Per-site settings editors control: the office's contact details and the navigation menus."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Orderable

from coordination.models.text import TextCleaningMixin
from coordination.phones import phone_clean_fields, phone_tel_uri


@register_setting(icon="site")
class OfficeSettings(TextCleaningMixin, BaseSiteSetting):
    """The office's own contact details (ITA O4) and social channels, shown in every footer."""

    select_related = ["complaint_page"]

    office_name = models.CharField(
        _("ชื่อสำนักงาน"),
        max_length=255,
        default="สำนักงานเขตพื้นที่การศึกษาประถมศึกษาอุทัยธานี เขต 1",
    )
    short_name = models.CharField(_("ชื่อย่อ"), max_length=60, blank=True, default="สพป.อุทัยธานี เขต 1")
    address = models.TextField(_("ที่อยู่"), blank=True)
    phone = models.CharField(_("โทรศัพท์"), max_length=60, blank=True)
    fax = models.CharField(_("โทรสาร"), max_length=60, blank=True)
    email = models.EmailField(_("อีเมล"), blank=True)
    email_saraban = models.EmailField(_("อีเมลสารบรรณ"), blank=True)
    office_hours = models.CharField(
        _("เวลาทำการ"), max_length=255, blank=True, default="จันทร์–ศุกร์ 08.30–16.30 น."
    )
    map_url = models.URLField(_("ลิงก์แผนที่"), blank=True)
    facebook_url = models.URLField(_("Facebook Page"), blank=True)
    line_oa_url = models.URLField(_("LINE Official Account"), blank=True)
    complaint_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("หน้าช่องทางร้องเรียน/แจ้งเบาะแส"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    complaint_url = models.URLField(
        _("หรือลิงก์ช่องทางร้องเรียนภายนอก"),
        blank=True,
        help_text=_("ใช้เมื่อรับเรื่องร้องเรียนผ่านระบบภายนอก (ITA)"),
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("office_name"), FieldPanel("short_name"), FieldPanel("address")],
            heading=_("สำนักงาน"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("phone"),
                FieldPanel("fax"),
                FieldPanel("email"),
                FieldPanel("email_saraban"),
                FieldPanel("office_hours"),
                FieldPanel("map_url"),
            ],
            heading=_("การติดต่อ"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("facebook_url"),
                FieldPanel("line_oa_url"),
                FieldPanel("complaint_page"),
                FieldPanel("complaint_url"),
            ],
            heading=_("ช่องทางออนไลน์"),
        ),
    ]

    class Meta:
        verbose_name = _("ข้อมูลติดต่อสำนักงาน")
        verbose_name_plural = _("ข้อมูลติดต่อสำนักงาน")

    def clean(self):
        super().clean()
        phone_clean_fields(self, "phone", "fax")

    @property
    def phone_uri(self) -> str:
        return phone_tel_uri(self.phone) if self.phone else ""

    @property
    def complaint_link(self) -> str:
        if self.complaint_page_id and self.complaint_page.live:
            return self.complaint_page.url
        return self.complaint_url


@register_setting(icon="list-ul")
class NavigationSettings(ClusterableModel, BaseSiteSetting):
    """The header and footer menus, in the order editors give them."""

    panels = [
        InlinePanel("header_links", heading=_("เมนูหลัก (ส่วนหัว)"), label=_("ลิงก์")),
        InlinePanel("footer_links", heading=_("ลิงก์ส่วนท้าย"), label=_("ลิงก์")),
    ]

    class Meta:
        verbose_name = _("เมนูนำทาง")
        verbose_name_plural = _("เมนูนำทาง")


class MenuLink(TextCleaningMixin, Orderable):
    """A link to a page of the site or to an outside address."""

    link_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("หน้าในเว็บไซต์"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    link_url = models.CharField(
        _("หรือลิงก์ภายนอก"),
        max_length=500,
        blank=True,
        help_text=_("ใช้เมื่อไม่ได้เลือกหน้าในเว็บไซต์ เช่น https://www.obec.go.th"),
    )
    link_text = models.CharField(
        _("ข้อความลิงก์"),
        max_length=100,
        blank=True,
        help_text=_("เว้นว่างเพื่อใช้ชื่อหน้า"),
    )

    panels = [FieldPanel("link_page"), FieldPanel("link_url"), FieldPanel("link_text")]

    class Meta(Orderable.Meta):
        abstract = True

    def clean(self):
        super().clean()
        if not self.link_page_id and not self.link_url:
            raise ValidationError(_("กรุณาเลือกหน้าในเว็บไซต์หรือใส่ลิงก์ภายนอก"))
        if not self.link_page_id and not self.link_text:
            raise ValidationError({"link_text": _("ลิงก์ภายนอกต้องมีข้อความลิงก์")})

    def __str__(self):
        return self.link_text or (self.link_page.title if self.link_page_id else self.link_url)


class HeaderMenuLink(MenuLink):
    setting = ParentalKey(NavigationSettings, on_delete=models.CASCADE, related_name="header_links")

    class Meta(MenuLink.Meta):
        verbose_name = _("ลิงก์เมนูหลัก")
        verbose_name_plural = _("ลิงก์เมนูหลัก")


class FooterMenuLink(MenuLink):
    setting = ParentalKey(NavigationSettings, on_delete=models.CASCADE, related_name="footer_links")

    class Meta(MenuLink.Meta):
        verbose_name = _("ลิงก์ส่วนท้าย")
        verbose_name_plural = _("ลิงก์ส่วนท้าย")
