"""The columns of the registry's exports, for each audience.

The public export is built from the public card only (`agency_public_view()`): what the directory
shows, as a contact list. The staff export is the registry's own tabular columns
(`coordination.registry_columns`), the ones the import reads, so that a staff export edited in
Excel imports again unchanged.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from coordination.cards import AgencyCard, ContactCard
from coordination.registry_columns import Column, registry_columns
from coordination.spreadsheets import SheetColumn

# The sheet's name in Excel (at most 31 characters).
SHEET_TITLE = _("ทะเบียนหน่วยงาน")
STAFF_SHEET_TITLE = _("ทะเบียนหน่วยงาน (ภายใน)")


def _phones(card: AgencyCard) -> str:
    lines = []
    for phone in card.phones:
        note = f", {phone.note}" if phone.note else ""
        lines.append(f"{phone.number} ({phone.label}{note})")
    return "\n".join(lines)


def _contact_line(contact: ContactCard) -> str:
    parts = [contact.name]
    if contact.position:
        parts.append(contact.position)
    if contact.role:
        parts.append(contact.role)
    for label, value in (
        (_("โทร."), contact.phone),
        (_("มือถือ"), contact.mobile),
        (_("อีเมล"), contact.email),
        (_("LINE"), contact.line_id),
    ):
        if value:
            parts.append(f"{label} {value}")
    return ", ".join(str(part) for part in parts)


def _contacts(card: AgencyCard) -> str:
    return "\n".join(_contact_line(contact) for contact in card.contacts)


def _fact(key: str) -> Callable[[AgencyCard], str]:
    def read(card: AgencyCard) -> str:
        return next((fact.value for fact in card.identifiers if fact.key == key), "")

    return read


@dataclass(frozen=True)
class CardColumn:
    heading: object
    read: Callable[[AgencyCard], str]
    width: int = 20


PUBLIC_COLUMNS = [
    CardColumn(_("ชื่อหน่วยงาน"), lambda card: card.name_th, 40),
    CardColumn(_("ชื่อย่อ"), lambda card: card.short_name, 16),
    CardColumn(_("ชื่อภาษาอังกฤษ"), lambda card: card.name_en, 30),
    CardColumn(_("ขอบเขต"), lambda card: card.scope_label, 10),
    CardColumn(_("ประเภท"), lambda card: card.category, 24),
    CardColumn(_("สังกัด"), lambda card: card.parent_name, 30),
    CardColumn(_("ที่อยู่"), lambda card: card.address_line, 50),
    CardColumn(_("เลขที่ หมู่ ถนน"), lambda card: card.street_address, 24),
    CardColumn(_("ตำบล"), lambda card: card.subdistrict_name, 16),
    CardColumn(_("อำเภอ"), lambda card: card.district_name, 16),
    CardColumn(_("จังหวัด"), lambda card: card.province_name, 14),
    CardColumn(_("รหัสไปรษณีย์"), lambda card: card.postcode, 10),
    CardColumn(_("โทรศัพท์"), _phones, 34),
    CardColumn(_("อีเมล"), lambda card: card.email, 28),
    CardColumn(_("อีเมลสารบรรณ"), lambda card: card.email_saraban, 28),
    CardColumn(_("เว็บไซต์"), lambda card: card.website, 30),
    CardColumn(_("เพจ Facebook"), lambda card: card.facebook_url, 30),
    CardColumn(_("LINE Official Account"), lambda card: card.line_oa, 16),
    CardColumn(_("ผู้ประสานงาน"), _contacts, 60),
    CardColumn(_("รหัสโรงเรียน"), _fact("school_code"), 14),
    CardColumn(_("รหัส SMIS"), _fact("smis_code"), 12),
    CardColumn(_("รหัส สพฐ."), _fact("obec_code"), 10),
    CardColumn(_("สถานะ"), lambda card: card.status_label, 14),
]


def public_sheet_columns() -> list[SheetColumn]:
    return [SheetColumn(str(column.heading), column.width) for column in PUBLIC_COLUMNS]


def public_row(card: AgencyCard) -> list[str]:
    """One agency of the public export (public card only, never a staff card)."""
    if card.audience != "public":
        raise ValueError("the public export is built from public cards only")
    return [column.read(card) for column in PUBLIC_COLUMNS]


STAFF_WIDTHS = {
    "slug": 28,
    "name_th": 40,
    "name_en": 30,
    "category": 24,
    "parent": 24,
    "road": 20,
    "subdistrict": 16,
    "district": 18,
    "province": 14,
    "phones": 44,
    "email": 28,
    "email_saraban": 28,
    "website": 30,
    "facebook_url": 30,
    "mission": 50,
    "last_verified_at": 16,
    "publication": 24,
}
CONTACT_WIDTH = 60


def staff_columns(contact_count: int) -> list[Column]:
    """The registry's columns, with one contact column per contact of the fullest agency."""
    return registry_columns(max(contact_count, 1))


def staff_sheet_columns(columns: list[Column]) -> list[SheetColumn]:
    return [
        SheetColumn(
            str(column.heading),
            CONTACT_WIDTH
            if column.key.startswith("contact_")
            else STAFF_WIDTHS.get(column.key, 14),
        )
        for column in columns
    ]


def staff_row(columns: list[Column], agency, *, real_dates: bool = False) -> list:
    """One agency as the registry's columns write it; with `real_dates` (XLSX) a date column
    holds the date itself, which the sheet shows in the Buddhist Era."""
    row = []
    for column in columns:
        if real_dates and column.key == "last_verified_at" and agency.last_verified_at:
            value = agency.last_verified_at
            if isinstance(value, datetime) and timezone.is_aware(value):
                value = timezone.localtime(value)
            row.append(value.date() if isinstance(value, datetime) else value)
        else:
            row.append(column.to_cell(agency))
    return row
