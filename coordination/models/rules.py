"""Cross-field rules of an agency: one place, run by `Agency.clean()` and so by every way in
(the admin form, imports, the API)."""

from collections.abc import Callable, Mapping

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext as _

from coordination import geo
from coordination.choices import AgencyStatus, CategoryKind
from coordination.slugs import romanised_slug

IDENTIFIER_FIELDS = ("school_code", "smis_code", "obec_code", "tax_id")
# Room kept in the slug field for a clash suffix ("-2" ... "-999").
SLUG_SUFFIX_ROOM = 4
# A name with nothing to romanise (symbols only) still gets a slug.
SLUG_FALLBACK = "agency"
# Values looked up per query when the rules are checked for many agencies at once.
RULES_CHUNK = 500


def _slug_base(agency) -> str:
    max_length = type(agency)._meta.get_field("slug").max_length
    base = romanised_slug(agency.name_th, max_length=max_length - SLUG_SUFFIX_ROOM)
    return base or SLUG_FALLBACK


def _slug_free(base: str, is_taken: Callable[[str], bool]) -> str:
    slug, number = base, 1
    while is_taken(slug):
        number += 1
        slug = f"{base}-{number}"
    return slug


def _slugs_like(model, bases) -> list[tuple[str, int]]:
    """(slug, pk) of the agencies whose slug is one of `bases` or one of them numbered."""
    condition = Q(slug__in=bases)
    for base in bases:
        condition |= Q(slug__startswith=f"{base}-")
    return list(model._default_manager.filter(condition).values_list("slug", "pk"))


def agency_free_slug(agency) -> str:
    """A slug no other agency has, romanised from `agency`'s Thai name: "rong-rian-ban-nong-chang",
    or "rong-rian-ban-nong-chang-2", "-3" ... when another agency has it already."""
    base = _slug_base(agency)
    taken = {slug for slug, pk in _slugs_like(type(agency), [base]) if pk != agency.pk}
    return _slug_free(base, taken.__contains__)


def agency_free_slugs(agencies, *, reserved=(), chunk: int = RULES_CHUNK) -> None:
    """Give each of `agencies` (which have no slug yet) the slug `agency_free_slug()` would, in a
    query per `chunk` of names; none takes a slug in `reserved` or one given to another of them."""
    bases = {id(agency): _slug_base(agency) for agency in agencies}
    taken_by: dict[str, set] = {}
    distinct = sorted(set(bases.values()))
    for start in range(0, len(distinct), chunk):
        model = type(agencies[0])
        for slug, pk in _slugs_like(model, distinct[start : start + chunk]):
            taken_by.setdefault(slug, set()).add(pk)
    given = set(reserved)
    for agency in agencies:

        def is_taken(slug, pk=agency.pk):
            return slug in given or bool(taken_by.get(slug, set()) - {pk})

        agency.slug = _slug_free(bases[id(agency)], is_taken)
        given.add(agency.slug)


def agency_identifier_clashes_many(agencies, *, chunk: int = RULES_CHUNK) -> list[dict]:
    """For each of `agencies`, its identifier fields that another agency in the database already
    has, mapped to that agency: `agency_identifier_clashes()` for many, a query per `chunk`."""
    if not agencies:
        return []
    model = type(agencies[0])
    wanted = {name: set() for name in IDENTIFIER_FIELDS}
    for agency in agencies:
        for name in IDENTIFIER_FIELDS:
            if value := getattr(agency, name):
                wanted[name].add(value)
    owners: dict[tuple[str, str], list] = {}
    for name, values in wanted.items():
        values = sorted(values)
        for start in range(0, len(values), chunk):
            found = model._default_manager.filter(**{f"{name}__in": values[start : start + chunk]})
            for other in found.only("pk", "name_th", *IDENTIFIER_FIELDS).order_by("pk"):
                owners.setdefault((name, getattr(other, name)), []).append(other)
    result = []
    for agency in agencies:
        clashes = {}
        for name in IDENTIFIER_FIELDS:
            value = getattr(agency, name)
            others = (
                [o for o in owners.get((name, value), []) if o.pk != agency.pk] if value else []
            )
            if others:
                clashes[name] = others[0]
        result.append(clashes)
    return result


def agency_identifier_clashes(agency) -> dict:
    """Map each identifier field of `agency` that another agency already has to that agency."""
    return agency_identifier_clashes_many([agency])[0]


def _parent_cycle(agency, parent_of) -> bool:
    """Whether `agency`'s parent chain comes back to it; `parent_of` maps pk -> parent pk (read
    from the database, one agency at a time, when None)."""
    seen = {agency.pk}
    if parent_of is None:
        parent = agency.parent
        while parent is not None:
            if parent.pk in seen:
                return True
            seen.add(parent.pk)
            parent = parent.parent
        return False
    current = agency.parent_id
    while current is not None:
        if current in seen:
            return True
        seen.add(current)
        current = parent_of.get(current)
    return False


def agency_errors(
    agency, *, clashes: dict | None = None, parent_of: Mapping | None = None
) -> dict[str, ValidationError]:
    """Each bad field of `agency` mapped to a Thai message; empty when the agency is valid.

    What the rules read from the database can be given, read for many agencies at once (an
    import): `clashes` from `agency_identifier_clashes_many()`, `parent_of` every agency's parent
    pk by pk. Left out, they are read for this agency alone.
    """
    errors: dict[str, ValidationError] = dict(
        geo.address_errors(
            province_code=agency.province_code,
            district_code=agency.district_code,
            subdistrict_code=agency.subdistrict_code,
            postcode=agency.postcode,
        )
    )
    if agency.status == AgencyStatus.CLOSED and not agency.closed_reason:
        errors["closed_reason"] = ValidationError(
            _("กรุณาระบุเหตุที่ปิดหรือยุบเลิกหน่วยงาน"), code="closed_reason"
        )
    if agency.pk and agency.successor_id == agency.pk:
        errors["successor"] = ValidationError(
            _("หน่วยงานจะรับช่วงต่อจากตัวเองไม่ได้"), code="successor_self"
        )
    if agency.pk and agency.parent_id and _parent_cycle(agency, parent_of):
        errors["parent"] = ValidationError(
            _("เลือกหน่วยงานแม่นี้ไม่ได้ เพราะจะทำให้สังกัดวนกลับมาที่ตัวเอง"), code="parent_cycle"
        )
    category = getattr(agency, "category", None) if agency.category_id else None
    if category is not None and category.kind == CategoryKind.SCHOOL and not agency.school_code:
        errors.setdefault(
            "school_code",
            ValidationError(_("โรงเรียนต้องมีรหัสโรงเรียน 10 หลัก"), code="school_code_required"),
        )
    if clashes is None:
        clashes = agency_identifier_clashes(agency)
    for field_name, other in clashes.items():
        errors.setdefault(
            field_name,
            ValidationError(
                _("รหัสนี้ซ้ำกับหน่วยงาน “%(other)s” ที่มีอยู่แล้ว"),
                code="identifier_duplicate",
                params={"other": other.name_th},
            ),
        )
    return errors
