"""The review cycle in the admin listing: the review filter at its boundaries, the officer filter,
the due-date column, "ยืนยันข้อมูลถูกต้อง" one at a time and in bulk, and category intervals."""

import io
from datetime import timedelta

import pytest
import time_machine
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from coordination import roles
from coordination.models import Agency, AgencyCategory
from coordination.thai_dates import thai_date
from tests.coordination.admin_forms import agency_form_data
from tests.coordination.review_support import NOW, agency_due
from tests.factories import AgencyFactory, UserFactory

pytestmark = pytest.mark.django_db
NS = "wagtailsnippets_coordination_agency"
LIST_URL = reverse(f"{NS}:list")


def bulk_url(action: str, *agencies) -> str:
    ids = "&".join(f"id={agency.pk}" for agency in agencies)
    base = reverse("wagtail_bulk_action", args=["coordination", "agency", action])
    return f"{base}?{ids}&next={LIST_URL}"


def assert_refused(response):
    """Wagtail's admin answers a permission error by sending the user to the dashboard."""
    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_home")


@pytest.fixture
def clock():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


@pytest.fixture
def boundary_agencies(clock):
    """Due exactly now, a second from now, in exactly 30 days, in 31 days, a day ago."""
    return {
        "now": agency_due(0, name_th="ครบกำหนดตอนนี้พอดี"),
        "day_ago": agency_due(-1, name_th="เลยมาหนึ่งวัน"),
        "in_a_second": agency_due(1 / 86400, name_th="อีกหนึ่งวินาที"),
        "in_30": agency_due(30, name_th="อีกสามสิบวันพอดี"),
        "in_31": agency_due(31, name_th="อีกสามสิบเอ็ดวัน"),
    }


@pytest.mark.parametrize(
    ("review", "shown", "hidden"),
    [
        ("overdue", {"now", "day_ago"}, {"in_a_second", "in_30", "in_31"}),
        ("due_soon", {"in_a_second", "in_30"}, {"now", "day_ago", "in_31"}),
        ("not_due", {"in_31"}, {"now", "day_ago", "in_a_second", "in_30"}),
    ],
)
def test_review_filter_boundaries(client, deputy, boundary_agencies, review, shown, hidden):
    client.force_login(deputy)
    content = client.get(f"{LIST_URL}?review={review}").content.decode()
    for key in shown:
        assert boundary_agencies[key].name_th in content, key
    for key in hidden:
        assert boundary_agencies[key].name_th not in content, key


def test_closed_agencies_are_out_of_the_cycle(client, deputy, clock):
    agency_due(-10, name_th="ยุบเลิกไปแล้ว", status="closed", closed_reason="ยุบรวม")
    client.force_login(deputy)
    content = client.get(f"{LIST_URL}?review=overdue").content.decode()
    assert "ยุบเลิกไปแล้ว" not in content


def test_due_column_shows_buddhist_era_date_and_says_overdue_in_words(client, deputy, clock):
    overdue = agency_due(-3, name_th="เลยกำหนดแล้ว")
    client.force_login(deputy)
    content = client.get(LIST_URL).content.decode()
    assert "ครบกำหนดทบทวน" in content
    assert thai_date(overdue.review_due_at, short=True) in content
    assert str(overdue.review_due_at.year + 543) in content
    assert "(เลยกำหนด)" in content


def test_due_column_sorts(client, deputy, clock):
    agency_due(200, name_th="ครบกำหนดทีหลัง")
    agency_due(-5, name_th="ครบกำหนดก่อน")
    client.force_login(deputy)
    content = client.get(f"{LIST_URL}?ordering=review_due_at").content.decode()
    assert content.index("ครบกำหนดก่อน") < content.index("ครบกำหนดทีหลัง")
    content = client.get(f"{LIST_URL}?ordering=-review_due_at").content.decode()
    assert content.index("ครบกำหนดทีหลัง") < content.index("ครบกำหนดก่อน")


def test_officer_filter_mine_and_by_person(client, officer, clock):
    other = UserFactory(username="other", groups=[roles.OFFICERS], first_name="มานี")
    agency_due(-1, name_th="ของสมศรี", responsible_officer=officer)
    agency_due(-1, name_th="ของมานี", responsible_officer=other)
    agency_due(-1, name_th="ไม่มีใครดูแล")
    client.force_login(officer)
    content = client.get(f"{LIST_URL}?officer=me").content.decode()
    assert "ของสมศรี" in content and "ของมานี" not in content
    assert "ของฉัน" in content  # the quick option
    content = client.get(f"{LIST_URL}?officer={other.pk}&review=overdue").content.decode()
    assert "ของมานี" in content and "ของสมศรี" not in content
    assert "มานี" in content  # people are listed by name
    content = client.get(f"{LIST_URL}?officer=none").content.decode()
    assert "ไม่มีใครดูแล" in content and "ของสมศรี" not in content


def test_listing_query_budget_with_review_filters(client, deputy, clock):
    client.force_login(deputy)
    query = f"{LIST_URL}?review=overdue&officer=me&ordering=review_due_at"

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(query).status_code == 200
        return len(queries)

    for index in range(5):
        agency_due(-index - 1, name_th=f"เลยกำหนด {index}", responsible_officer=deputy)
    count()
    at_5 = count()
    for index in range(5, 30):
        agency_due(-index - 1, name_th=f"เลยกำหนด {index}", responsible_officer=deputy)
    at_30 = count()
    print(f"admin listing with review filter and column: 5 rows={at_5}, 30 rows={at_30}")
    assert at_5 == at_30
    assert at_30 <= 30


# Verifying ---------------------------------------------------------------------------------------


def test_verify_from_the_agency_page(client, officer, clock):
    agency = agency_due(-10, name_th="โรงเรียนบ้านทดสอบ")
    client.force_login(officer)
    edit = client.get(reverse(f"{NS}:edit", args=[agency.pk])).content.decode()
    verify_url = reverse("coordination_admin:agency_verify", args=[agency.pk])
    assert verify_url in edit
    page = client.get(verify_url)
    assert "ยืนยันข้อมูลถูกต้อง" in page.content.decode()
    clock.shift(timedelta(hours=1))
    response = client.post(verify_url, {"note": "โทรสอบถามแล้ว"}, follow=True)
    assert "ยืนยันข้อมูลถูกต้องแล้ว 1 หน่วยงาน" in response.content.decode()
    agency.refresh_from_db()
    assert agency.last_verified_at == NOW + timedelta(hours=1)
    assert agency.last_verified_by == officer
    assert agency.review_due_at == NOW + timedelta(hours=1, days=365)
    timeline = client.get(reverse("coordination_admin:agency_timeline", args=[agency.pk]))
    text = timeline.content.decode()
    assert "ยืนยันว่าข้อมูลถูกต้อง" in text
    assert "โทรสอบถามแล้ว" in text


def test_staff_cannot_verify(client, staff_member, clock):
    agency = agency_due(-10, name_th="หน่วยงานที่บุคลากรเปิดดู")
    client.force_login(staff_member)
    verify_url = reverse("coordination_admin:agency_verify", args=[agency.pk])
    assert_refused(client.get(verify_url))
    assert_refused(client.post(verify_url, {"note": ""}))  # a crafted POST
    edit = client.get(reverse(f"{NS}:inspect", args=[agency.pk])).content.decode()
    assert verify_url not in edit
    assert_refused(client.post(bulk_url("verify", agency), {}))
    confirm = client.get(bulk_url("verify", agency)).content.decode()
    assert "คุณไม่มีสิทธิ์ยืนยันข้อมูลของหน่วยงานเหล่านี้" in confirm
    agency.refresh_from_db()
    assert agency.last_verified_by is None


def test_bulk_verify_from_the_listing(client, officer, clock):
    first = agency_due(-3, name_th="หน่วยแรก")
    second = agency_due(5, name_th="หน่วยที่สอง")
    untouched = agency_due(-3, name_th="หน่วยที่ไม่ได้เลือก")
    client.force_login(officer)
    listing = client.get(LIST_URL).content.decode()
    assert "ยืนยันข้อมูลถูกต้อง" in listing  # the bulk action's button
    url = bulk_url("verify", first, second)
    confirm = client.get(url).content.decode()
    assert "หน่วยแรก" in confirm and "หน่วยที่สอง" in confirm
    response = client.post(url, {"note": ""}, follow=True)
    assert "ยืนยันข้อมูลถูกต้องแล้ว 2 หน่วยงาน" in response.content.decode()
    for agency in (first, second):
        agency.refresh_from_db()
        assert agency.last_verified_at == NOW
        assert agency.last_verified_by == officer
    untouched.refresh_from_db()
    assert untouched.last_verified_by is None
    timeline = client.get(reverse("coordination_admin:agency_timeline", args=[second.pk]))
    assert "ยืนยันว่าข้อมูลถูกต้อง" in timeline.content.decode()


# Category intervals ------------------------------------------------------------------------------


def test_category_interval_change_moves_due_dates(client, deputy, clock):
    school = AgencyCategory.objects.get(slug="school")
    follows = AgencyFactory(
        name_th="ตามรอบของประเภท", category=school, school_code="1061010001", last_verified_at=NOW
    )
    own = AgencyFactory(
        name_th="มีรอบของตัวเอง",
        category=school,
        school_code="1061010002",
        last_verified_at=NOW,
        review_interval_days=90,
    )
    other = AgencyFactory(name_th="ประเภทอื่น", last_verified_at=NOW)
    other_due = other.review_due_at
    assert follows.review_due_at == NOW + timedelta(days=school.review_interval_days)
    client.force_login(deputy)
    edit_url = reverse("agency_categories:edit", args=[school.pk])
    form = client.get(edit_url).context["form"]
    data = {name: value for name, value in form.initial.items() if value is not None}
    data["review_interval_days"] = 120
    response = client.post(edit_url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    follows.refresh_from_db()
    own.refresh_from_db()
    other.refresh_from_db()
    assert follows.review_due_at == NOW + timedelta(days=120)
    assert own.review_due_at == NOW + timedelta(days=90)
    assert other.review_due_at == other_due


def test_new_agency_is_kept_by_its_creator(client, officer):
    client.force_login(officer)
    response = client.post(reverse(f"{NS}:add"), agency_form_data(name_th="หน่วยงานใหม่ของสมศรี"))
    assert response.status_code == 302, response.content.decode()[:3000]
    agency = Agency.objects.get(name_th="หน่วยงานใหม่ของสมศรี")
    assert agency.responsible_officer == officer
    assert agency.review_due_at is not None
    edit = client.get(reverse(f"{NS}:edit", args=[agency.pk])).content.decode()
    assert "เจ้าหน้าที่ผู้รับผิดชอบ" in edit
    assert "สมศรี" in edit


def test_an_imported_agency_is_kept_by_the_importing_user(tmp_path, officer):
    path = tmp_path / "agencies.csv"
    rows = [
        ["ชื่อหน่วยงาน (ไทย)", "ประเภท", "ขอบเขต", "อำเภอ/เขต", "จังหวัด", "หมายเลขโทรศัพท์"],
        ["เทศบาลตำบลนำเข้า", "องค์กรปกครองส่วนท้องถิ่น", "ภายนอก", "หนองฉาง", "อุทัยธานี", "056 531 200"],
    ]
    path.write_text("\n".join(",".join(row) for row in rows), encoding="utf-8-sig")
    call_command("import_agencies", str(path), "--user", officer.username, stdout=io.StringIO())
    agency = Agency.objects.get(name_th="เทศบาลตำบลนำเข้า")
    assert agency.responsible_officer == officer


def test_select_all_in_listing_verifies_nothing(client, officer, clock):
    agency = agency_due(-3, name_th="ไม่ได้เลือกทีละแถว")
    client.force_login(officer)
    base = reverse("wagtail_bulk_action", args=["coordination", "agency", "verify"])
    client.post(f"{base}?id=all&next={LIST_URL}", {"note": ""})
    agency.refresh_from_db()
    assert agency.last_verified_by is None
