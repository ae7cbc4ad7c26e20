"""The approval flow speaks: each step says what happened, the officer reads the reviewer's comment
where they work, cancelling asks first and tells the submitter, and e-mails link to the item."""

import json

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.urls import reverse
from wagtail.models import ModelLogEntry, WorkflowState

from coordination.models import Agency
from coordination.roles import FIRST_APPROVAL_TASK
from tests.coordination.admin_forms import agency_form_data, editor_form_data
from tests.coordination.directory_support import directory_page
from tests.factories import AgencyFactory

pytestmark = pytest.mark.django_db

AGENCIES = "wagtailsnippets_coordination_agency"
DASHBOARD = "wagtailadmin_home"


def shown_messages(response) -> list[str]:
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    return [" ".join(li.stripped_strings) for li in soup.select(".messages li")]


def flashed(client) -> str:
    """The messages queued for the next page, as the user reads them there."""
    return "\n".join(shown_messages(client.get(reverse(DASHBOARD))))


def visible_text(response) -> str:
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    for tag in soup(["script", "style", "template"]):
        tag.decompose()
    return " ".join(soup.stripped_strings)


def task_action_url(agency, action):
    agency.refresh_from_db()
    state = agency.current_workflow_task_state
    return reverse(f"{AGENCIES}:workflow_action", args=[agency.pk, action, state.pk])


def dashboard_action(client, agency, action, comment=""):
    """Approve or reject from the dashboard's modal (an XHR post, as its JavaScript sends it)."""
    return client.post(
        task_action_url(agency, action) + "?next=" + reverse(DASHBOARD),
        {"comment": comment},
        headers={"x-requested-with": "XMLHttpRequest"},
    )


def editor_action(client, agency, action, comment=""):
    """Approve or reject from the agency's editor, without changing anything."""
    edit_url = reverse(f"{AGENCIES}:edit", args=[agency.pk])
    data = editor_form_data(
        client,
        edit_url,
        **{
            "action-workflow-action": "true",
            "workflow-action-name": action,
            "workflow-action-extra-data": json.dumps({"comment": comment}),
        },
    )
    return client.post(edit_url, data)


@pytest.fixture
def submitted(client, officer):
    officer.last_name = "ใจดี"
    officer.save()
    client.force_login(officer)
    response = client.post(
        reverse(f"{AGENCIES}:add"), {**agency_form_data(), "action-submit": "submit"}
    )
    assert response.status_code == 302
    return Agency.objects.get(slug="ban-thung-pho")


def test_creating_says_created_and_submitted(client, officer, submitted):
    text = flashed(client)
    assert "เพิ่มหน่วยงาน 'โรงเรียนบ้านทุ่งโพ' แล้ว และส่งพิจารณาแล้ว" in text
    assert "ปรับปรุง" not in text


def test_creating_a_draft_says_created(client, officer):
    client.force_login(officer)
    client.post(reverse(f"{AGENCIES}:add"), agency_form_data())
    text = flashed(client)
    assert "เพิ่มหน่วยงาน 'โรงเรียนบ้านทุ่งโพ' แล้ว" in text
    assert "ปรับปรุง" not in text


def test_submitting_a_draft_says_submitted(client, officer):
    client.force_login(officer)
    client.post(reverse(f"{AGENCIES}:add"), agency_form_data())
    agency = Agency.objects.get(slug="ban-thung-pho")
    client.get(reverse(DASHBOARD))  # read the "created" message
    client.post(
        reverse(f"{AGENCIES}:edit", args=[agency.pk]),
        {**agency_form_data(), "action-submit": "submit"},
    )
    assert "ส่งพิจารณาแล้ว: หน่วยงาน 'โรงเรียนบ้านทุ่งโพ'" in flashed(client)


@pytest.mark.parametrize("approve", [dashboard_action, editor_action], ids=["dashboard", "editor"])
def test_each_approval_says_what_happened(client, director, deputy, submitted, approve):
    flashed(client)  # the officer's "submitted" message
    client.force_login(director)
    assert approve(client, submitted, "approve").status_code in (200, 302)
    text = flashed(client)
    assert "อนุมัติขั้นที่ 1 แล้ว ส่งต่อรองผู้อำนวยการ" in text
    assert "ปรับปรุง" not in text

    mail.outbox.clear()
    client.force_login(deputy)
    approve(client, submitted, "approve")
    assert "เผยแพร่แล้ว: หน่วยงาน 'โรงเรียนบ้านทุ่งโพ'" in flashed(client)
    submitted.refresh_from_db()
    assert submitted.live


@pytest.mark.parametrize("reject", [dashboard_action, editor_action], ids=["dashboard", "editor"])
def test_rejecting_says_sent_back(client, director, submitted, reject):
    flashed(client)
    client.force_login(director)
    reject(client, submitted, "reject", comment="เบอร์โทรศัพท์ไม่ครบ")
    assert "ส่งกลับให้แก้ไขแล้ว: หน่วยงาน 'โรงเรียนบ้านทุ่งโพ'" in flashed(client)
    submitted.refresh_from_db()
    assert submitted.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES


def test_a_fixed_resubmission_needs_one_approval_per_step(client, officer, director, submitted):
    """After "request changes" the officer fixes the item and submits again: the director's one
    approval passes the fixed revision on to the deputy director (Wagtail's snippet editor used
    to resume the workflow on the revision that was sent back, asking the director twice)."""
    client.force_login(director)
    dashboard_action(client, submitted, "reject", comment="ชื่ออังกฤษผิด")
    client.force_login(officer)
    client.post(
        reverse(f"{AGENCIES}:edit", args=[submitted.pk]),
        {**agency_form_data(name_en="Ban Thung Pho Primary School"), "action-submit": "submit"},
    )
    submitted.refresh_from_db()
    fixed = submitted.latest_revision
    assert submitted.current_workflow_task_state.revision == fixed

    flashed(client)
    client.force_login(director)
    editor_action(client, submitted, "approve")
    assert "อนุมัติขั้นที่ 1 แล้ว ส่งต่อรองผู้อำนวยการ" in flashed(client)
    submitted.refresh_from_db()
    assert submitted.current_workflow_task.name != FIRST_APPROVAL_TASK
    assert submitted.current_workflow_task_state.revision == fixed


EMPTY_EDITOR = json.dumps(
    {
        "blocks": [
            {
                "key": "inh5y",
                "type": "unstyled",
                "depth": 0,
                "text": "",
                "inlineStyleRanges": [],
                "entityRanges": [],
                "data": {},
            }
        ],
        "entityMap": {},
    }
)


def test_an_empty_rich_text_box_woken_up_is_no_change(client, officer, director):
    """The mission box is empty; a click in the editor makes Draftail post an empty paragraph.
    Approving from that editor must still approve, not make a revision that restarts the
    approval at the first step."""
    client.force_login(officer)
    client.post(
        reverse(f"{AGENCIES}:add"),
        {**agency_form_data(mission="null"), "action-submit": "submit"},
    )
    submitted = Agency.objects.get(slug="ban-thung-pho")
    assert submitted.mission == "" and submitted.workflow_in_progress  # nobody touched the box
    flashed(client)
    client.force_login(director)
    edit_url = reverse(f"{AGENCIES}:edit", args=[submitted.pk])
    data = editor_form_data(
        client,
        edit_url,
        mission=EMPTY_EDITOR,
        **{"action-workflow-action": "true", "workflow-action-name": "approve"},
    )
    revisions = submitted.revisions.count()
    client.post(edit_url, data)
    assert "อนุมัติขั้นที่ 1 แล้ว ส่งต่อรองผู้อำนวยการ" in flashed(client)
    assert submitted.revisions.count() == revisions
    submitted.refresh_from_db()
    assert submitted.current_workflow_task.name != FIRST_APPROVAL_TASK


def test_officer_reads_the_reviewers_comment_and_name(client, officer, director, submitted):
    director.first_name, director.last_name = "วิไล", "รักงาน"
    director.save()
    client.force_login(director)
    dashboard_action(client, submitted, "reject", comment="เบอร์โทรศัพท์ไม่ครบ")

    client.force_login(officer)
    dashboard = visible_text(client.get(reverse(DASHBOARD)))
    assert "เบอร์โทรศัพท์ไม่ครบ" in dashboard
    assert "วิไล รักงาน" in dashboard

    editor = BeautifulSoup(
        client.get(reverse(f"{AGENCIES}:edit", args=[submitted.pk])).content.decode(),
        "html.parser",
    )
    [note] = editor.select("[data-review-note]")
    note_text = " ".join(note.stripped_strings)
    assert "เบอร์โทรศัพท์ไม่ครบ" in note_text
    assert "วิไล รักงาน" in note_text


def test_reviewers_pending_list_shows_the_type(client, director, submitted):
    client.force_login(director)
    soup = BeautifulSoup(client.get(reverse(DASHBOARD)).content.decode(), "html.parser")
    assert [cell.get_text(strip=True) for cell in soup.select("[data-item-kind]")] == ["หน่วยงาน"]


def test_cancel_is_last_and_asks_first(client, officer, director, submitted):
    client.force_login(director)
    soup = BeautifulSoup(
        client.get(reverse(f"{AGENCIES}:edit", args=[submitted.pk])).content.decode(),
        "html.parser",
    )
    footer = soup.select_one("footer, .footer") or soup
    actions = footer.select("button, a.button")
    labels = [" ".join(a.stripped_strings) for a in actions]
    cancel = [a for a in actions if "ยกเลิกขั้นตอนการอนุมัติ" in " ".join(a.stripped_strings)]
    assert len(cancel) == 1, labels
    assert cancel[0].name == "a"  # a link to a confirmation, not a submit button
    assert labels.index(" ".join(cancel[0].stripped_strings)) == len(labels) - 1
    assert "อนุมัติ — ส่งต่อผู้พิจารณาขั้นถัดไป" in soup.get_text()  # help line of an action

    revisions_before = submitted.revisions.count()
    confirm_url = cancel[0]["href"]
    page = client.get(confirm_url)
    assert "ยืนยันการยกเลิกขั้นตอนการอนุมัติ" in visible_text(page)
    submitted.refresh_from_db()
    assert submitted.workflow_in_progress  # asking changes nothing

    mail.outbox.clear()
    flashed(client)
    response = client.post(confirm_url)
    assert response.status_code == 302
    submitted.refresh_from_db()
    assert not submitted.workflow_in_progress
    assert "ยกเลิกขั้นตอนการอนุมัติแล้ว: หน่วยงาน 'โรงเรียนบ้านทุ่งโพ'" in flashed(client)
    assert submitted.revisions.count() == revisions_before
    actions_logged = set(
        ModelLogEntry.objects.for_instance(submitted).values_list("action", flat=True)
    )
    assert "wagtail.edit" not in actions_logged
    assert "wagtail.workflow.cancel" in actions_logged
    [message] = [m for m in mail.outbox if officer.email in m.to]
    assert "ยกเลิกขั้นตอนการอนุมัติ" in message.subject
    assert "โรงเรียนบ้านทุ่งโพ" in message.subject
    assert f"/admin/snippets/coordination/agency/edit/{submitted.pk}/" in message.body


def test_cancel_from_the_editor_logs_no_edit(client, director, submitted):
    client.force_login(director)
    revisions_before = submitted.revisions.count()
    edit_url = reverse(f"{AGENCIES}:edit", args=[submitted.pk])
    client.post(edit_url, editor_form_data(client, edit_url, **{"action-cancel-workflow": "1"}))
    submitted.refresh_from_db()
    assert not submitted.workflow_in_progress
    assert submitted.revisions.count() == revisions_before
    assert not ModelLogEntry.objects.for_instance(submitted).filter(action="wagtail.edit").exists()


def test_first_reviewers_email_links_to_the_preview(client, director, officer):
    client.force_login(officer)
    mail.outbox.clear()
    client.post(reverse(f"{AGENCIES}:add"), {**agency_form_data(), "action-submit": "submit"})
    agency = Agency.objects.get(slug="ban-thung-pho")
    [message] = [m for m in mail.outbox if director.email in m.to]
    assert agency.current_workflow_task.name == FIRST_APPROVAL_TASK
    assert f"/admin/snippets/coordination/agency/workflow/preview/{agency.pk}/" in message.body


def test_published_email_links_to_the_public_page(client, officer, director, deputy, submitted):
    directory_page()
    client.force_login(director)
    dashboard_action(client, submitted, "approve")
    mail.outbox.clear()
    client.force_login(deputy)
    dashboard_action(client, submitted, "approve")

    [message] = [m for m in mail.outbox if officer.email in m.to]
    assert "ดูบนเว็บไซต์ได้ที่: http://localhost/directory/ban-thung-pho/" in message.body


def test_staff_are_not_offered_to_edit(client, staff_member):
    agency = AgencyFactory(name_th="โรงเรียนบ้านหนองฉาง")
    client.force_login(staff_member)
    edit_url = reverse(f"{AGENCIES}:edit", args=[agency.pk])
    for url in (
        reverse(f"{AGENCIES}:history", args=[agency.pk]),
        reverse("coordination_admin:agency_timeline", args=[agency.pk]),
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert edit_url not in response.content.decode(), url
