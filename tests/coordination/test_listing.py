"""The admin agency listing: columns, filters, exports, inspect, preview, and its query budget."""

import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook
from wagtail.models import Workflow

from coordination.models import AgencyCategory
from tests.factories import AgencyFactory, ContactFactory

pytestmark = pytest.mark.django_db
NS = "wagtailsnippets_coordination_agency"


def url(name, *args):
    return reverse(f"{NS}:{name}", args=args)


def listing_queries(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url("list"))
    assert response.status_code == 200
    return len(queries)


def make_agencies(count: int, start: int = 0):
    """Schools in every state the status column shows: live, draft, pending changes, locked,
    in moderation."""
    school = AgencyCategory.objects.get(slug="school")
    workflow = Workflow.objects.get(name="อนุมัติตามลำดับชั้น")
    for index in range(start, start + count):
        agency = AgencyFactory(
            name_th=f"โรงเรียนทดสอบ {index:03d}",
            category=school,
            school_code=f"10610{index:05d}",
            publish=index % 3 != 0,
        )
        if index % 5 == 0:
            agency.save_revision()  # a pending draft change
        if index % 7 == 0:
            agency.locked = True
            agency.save(update_fields=["locked"])
        if index % 11 == 0:
            agency.save_revision()
            workflow.start(agency, None)


def test_listing_query_count_does_not_grow_with_rows(client, deputy):
    client.force_login(deputy)
    make_agencies(20)
    listing_queries(client)  # warm caches (content types, site root)
    at_20 = listing_queries(client)
    make_agencies(180, start=20)
    at_200 = listing_queries(client)
    print(f"admin agency listing queries: 20 agencies={at_20}, 200 agencies={at_200}")
    assert at_20 == at_200
    assert at_200 <= 30


def test_listing_shows_name_category_district_status_and_verification(client, deputy):
    AgencyFactory(
        name_th="โรงเรียนบ้านหนองฉาง",
        district_code="6104",
        subdistrict_code="610401",
        postcode="61110",
        category=AgencyCategory.objects.get(slug="school"),
        school_code="1061040001",
    )
    AgencyFactory(name_th="อบต.ทุ่งโพ ฉบับร่าง", publish=False)
    client.force_login(deputy)
    content = client.get(url("list")).content.decode()
    assert "โรงเรียนบ้านหนองฉาง" in content
    assert "หนองฉาง" in content
    assert "โรงเรียน" in content
    assert "draft" in content.lower() or "ฉบับร่าง" in content


@pytest.mark.parametrize(
    ("query", "shown", "hidden"),
    [
        ("status=draft", "ร่างยังไม่เผยแพร่", "เผยแพร่แล้วแน่นอน"),
        ("status=live", "เผยแพร่แล้วแน่นอน", "ร่างยังไม่เผยแพร่"),
        ("visibility=internal", "หน่วยภายในเท่านั้น", "เผยแพร่แล้วแน่นอน"),
        ("scope=internal", "หน่วยภายในเท่านั้น", "เผยแพร่แล้วแน่นอน"),
        ("district_code=6104", "ร่างยังไม่เผยแพร่", "เผยแพร่แล้วแน่นอน"),
    ],
)
def test_listing_filters(client, deputy, query, shown, hidden):
    AgencyFactory(
        name_th="ร่างยังไม่เผยแพร่",
        publish=False,
        district_code="6104",
        subdistrict_code="610401",
        postcode="61110",
    )
    AgencyFactory(name_th="เผยแพร่แล้วแน่นอน")
    AgencyFactory(name_th="หน่วยภายในเท่านั้น", visibility="internal", scope="internal")
    client.force_login(deputy)
    content = client.get(f"{url('list')}?{query}").content.decode()
    assert shown in content
    assert hidden not in content


def test_in_moderation_and_locked_filters(client, officer, deputy):
    moderated = AgencyFactory(name_th="รออนุมัติอยู่", publish=False)
    from wagtail.models import Workflow

    moderated.save_revision(user=officer)
    Workflow.objects.get(name="อนุมัติตามลำดับชั้น").start(moderated, officer)
    locked = AgencyFactory(name_th="ถูกล็อกไว้")
    locked.locked = True
    locked.locked_by = deputy
    locked.save(update_fields=["locked", "locked_by"])
    AgencyFactory(name_th="ธรรมดาทั่วไป")
    client.force_login(deputy)
    content = client.get(f"{url('list')}?status=in_moderation").content.decode()
    assert "รออนุมัติอยู่" in content and "ธรรมดาทั่วไป" not in content
    content = client.get(f"{url('list')}?status=locked").content.decode()
    assert "ถูกล็อกไว้" in content and "ธรรมดาทั่วไป" not in content


def test_export_csv_and_xlsx(client, staff_member):
    AgencyFactory(name_th="สำนักงานศึกษาธิการจังหวัดอุทัยธานี", email="peo@example.go.th")
    client.force_login(staff_member)
    response = client.get(f"{url('list')}?export=csv")
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][:2] == ["ชื่อใน URL", "ชื่อหน่วยงาน (ไทย)"]  # the slug: what an import matches
    assert any("สำนักงานศึกษาธิการจังหวัดอุทัยธานี" in row for row in rows)

    response = client.get(f"{url('list')}?export=xlsx")
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    values = [cell.value for row in workbook.active.iter_rows() for cell in row]
    assert "สำนักงานศึกษาธิการจังหวัดอุทัยธานี" in values


def test_inspect_view_shows_thai_labels(client, staff_member):
    agency = AgencyFactory(name_th="โรงพยาบาลอุทัยธานี")
    client.force_login(staff_member)
    content = client.get(url("inspect", agency.pk)).content.decode()
    assert "ชื่อหน่วยงาน (ไทย)" in content
    assert "โรงพยาบาลอุทัยธานี" in content


def test_preview_modes_show_public_and_staff_cards(client, director):
    agency = AgencyFactory(name_th="องค์การบริหารส่วนตำบลทุ่งโพ")
    ContactFactory(
        agency=agency,
        name="นายมานพ ศรีสุข",
        mobile="089 765 4321",
        line_id="manop.line",
        home_address="บ้านเลขที่ 12 หมู่ 4",
    )
    client.force_login(director)
    preview = url("preview_on_edit", agency.pk)
    # The preview renders the revision under approval; post the current form first.
    from tests.coordination.admin_forms import agency_edit_form_data

    data = agency_edit_form_data(
        agency,
        name_th="องค์การบริหารส่วนตำบลทุ่งโพ",
        slug=agency.slug,
        category=agency.category_id,
        school_code="",
    )
    client.post(preview, data)
    both = client.get(preview).content.decode()
    assert "ประชาชนจะเห็น (บัตรสาธารณะ)" in both
    assert "บุคลากรจะเห็น (บัตรเจ้าหน้าที่)" in both

    # The posted form (what will be approved) has the contact's personal mobile and LINE id,
    # which stay internal by default.
    public = client.get(f"{preview}?mode=public").content.decode()
    assert "นายประสิทธิ์ ทองดี" in public
    assert "056 531 100 ต่อ 11" in public
    assert "081 234 5678" not in public
    assert "prasit.t" not in public

    staff = client.get(f"{preview}?mode=staff").content.decode()
    assert "081 234 5678" in staff
    assert "prasit.t" in staff
    assert "ภายใน" in staff
