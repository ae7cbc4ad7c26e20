"""Accountability for reading internal contact details (public data rule, PDPA)."""

from coordination.models import Agency, InternalViewLog


def internal_view_log_record(*, agency: Agency, user, path: str) -> InternalViewLog:
    """Record that `user` read the internal view of `agency` at `path`."""
    return InternalViewLog.objects.create(
        agency=agency, agency_name=agency.name_th[:255], user=user, path=path[:255]
    )
