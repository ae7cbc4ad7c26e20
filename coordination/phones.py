"""The one Thai phone normaliser: every form, import and search caller goes through it."""

import re
from functools import lru_cache

import phonenumbers
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

# "ต่อ 123", "ต่อ. 123", "ext 123", "x123", "#123" all mean an extension.
_EXTENSION = re.compile(r"\s*(?:ต่อ\.?|ext\.?|extension|x|#)\s*(\d{1,6})\s*$", re.IGNORECASE)


@lru_cache(maxsize=100_000)
def phone_normalize(raw: str) -> str:
    """Return a Thai phone number in national format, keeping an extension as "ต่อ N".

    Raises ValidationError with a Thai message for anything that is not a valid Thai number.
    Results are kept (an import normalises each number more than once: the cell, then the
    contact's clean()); errors are not, so their message is in the language of the moment.
    """
    text = (raw or "").strip()
    if not text:
        return ""
    extension = ""
    match = _EXTENSION.search(text)
    if match:
        extension = match.group(1)
        text = text[: match.start()]
    if re.search(r"[^\d\s\-+().]", text):
        raise ValidationError(
            _("หมายเลขโทรศัพท์ “%(value)s” มีตัวอักษรที่ไม่ใช่ตัวเลข"),
            code="phone_characters",
            params={"value": raw},
        )
    digits = re.sub(r"\D", "", text)
    if re.fullmatch(r"1\d{3}", digits):
        # Four-digit hotlines (สายด่วน) such as 1669 or 1579 are dialled as they are.
        return digits
    try:
        number = phonenumbers.parse(text, "TH")
    except phonenumbers.NumberParseException as exc:
        raise ValidationError(
            _("อ่านหมายเลขโทรศัพท์ “%(value)s” ไม่ได้"), code="phone_parse", params={"value": raw}
        ) from exc
    if number.country_code != 66 or not phonenumbers.is_valid_number(number):
        raise ValidationError(
            _(
                "หมายเลขโทรศัพท์ “%(value)s” ไม่ใช่หมายเลขในประเทศไทยที่ใช้ได้ "
                "(เช่น 056-599-100 หรือ 081-234-5678)"
            ),
            code="phone_invalid",
            params={"value": raw},
        )
    national = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    return f"{national} ต่อ {extension}" if extension else national


def phone_digits(value: str) -> str:
    """Digits of a number without its extension, in the national form ("+66 56 ..." becomes
    "056..."): what exact-match search indexes and compares."""
    digits = re.sub(r"\D", "", _EXTENSION.sub("", value or ""))
    return "0" + digits[2:] if digits.startswith("66") else digits


def phone_tel_uri(value: str) -> str:
    """A tel: URI for a stored number (extension as a pause), for links and vCards."""
    match = _EXTENSION.search(value or "")
    digits = phone_digits(value)
    if digits.startswith("0"):
        digits = "+66" + digits[1:]
    return f"tel:{digits},{match.group(1)}" if match else f"tel:{digits}"


def phone_split(value: str) -> tuple[str, str]:
    """A stored number as (number, extension): "056-511-061 ต่อ 12" gives ("056-511-061", "12")."""
    value = value or ""
    match = _EXTENSION.search(value)
    if not match:
        return value.strip(), ""
    return value[: match.start()].strip(), match.group(1)


def phone_clean_fields(instance, *field_names: str) -> None:
    """Normalise the named phone fields of a model instance, raising per-field Thai errors."""
    errors = {}
    for name in field_names:
        try:
            setattr(instance, name, phone_normalize(getattr(instance, name)))
        except ValidationError as exc:
            errors[name] = exc
    if errors:
        raise ValidationError(errors)
