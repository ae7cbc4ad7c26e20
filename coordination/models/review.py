"""Reminders of the review cycle (manual step 5.6) already sent."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ReviewReminder(models.Model):
    """One officer's review digest of one day (the office's date, Asia/Bangkok).

    `remind_reviews` creates the row before it sends, in the same transaction, and the unique
    constraint makes a second run of that day (or a concurrent one) find it and send nothing.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("เจ้าหน้าที่"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    sent_on = models.DateField(_("วันที่ส่ง"))
    overdue = models.PositiveIntegerField(_("เลยกำหนด"), default=0)
    due_soon = models.PositiveIntegerField(_("ครบกำหนดภายใน 30 วัน"), default=0)

    class Meta:
        verbose_name = _("การแจ้งเตือนทบทวนข้อมูล")
        verbose_name_plural = _("การแจ้งเตือนทบทวนข้อมูล")
        # The supervisors' part of the review cycle (reassigning officers, office-wide counts,
        # the overdue report); granted to the chain of command by migration 0012.
        permissions = [("supervise_review", _("ดูแลการทบทวนข้อมูลของทั้งสำนักงาน"))]
        constraints = [
            models.UniqueConstraint(fields=["user", "sent_on"], name="review_reminder_once_a_day")
        ]

    def __str__(self):
        return f"{self.user} {self.sent_on}"
