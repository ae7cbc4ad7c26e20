"""Reads of the registry used by the admin and by services."""

from django.db.models import Q, QuerySet

from coordination.models.agency import Agency


def _others(agency) -> QuerySet[Agency]:
    queryset = Agency.objects.all()
    return queryset.exclude(pk=agency.pk) if agency.pk else queryset


def agency_name_matches(*, agency, limit: int = 5) -> list[Agency]:
    """Agencies whose Thai or English name or short name equals this one's, ignoring spacing."""
    names = {" ".join(n.split()) for n in (agency.name_th, agency.name_en) if n}
    if agency.short_name:
        names.add(" ".join(agency.short_name.split()))
    if not names:
        return []
    condition = Q()
    for name in names:
        condition |= Q(name_th__iexact=name) | Q(name_en__iexact=name) | Q(short_name__iexact=name)
    return list(_others(agency).filter(condition).only("pk", "name_th")[:limit])
