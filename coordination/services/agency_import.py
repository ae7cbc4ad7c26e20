"""Importing agencies from a registry spreadsheet (CSV or XLSX): plan, then apply.

`agency_import_plan()` reads a file and says, row by row, what an import would do: create an
agency, change one (field by field, old → new), leave one unchanged, or why the row cannot be
read (each error with its row and column, in Thai). It writes nothing.

`agency_import_apply()` carries out a plan without errors, in one transaction: every change is a
new draft revision submitted to the approval workflow in the importing user's name (new agencies
are created unpublished); a superuser may publish directly, with a reason. The audit log of each
agency records the file name and the reason; so do the history rows of what a direct publication
made live.

Both scale with the file, not with a query per row: the plan reads what the rows name in a query
per chunk and checks every agency's rules at once (`validate()`); the apply writes the drafts in
bulk, a chunk of rows at a time (`coordination.services.agency_drafts`), each left as Wagtail's
`save_revision()` and `workflow.start()` would leave it, and tells the approvers of the first task
in one e-mail instead of two per agency. `manage.py bench_import` times a 10,000-row file
(docs/benchmarks.md, "Import").

Rows match existing agencies by identifier (school code, SMIS, OBEC, tax id) or by slug; a row
with neither matches an agency of exactly the same Thai name, so that importing the same file
twice changes nothing.
"""

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.models import Revision, WorkflowState

from coordination import geo
from coordination.models import Agency, AgencyCategory, AgencyPhone, Contact, SchoolNetwork
from coordination.models.agency import AgencyTag
from coordination.models.rules import (
    IDENTIFIER_FIELDS,
    agency_errors,
    agency_free_slugs,
    agency_identifier_clashes_many,
)
from coordination.registry_columns import Column, column_for_heading, place_name_clean
from coordination.registry_files import Table, column_letter, table_read
from coordination.services import agency_drafts

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
# Rows written per round of bulk inserts when an import is applied.
APPLY_CHUNK = 500
# Fields full_clean() would check with a query each: their values come from lookups the planner
# made for the whole file (categories, networks, agencies by slug) or from the database row. The
# sort keys are derived on save.
VALIDATED_APART = [
    "category",
    "parent",
    "successor",
    "school_network",
    "last_verified_by",
    "latest_revision",
    "live_revision",
    "locked_by",
    "name_sort",
    "district_sort",
]
# Set on the agencies, phones and contacts an import saves: the search index reads them in bulk
# afterwards (coordination.search.bulk_index.agency_index_many), not one save at a time.
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

    # Agencies whose own row the import wrote; the others' changes wait in a revision.
    written: list[int] = field(default_factory=list)

    @property
    def agency_ids(self) -> list[int]:
        return [*self.created, *self.changed]

    @property
    def index_ids(self) -> list[int]:
        """What the search index must read again: it reads the agencies' own rows."""
        return self.agency_ids if self.published else self.written


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
        self.to_validate: list[RowPlan] = []  # rows whose agency full_clean() would check
        self.headings: dict[str, str] = {}  # column key -> its heading, translated

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
        # The drafts waiting for approval that rows of live agencies change (plan_row).
        self.draft_contents: dict[int, dict] = {}
        pending = sorted(
            agency.latest_revision_id
            for agency in agencies.values()
            if agency.live and agency.has_unpublished_changes and agency.latest_revision_id
        )
        for chunk in _chunks(pending):
            self.draft_contents.update(
                Revision.objects.filter(pk__in=chunk).values_list("pk", "content")
            )
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
        self.validate(self.to_validate)
        for row in self.plan.rows:
            if row.errors:
                row.status = RowStatus.ERROR
        return self.plan

    def heading_text(self, column: Column) -> str:
        """The column's heading, translated once per import rather than once per change."""
        if column.key not in self.headings:
            self.headings[column.key] = str(column.heading)
        return self.headings[column.key]

    def plan_row(self, row: RowPlan, values: dict, existing: Agency | None) -> None:
        base = existing
        if existing is not None and existing.live and existing.has_unpublished_changes:
            # The draft waiting for approval is what the officer edits, and what this row changes.
            content = self.draft_contents.get(existing.latest_revision_id)
            base = existing.with_content_json(content) if content is not None else existing
        changed_keys = []
        for key, value in values.items():
            column = self.columns[self.position[key]]
            heading = self.heading_text(column)
            old = column.read(base) if base is not None else None
            if base is None:
                if value not in ("", None, (), False):
                    row.changes.append(FieldChange(heading, "", column.write(value)))
                changed_keys.append(key)
            elif old != value and not _same_as_stored(key, old, value):
                row.changes.append(FieldChange(heading, column.write(old), column.write(value)))
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
                    contact.full_clean(exclude=["agency", "sort_order"], validate_unique=False)
                except ValidationError as exc:
                    row.errors += [self.error(number, key, m) for m in exc.messages]
                contacts.append(contact)
            # Contacts beyond the file's contact columns stay as they are.
            contacts += current[len(contact_keys) :]
            agency.contacts = contacts
        if "tags" in changed:
            row.tags = changed["tags"]
        if not row.errors:
            self.to_validate.append(row)

    def validate(self, rows: list[RowPlan]) -> None:
        """What `full_clean()` checks, for every row's agency at once: the fields, the rules
        (`agency_errors()`) and the slug's uniqueness, with each lookup made once per chunk."""
        agencies = [row.agency for row in rows]
        reserved = {agency.slug for agency in agencies if agency.slug}
        agency_free_slugs([a for a in agencies if not a.slug], reserved=reserved)
        all_clashes = agency_identifier_clashes_many(agencies)
        slug_owners: dict[str, int] = {}
        for chunk in _chunks(sorted({agency.slug for agency in agencies})):
            slug_owners.update(Agency.objects.filter(slug__in=chunk).values_list("slug", "pk"))
        parent_of = {}
        if any(agency.pk and agency.parent_id for agency in agencies):
            parent_of = dict(
                Agency.objects.filter(parent__isnull=False).values_list("pk", "parent_id")
            )
        for row, agency, clashes in zip(rows, agencies, all_clashes, strict=True):
            errors: dict[str, list] = {}
            try:
                agency.clean_fields(exclude=VALIDATED_APART)
            except ValidationError as exc:
                errors = exc.update_error_dict(errors)
            for name, error in agency_errors(agency, clashes=clashes, parent_of=parent_of).items():
                errors.setdefault(name, []).extend(error.error_list)
            if "slug" not in errors and slug_owners.get(agency.slug, agency.pk) != agency.pk:
                errors["slug"] = [agency.unique_error_message(Agency, ("slug",))]
            if errors:
                self.report_agency_errors(row, ValidationError(errors))

    def report_agency_errors(self, row: RowPlan, exc: ValidationError) -> None:
        for name, errors in exc.message_dict.items():
            key = FIELD_COLUMNS.get(name, name)
            target = key if key in self.position else ""
            for message in errors:
                if not target and name != "__all__":
                    label = Agency._meta.get_field(name).verbose_name
                    message = f"{label}: {message}"
                row.errors.append(self.error(row.row, target, message))


def _same_as_stored(key: str, old, value) -> bool:
    """A cell that differs from the stored value only in how it is written changes nothing, so
    that importing a file twice changes nothing the second time: an empty slug cell keeps the
    agency's address (a new agency got one made from its name; emptying it would make another),
    and a place written without its prefix is the same place ("พระโขนง" is เขตพระโขนง)."""
    if key == "slug":
        return value == ""
    if key in PLACE_KEYS:
        return place_name_clean(key, old or "") == value
    return False


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
    return planner.run(progress)


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
    pending = plan.pending
    with transaction.atomic():
        if publish:
            _publish_all(pending, user=user, plan=plan, reason=reason, comment=comment)
        else:
            _submit_all(pending, user=user, plan=plan, reason=reason, progress=progress)
        for row in pending:
            (result.created if row.status == RowStatus.CREATE else result.changed).append(
                row.agency.pk
            )
            if not row.agency.live:
                result.written.append(row.agency.pk)
    return result


def _log_data(plan: ImportPlan, *, reason: str, comment: str, created: bool) -> dict:
    """What an imported agency's audit-log entry records."""
    return {"comment": comment, "file": plan.file_name, "reason": reason, "created": created}


def _submit_all(rows: list[RowPlan], *, user, plan: ImportPlan, reason: str, progress) -> None:
    """Save each row's agency as a draft submitted for approval, a chunk of rows at a time with
    a fixed number of queries (coordination.services.agency_drafts); then tell the approvers
    once. What Wagtail does otherwise (a draft that was never published but changes, a workflow
    sent back for changes or already under way) is done one row at a time, as before."""
    comment = import_change_reason(file_name=plan.file_name, reason=reason)
    workflow = Agency.get_default_workflow()
    task = agency_drafts.workflow_first_task(workflow)
    tags = agency_drafts.tags_by_name({t for row in rows if row.tags for t in row.tags})
    first_task_state = None
    for done, chunk in enumerate(_chunks(rows, APPLY_CHUNK), start=1):
        now = timezone.now()
        created = [row.agency for row in chunk if row.status == RowStatus.CREATE]
        for row in chunk:
            agency = row.agency
            if row.status == RowStatus.CREATE:
                agency.live = False
                agency.has_unpublished_changes = True
                # In memory, like its phones and contacts, so that nothing reads them back.
                agency.tagged_items = [AgencyTag(tag=tags[name]) for name in row.tags or ()]
            elif row.tags is not None:
                agency.tags.set([tags[name] for name in row.tags])
        agency_drafts.agencies_insert(created, officer=user)
        created_pks = {agency.pk for agency in created}
        for row in chunk:
            if row.status == RowStatus.CHANGE and not row.agency.live:
                # A draft that was never published is kept in its own row too (as Wagtail does).
                _mark_skip_indexing(row.agency)
                row.agency.save()
        agencies = [row.agency for row in chunk]
        revisions = agency_drafts.revisions_save(agencies, user=user, now=now)
        agency_drafts.log_entries_add(
            agencies,
            revisions,
            action=IMPORT_LOG_ACTION,
            user=user,
            now=now,
            data=lambda agency, created_pks=created_pks: _log_data(
                plan, reason=reason, comment=comment, created=agency.pk in created_pks
            ),
            content_changed=True,
        )
        agency_drafts.references_index(created)
        to_start = _workflows_close(agencies, user=user)
        if workflow is not None and task is None:
            for agency in to_start:  # a workflow of another kind: Wagtail starts it
                workflow.start(agency, user)
        elif workflow is not None and to_start:
            by_pk = {
                agency.pk: revision for agency, revision in zip(agencies, revisions, strict=True)
            }
            task_states = agency_drafts.workflows_start(
                to_start,
                [by_pk[agency.pk] for agency in to_start],
                workflow=workflow,
                task=task,
                user=user,
                now=now,
            )
            first_task_state = first_task_state or task_states[0]
        if progress:
            progress(min(done * APPLY_CHUNK, len(rows)), len(rows))
    if first_task_state is not None:
        names = [row.agency.name_th for row in rows]
        transaction.on_commit(
            lambda: agency_drafts.approvers_notify(
                first_task_state, user=user, file_name=plan.file_name, reason=reason, names=names
            )
        )


def _mark_skip_indexing(agency: Agency) -> None:
    setattr(agency, SKIP_INDEXING, True)
    for child in (*agency.phones.all(), *agency.contacts.all()):
        setattr(child, SKIP_INDEXING, True)


def _workflows_close(agencies: list[Agency], *, user) -> list[Agency]:
    """Settle the workflows the agencies are already in, as the editor's "submit" would: one sent
    back for changes resumes on the new revision; one under way is cancelled (approvals given to
    an older revision don't cover this one). Returns the agencies a workflow starts on."""
    content_type = ContentType.objects.get_for_model(Agency)
    states = {
        state.object_id: state
        for state in WorkflowState.objects.active().filter(
            base_content_type=content_type,
            object_id__in=[str(agency.pk) for agency in agencies],
        )
    }
    to_start = []
    for agency in agencies:
        state = states.get(str(agency.pk))
        if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
            state.resume(user)
            continue
        if state is not None:
            state.cancel(user=user)
        to_start.append(agency)
    return to_start


def _publish_all(rows: list[RowPlan], *, user, plan: ImportPlan, reason: str, comment: str):
    """A superuser's direct publication, one row at a time through Wagtail's publish."""
    started = timezone.now()
    for row in rows:
        agency = row.agency
        if row.status == RowStatus.CREATE:
            agency.live = False
            agency.has_unpublished_changes = True
        if not agency.live:
            _mark_skip_indexing(agency)
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
            data=_log_data(
                plan, reason=reason, comment=comment, created=row.status == RowStatus.CREATE
            ),
        )
        revision.publish(user=user, log_action=True)
    _history_reason(
        [row.agency.pk for row in rows], since=started, reason=comment[:CHANGE_REASON_LENGTH]
    )


def _history_reason(agency_ids: list[int], *, since, reason: str) -> None:
    """Give the history rows this import's publication wrote its file name and reason."""
    for chunk in _chunks(agency_ids):
        recent = Q(history_date__gte=since, history_change_reason__isnull=True)
        Agency.history.filter(recent, id__in=chunk).update(history_change_reason=reason)
        Contact.history.filter(recent, agency_id__in=chunk).update(history_change_reason=reason)
        AgencyPhone.history.filter(recent, agency_id__in=chunk).update(history_change_reason=reason)
