"""Thai address reference (DOPA codes) from geothai: the one place that reads it."""

from functools import cache

import geothai
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from coordination.thai_sort import thai_sort_key


def _by_thai_name(choices) -> list[tuple[str, str]]:
    """(code, Thai name) pairs in Thai dictionary order, the order of every place list."""
    return sorted(choices, key=lambda choice: (thai_sort_key(choice[1]), choice[0]))


def _areas_by_thai_name(areas) -> list:
    """geothai areas in the same order, by their Thai names."""
    return sorted(areas, key=lambda area: (thai_sort_key(area.name_th), area.code))


@cache
def province_choices() -> list[tuple[str, str]]:
    return _by_thai_name((p.code, p.name_th) for p in geothai.provinces())


def district_choices(province_code: str) -> list[tuple[str, str]]:
    """The districts of a province, for the address form."""
    return district_options(d.code for d in geothai.districts(province_code or ""))


def district_options(codes) -> list[tuple[str, str]]:
    """(code, Thai name) of the district `codes`, in the one order every district list uses."""
    return _by_thai_name((code, district_name(code) or code) for code in set(codes))


def province_options(codes) -> list[tuple[str, str]]:
    """(code, Thai name) of the province `codes`, in the same order."""
    return _by_thai_name((code, province_name(code) or code) for code in set(codes))


def subdistrict_choices(district_code: str) -> list[tuple[str, str]]:
    return _by_thai_name((s.code, s.name_th) for s in geothai.subdistricts(district_code or ""))


def province_name(code: str) -> str:
    area = geothai.province(code or "")
    return area.name_th if area else ""


def district_name(code: str) -> str:
    area = geothai.district(code or "")
    return area.name_th if area else ""


def subdistrict_name(code: str) -> str:
    area = geothai.subdistrict(code or "")
    return area.name_th if area else ""


@cache
def address_reference() -> dict:
    """The whole reference as one JSON-ready tree, for the offline cascading pickers."""
    return {
        "provinces": [[code, name] for code, name in province_choices()],
        "districts": {
            p.code: [[code, name] for code, name in district_choices(p.code)]
            for p in geothai.provinces()
        },
        "subdistricts": {
            d.code: [
                [s.code, s.name_th, list(s.postal_codes)]
                for s in _areas_by_thai_name(geothai.subdistricts(d.code))
            ]
            for p in geothai.provinces()
            for d in geothai.districts(p.code)
        },
    }


def address_errors(
    *, province_code: str, district_code: str, subdistrict_code: str, postcode: str
) -> dict[str, ValidationError]:
    """Check that province → district → subdistrict → postcode are one consistent address.

    Returns a mapping of field name to a Thai error, empty when the address is consistent.
    """
    errors: dict[str, ValidationError] = {}
    province = geothai.province(province_code) if province_code else None
    district = geothai.district(district_code) if district_code else None
    subdistrict = geothai.subdistrict(subdistrict_code) if subdistrict_code else None
    if province_code and not province:
        errors["province_code"] = ValidationError(_("ไม่พบจังหวัดนี้"), code="province")
    if district_code and not district:
        errors["district_code"] = ValidationError(_("ไม่พบอำเภอนี้"), code="district")
    if subdistrict_code and not subdistrict:
        errors["subdistrict_code"] = ValidationError(_("ไม่พบตำบลนี้"), code="subdistrict")
    if district and province and district.province_code != province.code:
        errors["district_code"] = ValidationError(
            _("อำเภอ%(district)s ไม่อยู่ในจังหวัด%(province)s"),
            code="district_province",
            params={"district": district.name_th, "province": province.name_th},
        )
    if subdistrict and district and subdistrict.district_code != district.code:
        errors["subdistrict_code"] = ValidationError(
            _("ตำบล%(subdistrict)s ไม่อยู่ในอำเภอ%(district)s"),
            code="subdistrict_district",
            params={"subdistrict": subdistrict.name_th, "district": district.name_th},
        )
    if (subdistrict or district) and not province_code:
        errors.setdefault("province_code", ValidationError(_("กรุณาเลือกจังหวัด"), code="required"))
    if subdistrict and not district_code:
        errors.setdefault("district_code", ValidationError(_("กรุณาเลือกอำเภอ"), code="required"))
    if postcode:
        if not (postcode.isdigit() and len(postcode) == 5):
            errors["postcode"] = ValidationError(
                _("รหัสไปรษณีย์ต้องเป็นตัวเลข 5 หลัก"), code="postcode_format"
            )
        elif subdistrict and postcode not in subdistrict.postal_codes:
            errors["postcode"] = ValidationError(
                _(
                    "รหัสไปรษณีย์ %(postcode)s ไม่ใช่ของตำบล%(subdistrict)s อำเภอ%(district)s "
                    "(ที่ถูกต้องคือ %(expected)s)"
                ),
                code="postcode_subdistrict",
                params={
                    "postcode": postcode,
                    "subdistrict": subdistrict.name_th,
                    "district": district_name(subdistrict.district_code),
                    "expected": ", ".join(subdistrict.postal_codes),
                },
            )
        elif district and not subdistrict:
            district_postcodes = {
                code for s in geothai.subdistricts(district.code) for code in s.postal_codes
            }
            if postcode not in district_postcodes:
                errors["postcode"] = ValidationError(
                    _("รหัสไปรษณีย์ %(postcode)s ไม่ใช่ของอำเภอ%(district)s"),
                    code="postcode_district",
                    params={"postcode": postcode, "district": district.name_th},
                )
    return errors


@cache
def _place_codes_by_name() -> tuple[dict, dict, dict]:
    """{name: code} of provinces, {(province code, name): code} of districts and
    {(district code, name): code} of subdistricts, for reading addresses written as names."""
    provinces, districts, subdistricts = {}, {}, {}
    for province in geothai.provinces():
        provinces[province.name_th] = province.code
        for district in geothai.districts(province.code):
            districts[(province.code, district.name_th)] = district.code
            # Bangkok's districts are named "เขต…"; a spreadsheet (and our own export, read
            # through the import's prefix cleaning) may write them without it.
            bare = district.name_th.removeprefix("เขต")
            districts.setdefault((province.code, bare), district.code)
            for subdistrict in geothai.subdistricts(district.code):
                subdistricts[(district.code, subdistrict.name_th)] = subdistrict.code
    return provinces, districts, subdistricts


def address_codes_from_names(
    *, province: str, district: str, subdistrict: str
) -> tuple[dict[str, str], dict[str, ValidationError]]:
    """DOPA codes of an address written as Thai names (a spreadsheet's จังหวัด/อำเภอ/ตำบล).

    Returns ({"province_code", "district_code", "subdistrict_code"}, {name part: Thai error});
    a district is looked up in its province and a subdistrict in its district, since the same
    names recur across the country.
    """
    provinces, districts, subdistricts = _place_codes_by_name()
    codes = {"province_code": "", "district_code": "", "subdistrict_code": ""}
    errors: dict[str, ValidationError] = {}
    if province:
        codes["province_code"] = provinces.get(province, "")
        if not codes["province_code"]:
            errors["province"] = ValidationError(
                _("ไม่พบจังหวัด “%(name)s”"), code="province", params={"name": province}
            )
    elif district or subdistrict:
        errors["province"] = ValidationError(_("กรุณาระบุจังหวัด"), code="required")
    if district and codes["province_code"]:
        codes["district_code"] = districts.get((codes["province_code"], district), "")
        if not codes["district_code"]:
            errors["district"] = ValidationError(
                _("ไม่พบอำเภอ “%(name)s” ในจังหวัด%(province)s"),
                code="district",
                params={"name": district, "province": province},
            )
    elif subdistrict and not district:
        errors["district"] = ValidationError(_("กรุณาระบุอำเภอ"), code="required")
    if subdistrict and codes["district_code"]:
        codes["subdistrict_code"] = subdistricts.get((codes["district_code"], subdistrict), "")
        if not codes["subdistrict_code"]:
            errors["subdistrict"] = ValidationError(
                _("ไม่พบตำบล “%(name)s” ในอำเภอ%(district)s"),
                code="subdistrict",
                params={"name": subdistrict, "district": district},
            )
    return codes, errors
