"""The registry's PDF laid out in parts (registry_pdf): with a small part size a handful of
agencies fill several parts, and the joined PDF must read as one document: page numbers that run
on across parts over the right total, a table of contents whose page numbers, links and
bookmarks point at the pages where the sections start, and correct Thai throughout.
"""

import io
import re
from datetime import UTC, datetime

import pikepdf
import pytest
import time_machine

from tests.coordination.directory_support import directory_page
from tests.coordination.test_registry_pdf import body, pdf_text
from tests.factories import AgencyFactory, category

pytestmark = pytest.mark.django_db
SCHOOLS = [f"โรงเรียนบ้านน้ำตก {n}" for n in range(1, 6)]
EXTERNAL = ["องค์การบริหารส่วนตำบลทุ่งใหญ่", "เทศบาลตำบลหนองฉาง"]


@pytest.fixture
def registry_pdf(client, settings, db):
    settings.COORDINATION_REGISTRY_PDF_PART_SIZE = 2
    directory_page()
    AgencyFactory(name_th="กลุ่มนโยบายและแผน", scope="internal", category=category("office-group"))
    for number, name in enumerate(SCHOOLS, start=1):
        AgencyFactory(
            name_th=name,
            scope="internal",
            category=category("school"),
            school_code=f"10610000{number:02}",
        )
    for name in EXTERNAL:
        AgencyFactory(name_th=name, category=category("local-admin"))
    with time_machine.travel(datetime(2026, 11, 24, 3, 0, tzinfo=UTC), tick=False):
        response = client.get("/directory/registry.pdf")
    assert response.status_code == 200
    return body(response)


def pages_of(content: bytes) -> list[str]:
    """Each page's text, whitespace squeezed out (Thai lines wrap between words)."""
    pages = pdf_text(content).split("\f")
    return ["".join(page.split()) for page in pages if page.strip()]


def contents_of(content: bytes) -> dict[str, int]:
    """The contents' entries: section number → page ("1.2 โรงเรียน (5) ..... 4"; pdftotext
    gives each leader dot a line of its own)."""
    contents = pdf_text(content).split("\f")[1]
    return {
        number: int(page)
        for number, page in re.findall(r"(\d\.\d) [^()\n]+ \(\d+\)[\s.]*?(\d+)\s", contents)
    }


def test_page_numbers_run_on_across_parts(registry_pdf):
    pages = pages_of(registry_pdf)

    # The cover, the contents, then 6 internal agencies in 3 parts and 2 external ones in 1.
    assert len(pages) >= 2 + 4
    assert len(pikepdf.open(io.BytesIO(registry_pdf)).pages) == len(pages)
    for number, text in enumerate(pages, start=1):
        assert f"หน้า{number}/{len(pages)}" in text, number
    # A section cut between parts goes on under its heading, marked as continued.
    assert any("1.2โรงเรียน(ต่อ)" in text for text in pages)


def test_contents_links_and_bookmarks_point_at_the_pages_where_sections_start(registry_pdf):
    pages = pages_of(registry_pdf)
    contents = pages[1]
    entries = contents_of(registry_pdf)

    assert set(entries) == {"1.1", "1.2", "2.1"}
    headings = {"1.1": "1.1กลุ่ม/หน่วยในสำนักงาน", "1.2": "1.2โรงเรียน", "2.1": "2.1องค์กร"}
    for number, page in entries.items():
        text = pages[page - 1]
        assert headings[number] in text and f"{headings[number]}(ต่อ)" not in text, number
    assert "1.2โรงเรียน(5)" in contents
    # Every agency, in correct Thai, once.
    everything = "".join(pages)
    for name in ["กลุ่มนโยบายและแผน", *SCHOOLS, *EXTERNAL]:
        assert everything.count("".join(name.split())) == 1, name
    assert "ลงชื่อ" in pages[-1] and "ผู้อำนวยการกลุ่มอำนวยการ" in pages[-1]

    # The contents' links and the bookmarks cross parts too.
    pdf = pikepdf.open(io.BytesIO(registry_pdf))
    assert pdf.check_pdf_syntax() == []  # qpdf reads the joined file without a complaint
    assert str(pdf.docinfo.Title).startswith("ทะเบียนข้อมูลพื้นฐาน") and str(pdf.Root.Lang) == "th"

    linked = [pdf.pages.index(pikepdf.Page(link.Dest[0])) + 1 for link in pdf.pages[1].obj.Annots]
    assert linked == [entries[number] for number in ("1.1", "1.2", "2.1")]
    with pdf.open_outline() as outline:
        (title,) = outline.root
        marks = {
            item.title: pdf.pages.index(pikepdf.Page(item.destination[0])) + 1
            for scope in title.children
            for item in [scope, *scope.children]
        }
    assert marks["สารบัญ"] == 2
    assert marks["1.2 โรงเรียน"] == entries["1.2"]
    assert marks["2.1 องค์กรปกครองส่วนท้องถิ่น"] == entries["2.1"]
    assert marks["หน่วยงานภายนอก"] == entries["2.1"]
