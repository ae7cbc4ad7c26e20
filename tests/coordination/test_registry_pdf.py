"""The printable registry: /directory/registry.pdf (public) and the staff registry in the admin.

The PDF's text is read back with `pdftotext` (poppler-utils): it must hold the office's name and
the agencies' names in correct Thai, SARA AM (ำ) and tone marks included, which a PDF loses when a
glyph stands for two texts. pdftotext is required in CI (.ci/run installs it); elsewhere a machine
without it skips.
"""

import io
import os
import shutil
import subprocess
from datetime import UTC, datetime

import pytest
import time_machine
from django.core.management import CommandError, call_command

from tests.coordination.directory_support import directory_page
from tests.factories import AgencyFactory, AgencyPhoneFactory, ContactFactory, category

pytestmark = pytest.mark.django_db
OFFICE = "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาอุทัยธานี เขต 1"
REQUIRED = os.environ.get("CI") == "true"


def pdf_text(content: bytes) -> str:
    tool = shutil.which("pdftotext")
    if tool is None:
        if REQUIRED:
            pytest.fail("pdftotext (poppler-utils) is required in CI")
        pytest.skip("no pdftotext (apt-get install poppler-utils)")
    result = subprocess.run(
        [tool, "-raw", "-enc", "UTF-8", "-", "-"], input=content, capture_output=True, check=True
    )
    return result.stdout.decode("utf-8")


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.fixture
def registry(db):
    directory_page()
    office = AgencyFactory(
        name_th="กลุ่มอำนวยการ", scope="internal", category=category("office-group")
    )
    AgencyPhoneFactory(agency=office, number="056 511 061 ต่อ 101")
    school = AgencyFactory(
        name_th="โรงเรียนบ้านน้ำตกห้วยขาแข้ง",
        scope="internal",
        category=category("school"),
        school_code="1061000001",
    )
    ContactFactory(agency=school, name="นายสำราญ ค่ำคืน", mobile="081 234 5678")
    AgencyFactory(name_th="องค์การบริหารส่วนตำบลทุ่งใหญ่", category=category("local-admin"))
    AgencyFactory(name_th="หน่วยงานลับเฉพาะ", visibility="internal")
    AgencyFactory(name_th="หน่วยงานร่างใหม่", publish=False)


@time_machine.travel(datetime(2026, 11, 24, 3, 0, tzinfo=UTC), tick=False)
def test_public_registry_pdf_reads_in_correct_thai(client, registry):
    response = client.get("/directory/registry.pdf")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    content = body(response)
    assert content.startswith(b"%PDF")
    text = " ".join(pdf_text(content).split())
    # Long lines wrap (between Thai words): compare without the line breaks.
    squeezed = "".join(text.split())
    for expected in (
        OFFICE,
        "ทะเบียนข้อมูลพื้นฐานของหน่วยงานภายในและภายนอกเขตพื้นที่การศึกษา",
        "ข้อมูล ณ วันที่ 24 พฤศจิกายน 2569",
        "สารบัญ",
        "หน่วยงานภายใน",
        "หน่วยงานภายนอก",
        "กลุ่มอำนวยการ",
        "โรงเรียนบ้านน้ำตกห้วยขาแข้ง",
        "นายสำราญ ค่ำคืน",
        "องค์การบริหารส่วนตำบลทุ่งใหญ่",
        "056 511 061 ต่อ 101",
        "หน้า 1 / ",
        "ผู้อำนวยการกลุ่มอำนวยการ",
        "ลงชื่อ",
    ):
        assert "".join(expected.split()) in squeezed, expected
    # Internal before external, as the manual lists them.
    assert text.rindex("หน่วยงานภายใน") < text.rindex("หน่วยงานภายนอก")
    for hidden in ("หน่วยงานลับเฉพาะ", "หน่วยงานร่างใหม่", "081 234 5678"):
        assert hidden not in text


def test_print_view_and_filters(client, registry):
    response = client.get("/directory/registry.html?scope=external")

    assert response.status_code == 200
    html = response.content.decode()
    assert "องค์การบริหารส่วนตำบลทุ่งใหญ่" in html
    assert "โรงเรียนบ้านน้ำตกห้วยขาแข้ง" not in html
    assert "coordination/css/fonts.css" in html  # the self-hosted Sarabun


def test_staff_registry_from_the_admin_holds_internal_data(client, registry, staff_member):
    client.force_login(staff_member)

    response = client.get("/admin/coordination/registry.pdf")

    assert response.status_code == 200
    assert "private" in response["Cache-Control"]
    text = " ".join(pdf_text(body(response)).split())
    assert "หน่วยงานลับเฉพาะ" in text and "081 234 5678" in text
    assert "ฉบับใช้ภายใน" in text


@time_machine.travel(datetime(2026, 10, 1, 3, 0, tzinfo=UTC), tick=False)
def test_export_registry_command_writes_the_pdf(registry, tmp_path):
    target = tmp_path / "registry.pdf"
    call_command(
        "export_registry", "--format", "pdf", "--output", str(target),
        stdout=io.StringIO(), stderr=io.StringIO(),
    )  # fmt: skip
    text = " ".join(pdf_text(target.read_bytes()).split())
    assert "ข้อมูล ณ วันที่ 1 ตุลาคม 2569" in text
    assert "โรงเรียนบ้านน้ำตกห้วยขาแข้ง" in text


def test_export_registry_has_no_as_of_date_it_cannot_rebuild(registry, tmp_path):
    # It only printed the date over today's data: a document must not claim a past day's data.
    with pytest.raises(CommandError):
        call_command(
            "export_registry", "--format", "pdf", "--as-of", "2026-10-01",
            "--output", str(tmp_path / "registry.pdf"),
        )  # fmt: skip


def test_a_registry_too_large_for_one_document_asks_for_a_filter(client, registry, settings):
    settings.COORDINATION_REGISTRY_PDF_MAX = 2

    response = client.get("/directory/registry.pdf")

    assert response.status_code == 400
    assert "กรุณาเลือกขอบเขต ประเภท หรืออำเภอ" in response.content.decode()
    assert client.get("/directory/registry.pdf?scope=external").status_code == 200
