"""Importing agencies from a registry spreadsheet (CSV or XLSX): plan, then apply.

`agency_import_plan()` reads a file and says, row by row, what an import would do: create an
agency, change one (field by field, old → new), leave one unchanged, or why the row cannot be
read (each error with its row and column, in Thai). It writes nothing.

`agency_import_apply()` carries out a plan without errors, in one transaction: every change is a
new draft revision submitted to the approval workflow in the importing user's name (new agencies
are created unpublished); a superuser may publish directly, with a reason. The audit log of each
agency records the file name and the reason; so do the history rows of what a direct publication
made live.

Rows match existing agencies by identifier (school code, SMIS, OBEC, tax id) or by slug; a row
with neither matches an agency of exactly the same Thai name, so that importing the same file
twice changes nothing.
"""

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from coordination import geo
from coordination.models import Agency, AgencyCategory, AgencyPhone, Contact, SchoolNetwork
from coordination.models.rules import IDENTIFIER_FIELDS
from coordination.registry_columns import Column, column_for_heading
from coordination.registry_files import Table, column_letter, table_read
from coordination.services.workflow import workflow_submit

IMPORT_LOG_ACTION = "coordination.import"
# simple-history keeps a change reason of at most this many characters.
CHANGE_REASON_LENGTH = 100
# Fields of the model a column's key stands for, where they differ.
FIELD_COLUMNS = {
    "province_code": "province",
    "district_code": "district",
    "subdistrict_code": "subdistrict",
}
PLACE_KEYS = ("province", "district", "subdistrict")
RELATED_KEYS = ("category", "school_network", "parent", "successor")
CHILD_KEYS = ("phones", "tags")
LOOKUP_CHUNK = 500
# Set on the agencies, phones and contacts an import saves: the search index reads them in bulk
# afterwards (coordination.search.indexing.agency_index_many), not one save at a time.
SKIP_INDEXING = "skip_search_indexing"

ProgressCallback = Callable[[int, int], None]


class RowStatus:
    CREATE = "create"
    CHANGE = "change"
    UNCHANGED = "unchanged"
    ERROR = "error"


def row_status_label(status: str) -> str:
    return {
        RowStatus.CREATE: _("สร้างใหม่"),
        RowStatus.CHANGE: _("เปลี่ยนแปลง"),
        RowStatus.UNCHANGED: _("ไม่เปลี่ยนแปลง"),
        RowStatus.ERROR: _("ข้อผิดพลาด"),
    }[status]


@dataclass(frozen=True)
class CellError:
    """An error of one cell (or of a whole row, with no column), in Thai."""

    row: int
    column: str  # the spreadsheet letter, "" for the whole row
    heading: str
    message: str

    def __str__(self):
        if self.column:
            return _("แถว %(row)s คอลัมน์ %(column)s (%(heading)s): %(message)s") % {
                "row": self.row,
                "column": self.column,
                "heading": self.heading,
                "message": self.message,
            }
        return _("แถว %(row)s: %(message)s") % {"row": self.row, "message": self.message}


@dataclass(frozen=True)
class FieldChange:
    heading: str
    old: str
    new: str


@dataclass
class RowPlan:
    row: int
    name: str
    status: str = RowStatus.UNCHANGED
    changes: list[FieldChange] = field(default_factory=list)
    errors: list[CellError] = field(default_factory=list)
    agency: Agency | None = None  # the object to save, values applied
    tags: tuple | None = None

    @property
    def status_label(self) -> str:
        return row_status_label(self.status)


@dataclass
class ImportPlan:
    file_name: str
    rows: list[RowPlan] = field(default_factory=list)
    file_errors: list[CellError] = field(default_factory=list)
    encoding: str = ""

    @property
    def errors(self) -> list[CellError]:
        return [*self.file_errors, *(e for row in self.rows for e in row.errors)]

    @property
    def has_errors(self) -> bool:
        return bool(self.file_errors) or any(row.errors for row in self.rows)

    def count(self, status: str) -> int:
        return sum(1 for row in self.rows if row.status == status)

    @property
    def pending(self) -> list[RowPlan]:
        return [r for r in self.rows if r.status in (RowStatus.CREATE, RowStatus.CHANGE)]


@dataclass
class ImportResult:
    created: list[int] = field(default_factory=list)
    changed: list[int] = field(default_factory=list)
    unchanged: int = 0
    published: bool = False

    @property
    def agency_ids(self) -> list[int]:
        return [*self.created, *self.changed]


# --- Planning ------------------------------------------------------------------------------


def _messages(error: ValidationError) -> list[str]:
    return [str(message) for message in error.messages]


def _chunks(values: list, size: int = LOOKUP_CHUNK):
    for start in range(0, len(values), size):
        yield values[start : start + size]


class _Planner:
    """Reads every row against the database, with lookups made once for the whole file."""

    def __init__(self, table: Table, file_name: str):
        self.table = table
        self.plan = ImportPlan(file_name=file_name, encoding=table.encoding)
        self.columns: dict[int, Column] = {}  # cell index -> column
        self.position: dict[str, int] = {}  # column key -> cell index

    def error(self, row: int, key_or_index, message: str) -> CellError:
        index = self.position.get(key_or_index, key_or_index)
        if isinstance(index, int):
            heading = self.table.headings[index] if index < len(self.table.headings) else ""
            return CellError(row, column_letter(index), heading, message)
        return CellError(row, "", "", message)

    def read_headings(self) -> None:
        row = self.table.heading_row
        for index, heading in enumerate(self.table.headings):
            if not heading:
                continue
            column = column_for_heading(heading)
            if column is None:
                self.plan.file_errors.append(
                    self.error(row, index, _("ไม่รู้จักหัวคอลัมน์นี้ (ดูหัวคอลัมน์ในไฟล์แม่แบบ)"))
                )
            elif column.key in self.position:
                self.plan.file_errors.append(self.error(row, index, _("หัวคอลัมน์นี้ซ้ำกับคอลัมน์ก่อนหน้า")))
            elif column.importable:
                self.columns[index] = column
                self.position[column.key] = index
        if not {"name_th", "slug", *IDENTIFIER_FIELDS} & set(self.position):
            self.plan.file_errors.append(
                CellError(row, "", "", _("ไฟล์ต้องมีคอลัมน์ “ชื่อหน่วยงาน (ไทย)”"))
            )

    def parse_rows(self) -> list[tuple[int, dict, list[CellError]]]:
        parsed = []
        for number, cells in self.table.rows:
            values, errors = {}, []
            for index, column in self.columns.items():
                raw = cells[index] if index < len(cells) else None
                try:
                    values[column.key] = column.from_cell(raw)
                except ValidationError as exc:
                    errors += [self.error(number, index, m) for m in _messages(exc)]
            parsed.append((number, values, errors))
        return parsed

    def load(self, parsed) -> None:
        """Fetch the agencies the rows name, and the categories and networks."""
        wanted = defaultdict(set)
        for _number, values, _errors in parsed:
            for key in ("slug", "name_th", *IDENTIFIER_FIELDS):
                if values.get(key):
                    wanted[key].add(values[key])
            for key in ("parent", "successor"):
                if values.get(key):
                    wanted["related_slug"].add(values[key])
        self.by_field: dict[str, dict[str, list[Agency]]] = defaultdict(lambda: defaultdict(list))
        agencies: dict[int, Agency] = {}
        queryset = Agency.objects.select_related(
            "category", "parent", "successor", "school_network"
        ).prefetch_related("phones", "contacts", "tags")
        for key in ("slug", *IDENTIFIER_FIELDS, "name_th"):
            for chunk in _chunks(sorted(wanted[key])):
                found = [a for a in Agency.objects.filter(**{f"{key}__in": chunk}).only("pk")]
                missing = [a.pk for a in found if a.pk not in agencies]
                for loaded in queryset.filter(pk__in=missing):
                    agencies[loaded.pk] = loaded
                for agency in found:
                    full = agencies[agency.pk]
                    self.by_field[key][getattr(full, key)].append(full)
        self.related_slugs = {}
        for chunk in _chunks(sorted(wanted["related_slug"])):
            for pk, slug in Agency.objects.filter(slug__in=chunk).values_list("pk", "slug"):
                self.related_slugs[slug] = pk
        self.categories = {c.name_th: c for c in AgencyCategory.objects.all()}
        self.networks = {n.name_th: n for n in SchoolNetwork.objects.all()}

    def match(self, number, values) -> tuple[Agency | None, list[CellError]]:
        found: dict[int, Agency] = {}
        for key in ("slug", *IDENTIFIER_FIELDS):
            for agency in self.by_field[key].get(values.get(key) or "", []):
                found[agency.pk] = agency
        if not found and not any(values.get(k) for k in ("slug", *IDENTIFIER_FIELDS)):
            same_name = self.by_field["name_th"].get(values.get("name_th") or "", [])
            if len(same_name) == 1:
                found[same_name[0].pk] = same_name[0]
        if len(found) > 1:
            names = ", ".join(f"“{a.name_th}”" for a in found.values())
            message = _("ชื่อใน URL และรหัสในแถวนี้ตรงกับหน่วยงานมากกว่าหนึ่งแห่ง: %(names)s")
            return None, [self.error(number, "", message % {"names": names})]
        return next(iter(found.values()), None), []

    def run(self, progress: ProgressCallback | None) -> ImportPlan:
        self.read_headings()
        parsed = self.parse_rows()
        self.load(parsed)
        seen_agencies: dict[int, int] = {}
        seen_values: dict[tuple[str, str], int] = {}
        total = len(parsed)
        for done, (number, values, errors) in enumerate(parsed, start=1):
            row = RowPlan(row=number, name=values.get("name_th", ""), errors=errors)
            self.plan.rows.append(row)
            if progress:
                progress(done, total)
            existing, match_errors = self.match(number, values)
            row.errors += match_errors
            if existing is not None:
                row.name = row.name or existing.name_th
                if existing.pk in seen_agencies:
                    row.errors.append(
                        self.error(
                            number,
                            "",
                            _("หน่วยงานนี้อยู่ในแถว %(row)s แล้ว (แถวซ้ำ)")
                            % {"row": seen_agencies[existing.pk]},
                        )
                    )
                seen_agencies[existing.pk] = number
            for key in ("slug", *IDENTIFIER_FIELDS):
                value = values.get(key)
                if not value:
                    continue
                if (key, value) in seen_values:
                    row.errors.append(
                        self.error(
                            number,
                            key,
                            _("ค่านี้ซ้ำกับแถว %(row)s") % {"row": seen_values[(key, value)]},
                        )
                    )
                seen_values[(key, value)] = number
            if row.errors:
                row.status = RowStatus.ERROR
                continue
            self.plan_row(row, values, existing)
            if row.errors:
                row.status = RowStatus.ERROR
        return self.plan

    def plan_row(self, row: RowPlan, values: dict, existing: Agency | None) -> None:
        base = existing
        if existing is not None and existing.live and existing.has_unpublished_changes:
            # The draft waiting for approval is what the officer edits, and what this row changes.
            base = existing.get_latest_revision_as_object() or existing
        changed_keys = []
        for key, value in values.items():
            column = self.columns[self.position[key]]
            old = column.read(base) if base is not None else None
            if base is None:
                if value not in ("", None, (), False):
                    row.changes.append(FieldChange(str(column.heading), "", column.write(value)))
                changed_keys.append(key)
            elif old != value:
                row.changes.append(
                    FieldChange(str(column.heading), column.write(old), column.write(value))
                )
                changed_keys.append(key)
        if base is None:
            if not values.get("name_th"):
                row.errors.append(
                    self.error(row.row, "name_th", _("หน่วยงานใหม่ต้องมีชื่อหน่วยงาน (ไทย)"))
                )
            if not values.get("category"):
                row.errors.append(
                    self.error(
                        row.row,
                        "category" if "category" in self.position else "",
                        _("หน่วยงานใหม่ต้องระบุประเภท"),
                    )
                )
            if row.errors:
                return
            row.status = RowStatus.CREATE
            base = Agency()
        elif not changed_keys:
            row.status = RowStatus.UNCHANGED
            return
        else:
            row.status = RowStatus.CHANGE
        row.agency = base
        self.apply_values(row, base, {k: values[k] for k in changed_keys}, values)

    def apply_values(self, row: RowPlan, agency: Agency, changed: dict, values: dict) -> None:
        number = row.row
        for key, value in changed.items():
            if key in PLACE_KEYS or key in RELATED_KEYS or key in CHILD_KEYS:
                continue
            if key.startswith("contact_"):
                continue
            setattr(agency, key, value)
        if "category" in changed:
            category = self.categories.get(changed["category"])
            if category is None:
                row.errors.append(
                    self.error(
                        number,
                        "category",
                        _("ไม่พบประเภท “%(name)s” (ใช้ชื่อประเภทตามที่ตั้งไว้ในระบบ)")
                        % {"name": changed["category"]},
                    )
                )
            else:
                agency.category = category
        if "school_network" in changed:
            name = changed["school_network"]
            network = self.networks.get(name) if name else None
            if name and network is None:
                row.errors.append(
                    self.error(
                        number,
                        "school_network",
                        _("ไม่พบเครือข่ายสถานศึกษา “%(name)s”") % {"name": name},
                    )
                )
            agency.school_network = network
        for key in ("parent", "successor"):
            if key in changed:
                slug = changed[key]
                pk = self.related_slugs.get(slug) if slug else None
                if slug and pk is None:
                    row.errors.append(
                        self.error(
                            number, key, _("ไม่พบหน่วยงานที่มีชื่อใน URL “%(slug)s”") % {"slug": slug}
                        )
                    )
                setattr(agency, f"{key}_id", pk)
        if set(PLACE_KEYS) & set(changed):
            names = {
                key: values[key] if key in values else geo_name(agency, key) for key in PLACE_KEYS
            }
            codes, place_errors = geo.address_codes_from_names(**names)
            for key, error in place_errors.items():
                row.errors += [self.error(number, key, m) for m in _messages(error)]
            for name, code in codes.items():
                setattr(agency, name, code)
        if "phones" in changed:
            current = list(agency.phones.all())
            phones = []
            for index, entry in enumerate(changed["phones"]):
                phone = current[index] if index < len(current) else AgencyPhone()
                phone.number, phone.kind = entry.number, entry.kind
                phone.label, phone.is_public = entry.label, entry.is_public
                phone.sort_order = index
                phones.append(phone)
            agency.phones = phones
        contact_keys = sorted(
            (k for k in values if k.startswith("contact_")), key=lambda k: int(k.split("_")[1])
        )
        if any(k in changed for k in contact_keys):
            current = list(agency.contacts.all())
            contacts = []
            for index, key in enumerate(contact_keys):
                entry = values[key]
                if entry is None:
                    continue
                contact = current[index] if index < len(current) else Contact()
                for name, value in entry.fields().items():
                    setattr(contact, name, value)
                contact.sort_order = len(contacts)
                try:
                    contact.full_clean(exclude=["agency", "sort_order"])
                except ValidationError as exc:
                    row.errors += [self.error(number, key, m) for m in exc.messages]
                contacts.append(contact)
            # Contacts beyond the file's contact columns stay as they are.
            contacts += current[len(contact_keys) :]
            agency.contacts = contacts
        if "tags" in changed:
            row.tags = changed["tags"]
        if row.errors:
            return
        try:
            agency.full_clean(exclude=["name_sort", "district_sort"])
        except ValidationError as exc:
            for name, errors in exc.message_dict.items():
                key = FIELD_COLUMNS.get(name, name)
                target = key if key in self.position else ""
                for message in errors:
                    if not target and name != "__all__":
                        label = Agency._meta.get_field(name).verbose_name
                        message = f"{label}: {message}"
                    row.errors.append(self.error(number, target, message))


def geo_name(agency: Agency, key: str) -> str:
    return {
        "province": geo.province_name,
        "district": geo.district_name,
        "subdistrict": geo.subdistrict_name,
    }[key](getattr(agency, f"{key}_code"))


def agency_import_plan(
    *, data: bytes, file_name: str, progress: ProgressCallback | None = None
) -> ImportPlan:
    """What importing `data` (a CSV or XLSX file) would do, row by row. Writes nothing."""
    try:
        table = table_read(data, file_name)
    except ValidationError as exc:
        return ImportPlan(
            file_name=file_name, file_errors=[CellError(0, "", "", m) for m in _messages(exc)]
        )
    planner = _Planner(table, file_name)
    plan = planner.run(progress)
    _slugs_reserve(plan)
    return plan


def _slugs_reserve(plan: ImportPlan) -> None:
    """New agencies of the same name in one file get different slugs ("-2", "-3"...)."""
    taken: set[str] = set()
    for row in plan.pending:
        agency = row.agency
        if agency is None or not agency.slug:
            continue
        slug, number = agency.slug, 1
        while slug in taken:
            number += 1
            slug = f"{agency.slug}-{number}"
        if slug != agency.slug and Agency.objects.filter(slug=slug).exists():
            slug = f"{slug}-{len(taken)}"
        agency.slug = slug
        taken.add(slug)


# --- Applying ------------------------------------------------------------------------------


def import_change_reason(*, file_name: str, reason: str) -> str:
    """What the history and the audit log say about an imported change."""
    text = _("นำเข้าจากไฟล์ “%(file)s”") % {"file": file_name}
    if reason:
        text += f": {reason}"
    return text


def agency_import_apply(
    *,
    plan: ImportPlan,
    user,
    reason: str = "",
    publish: bool = False,
    progress: ProgressCallback | None = None,
) -> ImportResult:
    """Carry out `plan` as `user`, atomically: drafts submitted for approval, or (a superuser
    with a reason) published at once. Refuses a plan with errors."""
    if plan.has_errors:
        raise ValidationError(_("ไฟล์มีข้อผิดพลาด จึงยังไม่ได้นำเข้าข้อมูลใด ๆ"))
    if not (
        user.has_perm("coordination.add_agency") and user.has_perm("coordination.change_agency")
    ):
        raise PermissionDenied(_("คุณไม่มีสิทธิ์นำเข้าข้อมูลหน่วยงาน"))
    reason = (reason or "").strip()
    if publish and not user.is_superuser:
        raise PermissionDenied(_("เฉพาะผู้ดูแลระบบเท่านั้นที่เผยแพร่ข้อมูลที่นำเข้าได้ทันที"))
    if publish and not reason:
        raise ValidationError(_("การเผยแพร่ทันทีต้องระบุเหตุผล"))
    comment = import_change_reason(file_name=plan.file_name, reason=reason)
    result = ImportResult(unchanged=plan.count(RowStatus.UNCHANGED), published=publish)
    workflow = Agency.get_default_workflow() if not publish else None
    started = timezone.now()
    pending = plan.pending
    with transaction.atomic():
        for done, row in enumerate(pending, start=1):
            agency = row.agency
            if row.status == RowStatus.CREATE:
                agency.live = False
                agency.has_unpublished_changes = True
            if not agency.live:
                # A draft that was never published is kept in its own row too (as Wagtail does).
                setattr(agency, SKIP_INDEXING, True)
                for child in (*agency.phones.all(), *agency.contacts.all()):
                    setattr(child, SKIP_INDEXING, True)
                agency.save()
            if row.tags is not None:
                agency.tags.set(list(row.tags))
            revision = agency.save_revision(user=user, clean=False)
            log(
                instance=agency,
                action=IMPORT_LOG_ACTION,
                user=user,
                revision=revision,
                content_changed=True,
                data={
                    "comment": comment,
                    "file": plan.file_name,
                    "reason": reason,
                    "created": row.status == RowStatus.CREATE,
                },
            )
            if publish:
                revision.publish(user=user, log_action=True)
            else:
                workflow_submit(agency, user=user, workflow=workflow)
            (result.created if row.status == RowStatus.CREATE else result.changed).append(agency.pk)
            if progress:
                progress(done, len(pending))
        if publish:
            _history_reason(result.agency_ids, since=started, reason=comment)
    return result


def _history_reason(agency_ids: list[int], *, since, reason: str) -> None:
    """Give the history rows this import's publication wrote its file name and reason."""
    reason = reason[:CHANGE_REASON_LENGTH]
    for chunk in _chunks(agency_ids):
        recent = Q(history_date__gte=since, history_change_reason__isnull=True)
        Agency.history.filter(recent, id__in=chunk).update(history_change_reason=reason)
        Contact.history.filter(recent, agency_id__in=chunk).update(history_change_reason=reason)
        AgencyPhone.history.filter(recent, agency_id__in=chunk).update(history_change_reason=reason)
