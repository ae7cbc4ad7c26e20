"""Accountability for reading internal contact details (public data rule, PDPA)."""

from coordination.cards import AgencyCard
from coordination.models import Agency, InternalViewLog, Visibility

# Contact fields that a staff card may show although the public never sees them.
_CONTACT_FIELDS = ("phone", "email", "mobile", "line_id", "home_address")


def internal_view_log_record(*, agency: Agency, user, path: str) -> InternalViewLog:
    """Record that `user` read the internal view of `agency` at `path`."""
    return InternalViewLog.objects.create(
        agency=agency, agency_name=agency.name_th[:255], user=user, path=path[:255]
    )


def card_shows_internal_details(card: AgencyCard) -> bool:
    """Whether a staff card shows something its public card does not: an internal-only agency,
    an internal phone, or a contact person's internal detail."""
    if card.visibility != Visibility.PUBLIC:
        return True
    if any(not phone.is_public for phone in card.phones):
        return True
    return any(
        contact.is_private_person
        or any(getattr(contact, name) for name in _CONTACT_FIELDS if name in contact.hidden_fields)
        for contact in card.contacts
    )


def internal_view_log_listing(*, cards: list[AgencyCard], user, path: str) -> int:
    """Record that `user` read a page of the staff directory at `path`: one row for each agency
    whose internal details the page showed, written in one query. Returns the number of rows."""
    rows = [
        InternalViewLog(
            agency_id=card.pk, agency_name=card.name_th[:255], user=user, path=path[:255]
        )
        for card in cards
        if card.pk is not None and card_shows_internal_details(card)
    ]
    InternalViewLog.objects.bulk_create(rows)
    return len(rows)
