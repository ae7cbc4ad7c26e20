"""Reads of the registry for exports (CSV, XLSX, vCard, the printable registry).

An export may hold every agency of the country, so these reads never load a whole listing: they
walk the rows in chunks (`QuerySet.iterator(chunk_size=...)` with the card's relations fetched per
chunk), and memory stays flat however many agencies there are. The public reads start from
`public_agencies()` and yield public cards only; the staff reads are for permission-checked callers.
"""

from collections.abc import Iterator
from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.db.models import Case, Count, IntegerField, Max, QuerySet, Value, When
from wagtail.models import Site

from coordination.cards import AgencyCard, agency_public_view, public_agencies, with_card_relations
from coordination.choices import Scope
from coordination.models import Agency
from coordination.selectors.directory import DirectoryFilters, agencies_filtered

CHUNK_SIZE = 500
# The registry document's order: internal before external, then by category, then by name.
REGISTRY_ORDER = (
    "scope_order",
    "category__sort_order",
    "category__name_sort",
    "category_id",
    "name_sort",
    "pk",
)


@dataclass(frozen=True)
class ExportAudience:
    """Who an export is for: the public (public cards of public agencies) or staff (every field
    of every live agency; drafts too when asked)."""

    staff: bool = False
    drafts: bool = False


PUBLIC = ExportAudience()


def _filtered(queryset: QuerySet[Agency], filters: DirectoryFilters) -> QuerySet[Agency]:
    return agencies_filtered(
        queryset,
        q=filters.q,
        scope=filters.scope,
        category=filters.category,
        district=filters.district,
        verified_after=filters.verified_after(),
    )


def export_agencies(
    *, filters: DirectoryFilters, audience: ExportAudience = PUBLIC, registry_order: bool = False
) -> QuerySet[Agency]:
    """The agencies an export lists, in the directory's order (or the registry document's)."""
    if not audience.staff:
        base = public_agencies()
    elif audience.drafts:
        base = Agency.objects.all()
    else:
        base = Agency.objects.filter(live=True)
    queryset = _filtered(base, filters)
    if registry_order:
        # Internal ("internal" < "external" is not alphabetical) first, as the manual lists them.
        scope_order = Case(
            When(scope=Scope.INTERNAL, then=Value(0)), default=Value(1), output_field=IntegerField()
        )
        queryset = queryset.alias(scope_order=scope_order).order_by(*REGISTRY_ORDER)
    return queryset


def export_public_cards(
    queryset: QuerySet[Agency], *, chunk_size: int = CHUNK_SIZE
) -> Iterator[AgencyCard]:
    """The public cards of `queryset` (already held to the public rule by `export_agencies`),
    read in chunks."""
    rows = with_card_relations(queryset, tags=False).iterator(chunk_size=chunk_size)
    for agency in rows:
        yield agency_public_view(agency)


def export_staff_agencies(
    queryset: QuerySet[Agency], *, drafts: bool = False, chunk_size: int = CHUNK_SIZE
) -> Iterator[Agency]:
    """Agencies with every relation the registry's columns read, in chunks. With `drafts`, an
    agency that has a change awaiting approval is given as that latest draft."""
    if drafts:
        queryset = queryset.select_related("latest_revision")
    rows = with_card_relations(queryset).iterator(chunk_size=chunk_size)
    for agency in rows:
        if drafts and agency.has_unpublished_changes and agency.latest_revision_id:
            yield agency.with_content_json(agency.latest_revision.content)
        else:
            yield agency


def export_contact_count(queryset: QuerySet[Agency]) -> int:
    """The most contacts any agency of `queryset` has (one contact column each)."""
    counted = (
        queryset.order_by()
        .annotate(contact_count=Count("contacts"))
        .aggregate(most=Max("contact_count"))
    )
    return counted["most"] or 0


def office_name(site: Site | None = None) -> str:
    """The office's name on the registry document: the host's site setting named by
    COORDINATION_OFFICE_SETTING ("app_label.Model", with an `office_name` field), else
    COORDINATION_OFFICE_NAME, else WAGTAIL_SITE_NAME."""
    label = getattr(settings, "COORDINATION_OFFICE_SETTING", "")
    if label:
        model = apps.get_model(label)
        site = site or Site.objects.filter(is_default_site=True).first()
        if site is not None:
            name = getattr(model.for_site(site), "office_name", "")
            if name:
                return name
    return getattr(settings, "COORDINATION_OFFICE_NAME", "") or getattr(
        settings, "WAGTAIL_SITE_NAME", ""
    )
