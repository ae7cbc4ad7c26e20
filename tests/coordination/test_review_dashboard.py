"""Responsibility (issue 11, item 2): bulk reassignment by supervisors, the dashboard panels per
role, and the report of overdue records with its exports."""

import csv
import io

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook
from wagtail.models import Workflow

from coordination import roles
from coordination.models import AgencyCategory
from tests.coordination.review_support import NOW, agency_due
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
NS = "wagtailsnippets_coordination_agency"
LIST_URL = reverse(f"{NS}:list")
DASHBOARD = reverse("wagtailadmin_home")
REPORT = reverse("coordination_admin:review_report")


def assert_refused(response):
    """Wagtail's admin answers a permission error by sending the user to the dashboard."""
    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_home")


@pytest.fixture
def clock():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


def assign_url(*agencies) -> str:
    base = reverse("wagtail_bulk_action", args=["coordination", "agency", "assign_officer"])
    ids = "&".join(f"id={agency.pk}" for agency in agencies)
    return f"{base}?{ids}&next={LIST_URL}"


# Reassigning -------------------------------------------------------------------------------------


def test_supervisor_reassigns_in_bulk(client, director, officer, clock):
    newcomer = UserFactory(
        username="newcomer", groups=[roles.OFFICERS], first_name="มานะ", last_name="ใจดี"
    )
    first = agency_due(-1, name_th="หน่วยแรก", responsible_officer=officer)
    second = agency_due(10, name_th="หน่วยที่สอง", responsible_officer=officer)
    client.force_login(director)
    form = client.get(assign_url(first, second)).content.decode()
    assert "มานะ ใจดี" in form  # officers listed by full name
    assert "เจ้าหน้าที่ผู้รับผิดชอบคนใหม่" in form
    response = client.post(assign_url(first, second), {"officer": newcomer.pk}, follow=True)
    assert "มอบหมาย 2 หน่วยงานให้ มานะ ใจดี แล้ว" in response.content.decode()
    for agency in (first, second):
        agency.refresh_from_db()
        assert agency.responsible_officer == newcomer
    timeline = client.get(reverse("coordination_admin:agency_timeline", args=[first.pk]))
    assert "มอบหมายเจ้าหน้าที่ผู้รับผิดชอบคนใหม่" in timeline.content.decode()


@pytest.mark.parametrize("who", ["officer", "staff_member"])
def test_officers_and_staff_cannot_reassign(client, who, request, clock):
    user = request.getfixturevalue(who)
    agency = agency_due(-1, name_th="หน่วยงานใดก็ได้")
    client.force_login(user)
    confirm = client.get(assign_url(agency)).content.decode()
    assert "คุณไม่มีสิทธิ์มอบหมายผู้รับผิดชอบหน่วยงานเหล่านี้" in confirm
    assert_refused(client.post(assign_url(agency), {"officer": user.pk}))
    agency.refresh_from_db()
    assert agency.responsible_officer is None


# Dashboard ---------------------------------------------------------------------------------------


def test_officer_sees_their_overdue_and_soon_due_agencies(client, officer, clock):
    other = UserFactory(username="other", groups=[roles.OFFICERS])
    agency_due(-2, name_th="ของฉันเลยกำหนด", responsible_officer=officer)
    agency_due(12, name_th="ของฉันใกล้ครบกำหนด", responsible_officer=officer)
    agency_due(100, name_th="ของฉันยังไม่ถึงกำหนด", responsible_officer=officer)
    agency_due(-2, name_th="ของคนอื่นเลยกำหนด", responsible_officer=other)
    client.force_login(officer)
    content = client.get(DASHBOARD).content.decode()
    assert "ข้อมูลที่ต้องทบทวน" in content
    assert "เลยกำหนดทบทวน 1 แห่ง และครบกำหนดภายใน 30 วัน 1 แห่ง" in content
    assert "ของฉันเลยกำหนด" in content and "ของฉันใกล้ครบกำหนด" in content
    assert "ของฉันยังไม่ถึงกำหนด" not in content
    assert "ของคนอื่นเลยกำหนด" not in content
    assert "<caption>" in content
    assert "ภาพรวมการทบทวนข้อมูลของสำนักงาน" not in content  # supervisors only


def test_officer_dashboard_links_to_the_rest(client, officer, clock):
    for index in range(12):
        agency_due(-index - 1, name_th=f"เลยกำหนดลำดับ {index:02d}", responsible_officer=officer)
    client.force_login(officer)
    content = client.get(DASHBOARD).content.decode()
    assert "ดูทั้งหมด 12 แห่งที่เลยกำหนด" in content
    assert "officer=me&amp;review=overdue" in content
    assert content.count("เลยกำหนดลำดับ") == 10


def test_officer_sees_items_sent_back_for_changes(client, officer, director, clock):
    agency = agency_due(-2, name_th="ส่งกลับให้แก้ไข", responsible_officer=officer)
    agency.save_revision(user=officer)
    workflow = Workflow.objects.get(name=roles.APPROVAL_WORKFLOW)
    state = workflow.start(agency, officer)
    task_state = state.current_task_state
    task_state.task.specific.on_action(task_state, director, "reject")
    client.force_login(officer)
    content = client.get(DASHBOARD).content.decode()
    # Wagtail's own panel of the officer's items in moderation lists it as needing changes.
    assert "หน้าและข้อมูลของคุณที่อยู่ระหว่างการพิจารณา" in content
    assert content.count("ส่งกลับให้แก้ไข") >= 2  # that panel and the review panel


def test_supervisors_see_office_wide_counts(client, deputy, officer, clock):
    school = AgencyCategory.objects.get(slug="school")
    agency_due(
        -1,
        name_th="โรงเรียนเลยกำหนด",
        category=school,
        school_code="1061010001",
        responsible_officer=officer,
    )
    agency_due(5, name_th="หน่วยราชการใกล้ครบ", responsible_officer=officer)
    agency_due(-9, name_th="ไม่มีใครดูแล")
    client.force_login(deputy)
    content = client.get(DASHBOARD).content.decode()
    assert "ภาพรวมการทบทวนข้อมูลของสำนักงาน" in content
    assert "ทั้งสำนักงาน เลยกำหนดทบทวน 2 แห่ง และครบกำหนดภายใน 30 วัน 1 แห่ง" in content
    assert "แยกตามประเภทหน่วยงาน" in content and school.name_th in content
    assert "แยกตามเจ้าหน้าที่ผู้รับผิดชอบ" in content and "สมศรี" in content
    assert "ยังไม่มีผู้รับผิดชอบ" in content
    assert REPORT in content


def test_dashboard_query_count_does_not_grow(client, deputy, officer, clock):
    client.force_login(deputy)

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(DASHBOARD).status_code == 200
        return len(queries)

    for index in range(3):
        agency_due(-index - 1, name_th=f"หน่วย {index}", responsible_officer=deputy)
    count()
    at_3 = count()
    for index in range(3, 25):
        person = deputy if index % 2 else officer
        agency_due(-index - 1, name_th=f"หน่วย {index}", responsible_officer=person)
    at_25 = count()
    print(f"dashboard queries (deputy, both review panels): 3 agencies={at_3}, 25={at_25}")
    assert at_3 == at_25


def test_staff_see_no_review_panels(client, staff_member, clock):
    agency_due(-1, name_th="เลยกำหนดบางแห่ง")
    client.force_login(staff_member)
    content = client.get(DASHBOARD).content.decode()
    assert "ข้อมูลที่ต้องทบทวน" not in content
    assert "ภาพรวมการทบทวนข้อมูลของสำนักงาน" not in content


# Report ------------------------------------------------------------------------------------------


@pytest.fixture
def report_agencies(officer, clock):
    return {
        "overdue": agency_due(-3, name_th="เลยกำหนดในรายงาน", responsible_officer=officer),
        "soon": agency_due(20, name_th="ใกล้ครบกำหนดในรายงาน"),
        "later": agency_due(90, name_th="ยังไม่ถึงกำหนดในรายงาน"),
        "formula": agency_due(-1, name_th='=HYPERLINK("x")'),
    }


def test_report_lists_overdue_and_soon_due(client, deputy, report_agencies):
    client.force_login(deputy)
    content = client.get(REPORT).content.decode()
    assert "รายงานข้อมูลที่เลยกำหนดทบทวน" in content
    assert '<caption class="w-sr-only">รายงานข้อมูลที่เลยกำหนดทบทวน</caption>' in content
    assert "เลยกำหนดในรายงาน" in content and "ใกล้ครบกำหนดในรายงาน" in content
    assert "ยังไม่ถึงกำหนดในรายงาน" not in content
    assert "สมศรี" in content
    content = client.get(f"{REPORT}?status=overdue").content.decode()
    assert "เลยกำหนดในรายงาน" in content and "ใกล้ครบกำหนดในรายงาน" not in content
    content = client.get(f"{REPORT}?officer=none").content.decode()
    assert "ใกล้ครบกำหนดในรายงาน" in content and "เลยกำหนดในรายงาน" not in content


def test_report_exports_csv_and_xlsx(client, deputy, report_agencies):
    client.force_login(deputy)
    response = client.get(f"{REPORT}?export=csv")
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert rows[0][0] == "ชื่อหน่วยงาน"
    names = [row[0] for row in rows[1:]]
    assert "เลยกำหนดในรายงาน" in names and "ยังไม่ถึงกำหนดในรายงาน" not in names
    assert '\'=HYPERLINK("x")' in names  # a formula stays text
    overdue_row = next(row for row in rows if row[0] == "เลยกำหนดในรายงาน")
    assert str(report_agencies["overdue"].review_due_at.year + 543) in overdue_row[5]
    assert overdue_row[6] == "เลยกำหนด"

    response = client.get(f"{REPORT}?export=xlsx&status=due_soon")
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    values = [cell.value for row in workbook.active.iter_rows() for cell in row]
    assert "ใกล้ครบกำหนดในรายงาน" in values and "เลยกำหนดในรายงาน" not in values


def test_report_query_budget(client, deputy, officer, clock):
    client.force_login(deputy)

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(REPORT).status_code == 200
        return len(queries)

    for index in range(3):
        agency_due(-index - 1, name_th=f"รายงาน {index}", responsible_officer=officer)
    count()
    at_3 = count()
    for index in range(3, 25):
        agency_due(-index - 1, name_th=f"รายงาน {index}", responsible_officer=officer)
    at_25 = count()
    print(f"review report queries: 3 rows={at_3}, 25 rows={at_25}")
    assert at_3 == at_25
    assert at_25 <= 30


@pytest.mark.parametrize("who", ["officer", "staff_member"])
def test_report_is_for_supervisors(client, who, request):
    client.force_login(request.getfixturevalue(who))
    assert_refused(client.get(REPORT))
    assert_refused(client.get(f"{REPORT}?export=csv"))
