"""The admin's import: upload → preview → apply, as an officer; staff never see it."""

import csv
import io

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from coordination.models import Agency

pytestmark = pytest.mark.django_db

LISTING = reverse("wagtailsnippets_coordination_agency:list")
UPLOAD = reverse("coordination_admin:agency_import")
PREVIEW = reverse("coordination_admin:agency_import_preview")
APPLY = reverse("coordination_admin:agency_import_apply")
TEMPLATE = reverse("coordination_admin:agency_import_template")
HEADINGS = ["ชื่อหน่วยงาน (ไทย)", "ประเภท", "ขอบเขต", "อำเภอ/เขต", "จังหวัด", "หมายเลขโทรศัพท์"]


def upload(rows, name="agencies.csv", encoding="cp874"):
    buffer = io.StringIO()
    csv.writer(buffer).writerows([HEADINGS, *rows])
    return SimpleUploadedFile(name, buffer.getvalue().encode(encoding), "text/csv")


def test_officer_uploads_previews_and_applies(client, officer):
    client.force_login(officer)
    assert "นำเข้าข้อมูล" in client.get(LISTING).content.decode()
    page = client.get(UPLOAD).content.decode()
    assert TEMPLATE in page

    rows = [
        ["เทศบาลตำบลหนองฉาง", "องค์กรปกครองส่วนท้องถิ่น", "ภายนอก", "หนองฉาง", "อุทัยธานี", "056 531 200"]
    ]
    response = client.post(UPLOAD, {"file": upload(rows), "reason": "ทะเบียนใหม่"})
    assert response.status_code == 302 and response.url == PREVIEW

    preview = client.get(PREVIEW).content.decode()
    assert "สร้างใหม่ 1 แห่ง" in preview
    assert "เทศบาลตำบลหนองฉาง" in preview
    assert "056 531 200 (โทรศัพท์สำนักงาน)" in preview
    assert not Agency.objects.exists()  # a preview writes nothing

    response = client.post(APPLY, follow=True)
    assert "นำเข้าไฟล์ “agencies.csv” เรียบร้อย: สร้างใหม่ 1 แห่ง" in response.content.decode()
    agency = Agency.objects.get()
    assert agency.live is False and agency.workflow_in_progress
    # The file is used once: applying again finds nothing to apply.
    response = client.post(APPLY)
    assert response.status_code == 302 and response.url == UPLOAD
    assert Agency.objects.count() == 1


def test_errors_block_the_apply_and_name_row_and_column(client, officer):
    client.force_login(officer)
    rows = [
        ["เทศบาลตำบลหนองฉาง", "องค์กรปกครองส่วนท้องถิ่น", "ภายนอก", "หนองฉาง", "อุทัยธานี", "056-51"],
        ["อบต.ไม่มีประเภท", "ไม่มีประเภทนี้", "ภายนอก", "", "", ""],
    ]
    client.post(UPLOAD, {"file": upload(rows, encoding="utf-8-sig"), "reason": ""})

    preview = client.get(PREVIEW).content.decode()
    assert "พบข้อผิดพลาด 2 รายการ" in preview
    assert "แถว 2 คอลัมน์ F (หมายเลขโทรศัพท์)" in preview
    assert "แถว 3 คอลัมน์ B (ประเภท): ไม่พบประเภท “ไม่มีประเภทนี้”" in preview
    assert APPLY not in preview
    client.post(APPLY)
    assert not Agency.objects.exists()


def test_template_lists_the_headings(client, officer):
    client.force_login(officer)
    response = client.get(TEMPLATE)
    assert response.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    headings = [cell.value for cell in sheet[1]]
    assert {"ชื่อหน่วยงาน (ไทย)", "รหัสโรงเรียน 10 หลัก", "หมายเลขโทรศัพท์", "ผู้ประสานงาน 1"} <= set(
        headings
    )
    assert sheet.cell(row=2, column=headings.index("ชื่อหน่วยงาน (ไทย)") + 1).value


def test_staff_can_neither_see_nor_reach_the_import(client, staff_member):
    client.force_login(staff_member)
    listing = client.get(LISTING)
    assert listing.status_code == 200
    assert UPLOAD not in listing.content.decode()
    for url in (UPLOAD, PREVIEW, TEMPLATE):
        assert client.get(url).status_code in (302, 403)
    assert client.post(APPLY).status_code in (302, 403)
    assert not Agency.objects.exists()
