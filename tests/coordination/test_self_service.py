"""An agency confirms or corrects its own data through the link an officer sent (issue 11 item 4).

Confirming verifies the record at once; corrections become a draft that goes through both
approvals before anyone sees it. Links are single-use, expire after 30 days, can be revoked, and
open only their own agency.
"""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail
from django.urls import reverse
from wagtail.models import ModelLogEntry, Revision, WorkflowState
from wagtail.test.utils import WagtailTestUtils

from coordination.models import Agency, AgencyPhone, ConfirmationRequest, Contact
from coordination.services.self_service import confirmation_request_revoke
from tests.coordination.directory_support import directory_page
from tests.coordination.self_service_support import form_data, send_link
from tests.factories import AgencyFactory, AgencyPhoneFactory, ContactFactory

pytestmark = pytest.mark.django_db

BANGKOK = ZoneInfo("Asia/Bangkok")
SENT = datetime(2026, 3, 2, 9, 0, tzinfo=BANGKOK)


@pytest.fixture
def school(officer):
    directory_page()
    agency = AgencyFactory(
        name_th="โรงเรียนบ้านหนองแก", email="school@example.go.th", responsible_officer=officer
    )
    AgencyPhoneFactory(agency=agency, number="056 511 061")
    AgencyPhoneFactory(agency=agency, number="056 511 099", kind="fax", is_public=False)
    ContactFactory(
        agency=agency, name="นายประยุทธ ใจงาม", mobile="081 234 5678", email="p@example.go.th"
    )
    agency.save_revision().publish()
    return Agency.objects.get(pk=agency.pk)


def approve(client, agency, user):
    agency.refresh_from_db()
    task_state = agency.current_workflow_task_state
    client.force_login(user)
    url = reverse(
        "wagtailsnippets_coordination_agency:workflow_action",
        args=[agency.pk, "approve", task_state.pk],
    )
    response = client.post(url, {"comment": ""})
    assert response.status_code == 302


def test_link_email_and_form_show_the_agencys_own_data(client, school, officer):
    link, path = send_link(school, officer)
    message = mail.outbox[-1]
    assert message.to == ["school@example.go.th"]
    assert "โรงเรียนบ้านหนองแก" in message.subject
    assert "ใช้ได้ครั้งเดียว" in message.body
    # Only the token's hash is kept.
    token = path.rstrip("/").rsplit("/", 1)[-1]
    assert token not in link.token_hash

    response = client.get(path)
    assert response.status_code == 200
    page = response.content.decode()
    assert "noindex" in page and response["X-Robots-Tag"].startswith("noindex")
    assert "private" in response["Cache-Control"] and "no-cache" in response["Cache-Control"]
    # Its internal data too (its own fax, its coordinator's mobile): it is the agency's own.
    assert "056 511 099" in page and "081 234 5678" in page
    assert 'for="id_phones-0-number"' in page and 'for="respondent-name"' not in page
    assert 'for="id_respondent-name"' in page


def test_confirming_verifies_at_once_in_the_named_persons_name(
    client, school, officer, django_capture_on_commit_callbacks
):
    with time_machine.travel(SENT, tick=False):
        _link, path = send_link(school, officer)
    with (
        time_machine.travel(datetime(2026, 3, 5, 10, 0, tzinfo=BANGKOK), tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        response = client.post(path, form_data(school, action="confirm", name="นางมาลี ดีงาม"))
    assert response.status_code == 200
    assert "ถูกต้อง" in response.content.decode()
    school.refresh_from_db()
    assert school.last_verified_at == datetime(2026, 3, 5, 10, 0, tzinfo=BANGKOK)
    assert school.last_verified_by is None  # no account of ours: the history names the person
    row = Agency.history.filter(id=school.pk).latest("history_id")
    assert "นางมาลี ดีงาม" in row.history_change_reason
    entry = ModelLogEntry.objects.for_instance(school).filter(action="coordination.verify").get()
    assert "นางมาลี ดีงาม" in entry.data["note"]
    assert not school.has_unpublished_changes
    assert not WorkflowState.objects.filter(object_id=str(school.pk)).exists()
    link = ConfirmationRequest.objects.get()
    assert link.outcome == "confirmed" and link.respondent_name == "นางมาลี ดีงาม"
    # The officer who sent the link hears of it.
    assert mail.outbox[-1].to == [officer.email]
    assert "นางมาลี ดีงาม" in mail.outbox[-1].body

    # Used: the link opens nothing any more.
    again = client.get(path)
    assert again.status_code == 410
    assert "ถูกใช้ตอบไปแล้ว" in again.content.decode()
    assert "โรงเรียนบ้านหนองแก" not in again.content.decode()


def test_correction_becomes_a_draft_that_needs_both_approvals(
    client, school, officer, director, deputy
):
    with time_machine.travel(SENT, tick=False):
        _link, path = send_link(school, officer)
    fax_before = AgencyPhone.objects.get(agency=school, kind="fax").number
    data = form_data(
        school, **{"phones-0-number": "056-511-777 ต่อ 5", "name_th": "โรงเรียนบ้านหนองแกใหม่"}
    )
    with time_machine.travel(datetime(2026, 3, 5, 10, 0, tzinfo=BANGKOK), tick=False):
        response = client.post(path, data)
    assert response.status_code == 200, response.content.decode()[:3000]
    assert "หลังผู้บังคับบัญชาอนุมัติ" in response.content.decode()

    # Nothing live changed; a draft waits for the group director.
    school.refresh_from_db()
    assert school.phones.filter(number="056 511 061").exists()
    assert school.name_th == "โรงเรียนบ้านหนองแก"
    assert school.has_unpublished_changes and school.workflow_in_progress
    assert school.current_workflow_task.name == "ผู้อำนวยการกลุ่มอำนวยการพิจารณา"
    state = school.current_workflow_state
    assert state.requested_by == officer
    revision = school.latest_revision
    assert revision.user is None
    entry = ModelLogEntry.objects.for_instance(school).get(
        action="coordination.self_service_correction"
    )
    assert entry.revision_id == revision.pk
    assert entry.data["comment"].startswith("แจ้งโดยหน่วยงาน")
    assert "นางสาวมาลี ศรีสุข" in entry.data["comment"]
    public = client.get(f"/directory/{school.slug}/")
    assert "056 511 777" not in public.content.decode()

    # The officers' diff: Wagtail's revision comparison of the snippet.
    client.force_login(officer)
    compare = client.get(
        reverse(
            "wagtailsnippets_coordination_agency:revisions_compare",
            args=[school.pk, "live", revision.pk],
        )
    )
    assert compare.status_code == 200
    table = WagtailTestUtils.get_soup(compare.content).select_one("main table.listing")
    assert "777" in " ".join(cell.get_text() for cell in table.select(".addition"))

    approve(client, school, director)
    school.refresh_from_db()
    assert school.phones.filter(number="056 511 061").exists()
    approve(client, school, deputy)
    school.refresh_from_db()
    assert school.live and not school.workflow_in_progress
    assert school.name_th == "โรงเรียนบ้านหนองแกใหม่"
    numbers = set(school.phones.values_list("number", flat=True))
    assert numbers == {"056 511 777 ต่อ 5", fax_before}
    # Verified as of the agency's submission, in the agency's name, in the history.
    assert school.last_verified_at == datetime(2026, 3, 5, 10, 0, tzinfo=BANGKOK)
    reasons = set(
        AgencyPhone.history.filter(agency_id=school.pk).values_list(
            "history_change_reason", flat=True
        )
    )
    assert any(r and r.startswith("แจ้งโดยหน่วยงาน") for r in reasons)
    client.logout()
    public = client.get(f"/directory/{school.slug}/")
    assert "056 511 777" in public.content.decode()


def test_expired_link_reveals_nothing(client, school, officer):
    with time_machine.travel(SENT, tick=False):
        _link, path = send_link(school, officer)
    with time_machine.travel(datetime(2026, 3, 31, 9, 0, tzinfo=BANGKOK), tick=False):
        assert client.get(path).status_code == 200  # day 29
    with time_machine.travel(datetime(2026, 4, 1, 9, 0, tzinfo=BANGKOK), tick=False):
        response = client.get(path)
        assert response.status_code == 410
        assert "หมดอายุ" in response.content.decode()
        assert "โรงเรียนบ้านหนองแก" not in response.content.decode()
        posted = client.post(path, form_data(school, action="confirm"))
        assert posted.status_code == 410
    school.refresh_from_db()
    assert school.last_verified_at is None


def test_revoked_link_reveals_nothing(client, school, officer):
    link, path = send_link(school, officer)
    assert confirmation_request_revoke(link, user=officer)
    response = client.get(path)
    assert response.status_code == 410
    assert "ยกเลิก" in response.content.decode()
    assert "056 511 061" not in response.content.decode()


def test_tampered_link_is_not_found(client, school, officer):
    _link, path = send_link(school, officer)
    token = path.rstrip("/").rsplit("/", 1)[-1]
    forged = path.replace(token, token[:-1] + ("A" if token[-1] != "A" else "B"))
    response = client.get(forged)
    assert response.status_code == 404
    assert "โรงเรียนบ้านหนองแก" not in response.content.decode()
    assert client.post(forged, form_data(school, action="confirm")).status_code == 404


@pytest.mark.parametrize("row", ["existing", "extra"])
def test_crafted_post_cannot_touch_another_agencys_contacts(client, school, officer, row):
    other = AgencyFactory(name_th="เทศบาลตำบลอื่น")
    victim = ContactFactory(agency=other, name="นางสาวผู้อื่น")
    _link, path = send_link(school, officer)
    index = 0 if row == "existing" else 1  # the school has one contact; row 1 is the blank one
    data = form_data(
        school,
        **{
            f"contacts-{index}-id": str(victim.pk),
            f"contacts-{index}-name": "ถูกเปลี่ยนชื่อ",
            f"contacts-{index}-email": "attacker@example.com",
        },
    )
    response = client.post(path, data)
    assert response.status_code == 400
    assert "ไม่ใช่ของหน่วยงานนี้" in response.content.decode()
    victim.refresh_from_db()
    assert victim.name == "นางสาวผู้อื่น" and victim.agency_id == other.pk
    assert (
        not Revision.objects.filter(object_id=str(other.pk))
        .exclude(pk=other.latest_revision_id)
        .exists()
    )
    assert Revision.objects.for_instance(school).count() == 2  # the factory's two publications
    assert ConfirmationRequest.objects.get().used_at is None
    assert not Contact.objects.filter(name="ถูกเปลี่ยนชื่อ").exists()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("phones-0-number", "05-ABC", "ไม่ใช่ตัวเลข"),
        ("postcode", "10110", "รหัสไปรษณีย์ 10110 ไม่ใช่ของตำบล"),
        ("email", "not-an-email", "อีเมล"),
        ("contacts-0-mobile", "12345", "ไม่ใช่หมายเลขในประเทศไทย"),
    ],
)
def test_bad_input_keeps_what_was_typed_and_saves_nothing(
    client, school, officer, field, value, message
):
    _link, path = send_link(school, officer)
    revisions = Revision.objects.for_instance(school).count()
    data = form_data(school, **{field: value, "name_th": "โรงเรียนบ้านหนองแก (แก้)"})
    response = client.post(path, data)
    assert response.status_code == 400
    page = response.content.decode()
    assert message in page
    assert f'value="{value}"' in page and 'value="โรงเรียนบ้านหนองแก (แก้)"' in page
    assert 'class="ss-error-summary"' in page and 'href="#id_' in page
    assert Revision.objects.for_instance(school).count() == revisions
    assert ConfirmationRequest.objects.get().used_at is None
    school.refresh_from_db()
    assert school.name_th == "โรงเรียนบ้านหนองแก"


def test_confirm_after_editing_asks_to_send_the_corrections(client, school, officer):
    _link, path = send_link(school, officer)
    response = client.post(path, form_data(school, action="confirm", road="ถนนใหม่"))
    assert response.status_code == 400
    assert "ส่งข้อมูลที่แก้ไข" in response.content.decode()
    school.refresh_from_db()
    assert school.last_verified_at is None


def test_respondent_name_is_required(client, school, officer):
    _link, path = send_link(school, officer)
    response = client.post(path, form_data(school, action="confirm", name=""))
    assert response.status_code == 400
    assert 'href="#id_respondent-name"' in response.content.decode()


def test_form_needs_csrf_token(school, officer):
    from django.test import Client

    _link, path = send_link(school, officer)
    strict = Client(enforce_csrf_checks=True)
    assert strict.get(path).status_code == 200
    response = strict.post(path, form_data(school, action="confirm"))
    assert response.status_code == 403
    school.refresh_from_db()
    assert school.last_verified_at is None
