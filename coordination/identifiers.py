"""Validators for the official identifiers an agency carries."""

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

school_code_validator = RegexValidator(
    r"^\d{10}$", _("รหัสโรงเรียนต้องเป็นตัวเลข 10 หลัก"), code="school_code"
)
smis_code_validator = RegexValidator(r"^\d{8}$", _("รหัส SMIS ต้องเป็นตัวเลข 8 หลัก"), code="smis_code")
obec_code_validator = RegexValidator(
    r"^\d{6}$", _("รหัส สพฐ. (OBEC) ต้องเป็นตัวเลข 6 หลัก"), code="obec_code"
)


def tax_id_validator(value: str) -> None:
    """A 13-digit Thai tax/citizen identifier with its mod-11 check digit."""
    if not value.isdigit() or len(value) != 13:
        raise ValidationError(_("เลขประจำตัวผู้เสียภาษีต้องเป็นตัวเลข 13 หลัก"), code="tax_id")
    if tax_id_check_digit(value[:12]) != value[12]:
        raise ValidationError(
            _("เลขประจำตัวผู้เสียภาษี %(value)s มีหลักตรวจสอบไม่ถูกต้อง"),
            code="tax_id_checksum",
            params={"value": value},
        )


def tax_id_check_digit(first_twelve: str) -> str:
    """The check digit that completes a 12-digit prefix (used by demo and scale data)."""
    total = sum(int(digit) * (13 - i) for i, digit in enumerate(first_twelve))
    return str((11 - total % 11) % 10)
