"""What each role may do, through the UI's own endpoints and through crafted POSTs alike."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from coordination.models import Agency
from tests.coordination.admin_forms import agency_form_data
from tests.factories import AgencyFactory, UserFactory

pytestmark = pytest.mark.django_db

NS = "wagtailsnippets_coordination_agency"


def url(name, *args):
    return reverse(f"{NS}:{name}", args=args)


def test_officer_publish_from_add_form_saves_only_a_draft(client, officer):
    client.force_login(officer)
    client.post(url("add"), {**agency_form_data(), "action-publish": "publish"})
    agency = Agency.objects.get(slug="ban-thung-pho")
    assert agency.live is False
    assert agency.live_revision is None


def test_officer_cannot_publish_an_edit_by_crafted_post(client, officer):
    agency = AgencyFactory(name_th="โรงเรียนบ้านทุ่งโพ", slug="ban-thung-pho")
    client.force_login(officer)
    data = agency_form_data(
        name_th="โรงเรียนบ้านทุ่งโพ (แก้ไข)", slug="ban-thung-pho", school_code="1061040199"
    )
    client.post(url("edit", agency.pk), {**data, "action-publish": "publish"})
    agency.refresh_from_db()
    assert agency.name_th == "โรงเรียนบ้านทุ่งโพ"  # the live row is untouched
    assert agency.has_unpublished_changes is True  # the edit waits as a draft


def test_officer_does_not_see_publish_button(client, officer):
    agency = AgencyFactory()
    client.force_login(officer)
    content = client.get(url("edit", agency.pk)).content.decode()
    assert 'name="action-submit"' in content
    assert 'name="action-publish"' not in content


@pytest.mark.parametrize("role", ["officer", "director", "staff_member"])
def test_only_the_deputy_director_may_delete(client, request, role):
    agency = AgencyFactory()
    client.force_login(request.getfixturevalue(role))
    response = client.post(url("delete", agency.pk))
    assert response.status_code in (302, 403)
    assert Agency.objects.filter(pk=agency.pk).exists()


def test_deputy_director_deletes_and_history_stays(client, deputy):
    agency = AgencyFactory(name_th="หน่วยงานที่ยุบแล้ว")
    client.force_login(deputy)
    response = client.post(url("delete", agency.pk))
    assert response.status_code == 302
    assert not Agency.objects.filter(pk=agency.pk).exists()
    rows = Agency.history.filter(id=agency.pk).order_by("history_date")
    assert [r.history_type for r in rows] == ["+", "-"]
    assert rows.last().history_user == deputy


@pytest.mark.parametrize("role", ["officer", "director", "staff_member"])
def test_only_the_deputy_director_may_unpublish(client, request, role):
    agency = AgencyFactory()
    client.force_login(request.getfixturevalue(role))
    client.post(url("unpublish", agency.pk))
    agency.refresh_from_db()
    assert agency.live is True


def test_staff_read_but_cannot_edit(client, staff_member):
    agency = AgencyFactory(name_th="โรงพยาบาลอุทัยธานี")
    client.force_login(staff_member)
    listing = client.get(url("list"))
    assert listing.status_code == 200
    assert "โรงพยาบาลอุทัยธานี" in listing.content.decode()
    assert client.get(url("inspect", agency.pk)).status_code == 200
    assert client.get(url("history", agency.pk)).status_code == 200
    assert client.get(url("add")).status_code in (302, 403)
    response = client.post(url("edit", agency.pk), agency_form_data(slug=agency.slug))
    assert response.status_code in (302, 403)
    agency.refresh_from_db()
    assert agency.name_th == "โรงพยาบาลอุทัยธานี"


def test_officer_cannot_approve_a_submission(client, officer):
    client.force_login(officer)
    client.post(url("add"), {**agency_form_data(), "action-submit": "submit"})
    agency = Agency.objects.get(slug="ban-thung-pho")
    state = agency.current_workflow_task_state
    client.post(url("workflow_action", agency.pk, "approve", state.pk), {"comment": ""})
    agency.refresh_from_db()
    assert agency.current_workflow_task_state.pk == state.pk
    assert agency.live is False


def test_director_cannot_publish_directly(client, director):
    agency = AgencyFactory(name_th="เทศบาลเมืองอุทัยธานี")
    client.force_login(director)
    data = agency_form_data(name_th="เทศบาลเมืองอุทัยธานี (ใหม่)", slug=agency.slug)
    client.post(url("edit", agency.pk), {**data, "action-publish": "publish"})
    agency.refresh_from_db()
    assert agency.name_th == "เทศบาลเมืองอุทัยธานี"


@pytest.mark.parametrize("action", ["delete", "verify", "assign_officer", "request_confirmation"])
def test_bulk_actions_name_no_agency_to_an_admin_user_outside_the_registry(client, action):
    # Wagtail's bulk-action confirmation lists the chosen items by name, whoever asks.
    agency = AgencyFactory(name_th="หน่วยงานภายในที่ไม่เปิดเผย", visibility="internal")
    user = UserFactory(username="news-editor")
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    client.force_login(user)
    response = client.get(f"/admin/bulk/coordination/agency/{action}/?id={agency.pk}")
    assert "หน่วยงานภายในที่ไม่เปิดเผย" not in response.content.decode()
    assert response.status_code == 302 and response["Location"] == "/admin/"


def test_staff_still_see_what_a_bulk_delete_would_touch(client, staff_member):
    agency = AgencyFactory(name_th="โรงพยาบาลอุทัยธานี")
    client.force_login(staff_member)
    response = client.get(f"/admin/bulk/coordination/agency/delete/?id={agency.pk}")
    assert response.status_code == 200
    assert "โรงพยาบาลอุทัยธานี" in response.content.decode()
