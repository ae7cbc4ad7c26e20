"""The registry's exports: /directory/export.csv, export.xlsx and directory.vcf for everyone (public
data, the directory's filters), the admin listing's CSV/XLSX for staff (every field, what the import
reads), and `manage.py export_registry`."""

import csv
import io
from datetime import UTC, date, datetime

import pytest
import time_machine
from django.core.management import call_command
from django.urls import reverse
from openpyxl import load_workbook

from coordination.registry_columns import cell_text, column_for_heading
from tests.coordination.directory_support import directory_page
from tests.factories import AgencyFactory, AgencyPhoneFactory, ContactFactory, category

pytestmark = pytest.mark.django_db
AGENCIES = "wagtailsnippets_coordination_agency"


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def csv_rows(response) -> list[list[str]]:
    raw = body(response)
    assert raw.startswith(b"\xef\xbb\xbf"), "UTF-8 BOM, so that Excel reads Thai"
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))


def xlsx_sheet(response):
    workbook = load_workbook(io.BytesIO(body(response)))
    return workbook.worksheets[0]


@pytest.fixture
def registry(db):
    directory_page()
    school = AgencyFactory(
        name_th="โรงเรียนบ้านหนองฉาง",
        short_name="รร.บ้านหนองฉาง",
        scope="internal",
        category=category("school"),
        house_no="99",
        moo="3",
        school_code="1061000001",
        email="school@example.go.th",
    )
    AgencyPhoneFactory(agency=school, number="056 511 061 ต่อ 12")
    AgencyPhoneFactory(agency=school, number="056 999 000", is_public=False)
    ContactFactory(
        agency=school,
        name="นางสาวใจดี มีสุข",
        position="ครูธุรการ",
        phone="056 511 063",
        mobile="081 234 5678",
        line_id="jaidee.line",
        home_address="บ้านเลขที่ 7 หมู่ 1",
    )
    farm = AgencyFactory(
        name_th="สำนักงานเกษตรอำเภอหนองฉาง",
        district_code="6102",
        subdistrict_code="610201",
        postcode="61120",
    )
    formula = AgencyFactory(name_th='=HYPERLINK("http://evil.example","คลิก")')
    secret = AgencyFactory(name_th="หน่วยงานลับเฉพาะ", visibility="internal")
    draft = AgencyFactory(name_th="หน่วยงานร่างใหม่", publish=False)
    return {"school": school, "farm": farm, "formula": formula, "secret": secret, "draft": draft}


def test_public_csv_is_a_thai_contact_list_excel_can_open(client, registry):
    response = client.get("/directory/export.csv")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    rows = csv_rows(response)
    heading = rows[0]
    assert {"ชื่อหน่วยงาน", "ที่อยู่", "โทรศัพท์", "ผู้ประสานงาน", "อีเมล"} <= set(heading)
    school = next(row for row in rows if row[0] == "โรงเรียนบ้านหนองฉาง")
    cell = dict(zip(heading, school, strict=True))
    assert cell["ขอบเขต"] == "ภายใน"  # Thai labels, not codes
    assert "เลขที่ 99 หมู่ 3" in cell["ที่อยู่"] and "จังหวัดอุทัยธานี" in cell["ที่อยู่"]
    assert "056 511 061 ต่อ 12" in cell["โทรศัพท์"]
    assert "นางสาวใจดี มีสุข" in cell["ผู้ประสานงาน"] and "056 511 063" in cell["ผู้ประสานงาน"]


def test_anonymous_exports_hold_no_internal_agency_draft_or_internal_field(client, registry):
    for path in ("/directory/export.csv", "/directory/export.xlsx", "/directory/directory.vcf"):
        response = client.get(path)
        assert response.status_code == 200, path
        raw = body(response)
        text = (
            "\n".join(
                str(value)
                for row in load_workbook(io.BytesIO(raw)).worksheets[0].iter_rows(values_only=True)
                for value in row
            )
            if path.endswith(".xlsx")
            else raw.decode("utf-8-sig")
        )
        assert "โรงเรียนบ้านหนองฉาง" in text, path
        for hidden in (
            "หน่วยงานลับเฉพาะ",
            "หน่วยงานร่างใหม่",
            "056 999 000",
            "081 234 5678",
            "jaidee.line",
            "บ้านเลขที่ 7",
        ):
            assert hidden not in text, (path, hidden)


def test_public_exports_honour_the_directory_filters(client, registry):
    rows = csv_rows(client.get("/directory/export.csv?district=6102"))
    assert [row[0] for row in rows[1:]] == ["สำนักงานเกษตรอำเภอหนองฉาง"]

    rows = csv_rows(client.get("/directory/export.csv?scope=internal"))
    assert [row[0] for row in rows[1:]] == ["โรงเรียนบ้านหนองฉาง"]

    rows = csv_rows(client.get("/directory/export.csv?q=หนองฉาง"))
    assert {row[0] for row in rows[1:]} == {"โรงเรียนบ้านหนองฉาง", "สำนักงานเกษตรอำเภอหนองฉาง"}

    vcards = body(client.get("/directory/directory.vcf?category=school")).decode()
    assert vcards.count("KIND:org") == 1 and "โรงเรียนบ้านหนองฉาง" in vcards


def test_a_formula_looking_name_is_neutralised_in_csv_and_xlsx(client, registry):
    rows = csv_rows(client.get("/directory/export.csv"))
    names = [row[0] for row in rows[1:]]
    assert '\'=HYPERLINK("http://evil.example","คลิก")' in names
    assert not any(name.startswith(("=", "+", "-", "@")) for name in names)

    sheet = xlsx_sheet(client.get("/directory/export.xlsx"))
    cells = [row[0] for row in sheet.iter_rows(min_row=2)]
    formula_cell = next(cell for cell in cells if "HYPERLINK" in str(cell.value))
    assert formula_cell.data_type == "s"
    assert formula_cell.value.startswith("'=")
    # The import reads the neutralised cell back as the name that was written.
    assert cell_text(formula_cell.value) == registry["formula"].name_th


def test_public_xlsx_has_a_thai_sheet_widths_and_a_frozen_heading(client, registry):
    response = client.get("/directory/export.xlsx")

    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = xlsx_sheet(response)
    assert sheet.title == "ทะเบียนหน่วยงาน"
    assert sheet.freeze_panes == "A2"
    assert sheet["A1"].value == "ชื่อหน่วยงาน" and sheet["A1"].font.bold
    assert sheet.column_dimensions["A"].width >= 30


def test_staff_export_from_the_admin_has_every_field_and_reimports(client, registry, officer):
    school = registry["school"]
    school.last_verified_at = datetime(2026, 11, 23, 20, 0, tzinfo=UTC)
    school.save_revision().publish()
    client.force_login(officer)

    response = client.get(reverse(f"{AGENCIES}:list") + "?export=xlsx")

    assert response.status_code == 200
    assert "private" in response["Cache-Control"]
    sheet = xlsx_sheet(response)
    assert sheet.title == "ทะเบียนหน่วยงาน (ภายใน)"
    assert sheet.freeze_panes == "A2"
    rows = list(sheet.iter_rows(values_only=True))
    heading = rows[0]
    assert all(column_for_heading(title) is not None for title in heading), heading
    by_name = {row[heading.index("ชื่อหน่วยงาน (ไทย)")]: row for row in rows[1:]}
    assert "หน่วยงานลับเฉพาะ" in by_name  # internal agencies: staff see them
    assert "หน่วยงานร่างใหม่" not in by_name  # live data only
    school_row = dict(zip(heading, by_name["โรงเรียนบ้านหนองฉาง"], strict=True))
    assert school_row["ขอบเขต"] == "ภายใน"
    assert "056 999 000" in school_row["หมายเลขโทรศัพท์"]  # internal phone, marked
    assert "081 234 5678" in school_row["ผู้ประสานงาน 1"]
    # A real date (24 November in Bangkok), shown in the Buddhist Era.
    verified = sheet.cell(
        row=[r[0] for r in rows].index(school_row["ชื่อใน URL"]) + 1,
        column=heading.index("ตรวจสอบข้อมูลล่าสุดเมื่อ") + 1,
    )
    assert verified.value.date() == date(2026, 11, 24)
    assert "bbbb" in verified.number_format
    # Every importable column reads back what the agency holds.
    for title, value in school_row.items():
        column = column_for_heading(title)
        if column.importable and column.key != "last_verified_at":
            assert column.from_cell(value) == column.read(school), title


def test_staff_csv_asks_for_drafts(client, registry, officer):
    client.force_login(officer)
    listing = reverse(f"{AGENCIES}:list")

    live_only = [row[1] for row in csv_rows(client.get(listing + "?export=csv"))]
    with_drafts = [row[1] for row in csv_rows(client.get(listing + "?export=csv&drafts=1"))]

    assert "หน่วยงานร่างใหม่" not in live_only
    assert "หน่วยงานร่างใหม่" in with_drafts
    assert "'=HYPERLINK" in "".join(live_only)


def test_the_staff_export_is_for_staff_only(client, registry):
    response = client.get(reverse(f"{AGENCIES}:list") + "?export=csv")
    assert response.status_code == 302  # to the login page
    assert client.get(reverse("coordination_admin:registry_pdf")).status_code in (302, 403)


@time_machine.travel(datetime(2026, 11, 24, 3, 0, tzinfo=UTC), tick=False)
def test_export_registry_command_writes_each_format(registry, tmp_path):
    outputs = {}
    for fmt in ("csv", "xlsx", "vcf"):
        target = tmp_path / f"registry.{fmt}"
        stderr = io.StringIO()
        call_command(
            "export_registry", "--format", fmt, "--output", str(target),
            stdout=io.StringIO(), stderr=stderr,
        )  # fmt: skip
        assert "หน่วยงาน" in stderr.getvalue()  # progress
        outputs[fmt] = target.read_bytes()
    assert outputs["csv"].startswith(b"\xef\xbb\xbf")
    assert "หน่วยงานลับเฉพาะ".encode() not in outputs["csv"]
    assert b"URL;TYPE=work:http" in outputs["vcf"] and b"/directory/" in outputs["vcf"]

    staff = tmp_path / "staff.csv"
    call_command(
        "export_registry", "--format", "csv", "--audience", "staff", "--output", str(staff),
        stdout=io.StringIO(), stderr=io.StringIO(),
    )  # fmt: skip
    assert "หน่วยงานลับเฉพาะ" in staff.read_text(encoding="utf-8-sig")


def test_spreadsheet_writers_drop_control_characters():
    """A vertical tab or NUL pasted into a value cannot break the XLSX (XML) or the CSV."""
    from coordination.spreadsheets import SheetColumn, csv_stream, xlsx_write

    rows = [["ชื่อ\x0bหน่วยงาน\x00", "\x0c=1+2"]]
    columns = [SheetColumn("ชื่อ"), SheetColumn("สูตร")]
    target = io.BytesIO()
    xlsx_write(target, sheet_title="ทดสอบ", columns=columns, rows=rows)
    sheet = load_workbook(io.BytesIO(target.getvalue())).active
    assert [cell.value for cell in sheet[2]] == ["ชื่อหน่วยงาน", "'=1+2"]
    text = b"".join(csv_stream(columns, rows)).decode("utf-8-sig")
    assert "\x0b" not in text and "\x00" not in text and "'=1+2" in text
