"""Reads of the public directory: listings, agency pages and embedded blocks.

Every read starts from `coordination.cards` (the public data rule) and returns cards
ready for a template, in a fixed number of queries whatever the number of agencies.
"""

from dataclasses import dataclass, field, fields
from datetime import datetime, timedelta
from urllib.parse import urlencode

from django.core.cache import cache
from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import Count, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.fields import StreamField
from wagtail.models import Page

from coordination import geo
from coordination.cards import (
    AgencyCard,
    agency_is_public,
    agency_public_view,
    agency_staff_view,
    public_agencies,
    with_card_relations,
    with_children,
)
from coordination.choices import Scope
from coordination.models.agency import Agency
from coordination.models.reference import AgencyCategory, SchoolNetwork
from coordination.search.capped import ranked_ids, ranked_page, rows_in_order
from coordination.search.queries import agency_search

DIRECTORY_PER_PAGE = 20
OPTIONS_CACHE_SECONDS = 3600
GROUPINGS = ("category", "district")
BLOCK_LIMIT_MAX = 100
# The directory's "ตรวจสอบภายใน 1 ปี" filter: ?verified=1y.
VERIFIED_WITHIN = {"1y": timedelta(days=365)}


def directory_search(queryset: QuerySet[Agency], q: str) -> QuerySet[Agency]:
    """The directory's text search: the one place that turns a query `q` into a filter.

    Thai-aware search (coordination.search): words inside names, abbreviations, districts,
    codes and phone numbers; best match first. `queryset` already holds the audience's rule
    (public or staff), so the search adds none of its own.
    """
    q = " ".join((q or "").split())
    if not q:
        return queryset
    return agency_search(queryset, q, public=False)


def agencies_filtered(
    queryset: QuerySet[Agency],
    *,
    q: str = "",
    scope: str = "",
    category: str = "",
    district: str = "",
    tag: str = "",
    network: str = "",
    modified_after: datetime | None = None,
    verified_after: datetime | None = None,
    province: str = "",
) -> QuerySet[Agency]:
    """The directory's filters, the one place they become SQL (the listing, the embedded
    directory blocks and the API): best match first when `q` is given, otherwise by name.

    `modified_after` keeps agencies whose approved version was published at or after that
    moment (inclusive, so that a client syncing from the last time it saw loses nothing).
    `verified_after` keeps agencies whose data was last checked at or after that moment."""
    queryset = directory_search(queryset, q)
    if scope:
        queryset = queryset.filter(scope=scope)
    if category:
        queryset = queryset.filter(category__slug=category)
    if province:
        queryset = queryset.filter(province_code=province)
    if district:
        queryset = queryset.filter(district_code=district)
    if tag:
        queryset = queryset.filter(tags__name=tag)
    if network:
        queryset = queryset.filter(school_network__slug=network)
    if modified_after is not None:
        queryset = queryset.filter(last_published_at__gte=modified_after)
    if verified_after is not None:
        queryset = queryset.filter(last_verified_at__gte=verified_after)
    return queryset if q.strip() else queryset.order_by("name_sort", "pk")


def agency_url(directory_url: str, slug: str) -> str:
    """The address of an agency's page under the directory page at `directory_url` ("" when
    the site has no directory page): the one place that knows the directory's URL scheme."""
    return f"{directory_url}{slug}/" if directory_url else ""


@dataclass(frozen=True)
class DirectoryFilters:
    """The listing's filters, read from a query string and checked."""

    q: str = ""
    scope: str = ""
    category: str = ""
    district: str = ""
    group: str = ""
    verified: str = ""
    # A district belongs to its province: ?district=6101 alone is province 61; a district of
    # another province than ?province is dropped (the visitor changed province).
    province: str = ""

    @classmethod
    def parameter_names(cls) -> tuple[str, ...]:
        """The query parameters the filters read (one per field)."""
        return tuple(each.name for each in fields(cls))

    @classmethod
    def from_query(cls, data) -> "DirectoryFilters":
        scope = data.get("scope", "")
        district = data.get("district", "")
        district = district if district.isdigit() and len(district) == 4 else ""
        province = data.get("province", "")
        province = province if province.isdigit() and len(province) == 2 else ""
        if province and district[:2] != province:
            district = ""  # another province was chosen: its districts replace the old choice
        group = data.get("group", "")
        verified = data.get("verified", "")
        return cls(
            q=" ".join(data.get("q", "").split())[:100],
            scope=scope if scope in Scope.values else "",
            category=data.get("category", "")[:60],
            district=district,
            group=group if group in GROUPINGS else "",
            verified=verified if verified in VERIFIED_WITHIN else "",
            province=district[:2] if district else province,
        )

    @property
    def is_filtered(self) -> bool:
        return bool(
            self.q or self.scope or self.category or self.district or self.verified or self.province
        )

    def verified_after(self, now: datetime | None = None) -> datetime | None:
        """The earliest verification the "verified within" filter keeps (None: no filter)."""
        if not self.verified:
            return None
        return (now or timezone.now()) - VERIFIED_WITHIN[self.verified]

    def query_string(self) -> str:
        """The filters as a query string prefix for pagination links ("a=b&" or "")."""
        pairs = {
            "q": self.q,
            "scope": self.scope,
            "category": self.category,
            "province": self.province,
            "district": self.district,
            "group": self.group,
            "verified": self.verified,
        }
        encoded = urlencode({key: value for key, value in pairs.items() if value})
        return f"{encoded}&" if encoded else ""


@dataclass(frozen=True)
class DirectoryOptions:
    """Choices of the filter form: only categories, provinces and districts that have agencies
    to show. Districts are listed one province at a time (at national scale there are 929 of
    them): the chosen province's, or by default the office's own, the province with the most
    agencies (`home_province`)."""

    categories: list[tuple[str, str]]
    provinces: list[tuple[str, str]] = field(default_factory=list)
    districts_by_province: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    home_province: str = ""
    scopes: list[tuple[str, str]] = field(default_factory=lambda: list(Scope.choices))

    def districts(self, province: str = "") -> list[tuple[str, str]]:
        """The district choices of `province`, or of the office's own province."""
        return self.districts_by_province.get(province or self.home_province, [])


@dataclass(frozen=True)
class DirectoryGroup:
    label: str
    cards: list[AgencyCard]


@dataclass(frozen=True)
class DirectoryListing:
    filters: DirectoryFilters
    options: DirectoryOptions
    page_obj: PaginatorPage
    groups: list[DirectoryGroup]
    total: int
    # A search with more results than coordination.search.capped's cap: `total` is the cap.
    capped: bool = False

    @property
    def district_province(self) -> str:
        """The province whose districts the district filter lists."""
        return self.filters.province or self.options.home_province

    @property
    def district_choices(self) -> list[tuple[str, str]]:
        return self.options.districts(self.district_province)

    @property
    def district_province_name(self) -> str:
        return geo.province_name(self.district_province)


def _listed_agencies(*, staff: bool) -> QuerySet[Agency]:
    # Staff read the approved (live) data of every agency, internal ones included.
    return Agency.objects.filter(live=True) if staff else public_agencies()


def _options_cache_key(staff: bool) -> str:
    return f"coordination:directory:options:{'staff' if staff else 'public'}"


def directory_options_forget() -> None:
    """Drop the cached filter choices (an agency or a category changed)."""
    cache.delete_many([_options_cache_key(False), _options_cache_key(True)])


def directory_filter_options(*, staff: bool = False) -> DirectoryOptions:
    """Category and district choices of the agencies the audience may see; one query, then
    cached until an agency is published, unpublished or deleted (coordination.cache)."""
    key = _options_cache_key(staff)
    options = cache.get(key)
    if options is None:
        options = _filter_options(staff=staff)
        cache.set(key, options, timeout=OPTIONS_CACHE_SECONDS)
    return options


def _filter_options(*, staff: bool) -> DirectoryOptions:
    rows = (
        _listed_agencies(staff=staff)
        .order_by()
        .values_list(
            "category__slug",
            "category__name_th",
            "category__sort_order",
            "category__name_sort",
            "district_code",
        )
        .distinct()
    )
    categories: dict[str, tuple[int, str, str]] = {}
    district_codes: set[str] = set()
    for slug, name, sort_order, name_sort, district_code in rows:
        categories[slug] = (sort_order, name_sort, name)
        if district_code:
            district_codes.add(district_code)
    # The categories' own order (AgencyCategory.Meta.ordering), on the few rows fetched.
    ordered = sorted(categories.items(), key=lambda item: item[1])
    by_province: dict[str, set[str]] = {}
    for code in district_codes:
        by_province.setdefault(code[:2], set()).add(code)
    home = (
        _listed_agencies(staff=staff)
        .exclude(province_code="")
        .order_by()
        .values("province_code")
        .annotate(agencies=Count("pk"))
        .order_by("-agencies", "province_code")
        .values_list("province_code", flat=True)
        .first()
    )
    return DirectoryOptions(
        categories=[(slug, name) for slug, (_order, _key, name) in ordered],
        provinces=geo.province_options(by_province),
        districts_by_province={
            province: geo.district_options(codes) for province, codes in by_province.items()
        },
        home_province=home or "",
    )


def _filtered(queryset: QuerySet[Agency], filters: DirectoryFilters) -> QuerySet[Agency]:
    queryset = agencies_filtered(
        queryset,
        q=filters.q,
        scope=filters.scope,
        category=filters.category,
        district=filters.district,
        verified_after=filters.verified_after(),
        province=filters.province,
    )
    if filters.group == "category":
        return queryset.order_by(
            "category__sort_order", "category__name_sort", "category_id", "name_sort", "pk"
        )
    if filters.group == "district":
        # By the district's Thai name, as in the district choices (geo.district_options).
        return queryset.order_by("district_sort", "district_code", "name_sort", "pk")
    return queryset


def _group_label(card: AgencyCard, group: str) -> str:
    if group == "category":
        return card.category
    if group == "district":
        return card.district_name or "—"
    return ""


def agencies_page_rows(queryset: QuerySet[Agency], *, start: int, size: int) -> QuerySet[Agency]:
    """`size` agencies of an ordered (unranked) `queryset` from row `start`, in one query that
    picks their ids first (``id IN (SELECT id … ORDER BY … LIMIT 20 OFFSET n)``) so that the
    card's relations are joined for those rows only: page 1,000 costs what page 1 costs, the
    offset walks an index, not 20,000 joined rows. The directory listing and the API use it."""
    ids = queryset.values("pk")[start : start + size]
    return queryset.model.objects.filter(pk__in=ids).order_by(*queryset.query.order_by)


def directory_listing(
    *, filters: DirectoryFilters, page_number: str = "1", staff: bool = False, ranked=ranked_ids
) -> DirectoryListing:
    """One page (20 agencies) of the directory, grouped when asked, with the filter choices.

    A search is one ranked pass (`ranked`, coordination.search.capped: the view passes the
    cached one), counted up to the cap. Staff cards list contact persons too (one more query);
    public listings show none."""
    queryset = _filtered(_listed_agencies(staff=staff), filters)
    capped = False
    if filters.q.strip():
        found = ranked(queryset)
        page_obj = ranked_page(found, page_number, DIRECTORY_PER_PAGE)
        rows = rows_in_order(
            with_card_relations(_listed_agencies(staff=staff), tags=staff, contacts=staff),
            page_obj.object_list,
        )
        total, capped = found.total, found.capped
    else:
        paginator = Paginator(queryset, DIRECTORY_PER_PAGE)
        page_obj = paginator.get_page(page_number)
        # A listing can be 2,500 pages long: pick the page's ids first.
        start = page_obj.start_index() - 1 if paginator.count else 0
        rows = with_card_relations(
            agencies_page_rows(queryset, start=start, size=DIRECTORY_PER_PAGE),
            tags=staff,
            contacts=staff,
        )
        total = paginator.count
    page_obj.object_list = rows
    view = agency_staff_view if staff else agency_public_view
    groups: list[DirectoryGroup] = []
    for agency in page_obj.object_list:
        card = view(agency)
        label = _group_label(card, filters.group)
        if not groups or groups[-1].label != label:
            groups.append(DirectoryGroup(label=label, cards=[]))
        groups[-1].cards.append(card)
    return DirectoryListing(
        filters=filters,
        options=directory_filter_options(staff=staff),
        page_obj=page_obj,
        groups=groups,
        total=total,
        capped=capped,
    )


def directory_agency(*, slug: str) -> AgencyCard | None:
    """The public card of a live, public agency, or None (unknown, internal, draft-only)."""
    agency = (
        with_children(with_card_relations(public_agencies(), tags=False)).filter(slug=slug).first()
    )
    return agency_public_view(agency) if agency is not None else None


def directory_agency_for_staff(*, slug: str) -> tuple[Agency, AgencyCard] | None:
    """The staff card of a live agency of any visibility, with the agency for the view log."""
    agency = (
        with_children(with_card_relations(Agency.objects.filter(live=True)))
        .filter(slug=slug)
        .first()
    )
    return (agency, agency_staff_view(agency)) if agency is not None else None


def directory_block_cards(
    *,
    scope: str = "",
    category: str = "",
    district: str = "",
    tag: str = "",
    network: str = "",
    limit: int = DIRECTORY_PER_PAGE,
) -> list[AgencyCard]:
    """Public cards for an embedded directory block: filtered, sorted by name, at most `limit`."""
    queryset = agencies_filtered(
        public_agencies(),
        scope=scope,
        category=category,
        district=district,
        tag=tag,
        network=network,
    )
    limit = max(1, min(int(limit or DIRECTORY_PER_PAGE), BLOCK_LIMIT_MAX))
    queryset = with_card_relations(queryset, tags=False)[:limit]
    return [agency_public_view(agency) for agency in queryset]


def directory_sitemap_entries() -> QuerySet:
    """(slug, last published) of every public agency, for the sitemap."""
    return public_agencies().order_by("name_sort", "pk").values_list("slug", "last_published_at")


def category_choices() -> list[tuple[str, str]]:
    """Agency categories for editors' choosers (slug, Thai name)."""
    return [("", _("ทุกประเภท")), *AgencyCategory.objects.values_list("slug", "name_th")]


def district_choices() -> list[tuple[str, str]]:
    """Districts that have at least one live agency, for editors' choosers."""
    codes = (
        Agency.objects.filter(live=True)
        .exclude(district_code="")
        .order_by()
        .values_list("district_code", flat=True)
        .distinct()
    )
    return [("", _("ทุกอำเภอ")), *geo.district_options(codes)]


def network_choices() -> list[tuple[str, str]]:
    """School networks for editors' choosers (slug, Thai name)."""
    return [("", _("ทุกเครือข่าย")), *SchoolNetwork.objects.values_list("slug", "name_th")]


def agency_editor_note(agency: Agency | None) -> str:
    """What an editor should know about an embedded agency: why it shows nothing publicly, or
    that the page shows its approved data while a change awaits approval. Empty when all is well."""
    if agency is None:
        return _("หน่วยงานที่เลือกไว้ถูกลบแล้ว จึงไม่แสดงบนเว็บไซต์")
    if not agency.live:
        return _("“%(name)s” ยังไม่ได้เผยแพร่ (ฉบับร่างหรือรออนุมัติ) จึงไม่แสดงบนเว็บไซต์") % {
            "name": agency.name_th
        }
    if not agency_is_public(agency):
        return _("“%(name)s” ตั้งค่าเป็น “ใช้ภายในเท่านั้น” จึงไม่แสดงบนเว็บไซต์") % {"name": agency.name_th}
    if agency.has_unpublished_changes:
        return _("“%(name)s” มีการแก้ไขที่ยังไม่ได้รับอนุมัติ หน้านี้แสดงเฉพาะข้อมูลที่อนุมัติแล้ว") % {
            "name": agency.name_th
        }
    return ""


def directory_base_url(request=None) -> str:
    """The URL of the site's directory page ("" when there is none), once per request."""
    memo = getattr(request, "_coordination_directory_url", None)
    if memo is not None:
        return memo
    # The directory page type lives in the top layer (coordination.pages); reads find it by its
    # content type instead of importing it.
    page = (
        Page.objects.live()
        .filter(content_type__app_label="coordination", content_type__model="directorypage")
        .order_by("path")
        .first()
    )
    url = (page.get_url(request) or "") if page is not None else ""
    if request is not None:
        request._coordination_directory_url = url
    return url


def page_hidden_agency_notes(page) -> list[str]:
    """Notes on the agencies chosen in `page`'s StreamFields (as edited, draft included) that
    the public will not see. Reads the choosers' references, so it follows any block nesting."""
    agency_ids: set[int] = set()
    for model_field in page._meta.concrete_fields:
        if not isinstance(model_field, StreamField):
            continue
        value = getattr(page, model_field.attname)
        for model, object_id, _path, _content_path in model_field.stream_block.extract_references(
            value
        ):
            if issubclass(model, Agency):
                agency_ids.add(int(object_id))
    if not agency_ids:
        return []
    agencies = Agency.objects.filter(pk__in=agency_ids).order_by("name_sort", "pk")
    return [agency_editor_note(agency) for agency in agencies if not agency_is_public(agency)]
