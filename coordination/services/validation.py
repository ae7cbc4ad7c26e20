"""Cross-field rules of an agency, shared by the admin form, imports and the API."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from coordination import geo
from coordination.models.agency import AgencyStatus
from coordination.models.reference import CategoryKind
from coordination.selectors.registry import agency_identifier_clashes


def agency_clean(*, agency) -> None:
    """Raise one ValidationError mapping each bad field to a Thai message."""
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
    for field_name, other in agency_identifier_clashes(agency=agency).items():
        errors.setdefault(
            field_name,
            ValidationError(
                _("รหัสนี้ซ้ำกับหน่วยงาน “%(other)s” ที่มีอยู่แล้ว"),
                code="identifier_duplicate",
                params={"other": other.name_th},
            ),
        )
    if errors:
        raise ValidationError(errors)
