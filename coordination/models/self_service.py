"""Agencies keeping their own data current (manual step 5.6): confirmation links and reports.

A `ConfirmationRequest` is one link an officer sent to an agency ("ขอให้หน่วยงานยืนยันข้อมูล"):
only the hash of its token is stored, so the database alone cannot open it. A `CorrectionReport`
is what anyone sent from a public agency page ("แจ้งแก้ไขข้อมูล"): a task for the agency's
responsible officer, never data.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from coordination.models.text import TextCleaningMixin


class ConfirmationOutcome(models.TextChoices):
    CONFIRMED = "confirmed", _("ยืนยันว่าข้อมูลถูกต้อง")
    CORRECTED = "corrected", _("ส่งข้อมูลแก้ไข")


class ConfirmationLinkState(models.TextChoices):
    """What a link is now (computed, not stored: expiry depends on the time asked)."""

    ACTIVE = "active", _("รอหน่วยงานตอบ")
    USED = "used", _("ใช้แล้ว")
    EXPIRED = "expired", _("หมดอายุ")
    REVOKED = "revoked", _("ยกเลิกแล้ว")


class ConfirmationRequest(TextCleaningMixin, models.Model):
    """คำขอให้หน่วยงานยืนยันข้อมูล: a single-use link, valid for one agency for 30 days."""

    agency = models.ForeignKey(
        "coordination.Agency",
        verbose_name=_("หน่วยงาน"),
        on_delete=models.CASCADE,
        related_name="confirmation_requests",
    )
    email = models.EmailField(_("ส่งถึงอีเมล"))
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ส่งโดย"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("ส่งเมื่อ"), db_index=True)
    expires_at = models.DateTimeField(_("หมดอายุเมื่อ"))
    used_at = models.DateTimeField(_("ตอบเมื่อ"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("ยกเลิกเมื่อ"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ยกเลิกโดย"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    outcome = models.CharField(
        _("ผลการตอบ"), max_length=10, choices=ConfirmationOutcome.choices, blank=True
    )
    respondent_name = models.CharField(_("ผู้ตอบ"), max_length=160, blank=True)
    respondent_position = models.CharField(_("ตำแหน่งผู้ตอบ"), max_length=160, blank=True)
    # The draft the agency's corrections became (for the officers' diff and for crediting the
    # verification when it is published).
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        verbose_name=_("ฉบับร่างที่ส่งมา"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("ลิงก์ยืนยันข้อมูล")
        verbose_name_plural = _("ลิงก์ยืนยันข้อมูล")

    def __str__(self):
        return f"{self.agency} → {self.email}"

    def state_at(self, now) -> str:
        if self.revoked_at is not None:
            return ConfirmationLinkState.REVOKED
        if self.used_at is not None:
            return ConfirmationLinkState.USED
        if self.expires_at <= now:
            return ConfirmationLinkState.EXPIRED
        return ConfirmationLinkState.ACTIVE


class CorrectionReportStatus(models.TextChoices):
    OPEN = "open", _("รอดำเนินการ")
    DONE = "done", _("ดำเนินการแล้ว")


class CorrectionReport(TextCleaningMixin, models.Model):
    """แจ้งแก้ไขข้อมูล: someone's note that an agency's public data is wrong.

    The contact details are personal data (PDPA): used only to follow the report up, never
    published, and erased when the report is closed (`correction_report_close`).
    """

    agency = models.ForeignKey(
        "coordination.Agency",
        verbose_name=_("หน่วยงาน"),
        on_delete=models.CASCADE,
        related_name="correction_reports",
    )
    field = models.CharField(_("ข้อมูลที่ต้องแก้ไข"), max_length=60)
    field_label = models.CharField(_("ข้อมูลที่ต้องแก้ไข"), max_length=120)
    text = models.TextField(_("รายละเอียด"))
    contact_name = models.CharField(_("ชื่อผู้แจ้ง"), max_length=160, blank=True)
    contact_email = models.EmailField(_("อีเมลผู้แจ้ง"), blank=True)
    contact_phone = models.CharField(_("โทรศัพท์ผู้แจ้ง"), max_length=40, blank=True)
    created_at = models.DateTimeField(_("แจ้งเมื่อ"), db_index=True)
    status = models.CharField(
        _("สถานะ"),
        max_length=10,
        choices=CorrectionReportStatus.choices,
        default=CorrectionReportStatus.OPEN,
        db_index=True,
    )
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("เจ้าหน้าที่ผู้รับผิดชอบ"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ดำเนินการโดย"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    handled_at = models.DateTimeField(_("ดำเนินการเมื่อ"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("การแจ้งแก้ไขข้อมูล")
        verbose_name_plural = _("การแจ้งแก้ไขข้อมูล")
        indexes = [models.Index(fields=["officer", "status"], name="report_officer_status")]

    def __str__(self):
        return f"{self.agency}: {self.field_label}"
