"""The officers' side of the self-service: sending links (one agency, in bulk, by command),
seeing and revoking them, and following up the public's reports."""

from datetime import datetime, timedelta
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import ModelLogEntry

from coordination.models import Agency, ConfirmationRequest, CorrectionReport
from coordination.services.correction_reports import correction_report_create
from tests.coordination.self_service_support import send_link
from tests.factories import AgencyFactory, ContactFactory

pytestmark = pytest.mark.django_db

BANGKOK = ZoneInfo("Asia/Bangkok")


@pytest.fixture
def agency(officer):
    agency = AgencyFactory(
        name_th="องค์การบริหารส่วนตำบลหนองแก",
        email="saraban@nongkae.example.go.th",
        responsible_officer=officer,
    )
    ContactFactory(agency=agency, name="นางสมพร ใจดี", email="somporn@nongkae.example.go.th")
    return agency


def test_officer_sends_a_link_to_a_contact_from_the_editor(
    client, officer, agency, django_capture_on_commit_callbacks
):
    client.force_login(officer)
    edit = client.get(reverse("wagtailsnippets_coordination_agency:edit", args=[agency.pk]))
    send_url = reverse("coordination_admin:agency_request_confirmation", args=[agency.pk])
    assert send_url in edit.content.decode()
    form = client.get(send_url)
    page = form.content.decode()
    assert "saraban@nongkae.example.go.th" in page and "somporn@nongkae.example.go.th" in page

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(send_url, {"email": "somporn@nongkae.example.go.th"})
    assert response.status_code == 302
    assert mail.outbox[-1].to == ["somporn@nongkae.example.go.th"]
    assert "/confirm/" in mail.outbox[-1].body
    link = ConfirmationRequest.objects.get()
    assert link.created_by == officer and link.agency == agency
    assert link.expires_at - link.created_at == timedelta(days=30)
    entry = ModelLogEntry.objects.for_instance(agency).get(
        action="coordination.confirmation_request"
    )
    assert entry.user == officer
    timeline = client.get(reverse("coordination_admin:agency_timeline", args=[agency.pk]))
    assert "somporn@nongkae.example.go.th" in timeline.content.decode()


def test_an_address_not_the_agencys_is_refused(client, officer, agency):
    client.force_login(officer)
    send_url = reverse("coordination_admin:agency_request_confirmation", args=[agency.pk])
    response = client.post(send_url, {"email": "someone@elsewhere.example.com"})
    assert response.status_code == 200
    assert not ConfirmationRequest.objects.exists()
    assert not mail.outbox


def test_staff_cannot_send_links(client, staff_member, agency):
    client.force_login(staff_member)
    send_url = reverse("coordination_admin:agency_request_confirmation", args=[agency.pk])
    assert client.get(send_url).status_code in (302, 403)  # no admin access at all, or no right
    assert client.post(send_url, {"email": agency.email}).status_code in (302, 403)
    assert not ConfirmationRequest.objects.exists()


def test_bulk_action_sends_each_agency_its_link(
    client, officer, agency, django_capture_on_commit_callbacks
):
    without_email = AgencyFactory(name_th="หน่วยงานไม่มีอีเมล")
    second = AgencyFactory(name_th="โรงเรียนบ้านใหม่", email_saraban="saraban@banmai.example.go.th")
    client.force_login(officer)
    url = reverse("wagtail_bulk_action", args=["coordination", "agency", "request_confirmation"])
    query = f"?id={agency.pk}&id={second.pk}&id={without_email.pk}"
    confirm = client.get(url + query)
    assert confirm.status_code == 200
    assert "โรงเรียนบ้านใหม่" in confirm.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url + query, {"next": "/admin/"}, follow=True)
    assert response.status_code == 200
    text = response.content.decode()
    assert "ส่งลิงก์ขอให้ยืนยันข้อมูลแล้ว 2 หน่วยงาน" in text
    assert "หน่วยงานไม่มีอีเมล" in text
    assert sorted(m.to[0] for m in mail.outbox) == [
        "saraban@banmai.example.go.th",
        "saraban@nongkae.example.go.th",
    ]


def test_links_list_filters_and_revokes(client, officer, agency):
    link, path = send_link(agency, officer, email="saraban@nongkae.example.go.th")
    used, _used_path = send_link(agency, officer, email="somporn@nongkae.example.go.th")
    ConfirmationRequest.objects.filter(pk=used.pk).update(
        used_at=used.created_at, outcome="confirmed", respondent_name="นางสมพร ใจดี"
    )
    client.force_login(officer)
    index = reverse("confirmation_links:index")
    listing = client.get(index, {"state": "active"})
    assert listing.status_code == 200
    page = listing.content.decode()
    assert "saraban@nongkae.example.go.th" in page
    assert "somporn@nongkae.example.go.th" not in page
    revoke = reverse("coordination_admin:confirmation_revoke", args=[link.pk])
    assert revoke in page
    answered = client.get(index, {"state": "used"}).content.decode()
    assert "นางสมพร ใจดี" in answered and revoke not in answered

    assert client.get(revoke).status_code == 200
    response = client.post(revoke)
    assert response.status_code == 302
    link.refresh_from_db()
    assert link.revoked_by == officer and link.revoked_at is not None
    client.logout()
    assert client.get(path).status_code == 410


def test_links_list_is_for_editors_only(client, staff_member):
    client.force_login(staff_member)
    response = client.get(reverse("confirmation_links:index"))
    assert response.status_code in (302, 403)


def test_reports_list_dashboard_and_closing_erases_the_reporter(client, officer, agency):
    report = correction_report_create(
        agency=agency,
        field="phones",
        field_label="หมายเลขโทรศัพท์",
        text="เบอร์ใหม่ 056-512-000",
        contact_name="นายผู้แจ้ง",
        contact_email="reporter@example.com",
    )
    client.force_login(officer)
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert 'data-open-reports="1"' in dashboard
    listing = client.get(reverse("correction_reports:index"), {"status": "open", "mine": "true"})
    assert "เบอร์ใหม่ 056-512-000" in listing.content.decode()
    close = reverse("coordination_admin:correction_report_close", args=[report.pk])
    assert close in listing.content.decode()
    assert "เบอร์ใหม่" in client.get(close).content.decode()
    assert client.post(close).status_code == 302
    report.refresh_from_db()
    assert report.status == "done" and report.handled_by == officer
    assert (report.contact_name, report.contact_email, report.contact_phone) == ("", "", "")
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert 'data-open-reports="0"' in dashboard


def test_command_sends_one_agency_a_link(agency, django_capture_on_commit_callbacks):
    out = StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("request_confirmation", "--agency", agency.slug, "--no-progress", stdout=out)
    assert "ส่งลิงก์ขอให้ยืนยันข้อมูลแล้ว 1 หน่วยงาน" in out.getvalue()
    assert mail.outbox[-1].to == ["saraban@nongkae.example.go.th"]
    assert ConfirmationRequest.objects.get().created_by is None


def test_command_overdue_sends_once_while_the_link_is_open(
    officer, django_capture_on_commit_callbacks
):
    with time_machine.travel(datetime(2025, 1, 10, 9, 0, tzinfo=BANGKOK), tick=False):
        old = AgencyFactory(name_th="หน่วยงานที่เลยกำหนด", email="old@example.go.th")
    fresh = AgencyFactory(name_th="หน่วยงานใหม่", email="fresh@example.go.th")
    Agency.objects.filter(pk=fresh.pk).update(review_due_at=fresh.created_at + timedelta(days=400))
    assert list(Agency.objects.review_overdue(datetime.now(tz=BANGKOK))) == [old]

    out, err = StringIO(), StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command(
            "request_confirmation", "--overdue", "--user", "officer", stdout=out, stderr=err
        )
    assert "ส่งลิงก์ขอให้ยืนยันข้อมูลแล้ว 1 หน่วยงาน" in out.getvalue()
    assert "100%" in err.getvalue()
    assert [m.to for m in mail.outbox] == [["old@example.go.th"]]
    assert ConfirmationRequest.objects.get().created_by == officer

    again = StringIO()
    call_command("request_confirmation", "--overdue", "--no-progress", stdout=again)
    assert "ส่งลิงก์ขอให้ยืนยันข้อมูลแล้ว 0 หน่วยงาน" in again.getvalue()
    assert len(mail.outbox) == 1


def test_report_notifies_the_responsible_officer(agency, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        correction_report_create(
            agency=agency, field="email", field_label="อีเมลทั่วไป", text="อีเมลเปลี่ยนแล้ว"
        )
    message = mail.outbox[-1]
    assert message.to == [agency.responsible_officer.email]
    assert "องค์การบริหารส่วนตำบลหนองแก" in message.subject
    assert CorrectionReport.objects.get().officer == agency.responsible_officer
