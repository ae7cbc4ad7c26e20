"""A log of who read internal contact details (public data rule, PDPA accountability)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class InternalViewLog(models.Model):
    """One staff member's view of an agency's internal contact details."""

    agency = models.ForeignKey(
        "coordination.Agency",
        verbose_name=_("หน่วยงาน"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    agency_name = models.CharField(_("ชื่อหน่วยงาน"), max_length=255)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("ผู้เปิดดู"), on_delete=models.PROTECT
    )
    viewed_at = models.DateTimeField(_("เวลา"), auto_now_add=True, db_index=True)
    path = models.CharField(_("หน้าที่เปิด"), max_length=255)

    class Meta:
        ordering = ["-viewed_at"]
        verbose_name = _("บันทึกการเปิดดูข้อมูลภายใน")
        verbose_name_plural = _("บันทึกการเปิดดูข้อมูลภายใน")

    def __str__(self):
        return f"{self.user} → {self.agency_name}"
