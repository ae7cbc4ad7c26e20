"""Admin date pickers that show the Buddhist Era date beside the Gregorian one they edit.

Wagtail's pickers write and show Gregorian (CE) years, while every listing and public page shows
Buddhist Era dates. The hint under each picker reads "ตรงกับ 24 พฤศจิกายน พ.ศ. 2569", rendered
by `thai_date()` on the server and kept current by a small script as the value changes.
Wagtail's "schedule publishing" dialog builds its own pickers, so it has a panel of its own here.
"""

import json
from datetime import datetime

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, PublishingPanel
from wagtail.admin.widgets import AdminDateInput, AdminDateTimeInput

from coordination.thai_dates import BE_OFFSET, ERA, THAI_MONTHS, TIME_OF_DAY, thai_date

SCRIPT = "coordination/js/buddhist-era-dates.js"


class BuddhistEraHintMixin:
    """Renders the picker, then the Buddhist Era hint the script updates."""

    template_name = "coordination/widgets/buddhist_era_date_input.html"
    picker_template_name = ""
    with_time = False

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        widget = context["widget"]
        widget["picker_template_name"] = self.picker_template_name
        widget["buddhist_era"] = self.buddhist_era(widget["value"])
        widget["buddhist_era_config"] = json.dumps(
            {
                "format": self.format,
                "prefix": str(_("ตรงกับ")),
                "months": THAI_MONTHS,
                "era": ERA,
                "offset": BE_OFFSET,
                "time": TIME_OF_DAY if self.with_time else "",
            },
            ensure_ascii=False,
        )
        return context

    def buddhist_era(self, value) -> str:
        """The hint for a value as the picker shows it ("2026-11-24"), or "" if it is no date."""
        try:
            moment = datetime.strptime((value or "").strip(), self.format)
        except ValueError:
            return ""
        text = thai_date(moment, with_time=self.with_time, with_era=True)
        return f"{_('ตรงกับ')} {text}"

    @property
    def media(self):
        return super().media + forms.Media(js=[SCRIPT])


class BuddhistEraDateInput(BuddhistEraHintMixin, AdminDateInput):
    picker_template_name = AdminDateInput.template_name


class BuddhistEraDateTimeInput(BuddhistEraHintMixin, AdminDateTimeInput):
    picker_template_name = AdminDateTimeInput.template_name
    with_time = True


class BuddhistEraPublishingPanel(PublishingPanel):
    """Wagtail's "schedule publishing" dialog (go-live and expiry dates) with the Buddhist Era
    under both pickers. Wagtail gives that panel its own pickers, so the form-field override that
    every other date field gets (home/apps.py) does not reach them."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.children = [_with_buddhist_era(child) for child in self.children]


def _with_buddhist_era(panel):
    widget = getattr(panel, "widget", None)
    if not isinstance(widget, AdminDateTimeInput) or isinstance(widget, BuddhistEraHintMixin):
        return panel
    return FieldPanel(
        panel.field_name,
        widget=BuddhistEraDateTimeInput(
            attrs=widget.attrs, js_overlay_parent_selector=widget.js_overlay_parent_selector
        ),
    )


def buddhist_era_settings_panels(panels) -> list:
    """A page type's settings panels (Wagtail's `Page.settings_panels`) with the Buddhist Era
    publishing panel in place of Wagtail's."""
    return [
        BuddhistEraPublishingPanel() if _is_publishing_panel(panel) else panel for panel in panels
    ]


def _is_publishing_panel(panel) -> bool:
    # Page declares its panels as placeholders that name the panel class (wagtail.models.panels).
    return isinstance(panel, PublishingPanel) or getattr(panel, "path", "").endswith(
        ".PublishingPanel"
    )
