"""แจ้งแก้ไขข้อมูล on a public agency page (issue 11 item 5): a task for the responsible
officer, never data; rate limited, CSRF-protected, with a spam trap and a privacy notice."""

import pytest
from django.core import mail
from django.test import Client
from wagtail.models import Revision

from coordination.models import Agency, CorrectionReport
from tests.coordination.directory_support import directory_page
from tests.coordination.self_service_support import send_link
from tests.factories import AgencyFactory, AgencyPhoneFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def agency(officer):
    directory_page()
    agency = AgencyFactory(name_th="เทศบาลตำบลหนองฉาง", responsible_officer=officer)
    AgencyPhoneFactory(agency=agency, number="056 531 100")
    return agency


def report_url(agency) -> str:
    return f"/directory/{agency.slug}/report/"


def valid(**changes) -> dict:
    return {
        "field": "phones",
        "text": "เบอร์สำนักงานเปลี่ยนเป็น 056-531-200",
        "contact_name": "นายชาวบ้าน ผู้แจ้ง",
        "contact_email": "villager@example.com",
        "contact_phone": "081-234-5678",
        **changes,
    }


def test_agency_page_links_to_the_report_form(client, agency):
    page = client.get(f"/directory/{agency.slug}/").content.decode()
    assert f'href="/directory/{agency.slug}/report/"' in page
    assert "แจ้งแก้ไขข้อมูล" in page


def test_form_is_thai_private_and_says_what_contact_details_are_for(client, agency):
    response = client.get(report_url(agency))
    assert response.status_code == 200
    page = response.content.decode()
    assert "แจ้งแก้ไขข้อมูลของเทศบาลตำบลหนองฉาง" in page
    assert "หมายเลขโทรศัพท์" in page and "ชื่อหน่วยงาน (ไทย)" in page
    assert "ใช้เพื่อติดต่อสอบถามเรื่องที่ท่านแจ้งนี้เท่านั้น" in page and "จะลบทิ้ง" in page
    assert "noindex" in page and "private" in response["Cache-Control"]
    for field in ("id_field", "id_text", "id_contact_name", "id_contact_email"):
        assert f'for="{field}"' in page


def test_report_creates_a_task_and_changes_no_data(
    client, agency, officer, django_capture_on_commit_callbacks
):
    revisions = Revision.objects.for_instance(agency).count()
    history = Agency.history.filter(id=agency.pk).count()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(report_url(agency), valid())
    assert response.status_code == 200
    assert "ได้รับเรื่องแจ้งแก้ไขแล้ว" in response.content.decode()
    report = CorrectionReport.objects.get()
    assert report.agency == agency and report.officer == officer
    assert report.field_label == "หมายเลขโทรศัพท์" and report.status == "open"
    assert report.contact_phone == "081 234 5678"
    assert Revision.objects.for_instance(agency).count() == revisions
    assert Agency.history.filter(id=agency.pk).count() == history
    agency.refresh_from_db()
    assert not agency.has_unpublished_changes
    assert list(agency.phones.values_list("number", flat=True)) == ["056 531 100"]
    assert mail.outbox[-1].to == [officer.email]
    assert "056-531-200" in mail.outbox[-1].body
    # The reporter's details never reach the public page.
    assert "villager@example.com" not in client.get(f"/directory/{agency.slug}/").content.decode()


def test_spam_trap_is_thanked_and_forgotten(client, agency):
    response = client.post(report_url(agency), valid(website="http://spam.example.com"))
    assert response.status_code == 200
    assert "ได้รับเรื่องแจ้งแก้ไขแล้ว" in response.content.decode()
    assert not CorrectionReport.objects.exists()
    assert not mail.outbox


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("contact_phone", "08-12", "ไม่ใช่หมายเลขในประเทศไทย"),
        ("contact_email", "villager@", "อีเมล"),
        ("text", "   ", "กรุณาระบุข้อมูลที่ถูกต้อง"),
        ("field", "visibility", "เลือก"),
    ],
)
def test_bad_input_keeps_what_was_typed_and_saves_nothing(client, agency, field, value, message):
    data = valid(**{field: value})
    response = client.post(report_url(agency), data)
    assert response.status_code == 400
    page = response.content.decode()
    assert message in page
    assert 'class="ss-error-summary"' in page
    assert f'href="#id_{field}"' in page
    assert 'value="นายชาวบ้าน ผู้แจ้ง"' in page
    if field != "text":
        assert "เบอร์สำนักงานเปลี่ยนเป็น 056-531-200</textarea>" in page
    if field.startswith("contact_"):
        assert f'value="{value}"' in page
    assert not CorrectionReport.objects.exists()


def test_rate_limit_answers_429_in_thai(client, agency, settings):
    settings.COORDINATION_REPORT_RATE_LIMIT = 2
    for _ in range(2):
        assert client.post(report_url(agency), valid()).status_code == 200
    response = client.post(report_url(agency), valid())
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert "ส่งเรื่องถี่เกินไป" in response.content.decode()
    assert CorrectionReport.objects.count() == 2
    # Another client is not held up.
    other = client.post(report_url(agency), valid(), REMOTE_ADDR="192.0.2.7")
    assert other.status_code == 200


def test_csrf_token_is_required(agency):
    strict = Client(enforce_csrf_checks=True)
    assert strict.get(report_url(agency)).status_code == 200
    assert strict.post(report_url(agency), valid()).status_code == 403
    assert not CorrectionReport.objects.exists()


def test_internal_or_unknown_agencies_have_no_form(client, agency):
    internal = AgencyFactory(name_th="งานภายใน", visibility="internal")
    assert client.get(report_url(internal)).status_code == 404
    assert client.post(report_url(internal), valid()).status_code == 404
    assert client.get("/directory/no-such-agency/report/").status_code == 404
    assert not CorrectionReport.objects.exists()


def test_the_page_cache_never_stores_the_forms(client, agency, officer):
    """A stored copy would hand every visitor the first visitor's CSRF token (and a link's form
    holds an agency's internal data)."""
    _link, path = send_link(agency, officer, email="a@example.go.th")
    anonymous = Client()  # no cookies: what the page cache would store
    for url in (report_url(agency), path):
        first = anonymous.get(url)
        second = anonymous.get(url)
        assert first.status_code == second.status_code == 200
        assert not second.get("X-Page-Cache"), url
    # The agency page itself is still cached (its link to the form carries no token).
    anonymous.get(f"/directory/{agency.slug}/")
    assert anonymous.get(f"/directory/{agency.slug}/").get("X-Page-Cache") == "hit"
