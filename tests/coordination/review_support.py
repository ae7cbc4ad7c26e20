"""Shared set-up of the review-cycle tests: a fixed office clock and agencies due at a chosen
moment relative to it."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from tests.factories import AgencyFactory

BANGKOK = ZoneInfo("Asia/Bangkok")
# Any moment will do: every expectation is derived from it.
NOW = datetime(2027, 3, 15, 10, 0, tzinfo=BANGKOK)
INTERVAL = 365


def agency_due(days: float, *, now=NOW, **kwargs):
    """An agency whose review falls due `days` after `now` (negative: overdue), by its own
    yearly interval and a verification that long ago."""
    kwargs.setdefault("review_interval_days", INTERVAL)
    kwargs.setdefault("last_verified_at", now - timedelta(days=INTERVAL) + timedelta(days=days))
    agency = AgencyFactory(**kwargs)
    assert agency.review_due_at == now + timedelta(days=days)
    return agency
