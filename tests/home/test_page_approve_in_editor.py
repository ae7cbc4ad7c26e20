"""Approving a page from its editor (the action menu's "อนุมัติ"), as supervisors do.

Wagtail saves a revision in the approver's name before approving whenever the form reports a
change, and the editor reports one on nearly every round trip. With separation of duties the
approval was then refused after the revision was written (the supervisor saw "ไม่มีสิทธิ์"), and
the supervisor, now the page's last editor, could no longer approve it anywhere."""

from django.contrib.messages import get_messages
from wagtail.models import Revision, TaskState

from coordination.roles import FINAL_APPROVAL_TASK, FIRST_APPROVAL_TASK
from tests.home.test_page_workflow import approve, edit_form, edit_url


def submit(client, officer, page, title):
    client.force_login(officer)
    data = edit_form(client, page, title=title)
    data["action-submit"] = "action-submit"
    assert client.post(edit_url(page), data).status_code == 302


def approve_in_editor(client, user, page, **changes):
    """The editor's form as loaded (block ids and paragraph keys renewed, as a round trip does),
    with `changes`, posted with the action menu's "อนุมัติ"."""
    client.force_login(user)
    page.refresh_from_db()
    data = edit_form(client, page, **changes)
    data["action-workflow-action"] = "true"
    data["workflow-action-name"] = "approve"
    data["workflow-action-extra-data"] = "{}"
    return client.post(edit_url(page), data)


def said(response) -> list[str]:
    return [str(message).strip() for message in get_messages(response.wsgi_request)]


def test_approving_an_unchanged_page_from_its_editor_approves_the_submitted_revision(
    client, officer, director, standard_page
):
    submit(client, officer, standard_page, "ประชาสัมพันธ์ข้อมูลพื้นฐาน ฉบับปรับปรุง")
    revisions = Revision.objects.count()

    response = approve_in_editor(client, director, standard_page)

    assert response.status_code == 302
    assert any(message.startswith("อนุมัติขั้นที่ 1 แล้ว") for message in said(response))
    assert Revision.objects.count() == revisions  # nothing written in the approver's name
    standard_page.refresh_from_db()
    assert standard_page.current_workflow_task.name == FINAL_APPROVAL_TASK
    step_one = TaskState.objects.get(task__name=FIRST_APPROVAL_TASK)
    assert (step_one.status, step_one.finished_by) == (TaskState.STATUS_APPROVED, director)


def test_an_approver_who_edits_sends_their_version_to_someone_else(
    client, officer, director, standard_page
):
    submit(client, officer, standard_page, "ประชาสัมพันธ์ข้อมูลพื้นฐาน ฉบับปรับปรุง")

    response = approve_in_editor(client, director, standard_page, title="ฉบับที่ผู้อำนวยการกลุ่มแก้")

    assert response.status_code == 302
    assert any("ผู้แก้ไขอนุมัติการแก้ไขของตนเองไม่ได้" in message for message in said(response))
    standard_page.refresh_from_db()
    # The edits are kept, live is untouched, and the approval starts again from step 1 in the
    # approver's name: someone else must approve it.
    assert standard_page.get_latest_revision().content["title"] == "ฉบับที่ผู้อำนวยการกลุ่มแก้"
    assert standard_page.title == "ประชาสัมพันธ์ข้อมูลพื้นฐาน"
    state = standard_page.current_workflow_state
    assert state.requested_by == director
    assert standard_page.current_workflow_task.name == FIRST_APPROVAL_TASK
    assert not TaskState.objects.filter(status=TaskState.STATUS_APPROVED).exists()
    approve(client, director, standard_page)
    standard_page.refresh_from_db()
    assert standard_page.current_workflow_task.name == FIRST_APPROVAL_TASK
