"""Forms of the agencies' self-service: the confirmation form behind a link, the public
"แจ้งแก้ไขข้อมูล" report, and the officer's choice of where a link goes.

The confirmation form edits the agency's own model (and its phones and contacts) through
modelcluster's ClusterForm, so every rule of the admin runs: the fields' validators, the phone
normaliser (`AgencyPhone.clean`, `Contact.clean`) and the address rules (`Agency.clean`). A
formset's rows can only be the agency's own phones and contacts: an id of any other row is an
invalid choice, so a crafted POST for another agency changes nothing.
"""

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.forms import BaseChildFormSet, ClusterForm

from coordination.models import Agency
from coordination.phones import phone_normalize
from coordination.text import text_without_controls

AGENCY_FIELDS = [
    "name_th",
    "name_en",
    "short_name",
    "house_no",
    "moo",
    "road",
    "postcode",
    "email",
    "email_saraban",
    "website",
    "facebook_url",
    "line_oa",
]
PHONE_FIELDS = ["kind", "number", "label"]
CONTACT_FIELDS = ["name", "position", "phone", "email", "mobile", "line_id"]


def _form_field(model_field, **kwargs):
    # A web address typed without its scheme is taken as https (Django 6's default).
    if isinstance(model_field, models.URLField):
        kwargs["assume_scheme"] = "https"
    return model_field.formfield(**kwargs)


class OwnRowsFormSet(BaseChildFormSet):
    """Rows of one agency only: an id that is not one of this agency's rows (another agency's
    contact, in a crafted POST) is an invalid choice, and the whole form is refused."""

    delete_labels = {
        "agencyphone": _("ลบหมายเลขนี้ (เลิกใช้แล้ว)"),
        "contact": _("ลบผู้ประสานงานคนนี้ (ไม่ได้ทำหน้าที่แล้ว)"),
    }

    def add_fields(self, form, index):
        super().add_fields(form, index)
        if "DELETE" in form.fields:
            form.fields["DELETE"].label = self.delete_labels.get(self.model._meta.model_name, "")
        # Django offers every row of the model as the hidden id's choices; only ours are valid.
        form.fields[self.model._meta.pk.name].queryset = self.get_queryset()

    def clean(self):
        super().clean()
        pk_name = self.model._meta.pk.name
        own = {str(row.pk) for row in self.get_queryset()}
        for form in self.forms:
            submitted = (self.data.get(form.add_prefix(pk_name)) or "").strip()
            if submitted and submitted not in own:
                raise ValidationError(
                    _("แบบฟอร์มมีรายการที่ไม่ใช่ของหน่วยงานนี้ จึงไม่ได้บันทึกข้อมูลใด ๆ"),
                    code="foreign_row",
                )


class AgencySelfServiceForm(ClusterForm):
    """The agency's own data, as the agency may correct it (no visibility, category or codes:
    those are the office's decisions)."""

    class Meta:
        model = Agency
        fields = AGENCY_FIELDS
        formfield_callback = _form_field
        formsets = {
            "phones": {
                "fields": PHONE_FIELDS,
                "extra": 1,
                "can_delete": True,
                "formset": OwnRowsFormSet,
            },
            "contacts": {
                "fields": CONTACT_FIELDS,
                "extra": 1,
                "can_delete": True,
                "formset": OwnRowsFormSet,
            },
        }

    def _update_errors(self, errors):
        # Agency.clean() checks the whole record; a rule about a field this form does not show
        # (the office's data) is reported once, above the form, instead of failing.
        if hasattr(errors, "error_dict"):
            mapped: dict[str, list] = {}
            for name, messages in errors.error_dict.items():
                key = name if name in self.fields else NON_FIELD_ERRORS
                mapped.setdefault(key, []).extend(messages)
            errors = ValidationError(mapped)
        super()._update_errors(errors)

    def has_any_change(self) -> bool:
        return self.has_changed() or any(
            form.has_changed() or (formset.can_delete and formset._should_delete_form(form))
            for formset in self.formsets.values()
            for form in formset.forms
        )

    def error_summary(self) -> list[tuple[str, str, str]]:
        """(field id, label, message) of every error, the form's and its rows', in page order."""
        entries = []
        for message in self.non_field_errors():
            entries.append(("", "", message))
        for name, field_errors in self.errors.items():
            if name == NON_FIELD_ERRORS:
                continue
            for message in field_errors:
                entries.append((self[name].id_for_label, self.fields[name].label, message))
        for formset in self.formsets.values():
            for message in formset.non_form_errors():
                entries.append(("", "", message))
            for number, form in enumerate(formset.forms, start=1):
                for name, field_errors in form.errors.items():
                    for message in field_errors:
                        if (
                            name == NON_FIELD_ERRORS
                            or name not in form.fields
                            or form[name].is_hidden
                        ):
                            entries.append(("", "", message))
                            continue
                        label = f"{form.fields[name].label} ({formset.model._meta.verbose_name} "
                        label += f"{number})"
                        entries.append((form[name].id_for_label, label, message))
        return entries


class RespondentForm(forms.Form):
    """Who answers for the agency: the history names them."""

    prefix = "respondent"

    name = forms.CharField(label=_("ชื่อ-นามสกุลผู้ตอบ"), max_length=160)
    position = forms.CharField(label=_("ตำแหน่ง"), max_length=160, required=False)
    note = forms.CharField(
        label=_("หมายเหตุถึงเจ้าหน้าที่ (ถ้ามี)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("เช่น ที่ตั้งย้ายไปตำบลอื่น หรือข้อมูลที่แบบฟอร์มนี้ไม่มีช่องให้แก้"),
    )

    def clean_name(self):
        return text_without_controls(self.cleaned_data["name"]).strip()


def report_field_choices() -> list[tuple[str, str]]:
    """What a public report may be about: the public fields, by their Thai labels."""
    label = lambda name: str(Agency._meta.get_field(name).verbose_name)  # noqa: E731
    return [
        ("", _("— เลือกข้อมูลที่ไม่ถูกต้อง —")),
        ("name_th", label("name_th")),
        ("short_name", label("short_name")),
        ("address", _("ที่อยู่")),
        ("phones", _("หมายเลขโทรศัพท์")),
        ("email", label("email")),
        ("website", label("website")),
        ("social", _("Facebook / LINE")),
        ("contacts", _("ผู้ประสานงาน")),
        ("mission", label("mission")),
        ("status", _("สถานะ (ปิด/ยุบเลิก/ย้าย)")),
        ("other", _("อื่น ๆ")),
    ]


class CorrectionReportForm(forms.Form):
    """แจ้งแก้ไขข้อมูล from a public agency page. `website` is a spam trap: hidden from people,
    filled by robots; a filled one is accepted silently and stored nowhere."""

    field = forms.ChoiceField(label=_("ข้อมูลที่ไม่ถูกต้อง"), choices=report_field_choices)
    text = forms.CharField(
        label=_("ข้อมูลที่ถูกต้องคือ"),
        max_length=2000,
        error_messages={"required": _("กรุณาระบุข้อมูลที่ถูกต้อง")},
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("เช่น หมายเลขโทรศัพท์ใหม่ หรือชื่อผู้อำนวยการคนปัจจุบัน"),
    )
    contact_name = forms.CharField(label=_("ชื่อของท่าน (ไม่บังคับ)"), max_length=160, required=False)
    contact_email = forms.EmailField(label=_("อีเมลของท่าน (ไม่บังคับ)"), required=False)
    contact_phone = forms.CharField(label=_("โทรศัพท์ของท่าน (ไม่บังคับ)"), max_length=40, required=False)
    website = forms.CharField(
        label=_("เว้นช่องนี้ว่างไว้"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def clean_text(self):
        text = text_without_controls(self.cleaned_data["text"], multiline=True).strip()
        if not text:
            raise ValidationError(_("กรุณาระบุข้อมูลที่ถูกต้อง"), code="required")
        return text

    def clean_contact_name(self):
        return text_without_controls(self.cleaned_data["contact_name"]).strip()

    def clean_contact_phone(self):
        return phone_normalize(self.cleaned_data["contact_phone"])

    @property
    def is_spam(self) -> bool:
        return bool(self.data.get(self.add_prefix("website"), "").strip())

    def error_summary(self) -> list[tuple[str, str, str]]:
        entries = [("", "", message) for message in self.non_field_errors()]
        for name, field_errors in self.errors.items():
            if name in self.fields:
                for message in field_errors:
                    entries.append((self[name].id_for_label, self.fields[name].label, message))
        return entries


class ConfirmationSendForm(forms.Form):
    """The officer chooses where the link goes: the agency's e-mail or a contact's."""

    email = forms.ChoiceField(label=_("ส่งลิงก์ถึง"), widget=forms.RadioSelect)

    def __init__(self, *args, recipients: list[tuple[str, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].choices = recipients
        if recipients:
            self.fields["email"].initial = recipients[0][0]
