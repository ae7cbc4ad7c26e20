"""The agency's detail page in the admin (where a click on a name in the listing leads staff):
Thai labels and values people can read, public/internal badges, Buddhist Era dates in Bangkok
time, people's full names, only the actions the reader may take, and a logged view."""

import re
from datetime import UTC, datetime

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from coordination.models import Agency, InternalViewLog
from coordination.services.review import agencies_verify
from coordination.thai_dates import thai_date
from tests.coordination.admin_forms import agency_edit_form_data, agency_form_data
from tests.factories import (
    AgencyFactory,
    AgencyPhoneFactory,
    ContactFactory,
    UserFactory,
    category,
)

pytestmark = pytest.mark.django_db

AGENCIES = "wagtailsnippets_coordination_agency"
# 14 January 2026, 18:30 UTC is already 15 January 2026 (2569 BE), 01:30, in Bangkok.
PUBLISHED_UTC = datetime(2026, 1, 14, 18, 30, tzinfo=UTC)
PUBLISHED_BANGKOK = "15 มกราคม 2569 เวลา 01:30 น."
MISSION = (
    '<p data-block-key="a1b2c">จัดการศึกษาระดับประถมศึกษา</p>'
    '<ul><li data-block-key="d3e4f">ส่งเสริมการอ่าน</li></ul>'
)


@pytest.fixture
def verifier(db):
    return UserFactory(username="checker", first_name="สมหญิง", last_name="รักงาน")


@pytest.fixture
def agency(db, verifier):
    with time_machine.travel(PUBLISHED_UTC, tick=False):
        agency = AgencyFactory(
            name_th="โรงเรียนบ้านหนองฉาง",
            category=category("school"),
            scope="internal",
            mission=MISSION,
            province_code="61",
            district_code="6101",
            subdistrict_code="610101",
            postcode="61000",
            school_code="1061020001",
            teaches_primary=True,
            students=95,
            last_verified_at=PUBLISHED_UTC,
            last_verified_by=verifier,
        )
    AgencyPhoneFactory(agency=agency, kind="office", number="056-511-061 ต่อ 12")
    AgencyPhoneFactory(agency=agency, kind="mobile", number="089-999-0000", is_public=False)
    ContactFactory(
        agency=agency,
        name="นางสาวใจดี มีสุข",
        position="ผู้อำนวยการโรงเรียน",
        role="head",
        phone="056-511-062",
        email="jaidee@uthai1.example.go.th",
        mobile="081-234-5678",
        line_id="jaidee.line",
    )
    return agency


def inspect_url(agency) -> str:
    return reverse(f"{AGENCIES}:inspect", args=[agency.pk])


def page(client, user, agency) -> BeautifulSoup:
    client.force_login(user)
    response = client.get(inspect_url(agency))
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser")


def main_text(soup) -> str:
    return soup.find(class_="agency-detail").get_text(" ", strip=True)


def fact(soup, label: str, *, within=None):
    """The <dd> of the fact labelled `label` (in `within`, a contact's section, if given)."""
    scope = within or soup
    term = scope.find("dt", string=label)
    assert term is not None, f"no fact labelled {label}"
    return term.find_next_sibling("dd")


def contact_section(soup, name: str):
    heading = soup.find("h4", string=name)
    assert heading is not None, f"no contact {name}"
    return heading.find_parent("section")


def badge(dd) -> str:
    found = dd.find(class_="agency-detail__badge")
    return found.get_text(strip=True) if found else ""


@pytest.mark.parametrize("reader", ["staff_member", "officer"])
def test_the_detail_page_reads_in_thai(client, request, reader, agency):
    soup = page(client, request.getfixturevalue(reader), agency)
    text = main_text(soup)

    # Place names, not DOPA codes.
    assert fact(soup, "ตำบล/แขวง").get_text(strip=True) == "อุทัยใหม่"
    assert fact(soup, "อำเภอ/เขต").get_text(strip=True) == "เมืองอุทัยธานี"
    assert fact(soup, "จังหวัด").get_text(strip=True) == "อุทัยธานี"
    assert "610101" not in text and "6101" not in text

    # The mission is rendered, not shown as markup.
    mission = soup.find(class_="agency-detail__mission")
    assert mission.find("p").get_text() == "จัดการศึกษาระดับประถมศึกษา"
    assert mission.find("li").get_text() == "ส่งเสริมการอ่าน"
    assert "<p" not in text and "&lt;p" not in str(soup)
    assert "data-block-key" not in str(soup)

    # No Python values, no Wagtail bookkeeping.
    for raw in ("True", "False", "None"):
        assert not re.search(rf"\b{raw}\b", text), raw
    for internal in ("live_revision", "latest_revision", "ล็อกโดย", "หมดอายุ"):
        assert internal not in text

    # Buddhist Era, Bangkok time.
    assert fact(soup, "เผยแพร่ครั้งแรกเมื่อ").get_text(strip=True) == PUBLISHED_BANGKOK
    assert fact(soup, "ตรวจสอบข้อมูลล่าสุดเมื่อ").get_text(strip=True) == PUBLISHED_BANGKOK
    assert "2026" not in text and "14 มกราคม" not in text

    # People by their names.
    assert fact(soup, "ตรวจสอบโดย").get_text(strip=True) == "สมหญิง รักงาน"
    assert "checker" not in text

    # Labels for choices, school facts and identifiers.
    assert fact(soup, "ขอบเขต").get_text(strip=True) == "ภายใน"
    assert fact(soup, "ระดับที่เปิดสอน").get_text(strip=True) == "ประถมศึกษา"
    assert fact(soup, "รหัสโรงเรียน").get_text(strip=True) == "1061020001"
    assert fact(soup, "ชื่อย่อ").get_text(strip=True) == "—"


def test_phones_and_contacts_carry_public_or_internal_badges(client, staff_member, agency):
    soup = page(client, staff_member, agency)

    office = fact(soup, "โทรศัพท์สำนักงาน")
    assert office.find("a")["href"] == "tel:+6656511061,12"
    assert "056-511-061 ต่อ 12" in office.get_text()
    assert badge(office) == "เผยแพร่"
    assert badge(fact(soup, "โทรศัพท์เคลื่อนที่")) == "ใช้ภายใน"

    person = contact_section(soup, "นางสาวใจดี มีสุข")
    assert "ผู้อำนวยการโรงเรียน · หัวหน้าหน่วยงาน" in person.get_text()
    assert badge(fact(soup, "โทรศัพท์ที่ทำงาน", within=person)) == "เผยแพร่"
    assert badge(fact(soup, "อีเมลที่ทำงาน", within=person)) == "เผยแพร่"
    mobile = fact(soup, "โทรศัพท์มือถือส่วนตัว", within=person)
    assert "081-234-5678" in mobile.get_text()
    assert badge(mobile) == "ใช้ภายใน"
    assert badge(fact(soup, "LINE ID", within=person)) == "ใช้ภายใน"
    # An empty field is a dash, with no badge to misread.
    empty = fact(soup, "ที่อยู่บ้าน", within=person)
    assert empty.get_text(strip=True) == "—" and badge(empty) == ""


def test_internal_only_agencies_show_nothing_as_public(client, staff_member):
    agency = AgencyFactory(name_th="กลุ่มตรวจสอบภายใน", visibility="internal")
    AgencyPhoneFactory(agency=agency, number="056-511-061")
    soup = page(client, staff_member, agency)
    assert badge(fact(soup, "โทรศัพท์สำนักงาน")) == "ใช้ภายใน"
    assert "เผยแพร่" not in [b.get_text(strip=True) for b in soup.select(".agency-detail__badge")]
    assert "ใช้ภายในเท่านั้น" in main_text(soup)
    assert fact(soup, "บนเว็บไซต์").get_text(strip=True) == "ไม่แสดง (ใช้ภายในเท่านั้น)"


def test_a_private_person_without_consent_is_not_public(client, staff_member, agency):
    ContactFactory(agency=agency, name="นายมานะ ขยันดี", is_private_person=True)
    soup = page(client, staff_member, agency)
    person = contact_section(soup, "นายมานะ ขยันดี")
    assert "ยังไม่ได้บันทึกความยินยอม" in person.get_text()
    assert badge(fact(soup, "โทรศัพท์ที่ทำงาน", within=person)) == "ใช้ภายใน"
    assert fact(soup, "ความยินยอม (บุคคลทั่วไป)", within=person).get_text(strip=True) == (
        "ยังไม่มีความยินยอม"
    )


def test_staff_are_offered_no_edit_or_delete(client, staff_member, agency):
    client.force_login(staff_member)
    html = client.get(inspect_url(agency)).content.decode()
    assert reverse(f"{AGENCIES}:edit", args=[agency.pk]) not in html
    assert reverse(f"{AGENCIES}:delete", args=[agency.pk]) not in html
    assert "แก้ไขหน่วยงาน" not in html
    assert reverse("coordination_admin:agency_timeline", args=[agency.pk]) in html


def test_officers_are_offered_edit_but_not_delete(client, officer, agency):
    soup = page(client, officer, agency)
    edit_url = reverse(f"{AGENCIES}:edit", args=[agency.pk])
    assert soup.find("a", href=edit_url, string="แก้ไขหน่วยงาน") is not None
    assert reverse(f"{AGENCIES}:delete", args=[agency.pk]) not in str(soup)


def test_the_deputy_director_may_also_delete(client, deputy, agency):
    client.force_login(deputy)
    html = client.get(inspect_url(agency)).content.decode()
    assert reverse(f"{AGENCIES}:delete", args=[agency.pk]) in html


def test_reading_internal_contact_details_is_logged(client, staff_member, agency):
    client.force_login(staff_member)
    response = client.get(inspect_url(agency))
    assert "private" in response["Cache-Control"]
    log = InternalViewLog.objects.get()
    assert (log.agency, log.user, log.path) == (agency, staff_member, inspect_url(agency))


def test_people_without_the_registry_permission_see_nothing(client, agency):
    client.force_login(UserFactory(username="visitor", groups=[]))
    response = client.get(inspect_url(agency))
    assert response.status_code in (302, 403)
    assert "081-234-5678" not in response.content.decode()
    assert not InternalViewLog.objects.exists()


def test_the_page_costs_the_same_few_queries_however_many_contacts(client, staff_member, agency):
    client.force_login(staff_member)
    client.get(inspect_url(agency))  # warm up: session, permissions, content types
    with CaptureQueriesContext(connection) as few:
        client.get(inspect_url(agency))
    for n in range(10):
        ContactFactory(agency=agency, name=f"ผู้ประสานงานคนที่ {n}", mobile="081-111-2222")
        AgencyPhoneFactory(agency=agency, number=f"056-511-{n:03d}")
    with CaptureQueriesContext(connection) as many:
        client.get(inspect_url(agency))
    assert len(many) == len(few)


def test_the_page_stays_within_its_query_budget(
    client, staff_member, agency, django_assert_max_num_queries
):
    # Session, user, permissions and the admin menu (9), the help menu's guide for the user's
    # role (1); the agency with its workflow state, phones, contacts, tags and child agencies
    # (6); the view log's row (1).
    client.force_login(staff_member)
    client.get(inspect_url(agency))
    with django_assert_max_num_queries(17):
        assert client.get(inspect_url(agency)).status_code == 200


# People by their names elsewhere in the registry's admin ------------------------------------


def test_the_internal_view_log_names_people(client, staff_member, deputy, agency):
    staff_member.last_name = "ใจงาม"
    staff_member.save()
    client.force_login(staff_member)
    client.get(inspect_url(agency))
    log = InternalViewLog.objects.get()

    client.force_login(deputy)
    listing = BeautifulSoup(
        client.get(reverse("internal_view_log:index")).content.decode(), "html.parser"
    )
    table_text = listing.find("main").find("table", class_="listing").get_text(" ", strip=True)
    assert "บุญมี ใจงาม" in table_text
    assert re.search(r"\bstaff\b", table_text) is None
    options = [option.get_text(strip=True) for option in listing.select("select[name=user] option")]
    assert "บุญมี ใจงาม" in options

    detail = client.get(reverse("internal_view_log:inspect", args=[log.pk])).content.decode()
    detail_text = BeautifulSoup(detail, "html.parser").find(class_="nice-padding").get_text(" ")
    assert "บุญมี ใจงาม" in detail_text
    # The time it was read, in the Buddhist Era (derived from the row: the suite runs on any day).
    assert thai_date(log.viewed_at, with_time=True) in " ".join(detail_text.split())


def test_the_agency_editor_names_the_verifier_read_only(client, officer, agency, verifier):
    """The verification is shown, by the person's name, but is no field of the draft: it changes
    by "ยืนยันข้อมูลถูกต้อง", not by an edit that needs approval."""
    client.force_login(officer)
    html = client.get(reverse(f"{AGENCIES}:edit", args=[agency.pk])).content.decode()
    soup = BeautifulSoup(html, "html.parser")
    assert soup.find(attrs={"name": "last_verified_by"}) is None
    assert soup.find(attrs={"name": "last_verified_at"}) is None
    assert "สมหญิง รักงาน" in soup.get_text(" ")


def test_publishing_a_draft_keeps_a_later_verification(client, deputy, verifier):
    client.force_login(deputy)
    client.post(reverse(f"{AGENCIES}:add"), {**agency_form_data(), "action-publish": "publish"})
    agency = Agency.objects.get(slug="ban-thung-pho")
    data = agency_edit_form_data(agency, email="new@example.go.th")
    client.post(reverse(f"{AGENCIES}:edit", args=[agency.pk]), data)  # a draft
    agencies_verify([Agency.objects.get(pk=agency.pk)], user=verifier)
    verified = Agency.objects.get(pk=agency.pk)

    draft = verified.latest_revision
    draft.publish(user=deputy)

    published = Agency.objects.get(pk=agency.pk)
    assert published.email == "new@example.go.th"
    assert published.last_verified_by == verifier
    assert published.last_verified_at == verified.last_verified_at
    assert published.review_due_at == verified.review_due_at
