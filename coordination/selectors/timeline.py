"""One timeline per agency: Wagtail's audit log and the live-data history, merged, newest first.

A change of live data that an admin action made (a publication, an unpublication, a deletion) is
shown inside that action, linked by the uuid of the request (``coordination.history``); a change
made outside the admin (an import, a command) is an entry of its own. Every value reads as the
officer knows it: Thai field labels, names instead of ids, ใช่/ไม่ใช่, choice labels.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from django.contrib.auth import get_user_model
from django.db.models import Model
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import ModelLogEntry

from coordination.display import EMPTY, field_value_text, person_name
from coordination.history import WAGTAIL_BOOKKEEPING_FIELDS
from coordination.models import Agency, AgencyPhone, Contact

HIDDEN_FIELDS = {"id", "live", *WAGTAIL_BOOKKEEPING_FIELDS}
# Inline records all belong to the agency whose timeline this is; their key to it says nothing.
PARENT_FIELDS = {Contact: "agency", AgencyPhone: "agency"}
# Fields whose own verbose_name is not the project's (Wagtail's Orderable says "sort order").
FIELD_LABELS = {"sort_order": gettext_lazy("ลำดับ")}
# Audit-log actions that change live data: the changes they made are shown inside them.
LIVE_DATA_ACTIONS = ("wagtail.publish", "wagtail.unpublish", "wagtail.delete")


@dataclass(frozen=True)
class FieldChange:
    label: str
    old: str
    new: str


@dataclass(frozen=True)
class RecordChange:
    """What one save did to the live data of one record (the agency, a contact, a phone)."""

    heading: str
    changes: list[FieldChange]


@dataclass(frozen=True)
class TimelineEntry:
    at: datetime
    kind: str  # "action" (audit log) or "change" (live data changed outside the admin)
    title: str
    actor: str
    comment: str = ""
    subject: str = ""
    records: list[RecordChange] = field(default_factory=list)


def _field_label(model_field) -> str:
    return str(FIELD_LABELS.get(model_field.name, model_field.verbose_name))


def _shown_fields(model: type[Model]) -> list:
    hidden = HIDDEN_FIELDS | {PARENT_FIELDS.get(model, "")}
    return [f for f in model._meta.concrete_fields if f.name not in hidden]


def _value_text(model_field, value, names: dict) -> str:
    if value is None or value == "":
        return EMPTY
    if model_field.is_relation:
        return names.get(model_field.related_model, {}).get(value, _("(ข้อมูลที่ถูกลบแล้ว)"))
    if model_field.name == "sort_order":
        return str(value + 1)  # stored from 0; officers count from 1
    return field_value_text(model_field, value)


def _related_names(rows_by_model: dict) -> dict:
    """{related model: {pk: name}} for every foreign key value in the rows, one query a model."""
    wanted = defaultdict(set)
    for model, rows in rows_by_model.items():
        for model_field in _shown_fields(model):
            if model_field.is_relation:
                for row in rows:
                    value = getattr(row, model_field.attname)
                    if value is not None:
                        wanted[model_field.related_model].add(value)
    user_model = get_user_model()
    names = {}
    for related_model, pks in wanted.items():
        objects = related_model._base_manager.filter(pk__in=pks)
        if related_model is user_model:
            names[related_model] = {user.pk: person_name(user) for user in objects}
        else:
            names[related_model] = {obj.pk: str(obj) for obj in objects}
    return names


def _changes(model, newer, older, names) -> list[FieldChange]:
    """What `newer` changed since `older` (None: a new record), in the model's field order.

    Not simple-history's ``diff_against``: it skips non-editable fields (and raises KeyError
    when asked for one), so a reordered contact (``sort_order``) or an expired agency would
    show no change; it also sorts by field name and needs an older row.
    """
    changes = []
    for model_field in _shown_fields(model):
        attname = model_field.attname
        if not hasattr(newer, attname):
            continue
        old_value = getattr(older, attname) if older is not None else None
        new_value = getattr(newer, attname)
        if old_value == new_value:
            continue
        if older is None and (new_value is None or new_value == "" or new_value is False):
            continue  # a new record: list what it holds, not every empty field
        changes.append(
            FieldChange(
                label=_field_label(model_field),
                old=_value_text(model_field, old_value, names) if older is not None else "",
                new=_value_text(model_field, new_value, names),
            )
        )
    return changes


@dataclass(frozen=True)
class _RowChange:
    """One history row, read: shown inside the admin action that wrote it, or on its own."""

    row: object
    type_title: str
    subject: str
    heading: str
    changes: list[FieldChange]


def _row_changes(model, rows, subject_of, names) -> list[_RowChange]:
    titles = {"+": _("สร้างข้อมูล"), "~": _("แก้ไขข้อมูลที่เผยแพร่"), "-": _("ลบข้อมูล")}
    marks = {"+": _("เพิ่ม"), "-": _("ลบ")}
    verbose_name = model._meta.verbose_name
    result = []
    previous: dict[int, object] = {}
    for row in sorted(rows, key=lambda r: (r.history_date, r.history_id)):
        older = previous.get(row.id)
        changes = [] if row.history_type == "-" else _changes(model, row, older, names)
        previous[row.id] = row
        subject = subject_of(row)
        heading = f"{verbose_name}: {subject}"
        if row.history_type in marks and model in PARENT_FIELDS:
            heading += f" ({marks[row.history_type]})"
        result.append(
            _RowChange(
                row=row,
                type_title=f"{titles.get(row.history_type, '')} ({verbose_name})",
                subject=subject,
                heading=heading,
                changes=changes,
            )
        )
    return result


def _audit_entries(agency_id: int) -> list[ModelLogEntry]:
    """The agency's audit log, with autosave's edits of one draft revision shown once.

    Wagtail 8's autosave overwrites the same revision every few seconds and logs an edit each
    time; like Wagtail's own history view, keep only the latest edit of each revision.
    """
    entries = list(
        ModelLogEntry.objects.filter(
            content_type__app_label="coordination",
            content_type__model="agency",
            object_id=str(agency_id),
        )
        .select_related("user")
        .order_by("timestamp", "id")
    )
    latest_edit = {
        entry.revision_id: entry
        for entry in entries
        if entry.action == "wagtail.edit" and entry.revision_id
    }
    return [
        entry
        for entry in entries
        if entry.action != "wagtail.edit"
        or not entry.revision_id
        or latest_edit[entry.revision_id] is entry
    ]


def _action_for_request(entries: list[ModelLogEntry]) -> ModelLogEntry:
    """The entry of one request that the live-data changes of that request belong to."""
    for entry in reversed(entries):
        if entry.action in LIVE_DATA_ACTIONS:
            return entry
    return entries[-1]


def agency_timeline(*, agency_id: int) -> list[TimelineEntry]:
    """Every action and every change of live data for one agency (also after it was deleted)."""
    rows_by_model = {
        Agency: list(Agency.history.filter(id=agency_id).select_related("history_user")),
        Contact: list(Contact.history.filter(agency_id=agency_id).select_related("history_user")),
        AgencyPhone: list(
            AgencyPhone.history.filter(agency_id=agency_id).select_related("history_user")
        ),
    }
    names = _related_names(rows_by_model)
    subjects = {
        Agency: lambda row: row.name_th,
        Contact: lambda row: row.name,
        AgencyPhone: lambda row: row.number,
    }
    row_changes = []
    for model, rows in rows_by_model.items():
        row_changes += _row_changes(model, rows, subjects[model], names)

    audit = _audit_entries(agency_id)
    by_request = defaultdict(list)
    for entry in audit:
        if entry.uuid:
            by_request[entry.uuid].append(entry)
    records_of = defaultdict(list)  # log entry id -> records
    entries = []
    for change in sorted(row_changes, key=lambda c: (c.row.history_date, c.row.history_id)):
        request_entries = by_request.get(change.row.history_log_uuid)
        if request_entries:
            record = RecordChange(heading=change.heading, changes=change.changes)
            records_of[_action_for_request(request_entries).pk].append(record)
            continue
        entries.append(
            TimelineEntry(
                at=change.row.history_date,
                kind="change",
                title=change.type_title,
                actor=person_name(change.row.history_user),
                comment=change.row.history_change_reason or "",
                subject=change.subject,
                records=[RecordChange(heading="", changes=change.changes)],
            )
        )
    for entry in audit:
        entries.append(
            TimelineEntry(
                at=entry.timestamp,
                kind="action",
                title=str(entry.message),
                actor=person_name(entry.user),
                comment=str(entry.comment or ""),
                subject=entry.label,
                records=records_of.get(entry.pk, []),
            )
        )
    return sorted(entries, key=lambda e: e.at, reverse=True)
