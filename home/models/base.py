"""What every page of the office website shares: sharing metadata and search fields."""

from django.db import models
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Orderable, Page
from wagtail.search import index

from coordination.models.text import TextCleaningMixin
from coordination.search.indexing import ThaiSearchablePage, thai_page_search_fields
from coordination.widgets import buddhist_era_settings_panels


class SitePage(TextCleaningMixin, ThaiSearchablePage, Page):
    """A page of the office website.

    `social_image` and `search_description` feed the Open Graph and Twitter tags, so that links
    shared on Facebook and LINE show a title, a description and a picture.
    """

    social_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("ภาพสำหรับแชร์ลิงก์"),
        help_text=_("ภาพที่แสดงเมื่อแชร์ลิงก์ทาง Facebook หรือ LINE (แนะนำ 1200×630 พิกเซล)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    promote_panels = [
        *Page.promote_panels,
        MultiFieldPanel([FieldPanel("social_image")], heading=_("การแชร์ลิงก์")),
    ]
    settings_panels = buddhist_era_settings_panels(Page.settings_panels)
    # Thai has no spaces between words: segmented copies of the title and of
    # `thai_search_text_fields` are indexed too (coordination.search).
    search_fields = [
        *Page.search_fields,
        index.SearchField("search_description"),
        *thai_page_search_fields(),
    ]

    class Meta:
        abstract = True

    def get_summary(self) -> str:
        """A plain-text sentence or two about the page, for listings and link previews."""
        return ""

    def get_og_description(self) -> str:
        text = self.search_description or self.get_summary()
        return Truncator(strip_tags(text or "")).chars(200)

    def get_og_image(self):
        return self.social_image


class PageAgency(Orderable):
    """An agency from the registry chosen on a page (featured, related); the page shows it only
    while it is public (coordination's public data rule). Subclasses add the `page` key."""

    agency = models.ForeignKey(
        "coordination.Agency",
        verbose_name=_("หน่วยงาน"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("agency")]

    class Meta(Orderable.Meta):
        abstract = True
