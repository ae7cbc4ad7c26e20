"""Public reports that an agency's data is wrong ("แจ้งแก้ไขข้อมูล"): tasks, never data.

A report goes to the agency's responsible officer (listed in the admin, counted on their
dashboard, and e-mailed to them when the setting COORDINATION_REPORT_NOTIFY is on, the default).
The reporter's contact details are personal data (PDPA): used only to follow the report up, and
erased when the report is closed.
"""

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from coordination.display import person_name
from coordination.mail import notification_send
from coordination.models import Agency, CorrectionReport, CorrectionReportStatus


def correction_report_notify_enabled() -> bool:
    return getattr(settings, "COORDINATION_REPORT_NOTIFY", True)


def _notify(report: CorrectionReport) -> None:
    officer = report.officer
    names = {
        "officer": person_name(officer),
        "agency": report.agency.name_th,
        "field": report.field_label,
        "url": settings.WAGTAILADMIN_BASE_URL.rstrip("/")
        + reverse("correction_reports:edit", args=[report.pk]),
    }
    subject = _("มีผู้แจ้งแก้ไขข้อมูลหน่วยงาน: %(agency)s") % names
    body = "\n\n".join(
        [
            _("เรียน %(officer)s") % names,
            _("มีผู้แจ้งว่าข้อมูล “%(field)s” ของ%(agency)s บนเว็บไซต์ไม่ถูกต้อง") % names,
            report.text,
            _("ดูรายละเอียดและบันทึกการดำเนินการได้ที่: %(url)s") % names,
        ]
    )
    notification_send(subject=subject, body=body, to=[officer.email])


def correction_report_create(
    *,
    agency: Agency,
    field: str,
    field_label: str,
    text: str,
    contact_name: str = "",
    contact_email: str = "",
    contact_phone: str = "",
    now=None,
) -> CorrectionReport:
    """Record a report for `agency`'s responsible officer; changes nothing of the agency."""
    report = CorrectionReport.objects.create(
        agency=agency,
        field=field,
        field_label=field_label,
        text=text,
        contact_name=contact_name,
        contact_email=contact_email,
        contact_phone=contact_phone,
        created_at=now or timezone.now(),
        officer_id=agency.responsible_officer_id,
    )
    officer = report.officer
    if officer is not None and officer.email and correction_report_notify_enabled():
        transaction.on_commit(lambda: _notify(report))
    return report


def correction_report_close(report: CorrectionReport, *, user, now=None) -> None:
    """Mark a report handled and erase the reporter's contact details (kept no longer than
    needed, as the form's privacy notice says)."""
    report.status = CorrectionReportStatus.DONE
    report.handled_by = user
    report.handled_at = now or timezone.now()
    report.contact_name = report.contact_email = report.contact_phone = ""
    report.save()
