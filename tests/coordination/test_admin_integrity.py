"""Approval integrity and malformed posts (issue 12): what the agency editor refuses, through the
admin's own views and the real chain-of-command workflow."""

import time

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from wagtail.test.utils.form_data import rich_text

from coordination.models import Agency
from tests.coordination.admin_forms import agency_edit_form_data, agency_form_data, editor_form_data
from tests.factories import AgencyFactory, UserFactory

pytestmark = pytest.mark.django_db

ADD_URL = "wagtailsnippets_coordination_agency:add"
FIRST_STEP = "ผู้อำนวยการกลุ่มอำนวยการพิจารณา"


def edit_url(agency):
    return reverse("wagtailsnippets_coordination_agency:edit", args=[agency.pk])


def workflow_action_url(agency, action):
    return reverse(
        "wagtailsnippets_coordination_agency:workflow_action",
        args=[agency.pk, action, agency.current_workflow_task_state.pk],
    )


def create(client, user, *, submit: bool) -> Agency:
    client.force_login(user)
    data = agency_form_data()
    if submit:
        data["action-submit"] = "submit"
    assert client.post(reverse(ADD_URL), data).status_code == 302
    return Agency.objects.get(slug="ban-thung-pho")


def publish(client, officer, director, deputy) -> Agency:
    agency = create(client, officer, submit=True)
    for approver in (director, deputy):
        client.force_login(approver)
        assert client.post(workflow_action_url(agency, "approve"), {"comment": ""}).status_code
        agency.refresh_from_db()
    assert agency.live and not agency.workflow_in_progress
    return agency


# Approval integrity ------------------------------------------------------------------------


def test_nobody_overwrites_the_live_approved_revision(client, officer, director, deputy):
    agency = publish(client, officer, director, deputy)
    live = agency.live_revision
    client.force_login(officer)
    data = agency_edit_form_data(agency, name_th="โรงเรียนที่ไม่มีใครอนุมัติ")
    data["overwrite_revision_id"] = str(live.pk)

    response = client.post(edit_url(agency), data)

    assert response.status_code == 409
    assert "บันทึกทับไม่ได้" in response.content.decode()
    live.refresh_from_db()
    assert live.content["name_th"] == "โรงเรียนบ้านทุ่งโพ"
    assert agency.revisions.count() == 1


def test_a_stale_edit_form_is_refused_and_offers_the_newer_version(client, officer):
    agency = create(client, officer, submit=False)
    stale = editor_form_data(client, edit_url(agency), email="stale@example.go.th")
    assert stale["loaded_revision_id"] == str(agency.latest_revision_id)
    # Someone saves a newer version while the first form is still open.
    newer = editor_form_data(client, edit_url(agency), email="newer@example.go.th")
    assert client.post(edit_url(agency), newer).status_code == 302
    assert agency.revisions.count() == 2

    response = client.post(edit_url(agency), stale)

    assert response.status_code == 409
    html = response.content.decode()
    assert "มีผู้บันทึกฉบับที่ใหม่กว่า" in html
    assert f'href="{edit_url(agency)}"' in html
    agency.refresh_from_db()
    assert agency.revisions.count() == 2
    assert agency.latest_revision.content["email"] == "newer@example.go.th"


def test_the_submitter_cannot_approve_their_own_change(client, officer, director):
    # The group director's own change: step 1 is theirs, but not for their own change.
    agency = create(client, officer, submit=False)
    client.force_login(director)
    data = editor_form_data(
        client, edit_url(agency), email="director@example.go.th", **{"action-submit": "submit"}
    )
    assert client.post(edit_url(agency), data).status_code == 302
    agency.refresh_from_db()
    assert agency.current_workflow_task.name == FIRST_STEP

    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert workflow_action_url(agency, "approve") not in html
    editor = client.get(edit_url(agency)).content.decode()
    assert 'data-workflow-action-name="approve"' not in editor

    response = client.post(workflow_action_url(agency, "approve"), {"comment": ""}, follow=True)
    assert "อนุมัติเองไม่ได้" in response.content.decode()
    data = editor_form_data(
        client,
        edit_url(agency),
        **{"action-workflow-action": "true", "workflow-action-name": "approve"},
    )
    client.post(edit_url(agency), data)

    agency.refresh_from_db()
    assert agency.current_workflow_task.name == FIRST_STEP
    assert not agency.live


def test_someone_elses_change_is_the_directors_to_approve(client, officer, director):
    agency = create(client, officer, submit=True)
    client.force_login(director)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert workflow_action_url(agency, "approve") in html


# Malformed posts: 4xx, nothing written ------------------------------------------------------


def test_rich_text_that_is_not_json_is_a_bad_request(client, officer):
    client.force_login(officer)
    response = client.post(reverse(ADD_URL), agency_form_data(mission="<p>not json</p>"))
    assert response.status_code == 400
    assert not Agency.objects.exists()


def test_a_revision_id_that_is_not_a_number_is_a_bad_request(client, officer):
    agency = create(client, officer, submit=False)
    data = agency_edit_form_data(agency, name_th="ชื่อใหม่")
    data["overwrite_revision_id"] = "1 OR 1=1"
    assert client.post(edit_url(agency), data).status_code == 400
    assert agency.revisions.count() == 1


def test_the_choosers_create_view_answers_garbage_with_400(client, officer):
    client.force_login(officer)
    url = reverse("wagtailsnippetchoosers_coordination_agency:create")
    assert client.post(url, {"name_th": "\x00", "junk": "[["}).status_code == 400
    assert not Agency.objects.exists()


def test_an_approval_with_malformed_extra_data_writes_nothing(client, officer, director):
    agency = create(client, officer, submit=True)
    client.force_login(director)
    data = editor_form_data(
        client,
        edit_url(agency),
        email="changed@example.go.th",
        **{
            "action-workflow-action": "true",
            "workflow-action-name": "approve",
            "workflow-action-extra-data": "{not json",
        },
    )
    assert client.post(edit_url(agency), data).status_code == 400
    agency.refresh_from_db()
    assert agency.revisions.count() == 1
    assert agency.current_workflow_task.name == FIRST_STEP


def test_a_huge_inline_form_count_is_refused_at_once(client, officer):
    client.force_login(officer)
    data = agency_form_data()
    data["contacts-TOTAL_FORMS"] = "100000"
    started = time.monotonic()
    response = client.post(reverse(ADD_URL), data)
    assert response.status_code == 400
    assert time.monotonic() - started < 5
    assert not Agency.objects.exists()


# The agency chooser -------------------------------------------------------------------------


def test_the_chooser_lists_agencies_only_to_registry_readers(client, officer, staff_member):
    AgencyFactory(name_th="โรงเรียนที่เผยแพร่แล้ว")
    draft = AgencyFactory(name_th="โรงเรียนฉบับร่างใหม่", publish=False)
    url = reverse("wagtailsnippetchoosers_coordination_agency:choose")

    outsider = UserFactory(username="outsider")
    outsider.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(outsider)
    response = client.get(url)
    assert response.status_code in (302, 403)
    assert "โรงเรียน" not in response.content.decode()

    client.force_login(staff_member)
    html = client.get(url).json()["html"]
    assert "โรงเรียนที่เผยแพร่แล้ว" in html
    assert "โรงเรียนฉบับร่างใหม่" not in html
    chosen = reverse("wagtailsnippetchoosers_coordination_agency:chosen", args=[draft.pk])
    assert client.get(chosen).status_code == 404

    client.force_login(officer)
    html = client.get(url).json()["html"]
    assert "โรงเรียนฉบับร่างใหม่" in html


def test_rich_text_helper_still_posts_json(client, officer):
    """The editor's own rich text (Draftail's JSON) goes through the guard untouched."""
    client.force_login(officer)
    data = agency_form_data(mission=rich_text("<p>ภารกิจ</p>"))
    assert client.post(reverse(ADD_URL), data).status_code == 302
