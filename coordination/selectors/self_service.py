"""Reads of the agencies' self-service: where a link may go, and the officers' open tasks."""

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from coordination.models import (
    Agency,
    ConfirmationRequest,
    CorrectionReport,
    CorrectionReportStatus,
)


def confirmation_recipients(agency: Agency) -> list[tuple[str, str]]:
    """The addresses a confirmation link may go to, each once: the agency's own e-mails, then
    its contacts' work e-mails, as (e-mail, label)."""
    choices: list[tuple[str, str]] = []
    seen: set[str] = set()

    def add(email: str, label: str) -> None:
        if email and email.lower() not in seen:
            seen.add(email.lower())
            choices.append((email, f"{label}: {email}"))

    add(agency.email, _("อีเมลทั่วไปของหน่วยงาน"))
    add(agency.email_saraban, _("อีเมลสารบรรณของหน่วยงาน"))
    for contact in agency.contacts.all():
        add(contact.email, str(contact))
    return choices


def correction_reports_open(*, officer) -> QuerySet[CorrectionReport]:
    """Open reports waiting for `officer` (the agencies' responsible officer)."""
    return CorrectionReport.objects.filter(officer=officer, status=CorrectionReportStatus.OPEN)


def correction_reports_open_count(*, officer) -> int:
    return correction_reports_open(officer=officer).count()


def agencies_without_open_link(agencies: QuerySet[Agency], *, now) -> QuerySet[Agency]:
    """`agencies` less those that have a link still waiting for an answer."""
    open_links = ConfirmationRequest.objects.filter(
        revoked_at__isnull=True, used_at__isnull=True, expires_at__gt=now
    )
    return agencies.exclude(pk__in=open_links.values("agency_id"))
