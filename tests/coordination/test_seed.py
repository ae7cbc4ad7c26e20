"""`seed_demo` loads a labelled, realistic, idempotent sample; `seed_scale` bulk-loads synthetic data."""

import re
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from wagtail.models import ModelLogEntry, Revision, WorkflowState

from coordination import geo, roles
from coordination.demo import sample
from coordination.models import Agency, AgencyPhone, Contact, SchoolNetwork

OFFICE_GROUPS = [
    "กลุ่มอำนวยการ",
    "กลุ่มนโยบายและแผน",
    "กลุ่มบริหารงานบุคคล",
    "กลุ่มบริหารงานการเงินและสินทรัพย์",
    "กลุ่มส่งเสริมการจัดการศึกษา",
    "กลุ่มนิเทศ ติดตามและประเมินผลการจัดการศึกษา",
    "กลุ่มส่งเสริมการศึกษาทางไกล เทคโนโลยีสารสนเทศและการสื่อสาร",
    "กลุ่มพัฒนาครูและบุคลากรทางการศึกษา",
    "กลุ่มกฎหมายและคดี",
    "หน่วยตรวจสอบภายใน",
]
ROLE_GROUPS = {
    "officer": roles.OFFICERS,
    "director": roles.GROUP_DIRECTOR,
    "deputy": roles.DEPUTY_DIRECTOR,
    "staff": roles.STAFF,
}


@pytest.fixture(scope="module")
def demo_output(django_db_setup, django_db_blocker):
    """Run seed_demo once for this module, inside a transaction rolled back at the end."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            out = StringIO()
            call_command("seed_demo", stdout=out)
            yield out.getvalue()
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


def _agency_type():
    return ContentType.objects.get_for_model(Agency)


def registry_counts() -> dict[str, int]:
    agency_type = _agency_type()
    return {
        "agencies": Agency.objects.count(),
        "contacts": Contact.objects.count(),
        "phones": AgencyPhone.objects.count(),
        "networks": SchoolNetwork.objects.count(),
        "users": get_user_model().objects.count(),
        "revisions": Revision.objects.filter(base_content_type=agency_type).count(),
        "log_entries": ModelLogEntry.objects.filter(content_type=agency_type).count(),
        "workflow_states": WorkflowState.objects.count(),
        "agency_history": Agency.history.count(),
        "contact_history": Contact.history.count(),
        "phone_history": AgencyPhone.history.count(),
    }


# seed_demo ---------------------------------------------------------------------------------


def test_second_run_changes_nothing(demo_output, db):
    before = registry_counts()
    out = StringIO()
    call_command("seed_demo", stdout=out)
    assert registry_counts() == before
    assert "สร้างใหม่ 0 หน่วยงาน" in out.getvalue()


def test_area_schools_are_believable(demo_output, db):
    schools = Agency.objects.filter(category__slug="school", live=True)
    assert schools.count() >= 40
    assert schools.filter(name_th="โรงเรียนบ้านหนองฉาง").exists()
    assert {s.district_code for s in schools} == {"6101", "6102", "6103", "6104", "6105"}
    for field, length in (("school_code", 10), ("smis_code", 8), ("obec_code", 6)):
        values = [getattr(s, field) for s in schools]
        assert all(len(v) == length and v.isdigit() for v in values), field
        assert len(set(values)) == len(values), f"{field} must be unique"
    for school in schools.exclude(status="closed").prefetch_related("contacts", "phones"):
        assert school.scope == "internal"
        assert school.students and school.teachers and school.size_band
        assert school.school_network is not None
        assert school.teaches_primary
        assert school.email.endswith(".example.go.th")
        assert school.phones.all(), school.name_th
        assert any(c.position.startswith("ผู้อำนวยการโรงเรียน") for c in school.contacts.all())


def test_office_and_its_groups(demo_output, db):
    office = Agency.objects.get(slug=sample.OFFICE_SLUG)
    assert office.name_th == "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาอุทัยธานี เขต 1"
    assert office.scope == "internal"
    groups = Agency.objects.filter(category__slug="office-group", parent=office, live=True)
    assert set(groups.values_list("name_th", flat=True)) == set(OFFICE_GROUPS)
    assert SchoolNetwork.objects.count() >= 5


def test_external_agencies(demo_output, db):
    external = Agency.objects.filter(scope="external")
    assert external.filter(live=True).count() >= 30
    for name in [
        "ศาลากลางจังหวัดอุทัยธานี",
        "สำนักงานศึกษาธิการจังหวัดอุทัยธานี",
        "องค์การบริหารส่วนจังหวัดอุทัยธานี",
        "เทศบาลเมืองอุทัยธานี",
        "เทศบาลตำบลหนองฉาง",
        "โรงพยาบาลอุทัยธานี",
        "สถานีตำรวจภูธรเมืองอุทัยธานี",
        "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาอุทัยธานี เขต 2",
    ]:
        assert external.filter(name_th=name).exists(), name
    assert external.get(name_th="องค์การบริหารส่วนจังหวัดอุทัยธานี").short_name == "อบจ.อุทัยธานี"
    assert external.filter(name_th__startswith="องค์การบริหารส่วนตำบล").count() >= 3
    categories = set(external.values_list("category__slug", flat=True))
    assert {"ngo", "private-company", "person", "state-enterprise", "local-admin"} <= categories
    phones = AgencyPhone.objects.filter(agency__scope="external")
    assert {"office", "fax", "hotline"} <= set(phones.values_list("kind", flat=True))
    assert phones.filter(number__contains="ต่อ").exists()
    assert Contact.objects.filter(agency__scope="external", phone__contains="ต่อ").exists()
    assert external.exclude(website="").count() >= 5
    assert external.exclude(facebook_url="").exists()


def test_every_record_is_valid_and_labelled_as_sample(demo_output, db):
    for agency in Agency.objects.prefetch_related("contacts", "phones", "tags"):
        agency.full_clean()
        for child in [*agency.contacts.all(), *agency.phones.all()]:
            child.full_clean()
        assert sample.SAMPLE_TAG in [t.name for t in agency.tags.all()], agency.name_th
        assert sample.SAMPLE_NOTE in agency.mission, agency.name_th
        for email in [agency.email, *[c.email for c in agency.contacts.all()]]:
            assert not email or re.search(r"example\.(go\.th|com|org)$", email), email


def test_personal_data_follows_the_pdpa_defaults(demo_output, db):
    contacts = Contact.objects.all()
    assert contacts.filter(mobile__gt="", mobile_public=False).count() > 50
    assert contacts.filter(line_id__gt="", line_public=False).exists()
    assert contacts.filter(home_address__gt="").exists()
    private = contacts.filter(is_private_person=True, agency__category__slug="person")
    with_consent = private.get(consent_recorded_at__isnull=False)
    assert with_consent.agency.visibility == "public"
    without = private.get(consent_recorded_at__isnull=True)
    assert not (without.phone_public or without.email_public or without.mobile_public)
    assert without.agency.visibility == "internal"
    assert Agency.objects.filter(visibility="internal", live=True).count() >= 2


def test_workflow_states_are_real(demo_output, db):
    draft = Agency.objects.get(slug=sample.DRAFT_SLUG)
    assert not draft.live and draft.live_revision is None and draft.latest_revision
    pending = Agency.objects.get(slug=sample.PENDING_CHANGE_SLUG)
    assert pending.live and pending.has_unpublished_changes
    assert pending.latest_revision.as_object().website != pending.website
    moderated = Agency.objects.get(slug=sample.MODERATION_SLUG)
    state = moderated.current_workflow_state
    assert not moderated.live
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.current_task_state.task.name == roles.FIRST_APPROVAL_TASK
    assert state.requested_by.username == "officer"
    closed = Agency.objects.get(status="closed")
    assert closed.closed_reason and closed.successor.category.slug == "school"


def test_history_and_audit_log_are_attributed(demo_output, db):
    live = Agency.objects.filter(live=True)
    deputy = get_user_model().objects.get(username="deputy")
    publishes = ModelLogEntry.objects.filter(content_type=_agency_type(), action="wagtail.publish")
    assert publishes.filter(user=deputy).count() == live.count()
    rows = Agency.history.filter(id__in=live.values("pk"))
    assert rows.filter(history_type="+").count() == live.count()
    assert set(rows.values_list("history_change_reason", flat=True)) == {sample.CHANGE_REASON}
    assert not rows.filter(history_user__isnull=True).exists()
    assert Contact.history.filter(history_change_reason=sample.CHANGE_REASON).exists()


def test_demo_users_have_their_roles(demo_output, db):
    User = get_user_model()
    for username, group in ROLE_GROUPS.items():
        user = User.objects.get(username=username)
        assert list(user.groups.values_list("name", flat=True)) == [group]
        assert user.first_name and user.last_name and user.email
    admin = User.objects.get(username="admin")
    assert admin.is_superuser


def test_output_lists_logins_that_work_in_the_admin(demo_output, db, client):
    assert "http://127.0.0.1:8000/admin/" in demo_output
    logins = re.findall(
        r"^(officer|director|deputy|staff|admin)\s+(\S+)\s+(.+)$", demo_output, re.M
    )
    assert {username for username, _p, _r in logins} == {*ROLE_GROUPS, "admin"}
    for username, password, role in logins:
        assert role.strip()
        client.logout()
        response = client.post("/admin/login/", {"username": username, "password": password})
        assert response.status_code == 302, username
        assert client.get("/admin/").status_code == 200, username


# seed_scale --------------------------------------------------------------------------------


def _scale_counts() -> dict[str, int]:
    scale_ids = [
        str(pk)
        for pk in Agency.objects.filter(slug__startswith="scale-").values_list("pk", flat=True)
    ]
    return {
        "agencies": len(scale_ids),
        "contacts": Contact.objects.filter(agency__slug__startswith="scale-").count(),
        "revisions": Revision.objects.filter(
            base_content_type=_agency_type(), object_id__in=scale_ids
        ).count(),
        "agency_history": Agency.history.filter(history_change_reason="seed_scale").count(),
        "contact_history": Contact.history.filter(history_change_reason="seed_scale").count(),
    }


@pytest.mark.django_db
def test_seed_scale_writes_revisions_and_history_in_bulk():
    out = StringIO()
    call_command("seed_scale", "--agencies", "30", "--batch", "20", stdout=out)
    assert _scale_counts() == {
        "agencies": 30,
        "contacts": 120,
        "revisions": 30,
        "agency_history": 30,
        "contact_history": 120,
    }
    assert "30/30" in out.getvalue() and "update_index" in out.getvalue()
    agencies = Agency.objects.filter(slug__startswith="scale-").prefetch_related(
        "contacts", "phones"
    )
    for agency in agencies:
        assert not geo.address_errors(
            province_code=agency.province_code,
            district_code=agency.district_code,
            subdistrict_code=agency.subdistrict_code,
            postcode=agency.postcode,
        )
        agency.full_clean()
        for child in [*agency.contacts.all(), *agency.phones.all()]:
            child.full_clean()
        assert 1 <= len(agency.phones.all()) <= 2
        assert agency.latest_revision.object_id == str(agency.pk)
        assert agency.live_revision_id == (agency.latest_revision_id if agency.live else None)
        restored = agency.latest_revision.as_object()
        assert restored.name_th == agency.name_th
        assert len(restored.contacts.all()) == 4
    assert Agency.history.filter(history_change_reason="seed_scale", history_type="+").count() == 30


@pytest.mark.django_db
def test_seed_scale_runs_again_with_fresh_slugs():
    call_command("seed_scale", "--agencies", "30", stdout=StringIO())
    first = set(Agency.objects.values_list("slug", flat=True))
    call_command("seed_scale", "--agencies", "30", stdout=StringIO())
    assert Agency.objects.filter(slug__startswith="scale-").count() == 60
    assert len(set(Agency.objects.values_list("slug", flat=True)) - first) == 30
    codes = [c for c in Agency.objects.values_list("school_code", flat=True) if c]
    assert len(codes) == len(set(codes))


@pytest.mark.django_db
def test_seed_scale_makes_no_per_row_queries():
    def non_insert_queries(n: int) -> int:
        with CaptureQueriesContext(connection) as queries:
            call_command("seed_scale", "--agencies", str(n), "--batch", "100", stdout=StringIO())
        return sum(1 for q in queries if not q["sql"].lstrip().upper().startswith("INSERT"))

    non_insert_queries(1)  # warm up: creates the per-province school networks
    assert non_insert_queries(5) == non_insert_queries(40)


def test_seed_demo_sends_no_mail(db, mailoutbox):
    from io import StringIO

    from django.core.management import call_command

    call_command("seed_demo", stdout=StringIO())
    assert mailoutbox == []
