"""Contact persons (ผู้ประสานงาน) of an agency, with per-field visibility under the PDPA."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.models import Orderable

from coordination.choices import ContactRole
from coordination.history import LiveDataHistory, contact_is_live
from coordination.models.text import TextCleaningMixin
from coordination.phones import phone_clean_fields


class Contact(TextCleaningMixin, Orderable):
    """A person to contact at an agency.

    Office phone and e-mail are public by default; a personal mobile, LINE id and home address
    stay internal unless marked public. A private person's data is public only with recorded
    consent (PDPA).
    """

    agency = ParentalKey("coordination.Agency", related_name="contacts", on_delete=models.CASCADE)
    name = models.CharField(_("ชื่อ-นามสกุล"), max_length=160)
    position = models.CharField(_("ตำแหน่ง"), max_length=160, blank=True)
    role = models.CharField(
        _("บทบาท"), max_length=20, choices=ContactRole.choices, default=ContactRole.COORDINATOR
    )
    phone = models.CharField(_("โทรศัพท์ที่ทำงาน"), max_length=40, blank=True)
    email = models.EmailField(_("อีเมลที่ทำงาน"), blank=True)
    mobile = models.CharField(_("โทรศัพท์มือถือส่วนตัว"), max_length=40, blank=True)
    line_id = models.CharField(_("LINE ID"), max_length=60, blank=True)
    home_address = models.TextField(_("ที่อยู่บ้าน"), blank=True, help_text=_("ใช้ภายในเท่านั้น ไม่เผยแพร่"))
    period_from = models.DateField(_("ดำรงตำแหน่งตั้งแต่"), null=True, blank=True)
    period_until = models.DateField(_("ถึง"), null=True, blank=True)

    phone_public = models.BooleanField(_("เผยแพร่โทรศัพท์ที่ทำงาน"), default=True)
    email_public = models.BooleanField(_("เผยแพร่อีเมลที่ทำงาน"), default=True)
    mobile_public = models.BooleanField(_("เผยแพร่มือถือส่วนตัว"), default=False)
    line_public = models.BooleanField(_("เผยแพร่ LINE ID"), default=False)

    is_private_person = models.BooleanField(
        _("เป็นบุคคลทั่วไป (ไม่ใช่เจ้าหน้าที่รัฐ)"),
        default=False,
        help_text=_("ข้อมูลของบุคคลทั่วไปจะเผยแพร่ได้เมื่อบันทึกความยินยอมแล้วเท่านั้น"),
    )
    consent_recorded_at = models.DateField(_("วันที่ได้รับความยินยอม"), null=True, blank=True)
    consent_note = models.CharField(
        _("หลักฐานความยินยอม"),
        max_length=255,
        blank=True,
        help_text=_("เช่น เลขที่หนังสือยินยอม หรือวิธีที่ได้รับความยินยอม"),
    )

    history = LiveDataHistory(verbose_name=_("ประวัติผู้ประสานงาน"), is_live=contact_is_live)

    class Meta(Orderable.Meta):
        verbose_name = _("ผู้ประสานงาน")
        verbose_name_plural = _("ผู้ประสานงาน")

    def __str__(self):
        return f"{self.name} ({self.position})" if self.position else self.name

    @property
    def has_consent(self) -> bool:
        return self.consent_recorded_at is not None

    @property
    def is_current(self) -> bool:

        return self.period_until is None or self.period_until >= timezone.localdate()

    def clean(self):
        super().clean()
        phone_clean_fields(self, "phone", "mobile")
        if self.period_from and self.period_until and self.period_until < self.period_from:
            raise ValidationError({"period_until": _("วันสิ้นสุดต้องไม่ก่อนวันเริ่มดำรงตำแหน่ง")})
        wants_public = self.phone_public or self.email_public or self.mobile_public
        wants_public = wants_public or self.line_public
        if self.is_private_person and wants_public and not self.has_consent:
            raise ValidationError(
                {
                    "consent_recorded_at": _(
                        "บุคคลทั่วไปต้องบันทึกวันที่ได้รับความยินยอมก่อนเผยแพร่ข้อมูลติดต่อ หรือยกเลิกการเผยแพร่ทุกช่อง"
                    )
                }
            )
