"""Staff read one merged timeline per agency: actions and field-level changes, contacts included."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from coordination.models import Agency
from tests.coordination.admin_forms import agency_edit_form_data, agency_form_data

pytestmark = pytest.mark.django_db
NS = "wagtailsnippets_coordination_agency"


def approve(client, agency, user, comment=""):
    client.force_login(user)
    state = agency.current_workflow_task_state
    url = reverse(f"{NS}:workflow_action", args=[agency.pk, "approve", state.pk])
    client.post(url, {"comment": comment})
    agency.refresh_from_db()


def test_timeline_merges_actions_and_changes(client, officer, director, deputy, staff_member):
    client.force_login(officer)
    client.post(reverse(f"{NS}:add"), {**agency_form_data(), "action-submit": "submit"})
    agency = Agency.objects.get(slug="ban-thung-pho")
    approve(client, agency, director, comment="ตรวจสอบกับหนังสือราชการแล้ว ถูกต้อง")
    approve(client, agency, deputy)
    url = reverse("coordination_admin:agency_timeline", args=[agency.pk])
    client.force_login(staff_member)
    client.get(url)
    with CaptureQueriesContext(connection) as short_history:
        client.get(url)

    client.force_login(officer)
    data = agency_edit_form_data(agency, email="saraban@example.go.th")
    data["contacts-0-phone"] = "056-531-199"
    client.post(reverse(f"{NS}:edit", args=[agency.pk]), {**data, "action-submit": "submit"})
    agency.refresh_from_db()
    approve(client, agency, director)
    approve(client, agency, deputy)

    client.force_login(staff_member)
    response = client.get(url)
    assert response.status_code == 200
    content = response.content.decode()
    assert "banthungpho@example.go.th" in content and "saraban@example.go.th" in content
    assert "056 531 100 ต่อ 11" in content and "056 531 199" in content  # the contact's phone
    assert "อีเมลทั่วไป" in content  # field label in Thai
    entries = response.context["entries"]
    assert entries[0].at >= entries[-1].at  # newest first
    actors = {e.actor for e in entries}
    assert {officer.get_full_name(), director.get_full_name(), deputy.get_full_name()} <= actors
    assert "ตรวจสอบกับหนังสือราชการแล้ว ถูกต้อง" in content  # the approver's comment

    # A fixed number of queries, whatever the length of the history.
    with CaptureQueriesContext(connection) as long_history:
        client.get(url)
    assert len(long_history) == len(short_history) <= 20


def test_timeline_of_a_deleted_agency_is_still_readable(client, deputy):
    client.force_login(deputy)
    client.post(reverse(f"{NS}:add"), {**agency_form_data(), "action-publish": "publish"})
    agency = Agency.objects.get(slug="ban-thung-pho")
    pk = agency.pk
    client.post(reverse(f"{NS}:delete", args=[pk]))
    assert not Agency.objects.filter(pk=pk).exists()
    response = client.get(reverse("coordination_admin:agency_timeline", args=[pk]))
    assert response.status_code == 200
    assert "หน่วยงานนี้ถูกลบแล้ว" in response.content.decode()
    assert "โรงเรียนบ้านทุ่งโพ" in response.content.decode()


def test_timeline_needs_view_permission(client, django_user_model):
    user = django_user_model.objects.create_user("outsider", password="x")
    client.force_login(user)
    response = client.get(reverse("coordination_admin:agency_timeline", args=[1]))
    assert response.status_code in (302, 403)
