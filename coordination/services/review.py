"""Keeping the registry current (manual step 5.6): verifying records and assigning who keeps them.

Both change bookkeeping of the live record, never its public data, so neither goes through the
approval workflow: each is recorded in the record's history (a simple-history row with the
reason, and an audit-log entry that the timeline shows).
"""

from collections.abc import Iterable
from datetime import date, timedelta

from django.db import IntegrityError, transaction
from django.db.models import DateTimeField, ExpressionWrapper, F, Value
from django.db.models.functions import Coalesce
from django.dispatch import Signal
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from coordination.models import Agency, AgencyCategory, ReviewReminder

VERIFY_LOG_ACTION = "coordination.verify"
ASSIGN_LOG_ACTION = "coordination.assign_officer"

# Sent (with `agencies`) once verified agencies are saved: the public pages show the date of
# the last check, so the page cache purges them (coordination.cache), as on a publish.
agencies_verified = Signal()


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
    verified: list[Agency] = []
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
            verified.append(agency)
        transaction.on_commit(lambda: agencies_verified.send(sender=Agency, agencies=verified))
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


def category_review_interval_apply(category: AgencyCategory) -> int:
    """The category's review interval changed: move the review date of its agencies that have
    no interval of their own, in one UPDATE (no per-row save, no history row: the due date is
    derived bookkeeping). Returns how many agencies moved."""
    base = Coalesce(F("last_verified_at"), F("created_at"))
    due = ExpressionWrapper(
        base + Value(timedelta(days=category.review_interval_days)),
        output_field=DateTimeField(),
    )
    return Agency.objects.filter(category=category, review_interval_days__isnull=True).update(
        review_due_at=due
    )


def agency_default_officer(agency: Agency, *, user) -> None:
    """A new agency is kept by whoever created it, unless someone is named already."""
    if agency.responsible_officer_id is None and user is not None and user.is_authenticated:
        agency.responsible_officer = user


def review_reminder_claim(*, user, on: date, overdue: int, due_soon: int) -> bool:
    """Record that `user` gets the digest of day `on`; False if someone already did (this run
    or another, concurrent one). Call it inside the transaction that sends the e-mail, so that a
    failed send leaves no record and the next run tries again."""
    try:
        with transaction.atomic():
            ReviewReminder.objects.create(user=user, sent_on=on, overdue=overdue, due_soon=due_soon)
    except IntegrityError:
        return False
    return True
