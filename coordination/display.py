"""How a stored field value reads to an officer: the one formatter that the agency timeline and
the admin's revision comparison share, so neither shows True/False, None or ISO dates."""

from datetime import date, datetime

from django.db import models
from django.utils.translation import gettext as _

from coordination import geo
from coordination.thai_dates import thai_date

EMPTY = "—"

# DOPA address codes read as the place they name.
CODE_NAMES = {
    "province_code": geo.province_name,
    "district_code": geo.district_name,
    "subdistrict_code": geo.subdistrict_name,
}


def field_value_text(field: models.Field, value) -> str:
    """`value` of the model field `field` as plain text (foreign keys: see the callers)."""
    if value is None or value == "":
        return EMPTY
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(field, models.BooleanField) or isinstance(value, bool):
        return _("ใช่") if value else _("ไม่ใช่")
    if isinstance(value, datetime):
        return thai_date(value, with_time=True)
    if isinstance(value, date):
        return thai_date(value)
    if field.name in CODE_NAMES:
        return CODE_NAMES[field.name](value) or str(value)
    return str(value)
