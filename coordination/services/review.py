"""Keeping the registry current (manual step 5.6): verifying records and assigning who keeps them.

Both change bookkeeping of the live record, never its public data, so neither goes through the
approval workflow: each is recorded in the record's history (a simple-history row with the
reason, and an audit-log entry that the timeline shows).
"""

from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from coordination.models import Agency

VERIFY_LOG_ACTION = "coordination.verify"
ASSIGN_LOG_ACTION = "coordination.assign_officer"


def verify_change_reason() -> str:
    return _("ยืนยันข้อมูลถูกต้อง")


def agencies_verify(
    agencies: Iterable[Agency], *, user, note: str = "", now=None, reason: str = ""
) -> int:
    """Record that `user` checked each agency's data and found it correct, as of `now`.

    Returns how many agencies were verified. One history row and one log entry per agency.
    `reason` replaces the history's change reason (the agency's own confirmation names who).
    """
    now = now or timezone.now()
    count = 0
    with transaction.atomic():
        for agency in agencies:
            agency.last_verified_at = now
            agency.last_verified_by = user
            agency._change_reason = reason or verify_change_reason()
            agency.save(update_fields=["last_verified_at", "last_verified_by"])
            log(
                instance=agency,
                action=VERIFY_LOG_ACTION,
                user=user,
                data={"note": note, "due": agency.review_due_at.isoformat()},
            )
            count += 1
    return count


def agencies_assign_officer(agencies: Iterable[Agency], *, officer, user) -> int:
    """Make `officer` responsible for each agency; returns how many changed hands."""
    count = 0
    with transaction.atomic():
        for agency in agencies:
            if agency.responsible_officer_id == getattr(officer, "pk", None):
                continue
            previous = agency.responsible_officer_id
            agency.responsible_officer = officer
            agency._change_reason = _("มอบหมายเจ้าหน้าที่ผู้รับผิดชอบ")
            agency.save(update_fields=["responsible_officer"])
            log(
                instance=agency,
                action=ASSIGN_LOG_ACTION,
                user=user,
                data={"officer": getattr(officer, "pk", None), "previous": previous},
            )
            count += 1
    return count
