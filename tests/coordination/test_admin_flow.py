"""The whole approval journey of step 5.3, through the admin's own views."""

import pytest
from django.core import mail
from django.urls import reverse
from wagtail.models import ModelLogEntry, WorkflowState

from coordination.models import Agency, Contact
from tests.coordination.admin_forms import agency_form_data, editor_form_data

pytestmark = pytest.mark.django_db

ADD_URL = "wagtailsnippets_coordination_agency:add"


def edit_url(agency):
    return reverse("wagtailsnippets_coordination_agency:edit", args=[agency.pk])


def workflow_action_url(agency, action):
    task_state = agency.current_workflow_task_state
    return reverse(
        "wagtailsnippets_coordination_agency:workflow_action",
        args=[agency.pk, action, task_state.pk],
    )


def create_and_submit(client, officer) -> Agency:
    client.force_login(officer)
    response = client.post(reverse(ADD_URL), {**agency_form_data(), "action-submit": "submit"})
    assert response.status_code == 302
    return Agency.objects.get(slug="ban-thung-pho")


def test_officer_gets_thai_errors_for_bad_phone_and_foreign_postcode(client, officer):
    client.force_login(officer)
    data = agency_form_data(
        postcode="61000",  # Mueang Uthai Thani's postcode, not Thung Pho's (61110)
        phones=[{"kind": "office", "number": "056-51"}],
    )
    response = client.post(reverse(ADD_URL), data)

    assert response.status_code == 200
    assert not Agency.objects.exists()
    content = response.content.decode()
    assert "รหัสไปรษณีย์ 61000 ไม่ใช่ของตำบลทุ่งโพ อำเภอหนองฉาง" in content
    assert "ไม่ใช่หมายเลขในประเทศไทยที่ใช้ได้" in content


def test_officer_contact_phone_error_is_thai(client, officer):
    client.force_login(officer)
    data = agency_form_data(
        contacts=[
            {
                "name": "นางสาวสายใจ ใจงาม",
                "position": "ครู",
                "role": "coordinator",
                "phone": "โทรหาได้ตลอด",
                "email": "",
                "mobile": "",
                "line_id": "",
                "home_address": "",
                "period_from": "",
                "period_until": "",
                "consent_recorded_at": "",
                "consent_note": "",
            }
        ]
    )
    response = client.post(reverse(ADD_URL), data)
    assert response.status_code == 200
    assert "มีตัวอักษรที่ไม่ใช่ตัวเลข" in response.content.decode()


def test_chain_of_command_approval_publishes(client, officer, director, deputy):
    agency = create_and_submit(client, officer)

    assert agency.live is False
    assert agency.contacts.get().phone == "056 531 100 ต่อ 11"  # normalised
    assert agency.workflow_in_progress
    assert agency.current_workflow_task.name == "ผู้อำนวยการกลุ่มอำนวยการพิจารณา"

    # The deputy director cannot take the first step for the group director.
    client.force_login(deputy)
    response = client.post(workflow_action_url(agency, "approve"), {"comment": ""})
    assert response.status_code in (302, 403)
    agency.refresh_from_db()
    assert agency.current_workflow_task.name == "ผู้อำนวยการกลุ่มอำนวยการพิจารณา"

    client.force_login(director)
    response = client.post(workflow_action_url(agency, "approve"), {"comment": "ถูกต้อง"})
    assert response.status_code == 302
    agency.refresh_from_db()
    assert agency.live is False
    assert agency.current_workflow_task.name == "รองผู้อำนวยการ สพป. อนุมัติและเผยแพร่"

    client.force_login(deputy)
    response = client.post(workflow_action_url(agency, "approve"), {"comment": ""})
    assert response.status_code == 302
    agency.refresh_from_db()
    assert agency.live is True
    assert not agency.workflow_in_progress
    state = WorkflowState.objects.get(object_id=str(agency.pk))
    assert state.status == WorkflowState.STATUS_APPROVED

    # Every step is in Wagtail's audit log, attributed.
    log = {
        (entry.action, entry.user.username)
        for entry in ModelLogEntry.objects.for_instance(agency).select_related("user")
    }
    assert ("wagtail.create", "officer") in log
    assert ("wagtail.workflow.start", "officer") in log
    assert ("wagtail.workflow.approve", "director") in log
    assert ("wagtail.workflow.approve", "deputy") in log
    assert ("wagtail.publish", "deputy") in log

    # And in the row-level history of live data: only the published state, by the deputy (the
    # officer's draft stays in the revisions).
    rows = list(Agency.history.filter(id=agency.pk).order_by("history_date"))
    assert [(r.history_type, r.history_user.username) for r in rows] == [("+", "deputy")]
    assert Contact.history.filter(agency_id=agency.pk).count() >= 1


def test_group_director_rejection_sends_it_back_with_comment(client, officer, director):
    agency = create_and_submit(client, officer)
    mail.outbox.clear()

    client.force_login(director)
    response = client.post(
        workflow_action_url(agency, "reject"), {"comment": "เบอร์โทรศัพท์ไม่ครบ กรุณาตรวจสอบ"}
    )
    assert response.status_code == 302
    agency.refresh_from_db()
    state = agency.current_workflow_state
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert agency.live is False

    to_officer = [m for m in mail.outbox if officer.email in m.to]
    assert to_officer, [m.to for m in mail.outbox]
    body = to_officer[0].body + "".join(
        alt[0] for alt in getattr(to_officer[0], "alternatives", [])
    )
    assert "เบอร์โทรศัพท์ไม่ครบ กรุณาตรวจสอบ" in body

    # The officer can edit again and resubmit.
    client.force_login(officer)
    assert client.get(edit_url(agency)).status_code == 200


def test_approving_from_the_editor_moves_to_the_next_step(client, officer, director, deputy):
    """Regression: each approval from the edit view used to add a revision, which voided it and
    restarted the workflow at the first step (WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT)."""
    agency = create_and_submit(client, officer)
    for approver in (director, deputy):
        client.force_login(approver)
        data = editor_form_data(
            client,
            edit_url(agency),
            **{"action-workflow-action": "true", "workflow-action-name": "approve"},
        )
        assert client.post(edit_url(agency), data).status_code == 302
        agency.refresh_from_db()
    assert agency.live
    assert not agency.workflow_in_progress
    assert agency.revisions.count() == 1


def test_editing_while_approving_sends_it_back_to_the_first_step(client, officer, director):
    agency = create_and_submit(client, officer)
    client.force_login(director)
    data = editor_form_data(
        client,
        edit_url(agency),
        email="corrected@example.go.th",
        **{"action-workflow-action": "true", "workflow-action-name": "approve"},
    )
    assert client.post(edit_url(agency), data).status_code == 302
    agency.refresh_from_db()
    # A changed revision must be approved again from the start of the chain.
    assert agency.current_workflow_task.name == "ผู้อำนวยการกลุ่มอำนวยการพิจารณา"
    assert agency.revisions.count() == 2
