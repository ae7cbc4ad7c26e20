"""One timeline per agency: Wagtail's audit log and the live-data history, merged, newest first."""

from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Model
from wagtail.models import ModelLogEntry

from coordination.history import WAGTAIL_BOOKKEEPING_FIELDS
from coordination.models import Agency, AgencyCategory, AgencyPhone, Contact, SchoolNetwork

HIDDEN_FIELDS = {"id", "live", *WAGTAIL_BOOKKEEPING_FIELDS}


@dataclass(frozen=True)
class FieldChange:
    label: str
    old: str
    new: str


@dataclass(frozen=True)
class TimelineEntry:
    at: datetime
    kind: str  # "action" (audit log) or "change" (live data)
    title: str
    actor: str
    comment: str = ""
    subject: str = ""
    changes: list[FieldChange] = field(default_factory=list)


def _display_name(user) -> str:
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()


def _value_display(model: type[Model], name: str, value, lookups: dict) -> str:
    if value in (None, ""):
        return "—"
    model_field = model._meta.get_field(name)
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if model_field.is_relation and model_field.related_model in lookups:
        return lookups[model_field.related_model].get(value, f"#{value}")
    if isinstance(value, bool):
        return "ใช่" if value else "ไม่ใช่"
    return str(value)


def _changes(model, newer, older, lookups) -> list[FieldChange]:
    changes = []
    for model_field in model._meta.concrete_fields:
        if model_field.name in HIDDEN_FIELDS:
            continue
        attname = model_field.attname
        if not hasattr(newer, attname):
            continue
        old_value = getattr(older, attname) if older is not None else None
        new_value = getattr(newer, attname)
        if old_value == new_value or (older is None and new_value in (None, "", False)):
            continue
        name = model_field.name
        changes.append(
            FieldChange(
                label=str(model_field.verbose_name),
                old=_value_display(model, name, old_value, lookups) if older is not None else "",
                new=_value_display(model, name, new_value, lookups),
            )
        )
    return changes


def _history_entries(model, rows, subject_of, lookups) -> list[TimelineEntry]:
    entries = []
    previous: dict[int, object] = {}
    type_titles = {"+": "สร้างข้อมูล", "~": "แก้ไขข้อมูลที่เผยแพร่", "-": "ลบข้อมูล"}
    for row in sorted(rows, key=lambda r: (r.history_date, r.history_id)):
        older = previous.get(row.id)
        changes = [] if row.history_type == "-" else _changes(model, row, older, lookups)
        previous[row.id] = row
        entries.append(
            TimelineEntry(
                at=row.history_date,
                kind="change",
                title=f"{type_titles.get(row.history_type, '')} ({model._meta.verbose_name})",
                actor=_display_name(row.history_user),
                comment=row.history_change_reason or "",
                subject=subject_of(row),
                changes=changes,
            )
        )
    return entries


def agency_timeline(*, agency_id: int) -> list[TimelineEntry]:
    """Every action and every change of live data for one agency (also after it was deleted)."""
    lookups = {
        AgencyCategory: dict(AgencyCategory.objects.values_list("pk", "name_th")),
        SchoolNetwork: dict(SchoolNetwork.objects.values_list("pk", "name_th")),
    }
    agency_rows = list(Agency.history.filter(id=agency_id).select_related("history_user"))
    related_ids = {
        value
        for row in agency_rows
        for value in (row.parent_id, row.successor_id)
        if value is not None
    }
    lookups[Agency] = dict(Agency.objects.filter(pk__in=related_ids).values_list("pk", "name_th"))
    contact_rows = list(Contact.history.filter(agency_id=agency_id).select_related("history_user"))
    phone_rows = list(
        AgencyPhone.history.filter(agency_id=agency_id).select_related("history_user")
    )

    entries = _history_entries(Agency, agency_rows, lambda row: row.name_th, lookups)
    entries += _history_entries(Contact, contact_rows, lambda row: row.name, lookups)
    entries += _history_entries(AgencyPhone, phone_rows, lambda row: row.number, lookups)

    log_entries = ModelLogEntry.objects.filter(
        content_type__app_label="coordination",
        content_type__model="agency",
        object_id=str(agency_id),
    ).select_related("user")
    for entry in log_entries:
        entries.append(
            TimelineEntry(
                at=entry.timestamp,
                kind="action",
                title=str(entry.message),
                actor=_display_name(entry.user),
                comment=str(entry.comment or ""),
                subject=entry.label,
            )
        )
    return sorted(entries, key=lambda e: e.at, reverse=True)
