"""The registry's tabular columns: one definition that the staff export writes and the import reads.

Each column of a registry spreadsheet (CSV or XLSX) is a `Column`:

* ``key``: a stable machine name (an Agency field name where there is one: ``name_th``,
  ``school_code``; otherwise ``phones``, ``contact_1``, ``province``...);
* ``heading``: the Thai heading a spreadsheet shows (lazy gettext); ``aliases`` are other headings
  the import also accepts (the model's Thai field labels, the old export's headings, the key);
* ``to_cell(agency) -> str``: the agency's value as the text of one cell. ``agency`` is any object
  with the Agency's attributes (a model instance, a revision's object); phones and contacts are read
  with ``agency.phones.all()`` / ``agency.contacts.all()`` (prefetch them for many rows);
* ``from_cell(text) -> value``: one cell's text read back, normalised (Thai digits become Arabic,
  phone numbers take the one national format) or a Thai ``ValidationError``;
* ``read(agency) -> value``: the agency's value in the same form ``from_cell`` returns, so
  ``column.read(agency) == column.from_cell(column.to_cell(agency))`` for every column: the import
  compares these two to tell an unchanged row from a changed one (export → import changes nothing).
* ``importable``: False for columns the export writes but the import ignores (mission text, the
  date of the last check, the publication state).

Values that are names, not fields: ``category`` and ``school_network`` are written by their Thai
name, ``parent`` and ``successor`` by the other agency's slug, ``province``/``district``/
``subdistrict`` by their Thai names (the import turns them back into DOPA codes, coordination.geo);
choices by their Thai labels (the codes are read too); yes/no as ใช่/ไม่ใช่.

Phones, one cell, entries separated by ";" (or line breaks)::

    056-511-061 ต่อ 12 (โทรศัพท์สำนักงาน); 056-511-062 (โทรสาร, งานสารบรรณ, ไม่เผยแพร่)

Each entry is the number (with its extension, ต่อ), then in brackets its kind (the PhoneKind
label), an optional note, and "ไม่เผยแพร่" when the number is internal. A number without brackets
is a public office phone.

Contacts, one cell per contact under the headings "ผู้ประสานงาน 1", "ผู้ประสานงาน 2", ... (as many
as the agency with most contacts needs; `contact_columns(n)` makes them), each cell a list of
"label: value" parts separated by " | "::

    ชื่อ: นางสาวสมใจ ใจดี | ตำแหน่ง: นักจัดการงานทั่วไป | บทบาท: ผู้ประสานงาน |
    โทรศัพท์: 056-511-061 ต่อ 12 | อีเมล: somjai@example.go.th | เผยแพร่: โทรศัพท์, อีเมล

Parts (any order, empty ones left out): ชื่อ, ตำแหน่ง, บทบาท (a ContactRole label), โทรศัพท์,
อีเมล, มือถือ, LINE, ที่อยู่บ้าน, ตั้งแต่ and ถึง (dates as d/m/yyyy in the Buddhist Era, e.g.
1/10/2567), เผยแพร่ (which of โทรศัพท์, อีเมล, มือถือ, LINE are public, "-" for none; left out:
the defaults, office phone and e-mail public), บุคคลทั่วไป (ใช่/ไม่ใช่), วันที่ยินยอม,
หลักฐานความยินยอม.

Writers neutralise formula-looking cells (leading ``=``, ``+``, ``-``, ``@``) by a leading
apostrophe; `cell_text()` removes that apostrophe again, so neutralised cells round-trip.

The API is stable: `REGISTRY_COLUMNS` (the fixed columns, in export order), `contact_columns(n)`,
`registry_columns(contact_count)` (both together), `column_for_heading(heading)` (the column a
heading of a file means, or None), `cell_text(raw)` and the `Column` fields above.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.html import strip_tags
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from coordination import geo
from coordination.choices import AgencyStatus, ContactRole, PhoneKind, Scope, SizeBand, Visibility
from coordination.phones import phone_normalize
from coordination.text import text_without_controls
from coordination.thai_dates import BE_OFFSET

THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
YES = gettext_lazy("ใช่")
NO = gettext_lazy("ไม่ใช่")
_YES_WORDS = {"ใช่", "มี", "yes", "y", "true", "1", "x", "✓", "/"}
_NO_WORDS = {"ไม่ใช่", "ไม่", "ไม่มี", "no", "n", "false", "0", "-", ""}
_NEUTRALISED = re.compile(r"^'(?=[=+\-@])")


def cell_text(raw: Any) -> str:
    """A cell of a file (text, number, date from XLSX, None) as clean single-line text."""
    if raw is None:
        return ""
    if isinstance(raw, bool):
        return str(YES if raw else NO)
    if isinstance(raw, datetime):
        raw = raw.date()
    if isinstance(raw, date):
        return f"{raw.day}/{raw.month}/{raw.year + BE_OFFSET}"
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    text = text_without_controls(str(raw), multiline=True).strip()
    return _NEUTRALISED.sub("", text)


def digits_arabic(text: str) -> str:
    return text.translate(THAI_DIGITS)


def _single_line(text: str) -> str:
    return " ".join(text.split())


@dataclass(frozen=True)
class Column:
    """One column of a registry spreadsheet (see the module docstring)."""

    key: str
    heading: Any  # lazy Thai text
    read: Callable[[Any], Any]
    write: Callable[[Any], str]
    parse: Callable[[str], Any]
    aliases: tuple = ()
    importable: bool = True
    example: str = ""

    def to_cell(self, agency) -> str:
        return self.write(self.read(agency))

    def from_cell(self, text: Any) -> Any:
        return self.parse(cell_text(text))

    def headings(self) -> set[str]:
        """Every heading that means this column, compared without spaces and case."""
        return {_heading_key(h) for h in (self.heading, self.key, *self.aliases)}


def _heading_key(heading) -> str:
    return "".join(digits_arabic(str(heading)).split()).casefold()


# Value kinds: (read from the agency, write to a cell, parse a cell).


def _attr(name: str) -> Callable[[Any], Any]:
    return lambda agency: getattr(agency, name)


def _text_column(key, heading, *, aliases=(), digits=False, example="", max_length=None):
    def parse(text: str) -> str:
        text = _single_line(text)
        if digits:
            text = digits_arabic(text)
        if max_length and len(text) > max_length:
            raise ValidationError(
                _("ยาวเกิน %(limit)s ตัวอักษร (มี %(length)s ตัวอักษร)"),
                params={"limit": max_length, "length": len(text)},
            )
        return text

    return Column(
        key,
        heading,
        read=lambda agency: getattr(agency, key) or "",
        write=str,
        parse=parse,
        aliases=aliases,
        example=example,
    )


def _code_column(key, heading, length, *, aliases=(), example=""):
    def parse(text: str) -> str:
        text = re.sub(r"[\s\-]", "", digits_arabic(text))
        if text and not (text.isdigit() and len(text) == length):
            raise ValidationError(
                _("ต้องเป็นตัวเลข %(length)s หลัก (ได้ “%(value)s”)"),
                params={"length": length, "value": text},
            )
        return text

    return Column(
        key,
        heading,
        read=lambda agency: getattr(agency, key) or "",
        write=str,
        parse=parse,
        aliases=aliases,
        example=example,
    )


def _choice_column(key, heading, choices, *, aliases=(), blank=False, default=None, example=""):
    """Written by its Thai label; read by label or code. An empty cell is "" where the field may
    be blank, the field's default where it has one, else an error."""
    labels = {value: str(label) for value, label in choices.choices}

    def parse(text: str):
        text = _single_line(text)
        if not text:
            if blank:
                return ""
            if default is not None:
                return default
            raise ValidationError(_("ต้องระบุค่า"))
        value = _choice_value(choices, text)
        if value is not None:
            return value
        raise ValidationError(
            _("“%(value)s” ไม่ใช่ค่าที่ใช้ได้ (ใช้ได้: %(allowed)s)"),
            params={"value": text, "allowed": ", ".join(str(lab) for _v, lab in choices.choices)},
        )

    return Column(
        key,
        heading,
        read=lambda agency: getattr(agency, key) or "",
        write=lambda value: labels.get(value, value or ""),
        parse=parse,
        aliases=aliases,
        example=example,
    )


def yes_no_parse(text: str) -> bool:
    word = _single_line(text).casefold()
    if word in _YES_WORDS:
        return True
    if word in _NO_WORDS:
        return False
    raise ValidationError(_("“%(value)s” ต้องเป็น ใช่ หรือ ไม่ใช่"), params={"value": text})


def _bool_column(key, heading, *, aliases=(), example=""):
    return Column(
        key,
        heading,
        read=lambda agency: bool(getattr(agency, key)),
        write=lambda value: str(YES if value else NO),
        parse=yes_no_parse,
        aliases=aliases,
        example=example,
    )


def _integer_column(key, heading, *, aliases=(), default=None, example=""):
    """An empty cell is the field's default (None: no number)."""

    def parse(text: str):
        text = re.sub(r"[\s,]", "", digits_arabic(text))
        if not text:
            return default
        if not text.isdigit():
            raise ValidationError(_("“%(value)s” ต้องเป็นจำนวนเต็ม"), params={"value": text})
        return int(text)

    return Column(
        key,
        heading,
        read=_attr(key),
        write=lambda value: "" if value is None else str(value),
        parse=parse,
        aliases=aliases,
        example=example,
    )


def _decimal_column(key, heading, *, aliases=(), example=""):
    def parse(text: str):
        text = digits_arabic(text).replace(" ", "")
        if not text:
            return None
        try:
            return Decimal(text).quantize(Decimal("0.000001"))
        except InvalidOperation as exc:
            raise ValidationError(
                _("“%(value)s” ต้องเป็นตัวเลขทศนิยม"), params={"value": text}
            ) from exc

    def read(agency):
        value = getattr(agency, key)
        return None if value is None else Decimal(value).quantize(Decimal("0.000001"))

    return Column(
        key,
        heading,
        read=read,
        write=lambda value: "" if value is None else f"{value.normalize():f}",
        parse=parse,
        aliases=aliases,
        example=example,
    )


def _related_column(key, heading, attribute, *, aliases=(), example=""):
    """A related object written by one of its fields (a name or a slug)."""

    def read(agency):
        related = getattr(agency, key) if getattr(agency, f"{key}_id", None) else None
        return getattr(related, attribute, "") if related is not None else ""

    return Column(
        key,
        heading,
        read=read,
        write=str,
        parse=_single_line,
        aliases=aliases,
        example=example,
    )


_PLACE_PREFIXES = {
    "province": ("จังหวัด", "จ."),
    "district": ("อำเภอ", "อ.", "เขต"),
    "subdistrict": ("ตำบล", "ต.", "แขวง"),
}
_PLACE_NAMES = {
    "province": ("province_code", geo.province_name),
    "district": ("district_code", geo.district_name),
    "subdistrict": ("subdistrict_code", geo.subdistrict_name),
}


def place_name_clean(kind: str, text: str) -> str:
    """A province, district or subdistrict name without its prefix ("อ.เมืองอุทัยธานี")."""
    text = _single_line(text)
    for prefix in _PLACE_PREFIXES[kind]:
        if text.startswith(prefix) and len(text) > len(prefix):
            return text[len(prefix) :].strip()
    return text


def _place_column(kind, heading, *, aliases=(), example=""):
    code_field, name_of = _PLACE_NAMES[kind]
    return Column(
        kind,
        heading,
        read=lambda agency: name_of(getattr(agency, code_field)),
        write=str,
        parse=lambda text: place_name_clean(kind, text),
        aliases=aliases,
        example=example,
    )


# Phones -------------------------------------------------------------------------------------

INTERNAL_MARK = gettext_lazy("ไม่เผยแพร่")


@dataclass(frozen=True)
class PhoneEntry:
    number: str
    kind: str = PhoneKind.OFFICE
    label: str = ""
    is_public: bool = True


@lru_cache(maxsize=64)
def _choice_words(choices, language: str | None) -> tuple[tuple[str, str, str], ...]:
    """(label, code, value) of each choice, compared case-folded; the labels translated once
    per language, not for every cell."""
    return tuple(
        (str(label).casefold(), value.casefold(), value) for value, label in choices.choices
    )


def _choice_value(choices, word: str) -> str | None:
    wanted = word.strip().casefold()
    for label, code, value in _choice_words(choices, get_language()):
        if wanted in (label, code):
            return value
    return None


def phone_entry_text(entry: PhoneEntry) -> str:
    notes = [str(PhoneKind(entry.kind).label) if entry.kind in PhoneKind.values else entry.kind]
    if entry.label:
        notes.append(entry.label)
    if not entry.is_public:
        notes.append(str(INTERNAL_MARK))
    return f"{entry.number} ({', '.join(notes)})"


def phone_entry_parse(text: str) -> PhoneEntry:
    text = digits_arabic(text.strip())
    kind, label, is_public = PhoneKind.OFFICE, "", True
    match = re.fullmatch(r"(.*?)\s*\(([^()]*)\)", text)
    if match:
        notes = [note.strip() for note in match.group(2).split(",") if note.strip()]
        first_kind = _choice_value(PhoneKind, notes[0]) if notes else None
        if first_kind or (notes and notes[-1] == str(INTERNAL_MARK)):
            text = match.group(1)
            if first_kind:
                kind = first_kind
                notes = notes[1:]
            if notes and notes[-1] == str(INTERNAL_MARK):
                is_public = False
                notes = notes[:-1]
            label = ", ".join(notes)
    return PhoneEntry(number=phone_normalize(text), kind=kind, label=label, is_public=is_public)


def phones_parse(text: str) -> tuple[PhoneEntry, ...]:
    entries = []
    for part in re.split(r"[;\n]", text):
        if part.strip():
            entries.append(phone_entry_parse(part))
    return tuple(entries)


def phones_read(agency) -> tuple[PhoneEntry, ...]:
    phones = sorted(agency.phones.all(), key=lambda phone: (phone.sort_order or 0, phone.pk or 0))
    return tuple(
        PhoneEntry(number=p.number, kind=p.kind, label=p.label, is_public=p.is_public)
        for p in phones
    )


# Contacts -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ContactEntry:
    """A contact as one cell holds it: the Contact fields, by their names."""

    name: str
    position: str = ""
    role: str = ContactRole.COORDINATOR
    phone: str = ""
    email: str = ""
    mobile: str = ""
    line_id: str = ""
    home_address: str = ""
    period_from: date | None = None
    period_until: date | None = None
    phone_public: bool = True
    email_public: bool = True
    mobile_public: bool = False
    line_public: bool = False
    is_private_person: bool = False
    consent_recorded_at: date | None = None
    consent_note: str = ""

    def fields(self) -> dict:
        return {name: getattr(self, name) for name in self.__dataclass_fields__}


# (part label, ContactEntry field, kind); kinds: text, phone, role, date, yes_no.
CONTACT_PARTS = [
    (gettext_lazy("ชื่อ"), "name", "text"),
    (gettext_lazy("ตำแหน่ง"), "position", "text"),
    (gettext_lazy("บทบาท"), "role", "role"),
    (gettext_lazy("โทรศัพท์"), "phone", "phone"),
    (gettext_lazy("อีเมล"), "email", "text"),
    (gettext_lazy("มือถือ"), "mobile", "phone"),
    (gettext_lazy("LINE"), "line_id", "text"),
    (gettext_lazy("ที่อยู่บ้าน"), "home_address", "text"),
    (gettext_lazy("ตั้งแต่"), "period_from", "date"),
    (gettext_lazy("ถึง"), "period_until", "date"),
    (gettext_lazy("บุคคลทั่วไป"), "is_private_person", "yes_no"),
    (gettext_lazy("วันที่ยินยอม"), "consent_recorded_at", "date"),
    (gettext_lazy("หลักฐานความยินยอม"), "consent_note", "text"),
]
PUBLIC_PART = gettext_lazy("เผยแพร่")
# The channels the "เผยแพร่" part names, and the flag each one sets.
PUBLIC_CHANNELS = [
    (gettext_lazy("โทรศัพท์"), "phone_public"),
    (gettext_lazy("อีเมล"), "email_public"),
    (gettext_lazy("มือถือ"), "mobile_public"),
    (gettext_lazy("LINE"), "line_public"),
]
NONE_PUBLIC = "-"
# Other words people may write for a part: the model's field labels.
_CONTACT_PART_ALIASES = {
    "ชื่อ-นามสกุล": "name",
    "ชื่อนามสกุล": "name",
    "โทรศัพท์ที่ทำงาน": "phone",
    "อีเมลที่ทำงาน": "email",
    "โทรศัพท์มือถือ": "mobile",
    "โทรศัพท์มือถือส่วนตัว": "mobile",
    "lineid": "line_id",
    "ไลน์": "line_id",
}


def date_text(value: date | None) -> str:
    """A date as d/m/yyyy in the Buddhist Era (1/10/2567)."""
    return f"{value.day}/{value.month}/{value.year + BE_OFFSET}" if value else ""


def date_parse(text: str) -> date | None:
    """d/m/yyyy (Buddhist or Common Era), or yyyy-mm-dd; Thai digits too."""
    text = digits_arabic(text.strip())
    if not text:
        return None
    match = re.fullmatch(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})", text)
    iso = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text)
    try:
        if match:
            day, month, year = (int(part) for part in match.groups())
        elif iso:
            year, month, day = (int(part) for part in iso.groups())
        else:
            raise ValueError(text)
        if year > 2400:
            year -= BE_OFFSET
        return date(year, month, day)
    except ValueError as exc:
        raise ValidationError(
            _("“%(value)s” ไม่ใช่วันที่ (ใช้รูปแบบ วัน/เดือน/ปี พ.ศ. เช่น 1/10/2567)"),
            params={"value": text},
        ) from exc


@lru_cache(maxsize=8)
def _contact_words(language: str | None) -> tuple[list, dict, str, list, str]:
    """The words a contact cell is written with, translated once into `language`."""
    parts = [(str(label), name, kind) for label, name, kind in CONTACT_PARTS]
    roles = {value: str(label) for value, label in ContactRole.choices}
    channels = [(str(label), flag) for label, flag in PUBLIC_CHANNELS]
    return parts, roles, str(YES), channels, str(PUBLIC_PART)


def contact_text(entry: ContactEntry | None) -> str:
    if entry is None:
        return ""
    labels, roles, yes, channels, public_part = _contact_words(get_language())
    parts = []
    for label, name, kind in labels:
        value = getattr(entry, name)
        if kind == "role":
            text = roles.get(value, value)
        elif kind == "date":
            text = date_text(value)
        elif kind == "yes_no":
            text = yes if value else ""
        else:
            text = value
        if text:
            parts.append(f"{label}: {text}")
    public = [label for label, flag in channels if getattr(entry, flag)]
    parts.append(f"{public_part}: {', '.join(public) or NONE_PUBLIC}")
    return " | ".join(parts)


@lru_cache(maxsize=8)
def _contact_keys(language: str | None) -> tuple[dict, dict, str, str]:
    """The contact cell's part labels and public channels by heading key, in `language`: made
    once, not for each cell (the labels are lazy translations)."""
    by_label = {_heading_key(label): (name, kind) for label, name, kind in CONTACT_PARTS}
    kinds = {name: kind for _label, name, kind in CONTACT_PARTS}
    by_label.update({_heading_key(k): (v, kinds[v]) for k, v in _CONTACT_PART_ALIASES.items()})
    channels = {_heading_key(label): flag for label, flag in PUBLIC_CHANNELS}
    channels.update({_heading_key("โทรศัพท์ที่ทำงาน"): "phone_public", "ไลน์": "line_public"})
    return by_label, channels, _heading_key(PUBLIC_PART), _heading_key(INTERNAL_MARK)


def contact_parse(text: str) -> ContactEntry | None:
    if not text.strip():
        return None
    by_label, channels, public_key, internal_key = _contact_keys(get_language())
    values: dict[str, Any] = {}
    errors = []
    for part in text.split("|"):
        if not part.strip():
            continue
        label, sep, value = part.partition(":")
        value = value.strip()
        key = _heading_key(label)
        if not sep:
            errors.append(
                _("“%(part)s” ต้องเขียนเป็น หัวข้อ: ค่า (เช่น ชื่อ: นางสาวสมใจ ใจดี)")
                % {"part": part.strip()}
            )
            continue
        if key == public_key:
            flags = dict.fromkeys((flag for _label, flag in PUBLIC_CHANNELS), False)
            for word in re.split(r"[,、]", value):
                word_key = _heading_key(word)
                if word_key in ("", NONE_PUBLIC, internal_key):
                    continue
                if word_key not in channels:
                    errors.append(
                        _("ช่องทาง “%(value)s” ไม่รู้จัก (ใช้ได้: %(allowed)s)")
                        % {
                            "value": word.strip(),
                            "allowed": ", ".join(str(lab) for lab, _f in PUBLIC_CHANNELS),
                        }
                    )
                    continue
                flags[channels[word_key]] = True
            values.update(flags)
            continue
        if key not in by_label:
            errors.append(_("หัวข้อ “%(label)s” ไม่รู้จัก") % {"label": label.strip()})
            continue
        name, kind = by_label[key]
        try:
            if kind == "phone":
                values[name] = phone_normalize(digits_arabic(value))
            elif kind == "role":
                role = _choice_value(ContactRole, value)
                if role is None:
                    raise ValidationError(
                        _("บทบาท “%(value)s” ไม่รู้จัก (ใช้ได้: %(allowed)s)"),
                        params={
                            "value": value,
                            "allowed": ", ".join(str(lab) for _v, lab in ContactRole.choices),
                        },
                    )
                values[name] = role
            elif kind == "date":
                values[name] = date_parse(value)
            elif kind == "yes_no":
                values[name] = yes_no_parse(value)
            else:
                values[name] = value
        except ValidationError as exc:
            errors.extend(exc.messages)
    if not values.get("name"):
        errors.append(_("ผู้ประสานงานต้องมีชื่อ (ชื่อ: ...)"))
    if errors:
        raise ValidationError(errors)
    return ContactEntry(**values)


def contact_read(agency, index: int) -> ContactEntry | None:
    contacts = sorted(agency.contacts.all(), key=lambda c: (c.sort_order or 0, c.pk or 0))
    if index >= len(contacts):
        return None
    contact = contacts[index]
    return ContactEntry(
        **{name: getattr(contact, name) for name in ContactEntry.__dataclass_fields__}
    )


CONTACT_HEADING = gettext_lazy("ผู้ประสานงาน")
_CONTACT_HEADING = re.compile(r"^ผู้ประสานงาน(?:คนที่|ที่)?(\d+)$")


def contact_column(number: int) -> Column:
    """The column of the `number`th contact (from 1): "ผู้ประสานงาน 1"."""
    return Column(
        f"contact_{number}",
        f"{CONTACT_HEADING} {number}",
        read=lambda agency: contact_read(agency, number - 1),
        write=contact_text,
        parse=contact_parse,
        example=(
            "ชื่อ: นางสาวสมใจ ใจดี | ตำแหน่ง: ผู้อำนวยการโรงเรียน | บทบาท: หัวหน้าหน่วยงาน | "
            "โทรศัพท์: 056-511-061 ต่อ 12 | อีเมล: somjai@example.ac.th | เผยแพร่: โทรศัพท์, อีเมล"
            if number == 1
            else ""
        ),
    )


def contact_columns(count: int) -> list[Column]:
    return [contact_column(number) for number in range(1, count + 1)]


# The columns ---------------------------------------------------------------------------------


def _tags_read(agency) -> tuple[str, ...]:
    return tuple(sorted(tag.name for tag in agency.tags.all()))


def _tags_parse(text: str) -> tuple[str, ...]:
    return tuple(sorted({_single_line(tag) for tag in re.split(r"[,;]", text) if tag.strip()}))


def _publication_read(agency) -> str:
    if not agency.live:
        return _("ฉบับร่าง ยังไม่เผยแพร่")
    if agency.has_unpublished_changes:
        return _("เผยแพร่แล้ว มีฉบับร่างรอการอนุมัติ")
    return _("เผยแพร่แล้ว")


def _verified_read(agency) -> str:
    value = agency.last_verified_at
    return date_text(value.date() if isinstance(value, datetime) else value)


REGISTRY_COLUMNS: list[Column] = [
    _text_column(
        "slug",
        gettext_lazy("ชื่อใน URL"),
        aliases=("slug",),
        max_length=120,
        example="rong-rian-ban-tua-yang",
    ),
    _text_column(
        "name_th",
        gettext_lazy("ชื่อหน่วยงาน (ไทย)"),
        aliases=(gettext_lazy("ชื่อหน่วยงาน"),),
        max_length=255,
        example="โรงเรียนบ้านตัวอย่าง",
    ),
    _text_column(
        "name_en",
        gettext_lazy("ชื่อหน่วยงาน (อังกฤษ)"),
        aliases=(gettext_lazy("ชื่ออังกฤษ"),),
        max_length=255,
        example="Ban Tua Yang School",
    ),
    _text_column("short_name", gettext_lazy("ชื่อย่อ"), max_length=60, example="รร.บ้านตัวอย่าง"),
    _choice_column("scope", gettext_lazy("ขอบเขต"), Scope, example=str(Scope.INTERNAL.label)),
    _related_column("category", gettext_lazy("ประเภท"), "name_th", example="โรงเรียน"),
    _related_column(
        "parent",
        gettext_lazy("สังกัด/หน่วยงานแม่ (ชื่อใน URL)"),
        "slug",
        aliases=(gettext_lazy("สังกัด/หน่วยงานแม่"), gettext_lazy("สังกัด")),
    ),
    _text_column("house_no", gettext_lazy("เลขที่"), digits=True, max_length=30, example="99"),
    _text_column("moo", gettext_lazy("หมู่ที่"), digits=True, max_length=10, example="3"),
    _text_column("road", gettext_lazy("ถนน/ซอย"), max_length=120),
    _place_column(
        "subdistrict", gettext_lazy("ตำบล/แขวง"), aliases=(gettext_lazy("ตำบล"),), example="อุทัยใหม่"
    ),
    _place_column(
        "district",
        gettext_lazy("อำเภอ/เขต"),
        aliases=(gettext_lazy("อำเภอ"),),
        example="เมืองอุทัยธานี",
    ),
    _place_column("province", gettext_lazy("จังหวัด"), example="อุทัยธานี"),
    _code_column("postcode", gettext_lazy("รหัสไปรษณีย์"), 5, example="61000"),
    _decimal_column("latitude", gettext_lazy("ละติจูด")),
    _decimal_column("longitude", gettext_lazy("ลองจิจูด")),
    Column(
        "phones",
        gettext_lazy("หมายเลขโทรศัพท์"),
        read=phones_read,
        write=lambda entries: "; ".join(phone_entry_text(entry) for entry in entries),
        parse=phones_parse,
        aliases=(gettext_lazy("โทรศัพท์"),),
        example="056-511-061 ต่อ 12 (โทรศัพท์สำนักงาน); 056-511-062 (โทรสาร)",
    ),
    _text_column(
        "email",
        gettext_lazy("อีเมลทั่วไป"),
        aliases=(gettext_lazy("อีเมล"),),
        example="school@example.ac.th",
    ),
    _text_column("email_saraban", gettext_lazy("อีเมลสารบรรณ")),
    _text_column("website", gettext_lazy("เว็บไซต์")),
    _text_column("facebook_url", gettext_lazy("เพจ Facebook")),
    _text_column("line_oa", gettext_lazy("LINE Official Account"), max_length=60),
    _code_column(
        "school_code",
        gettext_lazy("รหัสโรงเรียน 10 หลัก"),
        10,
        aliases=(gettext_lazy("รหัสโรงเรียน"),),
        example="1061000001",
    ),
    _code_column(
        "smis_code", gettext_lazy("รหัส SMIS 8 หลัก"), 8, aliases=(gettext_lazy("รหัส SMIS"),)
    ),
    _code_column(
        "obec_code", gettext_lazy("รหัส สพฐ. 6 หลัก"), 6, aliases=(gettext_lazy("รหัส สพฐ."),)
    ),
    _code_column("tax_id", gettext_lazy("เลขประจำตัวผู้เสียภาษี"), 13),
    _choice_column("size_band", gettext_lazy("ขนาดโรงเรียน"), SizeBand, blank=True),
    _integer_column("students", gettext_lazy("จำนวนนักเรียน"), example="85"),
    _integer_column("teachers", gettext_lazy("จำนวนครู"), example="7"),
    _related_column("school_network", gettext_lazy("เครือข่ายสถานศึกษา"), "name_th"),
    _bool_column("teaches_kindergarten", gettext_lazy("เปิดสอนระดับอนุบาล"), example=str(YES)),
    _bool_column("teaches_primary", gettext_lazy("เปิดสอนระดับประถมศึกษา"), example=str(YES)),
    _bool_column(
        "teaches_lower_secondary",
        gettext_lazy("เปิดสอนระดับมัธยมศึกษาตอนต้น (ขยายโอกาส)"),
        aliases=(gettext_lazy("เปิดสอนระดับมัธยมศึกษาตอนต้น"),),
        example=str(NO),
    ),
    _choice_column(
        "status",
        gettext_lazy("สถานะ"),
        AgencyStatus,
        default=AgencyStatus.ACTIVE,
        example=str(AgencyStatus.ACTIVE.label),
    ),
    _text_column("closed_reason", gettext_lazy("เหตุที่ปิด/ยุบเลิก"), max_length=255),
    _related_column("successor", gettext_lazy("หน่วยงานที่รับช่วงต่อ (ชื่อใน URL)"), "slug"),
    _choice_column(
        "visibility",
        gettext_lazy("การเผยแพร่"),
        Visibility,
        default=Visibility.PUBLIC,
        example=str(Visibility.PUBLIC.label),
    ),
    Column(
        "tags",
        gettext_lazy("แท็ก"),
        read=_tags_read,
        write=", ".join,
        parse=_tags_parse,
    ),
    # Empty: the category's interval.
    _integer_column("review_interval_days", gettext_lazy("รอบทบทวนข้อมูล (วัน)"), example="365"),
    Column(
        "mission",
        gettext_lazy("ภารกิจและอำนาจหน้าที่"),
        read=lambda agency: _single_line(strip_tags(agency.mission or "")),
        write=str,
        parse=str,
        importable=False,
    ),
    Column(
        "last_verified_at",
        gettext_lazy("ตรวจสอบข้อมูลล่าสุดเมื่อ"),
        read=_verified_read,
        write=str,
        parse=str,
        aliases=(gettext_lazy("ตรวจสอบล่าสุด"),),
        importable=False,
    ),
    Column(
        "publication",
        gettext_lazy("สถานะการเผยแพร่"),
        read=_publication_read,
        write=str,
        parse=str,
        aliases=(gettext_lazy("เผยแพร่แล้ว"),),
        importable=False,
    ),
]

# The columns a template lists and an export writes at least once: one contact.
DEFAULT_CONTACT_COLUMNS = 1


def registry_columns(contact_count: int = DEFAULT_CONTACT_COLUMNS) -> list[Column]:
    """The fixed columns and `contact_count` contact columns, in the order a file shows them."""
    return [*REGISTRY_COLUMNS, *contact_columns(contact_count)]


def column_for_heading(heading: Any) -> Column | None:
    """The column a file's heading means (export heading, Thai field label or key), or None."""
    key = _heading_key(cell_text(heading))
    if not key:
        return None
    match = _CONTACT_HEADING.match(key)
    if match and int(match.group(1)) > 0:
        return contact_column(int(match.group(1)))
    for column in REGISTRY_COLUMNS:
        if key in column.headings():
            return column
    return None
