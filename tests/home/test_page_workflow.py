"""Pages go through the chain-of-command approval (manual step 5.3); officers never publish."""

from django.urls import reverse
from wagtail.models import Page, PageLogEntry, WorkflowState
from wagtail.test.utils.form_data import (
    nested_form_data,
    querydict_from_html,
    rich_text,
    streamfield,
)

from coordination.roles import APPROVAL_WORKFLOW, FINAL_APPROVAL_TASK, FIRST_APPROVAL_TASK
from home.models import StandardPage


def edit_url(page) -> str:
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def edit_form(client, page, **changes):
    """The editor's own form as the browser would post it, with the given fields changed."""
    response = client.get(edit_url(page))
    assert response.status_code == 200
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    # The StreamField editor is drawn by JavaScript; post its fields as the browser would.
    body = nested_form_data(
        {
            "body": streamfield(
                [
                    ("heading", {"text": "ภารกิจของงานประสานงาน", "level": "h2"}),
                    ("paragraph", rich_text("<p>ประสานข้อมูลพื้นฐานของหน่วยงาน</p>")),
                ]
            )
        }
    )
    for name, value in {**body, **changes}.items():
        data[name] = value
    return data


def approve(client, user, page) -> int:
    client.force_login(user)
    page.refresh_from_db()
    state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", state.pk])
    return client.post(url, {"comment": ""}).status_code


def test_every_page_uses_the_chain_of_command_workflow(standard_page, news_index):
    root = Page.objects.get(depth=1)
    for page in (root, standard_page, news_index):
        workflow = page.get_workflow()
        assert workflow.name == APPROVAL_WORKFLOW
        assert [task.name for task in workflow.tasks] == [FIRST_APPROVAL_TASK, FINAL_APPROVAL_TASK]


def test_officer_sees_no_publish_button_and_a_crafted_publish_post_publishes_nothing(
    client, officer, standard_page
):
    client.force_login(officer)
    html = client.get(edit_url(standard_page)).content.decode()
    assert 'name="action-publish"' not in html
    assert 'name="action-submit"' in html

    data = edit_form(client, standard_page, title="หัวข้อที่เจ้าหน้าที่แก้ไข")
    data["action-publish"] = "action-publish"
    client.post(edit_url(standard_page), data)

    standard_page.refresh_from_db()
    assert standard_page.title == "ประชาสัมพันธ์ข้อมูลพื้นฐาน"  # the live page is untouched
    assert standard_page.has_unpublished_changes
    assert not PageLogEntry.objects.filter(
        page=standard_page, action="wagtail.publish", user=officer
    ).exists()
    assert "หัวข้อที่เจ้าหน้าที่แก้ไข" not in client.get("/basic-data/").content.decode()


def test_page_change_is_published_only_after_both_supervisors_approve(
    client, officer, director, deputy, standard_page
):
    client.force_login(officer)
    data = edit_form(client, standard_page, title="ประชาสัมพันธ์ข้อมูลพื้นฐาน ฉบับปรับปรุง")
    data["action-submit"] = "action-submit"
    assert client.post(edit_url(standard_page), data).status_code == 302
    standard_page.refresh_from_db()
    assert standard_page.current_workflow_task.name == FIRST_APPROVAL_TASK

    # The officer cannot approve their own submission.
    assert approve(client, officer, standard_page) in (302, 403)
    standard_page.refresh_from_db()
    assert standard_page.current_workflow_task.name == FIRST_APPROVAL_TASK

    assert approve(client, director, standard_page) == 302
    standard_page.refresh_from_db()
    assert standard_page.current_workflow_task.name == FINAL_APPROVAL_TASK
    client.logout()
    assert "ฉบับปรับปรุง" not in client.get("/basic-data/").content.decode()

    assert approve(client, deputy, standard_page) == 302
    standard_page.refresh_from_db()
    assert standard_page.title == "ประชาสัมพันธ์ข้อมูลพื้นฐาน ฉบับปรับปรุง"
    state = WorkflowState.objects.filter(object_id=str(standard_page.pk)).latest("created_at")
    assert state.status == WorkflowState.STATUS_APPROVED
    client.logout()
    assert "ฉบับปรับปรุง" in client.get("/basic-data/").content.decode()


def test_officer_may_add_pages_under_home_but_staff_may_not_edit(
    client, officer, staff_member, home_page, standard_page
):
    client.force_login(officer)
    add_url = reverse("wagtailadmin_pages:add", args=["home", "standardpage", home_page.pk])
    assert client.get(add_url).status_code == 200

    client.force_login(staff_member)
    assert client.get(edit_url(standard_page)).status_code in (302, 403)
    assert client.get(add_url).status_code in (302, 403)


def test_deputy_director_publishes_directly(client, deputy, standard_page):
    client.force_login(deputy)
    data = edit_form(client, standard_page, title="ประกาศของรองผู้อำนวยการ")
    data["action-publish"] = "action-publish"
    assert client.post(edit_url(standard_page), data).status_code == 302
    assert StandardPage.objects.get(pk=standard_page.pk).title == "ประกาศของรองผู้อำนวยการ"


def test_a_page_sent_back_fixed_and_resubmitted_needs_one_approval_per_step(
    client, officer, director, deputy, standard_page
):
    client.force_login(officer)
    data = edit_form(client, standard_page, title="ประชาสัมพันธ์ข้อมูลพื้นฐาน ฉบับร่าง")
    data["action-submit"] = "action-submit"
    client.post(edit_url(standard_page), data)
    client.force_login(director)
    standard_page.refresh_from_db()
    state = standard_page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[standard_page.pk, "reject", state.pk])
    client.post(url, {"comment": "หัวข้อยังไม่ชัด"})

    client.force_login(officer)
    data = edit_form(client, standard_page, title="ประชาสัมพันธ์ข้อมูลพื้นฐาน ฉบับแก้ไข")
    data["action-submit"] = "action-submit"
    client.post(edit_url(standard_page), data)
    standard_page.refresh_from_db()
    fixed = standard_page.get_latest_revision()
    assert standard_page.current_workflow_task_state.revision == fixed

    assert approve(client, director, standard_page) == 302
    standard_page.refresh_from_db()
    assert standard_page.current_workflow_task.name == FINAL_APPROVAL_TASK
