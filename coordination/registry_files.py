"""Reading a registry spreadsheet (CSV or XLSX) into rows of cells, and the import template.

What Thai offices save: CSV from Excel in TIS-620 (Windows code page 874), CSV in UTF-8 with or
without a byte order mark, and XLSX. The reader finds the encoding, the CSV delimiter and the
heading row (the first row with any text); the meaning of each heading is
coordination.registry_columns'.
"""

import csv
import io
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any

import openpyxl
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from coordination.registry_columns import Column, cell_text, registry_columns

# What a spreadsheet that is not a registry may hold before we give up (a sheet of 100k rows of
# something else should not be read to the end to say so).
MAX_ROWS = 100_000
TEMPLATE_SHEET = gettext_lazy("ทะเบียนหน่วยงาน")
TEMPLATE_CONTACT_COLUMNS = 2


@dataclass
class Table:
    """The cells of a file: `headings` (row `heading_row`), then `rows` as (row number, cells)."""

    headings: list[str]
    rows: list[tuple[int, list[Any]]] = field(default_factory=list)
    heading_row: int = 1
    encoding: str = ""


def csv_decode(data: bytes) -> tuple[str, str]:
    """The text of a CSV file and its encoding: UTF-8 (with or without BOM), else TIS-620."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8"), "utf-8-sig"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        # cp874 is TIS-620 plus the Windows punctuation Excel writes (curly quotes, dashes).
        return data.decode("cp874"), "cp874"
    except UnicodeDecodeError as exc:
        raise ValidationError(
            _("อ่านไฟล์ไม่ได้: ไม่ใช่ข้อความ UTF-8 หรือ TIS-620 (แถวที่มีปัญหาอยู่ที่ตำแหน่ง %(at)s)"),
            params={"at": exc.start},
        ) from exc


def _csv_rows(data: bytes) -> tuple[list[list[str]], str]:
    text, encoding = csv_decode(data)
    sample = text[:20_000]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    return list(csv.reader(io.StringIO(text, newline=""), dialect)), encoding


def _xlsx_rows(data: bytes) -> list[list[Any]]:
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a file that is not XLSX
        raise ValidationError(_("อ่านไฟล์ Excel ไม่ได้ ไฟล์อาจเสียหรือไม่ใช่ไฟล์ .xlsx")) from exc
    try:
        sheet = workbook.worksheets[0]
        rows = []
        for values in sheet.iter_rows(values_only=True):
            rows.append(list(values))
            if len(rows) > MAX_ROWS + 10:
                break
        return rows
    finally:
        workbook.close()


def table_read(data: bytes, file_name: str) -> Table:
    """The table in a CSV or XLSX file; a Thai ValidationError when it cannot be read."""
    suffix = PurePath(file_name or "").suffix.casefold()
    encoding = ""
    if suffix == ".xlsx" or data[:4] == b"PK\x03\x04":
        rows = _xlsx_rows(data)
        encoding = "xlsx"
    elif suffix in (".csv", ".txt", ""):
        rows, encoding = _csv_rows(data)
    else:
        raise ValidationError(
            _("ไฟล์ %(suffix)s ใช้นำเข้าไม่ได้ ใช้ไฟล์ .csv หรือ .xlsx"), params={"suffix": suffix}
        )
    numbered = [(number, cells) for number, cells in enumerate(rows, start=1)]
    numbered = [(n, cells) for n, cells in numbered if any(cell_text(c) for c in cells)]
    if not numbered:
        raise ValidationError(_("ไฟล์ไม่มีข้อมูล"))
    heading_row, headings = numbered[0]
    data_rows = numbered[1:]
    if len(data_rows) > MAX_ROWS:
        raise ValidationError(
            _("ไฟล์มีเกิน %(limit)s แถว กรุณาแบ่งเป็นหลายไฟล์"), params={"limit": f"{MAX_ROWS:,}"}
        )
    return Table(
        headings=[cell_text(h) for h in headings],
        rows=data_rows,
        heading_row=heading_row,
        encoding=encoding,
    )


def column_letter(index: int) -> str:
    """The spreadsheet letter of the column at `index` (from 0): A, B, ... AA."""
    return get_column_letter(index + 1)


def template_columns() -> list[Column]:
    return [c for c in registry_columns(TEMPLATE_CONTACT_COLUMNS) if c.importable]


def registry_template_xlsx() -> bytes:
    """The import template: every heading the import reads, and one example row."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = str(TEMPLATE_SHEET)
    columns = template_columns()
    sheet.append([str(column.heading) for column in columns])
    sheet.append([column.example for column in columns])
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="DDEBF7")
    for index, column in enumerate(columns, start=1):
        cell = sheet.cell(row=1, column=index)
        cell.font, cell.fill = bold, fill
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        width = max(len(str(column.heading)), min(len(column.example), 60)) + 4
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
