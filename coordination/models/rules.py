"""Cross-field rules of an agency: one place, run by `Agency.clean()` and so by every way in
(the admin form, imports, the API)."""

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


def agency_free_slug(agency) -> str:
    """A slug no other agency has, romanised from `agency`'s Thai name: "rong-rian-ban-nong-chang",
    or "rong-rian-ban-nong-chang-2", "-3" ... when another agency has it already."""
    max_length = type(agency)._meta.get_field("slug").max_length
    base = romanised_slug(agency.name_th, max_length=max_length - SLUG_SUFFIX_ROOM)
    base = base or SLUG_FALLBACK
    others = type(agency)._default_manager.exclude(pk=agency.pk or None)
    taken = set(
        others.filter(Q(slug=base) | Q(slug__startswith=f"{base}-")).values_list("slug", flat=True)
    )
    slug, number = base, 1
    while slug in taken:
        number += 1
        slug = f"{base}-{number}"
    return slug


def agency_identifier_clashes(agency) -> dict:
    """Map each identifier field of `agency` that another agency already has to that agency."""
    wanted = {name: getattr(agency, name) for name in IDENTIFIER_FIELDS if getattr(agency, name)}
    if not wanted:
        return {}
    condition = Q()
    for name, value in wanted.items():
        condition |= Q(**{name: value})
    others = type(agency)._default_manager.exclude(pk=agency.pk or None)
    clashes = {}
    for other in others.filter(condition).only("pk", "name_th", *IDENTIFIER_FIELDS):
        for name, value in wanted.items():
            if getattr(other, name) == value:
                clashes.setdefault(name, other)
    return clashes


def agency_errors(agency) -> dict[str, ValidationError]:
    """Each bad field of `agency` mapped to a Thai message; empty when the agency is valid."""
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
    if agency.pk and agency.parent_id:
        seen = {agency.pk}
        parent = agency.parent
        while parent is not None:
            if parent.pk in seen:
                errors["parent"] = ValidationError(
                    _("เลือกหน่วยงานแม่นี้ไม่ได้ เพราะจะทำให้สังกัดวนกลับมาที่ตัวเอง"),
                    code="parent_cycle",
                )
                break
            seen.add(parent.pk)
            parent = parent.parent
    category = getattr(agency, "category", None) if agency.category_id else None
    if category is not None and category.kind == CategoryKind.SCHOOL and not agency.school_code:
        errors.setdefault(
            "school_code",
            ValidationError(_("โรงเรียนต้องมีรหัสโรงเรียน 10 หลัก"), code="school_code_required"),
        )
    for field_name, other in agency_identifier_clashes(agency).items():
        errors.setdefault(
            field_name,
            ValidationError(
                _("รหัสนี้ซ้ำกับหน่วยงาน “%(other)s” ที่มีอยู่แล้ว"),
                code="identifier_duplicate",
                params={"other": other.name_th},
            ),
        )
    return errors
