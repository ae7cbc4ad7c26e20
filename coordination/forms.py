"""Admin forms of the registry: cascading address pickers and the duplicate warning."""

import re
from datetime import datetime

from django import forms
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.rich_text import DraftailRichTextArea

from coordination import geo
from coordination.display import person_name
from coordination.selectors.registry import agency_name_matches
from coordination.text import rich_text_is_blank, text_without_controls


class AddressSelect(forms.Select):
    """A select the address picker script refills when its parent level changes."""

    def __init__(self, level: str, attrs=None):
        attrs = {**(attrs or {}), "data-address-level": level}
        super().__init__(attrs=attrs)


class AgencyAdminForm(WagtailAdminModelForm):
    """Edits an agency; address selects cascade (province → district → subdistrict → postcode)."""

    confirm_not_duplicate = forms.BooleanField(
        required=False,
        label=gettext_lazy("ยืนยันว่าไม่ใช่หน่วยงานเดียวกับที่มีอยู่แล้ว"),
        help_text=gettext_lazy("ติ๊กเมื่อระบบเตือนว่าชื่อซ้ำ แต่เป็นหน่วยงานคนละแห่งจริง"),
    )

    class Media:
        js = ["coordination/js/address-picker.js", "coordination/js/slug-from-name.js"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        data = self.data if self.is_bound else {}

        def current(name):
            value = data.get(self.add_prefix(name)) if self.is_bound else None
            return value if value is not None else getattr(self.instance, name, "")

        if "slug" in self.fields and "name_th" in self.fields:
            # Filled in from the Thai name as the officer types (slug-from-name.js).
            self.fields["slug"].widget.attrs.update(
                {
                    "data-slug-suggest-url": reverse("coordination_admin:agency_slug"),
                    "data-slug-source": self["name_th"].auto_id,
                    "data-slug-agency": self.instance.pk or "",
                }
            )

        for field in self.fields.values():
            if isinstance(field.widget, DraftailRichTextArea):
                _blank_rich_text_is_unchanged(field)

        empty = [("", "---------")]
        province, district = current("province_code"), current("district_code")
        if "province_code" in self.fields:
            field = self.fields["province_code"]
            field.widget = AddressSelect("province", attrs={"data-geo-url": geo_url()})
            field.widget.choices = empty + geo.province_choices()
        if "district_code" in self.fields:
            self.fields["district_code"].widget = AddressSelect("district")
            self.fields["district_code"].widget.choices = empty + geo.district_choices(province)
        if "subdistrict_code" in self.fields:
            self.fields["subdistrict_code"].widget = AddressSelect("subdistrict")
            self.fields["subdistrict_code"].widget.choices = empty + geo.subdistrict_choices(
                district
            )
        if "postcode" in self.fields:
            self.fields["postcode"].widget.attrs.update(
                {"data-address-level": "postcode", "inputmode": "numeric", "maxlength": "5"}
            )
        if "last_verified_by" in self.fields:
            # People are listed by their names, not their logins.
            self.fields["last_verified_by"].label_from_instance = person_name

    @cached_property
    def changed_data(self):
        """Fields the person really changed.

        Two round-trips of the editor are not changes: rich text gains fresh Draftail block keys,
        and date-times lose their seconds in the minute-precision widget. Counting them would make
        every approval from the edit view a "change" and restart the approval workflow
        (WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT).
        """
        return [name for name in super().changed_data if not self._same_after_round_trip(name)]

    def _same_after_round_trip(self, name: str) -> bool:
        field = self.fields[name]
        initial = self.get_initial_for_field(field, name)
        try:
            submitted = field.clean(
                field.widget.value_from_datadict(self.data, self.files, self.add_prefix(name))
            )
        except forms.ValidationError:
            return False
        if isinstance(initial, datetime) and isinstance(submitted, datetime):
            return initial.replace(second=0, microsecond=0) == submitted.replace(
                second=0, microsecond=0
            )
        if isinstance(initial, str) and isinstance(submitted, str) and "<" in initial + submitted:
            return _without_block_keys(initial) == _without_block_keys(submitted)
        return False

    def clean(self):
        cleaned = super().clean()
        is_new = self.instance.pk is None
        if is_new and not cleaned.get("confirm_not_duplicate"):
            # The instance is cleaned (control characters stripped) only after this check.
            probe = self.instance.__class__(
                **{
                    name: text_without_controls(cleaned.get(name) or "")
                    for name in ("name_th", "name_en", "short_name")
                }
            )
            matches = agency_name_matches(agency=probe)
            if matches:
                names = format_html_join(", ", "“{}”", ((m.name_th,) for m in matches))
                self.add_error(
                    "name_th",
                    mark_safe(
                        _(
                            "มีหน่วยงานชื่อนี้อยู่แล้ว: %(names)s — ถ้าเป็นคนละหน่วยงาน "
                            "ให้ติ๊ก “ยืนยันว่าไม่ใช่หน่วยงานเดียวกับที่มีอยู่แล้ว” แล้วบันทึกอีกครั้ง"
                        )
                        % {"names": names}
                    ),
                )
        return cleaned


def geo_url() -> str:

    return reverse("coordination_admin:address_reference")


_BLOCK_KEY = re.compile(r'\s+data-block-key="[^"]*"')


def _without_block_keys(html: str) -> str:
    return _BLOCK_KEY.sub("", html or "").strip()


def _blank_rich_text_is_unchanged(field) -> None:
    """An empty rich text box writes back an empty paragraph as soon as the editor wakes up (a
    click or a focus is enough). That is no change: counting it as one would add a revision
    when a supervisor approves from the editor, which voids the approval just given
    (WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT) and sends the agency back to the first step."""
    has_changed = field.has_changed

    def blank_aware_has_changed(initial, data):
        if rich_text_is_blank(initial) and rich_text_is_blank(data):
            return False
        return has_changed(initial, data)

    field.has_changed = blank_aware_has_changed
