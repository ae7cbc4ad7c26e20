"""How a stored field value reads to an officer: the one formatter that the agency timeline and
the admin's revision comparison share, so neither shows True/False, None or ISO dates."""

import re
from datetime import date, datetime
from functools import lru_cache

from django.db import models
from django.utils.encoding import force_str
from django.utils.hashable import make_hashable
from django.utils.translation import get_language
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


@lru_cache(maxsize=256)
def _choice_labels(field: models.Field, language: str | None) -> dict:
    return {make_hashable(value): str(label) for value, label in field.flatchoices}


def choice_label(instance: models.Model, name: str):
    """`instance.get_<name>_display()`, with the field's labels translated once per language:
    Django translates and hashes every label of the field on each call, and the search index
    asks it for thousands of agencies, phones and contacts at a time."""
    field = instance._meta.get_field(name)
    value = getattr(instance, field.attname)
    labels = _choice_labels(field, get_language())
    key = make_hashable(value)
    if key in labels:
        return labels[key]
    return force_str(value, strings_only=True)


def person_name(user) -> str:
    """How a user reads wherever a person is shown: the full name, else the username."""
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()


# Draftail stamps each block of stored rich text with a key that means nothing to a reader.
_BLOCK_KEY = re.compile(r'\s+data-block-key="[^"]*"')


def rich_text_without_block_keys(html: str) -> str:
    """Stored rich text without the editor's block keys, ready for Wagtail's ``richtext``."""
    return _BLOCK_KEY.sub("", html or "").strip()
