"""Buddhist Era dates (พ.ศ. = ค.ศ. + 543): the one formatter every template and feed uses."""

from datetime import date, datetime

from django.utils import timezone

THAI_MONTHS = [
    "มกราคม",
    "กุมภาพันธ์",
    "มีนาคม",
    "เมษายน",
    "พฤษภาคม",
    "มิถุนายน",
    "กรกฎาคม",
    "สิงหาคม",
    "กันยายน",
    "ตุลาคม",
    "พฤศจิกายน",
    "ธันวาคม",
]
THAI_MONTHS_SHORT = [
    "ม.ค.",
    "ก.พ.",
    "มี.ค.",
    "เม.ย.",
    "พ.ค.",
    "มิ.ย.",
    "ก.ค.",
    "ส.ค.",
    "ก.ย.",
    "ต.ค.",
    "พ.ย.",
    "ธ.ค.",
]


def thai_date(
    value: date | datetime | None, *, short: bool = False, with_time: bool = False
) -> str:
    """Format a stored (CE) date as a Thai Buddhist Era date, e.g. "24 พฤศจิกายน 2569"."""
    if value is None or value == "":
        return ""
    if isinstance(value, datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        moment = value
        value = value.date()
    else:
        moment = None
    months = THAI_MONTHS_SHORT if short else THAI_MONTHS
    text = f"{value.day} {months[value.month - 1]} {value.year + 543}"
    if with_time and moment is not None:
        text += f" เวลา {moment:%H:%M} น."
    return text
