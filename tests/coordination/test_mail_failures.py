"""The mail server refuses connections (Django's real SMTP backend, a port nobody listens on):
the actions that send notifications still succeed, and the failure is in the log."""

import logging

import pytest
from django.urls import reverse
from wagtail.models import WorkflowState

from coordination.mail import notification_send
from coordination.models import Agency, CorrectionReport
from tests.coordination.admin_forms import agency_form_data
from tests.coordination.directory_support import directory_page
from tests.factories import AgencyFactory

pytestmark = pytest.mark.django_db

# Nothing listens on port 1 of this machine: an SMTP connection there is refused at once.
CLOSED_PORT = 1


@pytest.fixture(autouse=True)
def _mail_server_down(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = CLOSED_PORT
    settings.EMAIL_USE_TLS = False


def _errors(caplog, logger: str) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.name == logger and r.levelno >= logging.ERROR]


def test_a_notification_that_cannot_be_sent_is_logged_not_raised(caplog):
    sent = notification_send(subject="ทดสอบ", body="ข้อความ", to=["officer@example.go.th"])
    assert sent is False
    (record,) = _errors(caplog, "coordination.mail")
    assert "officer@example.go.th" in record.getMessage()
    assert record.exc_info is not None


def test_a_correction_report_is_received_while_the_mail_server_is_down(
    client, officer, caplog, django_capture_on_commit_callbacks
):
    directory_page()
    agency = AgencyFactory(name_th="เทศบาลตำบลหนองฉาง", responsible_officer=officer)
    # The officer is mailed once the report is committed, as in a real request.
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/directory/{agency.slug}/report/",
            {"field": "phones", "text": "เบอร์สำนักงานเปลี่ยนเป็น 056-531-200"},
        )
    assert response.status_code == 200
    assert "ได้รับเรื่องแจ้งแก้ไขแล้ว" in response.content.decode()
    assert CorrectionReport.objects.get().officer == officer
    (record,) = _errors(caplog, "coordination.mail")
    assert officer.email in record.getMessage()


def test_an_officer_submits_for_approval_while_the_mail_server_is_down(
    client, officer, director, caplog
):
    client.force_login(officer)
    response = client.post(
        reverse("wagtailsnippets_coordination_agency:add"),
        {**agency_form_data(), "action-submit": "submit"},
    )
    assert response.status_code == 302
    agency = Agency.objects.get(slug="ban-thung-pho")
    assert agency.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    # Wagtail's notification to the group director could not be sent, and says so in the log.
    assert _errors(caplog, "wagtail.admin")
