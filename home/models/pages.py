"""Pages of the office website."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page


class HomePage(Page):
    """The office's home page: its mission and the way into the directory."""

    intro = RichTextField(_("ภารกิจและบทนำ"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    max_count = 1

    class Meta:
        verbose_name = _("หน้าแรก")

    def __str__(self):
        return self.title


__all__ = ["HomePage", "models"]
