"""Spreadsheet writers of the registry's exports: CSV (UTF-8 with BOM, so that Excel reads Thai)
and XLSX (a Thai sheet name, widths, a frozen heading row, real dates shown in the Buddhist Era).

Both take rows that are already values (they never query the database) and stream: the CSV as
bytes a response sends line by line, the XLSX through openpyxl's write-only mode into a file, so
memory does not grow with the number of rows.
"""

import csv
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime

from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from coordination.text import text_without_controls

UTF8_BOM = "\ufeff"
# A cell a spreadsheet would run as a formula (or as DDE) starts with one of these.
FORMULA_STARTS = ("=", "+", "-", "@")
LEADING_CONTROLS = "\t\r\n"
# Excel's format for a real date shown with the Buddhist year ("bbbb") and Thai month names.
BUDDHIST_DATE_FORMAT = "[$-th-TH]d mmm bbbb"
HEADING_FONT = Font(bold=True)
WRAP = Alignment(wrap_text=True, vertical="top")


def cell_neutralise(value):
    """A cell value that no spreadsheet runs as a formula: text that starts like one gets a
    leading apostrophe (the registry's import removes it again, coordination.registry_columns),
    and leading tabs and line breaks, which hide such a start, are dropped. Numbers and dates
    are left alone. Control characters other than tabs and line breaks are dropped: XLSX (XML)
    cannot hold them and no person typed them."""
    if not isinstance(value, str):
        return value
    text = text_without_controls(value, multiline=True).lstrip(LEADING_CONTROLS)
    if text.startswith(FORMULA_STARTS):
        return "'" + text
    return text


@dataclass(frozen=True)
class SheetColumn:
    """A column of an export: its heading and its width in characters."""

    heading: str
    width: int = 20


class _Echo:
    """A file-like object that returns what is written, for csv.writer in a generator."""

    def write(self, value: str) -> str:
        return value


def csv_stream(columns: list[SheetColumn], rows: Iterable[list]) -> Iterator[bytes]:
    """The CSV, UTF-8 with a BOM, one encoded line at a time."""
    writer = csv.writer(_Echo())
    yield (UTF8_BOM + writer.writerow([column.heading for column in columns])).encode("utf-8")
    for row in rows:
        cells = [_csv_cell(value) for value in row]
        yield writer.writerow(cells).encode("utf-8")


def _csv_cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime | date):
        raise TypeError("CSV cells are text: give dates as Buddhist Era text")
    return cell_neutralise(str(value))


def xlsx_write(
    target, *, sheet_title: str, columns: list[SheetColumn], rows: Iterable[list]
) -> None:
    """Write an XLSX workbook of one sheet to `target` (a path or a binary file)."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=sheet_title[:31])
    sheet.freeze_panes = "A2"
    for number, column in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(number)].width = column.width
    headings = []
    for column in columns:
        cell = WriteOnlyCell(sheet, value=column.heading)
        cell.font = HEADING_FONT
        headings.append(cell)
    sheet.append(headings)
    for row in rows:
        sheet.append([_xlsx_cell(sheet, value) for value in row])
    workbook.save(target)


def _xlsx_cell(sheet, value):
    if isinstance(value, datetime):
        value = timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    if isinstance(value, date):
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = BUDDHIST_DATE_FORMAT
        return cell
    if value is None:
        return None
    cell = WriteOnlyCell(sheet, value=cell_neutralise(value))
    if cell.data_type == "f":  # openpyxl reads "=..." as a formula: it stays text
        cell.data_type = "s"
    if isinstance(value, str) and "\n" in value:
        cell.alignment = WRAP
    return cell
