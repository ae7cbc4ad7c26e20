"""The registry's exports, wired: which rows (selectors.exports) go through which writer
(spreadsheets, vcard, registry_document), for the public routes, the admin and `export_registry`.

Audiences: the public export reads public cards of public, live agencies only; the staff export
writes the registry's own columns (the import's) of every live agency, drafts when asked.
"""

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date

from django.db.models import QuerySet
from django.utils import timezone

from coordination.cards import agency_staff_view
from coordination.export_columns import (
    SHEET_TITLE,
    STAFF_SHEET_TITLE,
    public_row,
    public_sheet_columns,
    staff_columns,
    staff_row,
    staff_sheet_columns,
)
from coordination.models import Agency
from coordination.registry_document import registry_document, registry_html
from coordination.registry_pdf import registry_pdf
from coordination.selectors.directory import DirectoryFilters
from coordination.selectors.exports import (
    PUBLIC,
    ExportAudience,
    export_agencies,
    export_contact_count,
    export_public_cards,
    export_staff_agencies,
    office_name,
)
from coordination.spreadsheets import csv_stream, xlsx_write
from coordination.vcard import directory_vcards

FORMATS = ("csv", "xlsx", "vcf", "pdf", "html")
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "vcf": "text/vcard; charset=utf-8",
    "pdf": "application/pdf",
    "html": "text/html; charset=utf-8",
}


def _no_progress(count: int) -> None:
    pass


@dataclass(frozen=True)
class ExportRequest:
    """What to export: the directory's filters and for whom (the data are today's)."""

    filters: DirectoryFilters = field(default_factory=DirectoryFilters)
    audience: ExportAudience = PUBLIC
    progress: Callable[[int], None] = _no_progress
    # Staff exports from the admin listing: its own filtered and ordered agencies.
    queryset: QuerySet[Agency] | None = None

    def agencies(self, *, registry_order: bool = False) -> QuerySet[Agency]:
        if self.queryset is not None and self.audience.staff:
            return self.queryset
        return export_agencies(
            filters=self.filters, audience=self.audience, registry_order=registry_order
        )

    @property
    def date(self) -> date:
        return timezone.localdate()


def export_filename(fmt: str, export: ExportRequest) -> str:
    kind = "registry-staff" if export.audience.staff else "registry"
    extension = "vcf" if fmt == "vcf" else fmt
    return f"{kind}-{export.date.isoformat()}.{extension}"


def _counted(rows, progress: Callable[[int], None]):
    count = 0
    for count, row in enumerate(rows, start=1):
        if count % 500 == 0:
            progress(count)
        yield row
    progress(count)


def _sheet(export: ExportRequest, *, real_dates: bool):
    """(columns, rows) of the spreadsheet for the export's audience."""
    queryset = export.agencies()
    if not export.audience.staff:
        rows = (public_row(card) for card in export_public_cards(queryset))
        return public_sheet_columns(), _counted(rows, export.progress)
    columns = staff_columns(export_contact_count(queryset))
    agencies = export_staff_agencies(queryset, drafts=export.audience.drafts)
    rows = (staff_row(columns, agency, real_dates=real_dates) for agency in agencies)
    return staff_sheet_columns(columns), _counted(rows, export.progress)


def csv_export(export: ExportRequest) -> Iterator[bytes]:
    columns, rows = _sheet(export, real_dates=False)
    return csv_stream(columns, rows)


def xlsx_export(export: ExportRequest, target) -> None:
    columns, rows = _sheet(export, real_dates=True)
    title = STAFF_SHEET_TITLE if export.audience.staff else SHEET_TITLE
    xlsx_write(target, sheet_title=str(title), columns=columns, rows=rows)


def vcf_export(export: ExportRequest, *, url_of: Callable[[str], str]) -> Iterator[bytes]:
    """The public directory as vCards (address books are public: never a staff card)."""
    queryset = export_agencies(filters=export.filters)
    cards = _counted(export_public_cards(queryset), export.progress)
    return (text.encode("utf-8") for text in directory_vcards(cards, url_of=url_of))


def _document_cards(export: ExportRequest):
    """The registry document's cards, in its order, read in chunks."""
    queryset = export.agencies(registry_order=True)
    if export.audience.staff:
        agencies = export_staff_agencies(queryset, drafts=export.audience.drafts)
        cards = (agency_staff_view(agency) for agency in agencies)
    else:
        cards = export_public_cards(queryset)
    return _counted(cards, export.progress)


def html_export(export: ExportRequest) -> str:
    return registry_html(
        registry_document(
            _document_cards(export),
            office_name=office_name(),
            as_of=export.date,
            staff=export.audience.staff,
        )
    )


def pdf_export(export: ExportRequest, target) -> None:
    """The registry as a PDF, laid out part by part (registry_pdf): memory stays flat."""
    registry_pdf(
        _document_cards(export),
        target,
        office_name=office_name(),
        as_of=export.date,
        staff=export.audience.staff,
    )
