"""Importing agencies from CSV and XLSX: `import_agencies` and the import service."""

import csv
import io

import openpyxl
import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from wagtail.models import ModelLogEntry

from coordination.models import Agency
from coordination.registry_columns import registry_columns
from coordination.selectors.timeline import agency_timeline
from coordination.services.agency_import import agency_import_plan
from tests.factories import AgencyFactory, AgencyPhoneFactory, ContactFactory, category

pytestmark = pytest.mark.django_db

HEADINGS = [
    "ชื่อหน่วยงาน (ไทย)",
    "ประเภท",
    "ขอบเขต",
    "รหัสโรงเรียน 10 หลัก",
    "ตำบล/แขวง",
    "อำเภอ/เขต",
    "จังหวัด",
    "รหัสไปรษณีย์",
    "หมายเลขโทรศัพท์",
    "ผู้ประสานงาน 1",
]
SCHOOL = [
    "โรงเรียนบ้านทุ่งโพ",
    "โรงเรียน",
    "ภายใน",
    "๑๐๖๑๐๒๐๐๐๑",  # Thai digits
    "ทุ่งโพ",
    "หนองฉาง",
    "อุทัยธานี",
    "61110",
    "๐๕๖-๕๓๑-๑๐๐ ต่อ ๑๑ (โทรศัพท์สำนักงาน); 056-531-101 (โทรสาร)",
    "ชื่อ: นางสาวสายใจ ใจงาม | ตำแหน่ง: ครู | บทบาท: ผู้ประสานงาน | โทรศัพท์: 056-531-100",
]
OFFICE = [
    "เทศบาลตำบลหนองฉาง",
    "องค์กรปกครองส่วนท้องถิ่น",
    "ภายนอก",
    "",
    "",
    "หนองฉาง",
    "อุทัยธานี",
    "",
    "056 531 200",
    "",
]


def csv_bytes(rows, encoding="utf-8-sig") -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    return buffer.getvalue().encode(encoding)


def xlsx_bytes(rows) -> bytes:
    workbook = openpyxl.Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def write(tmp_path, name, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def run_import(path, *args, user="officer"):
    out, err = io.StringIO(), io.StringIO()
    call_command("import_agencies", str(path), "--user", user, *args, stdout=out, stderr=err)
    return out.getvalue()


def staff_export_csv(agencies) -> bytes:
    """The staff export as the registry's columns write it (coordination.registry_columns)."""
    contacts = max((a.contacts.count() for a in agencies), default=0)
    columns = registry_columns(max(contacts, 1))
    rows = [[str(c.heading) for c in columns]]
    rows += [[c.to_cell(agency) for c in columns] for agency in agencies]
    return csv_bytes(rows)


def test_tis620_csv_creates_drafts_submitted_for_approval(tmp_path, officer):
    path = write(tmp_path, "agencies.csv", csv_bytes([HEADINGS, SCHOOL, OFFICE], "tis-620"))

    output = run_import(path, "--reason", "ปรับปรุงทะเบียนประจำปี")

    assert "สร้างใหม่ 2" in output
    school = Agency.objects.get(school_code="1061020001")
    assert school.live is False
    assert school.workflow_in_progress
    assert school.current_workflow_state.requested_by == officer
    assert school.subdistrict_code == "610407" and school.postcode == "61110"
    assert [p.number for p in school.phones.all()] == ["056 531 100 ต่อ 11", "056 531 101"]
    assert school.phones.all()[1].kind == "fax"
    contact = school.contacts.get()
    assert (contact.name, contact.phone) == ("นางสาวสายใจ ใจงาม", "056 531 100")
    office = Agency.objects.get(name_th="เทศบาลตำบลหนองฉาง")
    assert office.category == category("local-admin") and office.district_code == "6104"
    # The audit log says which file and why, in the importing officer's name.
    entry = ModelLogEntry.objects.get(object_id=str(school.pk), action="coordination.import")
    assert entry.user == officer
    assert entry.data["file"] == "agencies.csv"
    timeline = agency_timeline(agency_id=school.pk)
    assert any("agencies.csv" in e.title and e.comment == "ปรับปรุงทะเบียนประจำปี" for e in timeline)


def test_xlsx_and_utf8_without_bom(tmp_path, officer):
    path = write(tmp_path, "agencies.xlsx", xlsx_bytes([HEADINGS, SCHOOL]))
    assert "สร้างใหม่ 1" in run_import(path)
    assert Agency.objects.filter(school_code="1061020001").exists()

    path = write(tmp_path, "office.csv", csv_bytes([HEADINGS, OFFICE], "utf-8"))
    assert "สร้างใหม่ 1" in run_import(path)
    assert Agency.objects.filter(name_th="เทศบาลตำบลหนองฉาง").exists()


def test_a_file_with_errors_changes_nothing_and_names_each_cell(tmp_path, officer):
    bad_phone = [*SCHOOL[:8], "056-51", SCHOOL[9]]
    bad_place = [*OFFICE[:5], "ไม่มีอำเภอนี้", *OFFICE[6:]]
    no_category = ["หน่วยงานไม่มีประเภท", "", "ภายนอก", "", "", "", "", "", "", ""]
    path = write(
        tmp_path, "bad.csv", csv_bytes([HEADINGS, bad_phone, OFFICE, bad_place, no_category])
    )

    with pytest.raises(CommandError) as error:
        run_import(path, "--reason", "ทดสอบ")

    assert error.value.returncode == 1
    assert "พบข้อผิดพลาด 3 รายการ" in str(error.value)
    assert not Agency.objects.exists()  # not even the good row
    out = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_agencies", str(path), "--user", "officer", stdout=out, stderr=out)
    report = out.getvalue()
    assert "แถว 2 คอลัมน์ I (หมายเลขโทรศัพท์): หมายเลขโทรศัพท์ “056-51”" in report
    assert "แถว 4 คอลัมน์ F (อำเภอ/เขต): ไม่พบอำเภอ “ไม่มีอำเภอนี้” ในจังหวัดอุทัยธานี" in report
    assert "แถว 5 คอลัมน์ B (ประเภท): หน่วยงานใหม่ต้องระบุประเภท" in report


def test_dry_run_shows_changes_field_by_field_and_writes_nothing(tmp_path, officer):
    school = AgencyFactory(
        name_th="โรงเรียนบ้านทุ่งโพ",
        category=category("school"),
        scope="internal",
        school_code="1061020001",
        district_code="6104",
        subdistrict_code="610407",
        postcode="61110",
    )
    AgencyPhoneFactory(agency=school, number="056 531 100 ต่อ 11")
    path = write(tmp_path, "a.csv", csv_bytes([HEADINGS, SCHOOL, OFFICE]))

    output = run_import(path, "--dry-run")

    assert "แถว 2 [เปลี่ยนแปลง] โรงเรียนบ้านทุ่งโพ" in output
    assert (
        "หมายเลขโทรศัพท์: 056 531 100 ต่อ 11 (โทรศัพท์สำนักงาน) → "
        "056 531 100 ต่อ 11 (โทรศัพท์สำนักงาน); 056 531 101 (โทรสาร)"
    ) in output
    assert "แถว 3 [สร้างใหม่] เทศบาลตำบลหนองฉาง" in output
    assert "ไม่ได้บันทึก" in output
    assert Agency.objects.count() == 1
    assert school.revisions.count() == 1
    assert school.phones.count() == 1


def test_export_then_import_changes_nothing(tmp_path, officer):
    school = AgencyFactory(
        name_th="โรงเรียนบ้านเขาขี้ฝอย",
        category=category("school"),
        scope="internal",
        school_code="1061020002",
        smis_code="61020002",
        house_no="12/3",
        moo="4",
        latitude="15.380000",
        longitude="100.020500",
        students=120,
        teaches_primary=True,
        tags=["ขยายโอกาส", "ชายแดน"],
    )
    AgencyPhoneFactory(agency=school, number="056 511 061 ต่อ 12", label="ห้องธุรการ")
    AgencyPhoneFactory(agency=school, kind="fax", number="056 511 062", is_public=False)
    ContactFactory(agency=school, mobile="081 234 5678", line_id="somchai")
    ContactFactory(agency=school, role="head", period_from="2024-10-01")
    other = AgencyFactory(name_th="อบต.ตัวอย่าง", category=category("local-admin"))
    before = {a.pk: a.revisions.count() for a in (school, other)}
    path = write(tmp_path, "export.csv", staff_export_csv([school, other]))

    output = run_import(path, "--reason", "ตรวจทาน")

    assert "ไม่เปลี่ยนแปลง 2" in output, output
    assert {a.pk: a.revisions.count() for a in (school, other)} == before
    assert not ModelLogEntry.objects.filter(action="coordination.import").exists()


def test_reimporting_the_same_file_changes_nothing(tmp_path, officer):
    path = write(tmp_path, "agencies.xlsx", xlsx_bytes([HEADINGS, SCHOOL, OFFICE]))
    run_import(path)
    revisions = sum(a.revisions.count() for a in Agency.objects.all())

    output = run_import(path)

    assert "ไม่เปลี่ยนแปลง 2" in output
    assert "ไม่มีข้อมูลเปลี่ยนแปลง จึงไม่มีรายการส่งอนุมัติ" in output
    assert "ส่งเข้าขั้นตอนการอนุมัติแล้ว" not in output
    assert Agency.objects.count() == 2
    assert sum(a.revisions.count() for a in Agency.objects.all()) == revisions


def test_an_imported_change_is_a_draft_that_two_approvals_publish(
    tmp_path, client, officer, director, deputy
):
    office = AgencyFactory(
        name_th="เทศบาลตำบลหนองฉาง",
        category=category("local-admin"),
        district_code="6104",
        subdistrict_code="",
        postcode="",
    )
    changed = [*OFFICE[:8], "056 531 299", ""]
    path = write(tmp_path, "update.csv", csv_bytes([HEADINGS, changed]))

    assert "เปลี่ยนแปลง 1" in run_import(path, "--reason", "เบอร์ใหม่")

    office.refresh_from_db()
    assert office.live and office.has_unpublished_changes
    assert office.phones.count() == 0  # the live data waits for approval
    assert office.workflow_in_progress
    for approver in (director, deputy):
        client.force_login(approver)
        task_state = office.current_workflow_task_state
        url = reverse(
            "wagtailsnippets_coordination_agency:workflow_action",
            args=[office.pk, "approve", task_state.pk],
        )
        assert client.post(url, {"comment": ""}).status_code == 302
        office.refresh_from_db()
    assert not office.workflow_in_progress
    assert [p.number for p in office.phones.all()] == ["056 531 299"]
    assert office.has_unpublished_changes is False


def test_superuser_publishes_directly_only_with_a_reason(tmp_path, superuser):
    path = write(tmp_path, "direct.csv", csv_bytes([HEADINGS, OFFICE]))
    with pytest.raises(CommandError) as error:
        run_import(path, "--publish", user="admin")
    assert "ต้องระบุเหตุผล" in str(error.value)
    assert not Agency.objects.exists()

    run_import(path, "--publish", "--reason", "ข้อมูลจากจังหวัด", user="admin")

    office = Agency.objects.get()
    assert office.live and not office.workflow_in_progress
    row = Agency.history.get(id=office.pk)
    assert row.history_change_reason == "นำเข้าจากไฟล์ “direct.csv”: ข้อมูลจากจังหวัด"


def test_officer_cannot_publish_directly(tmp_path, officer):
    path = write(tmp_path, "direct.csv", csv_bytes([HEADINGS, OFFICE]))
    with pytest.raises(CommandError) as error:
        run_import(path, "--publish", "--reason", "ด่วน")
    assert "เฉพาะผู้ดูแลระบบ" in str(error.value)
    assert not Agency.objects.exists()


def test_unknown_heading_and_unreadable_file_are_reported(officer):
    plan = agency_import_plan(data=csv_bytes([["ชื่อหน่วยงาน", "สีโปรด"]]), file_name="x.csv")
    assert [str(e) for e in plan.errors] == [
        "แถว 1 คอลัมน์ B (สีโปรด): ไม่รู้จักหัวคอลัมน์นี้ (ดูหัวคอลัมน์ในไฟล์แม่แบบ)"
    ]
    plan = agency_import_plan(data=b"\x00\x01", file_name="x.pdf")
    assert plan.has_errors and "ใช้ไฟล์ .csv หรือ .xlsx" in str(plan.errors[0])


def test_a_bangkok_district_is_read_with_or_without_khet(officer):
    # The export writes "เขตดุสิต" and the import's prefix cleaning reads it as "ดุสิต".
    rows = [
        ["ชื่อหน่วยงาน (ไทย)", "ประเภท", "อำเภอ/เขต", "จังหวัด"],
        ["สำนักงานเขตดุสิต", "ส่วนราชการส่วนกลาง/ส่วนภูมิภาค", "เขตดุสิต", "กรุงเทพมหานคร"],
        ["ที่ว่าการดุสิต", "ส่วนราชการส่วนกลาง/ส่วนภูมิภาค", "ดุสิต", "กรุงเทพมหานคร"],
    ]
    plan = agency_import_plan(data=csv_bytes(rows), file_name="bkk.csv")
    assert not plan.has_errors, plan.errors
    assert [row.agency.district_code for row in plan.rows] == ["1002", "1002"]


def test_reimporting_a_file_with_empty_slugs_and_bangkok_districts_changes_nothing(
    tmp_path, officer
):
    """New rows typed without a slug get one made from their name; the same file imported again
    keeps it (an empty slug cell is not "no address"), and a Bangkok district written without
    "เขต" is the district already stored."""
    rows = [
        ["ชื่อใน URL", "ชื่อหน่วยงาน (ไทย)", "ประเภท", "รหัสโรงเรียน 10 หลัก", "อำเภอ/เขต", "จังหวัด"],
        ["", "โรงเรียนวัดดุสิต", "โรงเรียน", "1010020001", "ดุสิต", "กรุงเทพมหานคร"],
        ["", "โรงเรียนวัดพระโขนง", "โรงเรียน", "1010020002", "เขตพระโขนง", "กรุงเทพมหานคร"],
    ]
    path = write(tmp_path, "bangkok.csv", csv_bytes(rows))
    run_import(path)
    slugs = sorted(Agency.objects.values_list("slug", flat=True))
    assert all(slugs)
    revisions = sum(a.revisions.count() for a in Agency.objects.all())

    plan = agency_import_plan(data=path.read_bytes(), file_name="bangkok.csv")
    assert [(row.status, row.changes) for row in plan.rows] == [("unchanged", [])] * 2
    output = run_import(path)
    assert "ไม่เปลี่ยนแปลง 2" in output
    assert sorted(Agency.objects.values_list("slug", flat=True)) == slugs
    assert sum(a.revisions.count() for a in Agency.objects.all()) == revisions
