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


# The era's abbreviation (พุทธศักราช), the years between the eras, and the time of day.
ERA = "พ.ศ."
BE_OFFSET = 543
TIME_OF_DAY = "เวลา {time} น."


def thai_date(
    value: date | datetime | None,
    *,
    short: bool = False,
    with_time: bool = False,
    with_era: bool = False,
) -> str:
    """Format a stored (CE) date as a Thai Buddhist Era date, e.g. "24 พฤศจิกายน 2569"
    ("24 พฤศจิกายน พ.ศ. 2569" `with_era`, where a CE year stands next to it)."""
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
    year = f"{ERA} {value.year + BE_OFFSET}" if with_era else value.year + BE_OFFSET
    text = f"{value.day} {months[value.month - 1]} {year}"
    if with_time and moment is not None:
        text += " " + TIME_OF_DAY.format(time=f"{moment:%H:%M}")
    return text
