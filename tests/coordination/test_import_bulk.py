"""Applying a large import: a bounded number of queries per chunk of rows, one e-mail to the
approvers, and drafts the two-step approval publishes as if each had been submitted alone."""

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import ModelLogEntry, ReferenceIndex, TaskState, WorkflowState

from coordination.models import Agency
from coordination.services.agency_import import agency_import_apply, agency_import_plan
from tests.coordination.test_import import HEADINGS, csv_bytes
from tests.factories import AgencyFactory, category

pytestmark = pytest.mark.django_db


def school_rows(count: int, start: int = 0) -> list[list[str]]:
    """New schools with a phone and a contact each, in Uthai Thani."""
    return [
        [
            f"โรงเรียนบ้านทดสอบ{number}",
            "โรงเรียน",
            "ภายใน",
            f"10610{number:05d}",
            "ทุ่งโพ",
            "หนองฉาง",
            "อุทัยธานี",
            "61110",
            f"056-531-{100 + number % 800:03d}",
            f"ชื่อ: นางสาวทดสอบ{number} ใจงาม | ตำแหน่ง: ครู | โทรศัพท์: 056-531-100",
        ]
        for number in range(start, start + count)
    ]


def planned(rows, name="schools.csv"):
    plan = agency_import_plan(data=csv_bytes([HEADINGS, *rows]), file_name=name)
    assert not plan.has_errors, plan.errors
    return plan


def apply_queries(plan, user) -> int:
    with CaptureQueriesContext(connection) as queries:
        agency_import_apply(plan=plan, user=user, reason="ทดสอบ")
    return len(queries)


def test_queries_do_not_grow_with_the_rows(officer, director):
    # Warm up: content types, the workflow and its task, the first tag lookups.
    agency_import_apply(plan=planned(school_rows(2, start=900)), user=officer)

    few = apply_queries(planned(school_rows(10)), officer)
    many = apply_queries(planned(school_rows(50, start=100)), officer)

    assert many - few <= 2, (few, many)
    assert many <= 40  # for 50 agencies; Wagtail one by one made about 75 per agency


def test_planning_queries_do_not_grow_with_the_rows(officer):
    AgencyFactory(name_th="โรงเรียนบ้านทดสอบ3", category=category("school"), school_code="1061000003")
    with CaptureQueriesContext(connection) as few:
        planned(school_rows(10))
    with CaptureQueriesContext(connection) as many:
        planned(school_rows(60))
    assert len(many) - len(few) <= 2, (len(few), len(many))


def test_one_summary_email_to_the_first_approvers(
    officer, director, deputy, django_capture_on_commit_callbacks
):
    director.email, deputy.email = "director@example.go.th", "deputy@example.go.th"
    director.save(), deputy.save()
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        agency_import_apply(plan=planned(school_rows(30)), user=officer, reason="ปีการศึกษาใหม่")

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["director@example.go.th"]  # the first task's group only
    assert "30" in message.subject and "schools.csv" in message.subject
    assert "ปีการศึกษาใหม่" in message.body
    assert "โรงเรียนบ้านทดสอบ0" in message.body and "และอีก 10 แห่ง" in message.body


def test_a_bulk_created_draft_is_what_workflow_start_leaves(officer):
    agency_import_apply(plan=planned(school_rows(3)), user=officer, reason="ทดสอบ")

    for agency in Agency.objects.all():
        assert not agency.live and agency.has_unpublished_changes
        revision = agency.latest_revision
        assert revision.user == officer
        assert revision.as_object().phones.get().number.startswith("056 531")
        state = agency.current_workflow_state
        assert state.status == WorkflowState.STATUS_IN_PROGRESS
        assert state.requested_by == officer
        task_state = state.current_task_state
        assert task_state.status == TaskState.STATUS_IN_PROGRESS
        assert task_state.revision == revision
        assert task_state.task == state.workflow.workflow_tasks.first().task
        assert state.task_states.count() == 1
        actions = set(
            ModelLogEntry.objects.filter(object_id=str(agency.pk)).values_list("action", flat=True)
        )
        assert actions == {"coordination.import", "wagtail.workflow.start"}
        assert (
            ReferenceIndex.get_references_for_object(agency).filter(model_path="category").exists()
        )


def test_imported_new_agencies_are_published_by_two_approvals(client, officer, director, deputy):
    agency_import_apply(plan=planned(school_rows(2)), user=officer, reason="ทดสอบ")
    school = Agency.objects.get(school_code="1061000001")

    for approver in (director, deputy):
        client.force_login(approver)
        url = reverse(
            "wagtailsnippets_coordination_agency:workflow_action",
            args=[school.pk, "approve", school.current_workflow_task_state.pk],
        )
        assert client.post(url, {"comment": ""}).status_code == 302
        school.refresh_from_db()

    assert school.live and not school.workflow_in_progress
    assert [p.number for p in school.phones.all()] == ["056 531 101"]
    assert Agency.history.filter(id=school.pk).exists()  # its first published state


def test_a_change_under_review_restarts_the_approval(officer, director):
    office = AgencyFactory(name_th="เทศบาลตำบลหนองฉาง", category=category("local-admin"))
    office.save_revision(user=officer)
    first = Agency.get_default_workflow().start(office, officer)
    row = ["เทศบาลตำบลหนองฉาง", "องค์กรปกครองส่วนท้องถิ่น", "ภายนอก", "", "", "", "", "", "", ""]
    row[8] = "056 531 299"

    agency_import_apply(plan=planned([row], "update.csv"), user=officer)

    first.refresh_from_db()
    assert first.status == WorkflowState.STATUS_CANCELLED
    office.refresh_from_db()
    state = office.current_workflow_state
    assert state.pk != first.pk and state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.current_task_state.revision == office.latest_revision
