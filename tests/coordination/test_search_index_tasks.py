"""A publish updates the search index once, off the editor's request: with the database task
backend (production's) it queues one task at commit, and `manage.py db_worker` makes the agency
searchable. These tests commit for real (transactional), as a request does."""

import signal

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django_tasks_db.models import DBTaskResult
from wagtail.search.models import IndexEntry

from coordination.cards import public_agencies
from coordination.models import Agency
from coordination.search.indexing import agency_index_task
from coordination.search.queries import agency_search
from tests.coordination.admin_forms import agency_form_data, editor_form_data

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.usefixtures("database_tasks"),
]

ADD_URL = "wagtailsnippets_coordination_agency:add"


@pytest.fixture
def database_tasks():
    with override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}):
        yield


def index_tasks() -> list[DBTaskResult]:
    return list(DBTaskResult.objects.filter(task_path=agency_index_task.module_path))


def queued_after(action) -> list[DBTaskResult]:
    """The index tasks that `action` (one request) queued."""
    before = {task.pk for task in index_tasks()}
    action()
    return [task for task in index_tasks() if task.pk not in before]


def public_names(q: str) -> list[str]:
    return list(agency_search(public_agencies(), q, public=True).values_list("name_th", flat=True))


def edit_url(agency) -> str:
    return reverse("wagtailsnippets_coordination_agency:edit", args=[agency.pk])


def approve(client, user, agency):
    client.force_login(user)
    agency.refresh_from_db()
    task_state = agency.current_workflow_task_state
    url = reverse(
        "wagtailsnippets_coordination_agency:workflow_action",
        args=[agency.pk, "approve", task_state.pk],
    )
    assert client.post(url, {"comment": ""}).status_code == 302


def submitted_agency(client, officer) -> Agency:
    client.force_login(officer)
    data = {**agency_form_data(), "action-submit": "submit"}
    assert client.post(reverse(ADD_URL), data).status_code == 302
    return Agency.objects.get(slug="ban-thung-pho")


def run_worker() -> None:
    """The production worker, told to run what is queued and exit."""
    handlers = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        call_command("db_worker", "--batch", "--no-reload", "--no-startup-delay", verbosity=0)
    finally:
        for sig, handler in handlers.items():  # the worker installs its own
            signal.signal(sig, handler)


def test_the_final_approval_queues_one_index_task_and_the_worker_makes_it_searchable(
    client, officer, director, deputy
):
    agency = submitted_agency(client, officer)
    approve(client, director, agency)

    [queued] = queued_after(lambda: approve(client, deputy, agency))

    agency.refresh_from_db()
    assert agency.live
    assert queued.status == "READY"
    assert queued.args_kwargs == {"args": [[agency.pk]], "kwargs": {}}  # only the id
    # Published, but not searchable until the worker has run.
    assert not IndexEntry.objects.filter(object_id=str(agency.pk)).exists()
    assert public_names("ทุ่งโพ") == []

    run_worker()

    assert public_names("ทุ่งโพ") == ["โรงเรียนบ้านทุ่งโพ"]
    assert public_names("056-531-100") == ["โรงเรียนบ้านทุ่งโพ"]  # its phone, saved with it
    assert not DBTaskResult.objects.ready().exists()
    assert DBTaskResult.objects.get(pk=queued.pk).status == "SUCCESSFUL"


def test_publishing_from_the_editor_queues_one_index_task(client, superuser):
    client.force_login(superuser)
    data = {**agency_form_data(), "action-publish": "publish"}
    created = queued_after(lambda: client.post(reverse(ADD_URL), data))
    agency = Agency.objects.get(slug="ban-thung-pho")
    assert [task.args_kwargs["args"] for task in created] == [[[agency.pk]]]

    renamed = editor_form_data(
        client, edit_url(agency), name_th="โรงเรียนบ้านทุ่งโพวิทยา", **{"action-publish": "publish"}
    )
    published = queued_after(lambda: client.post(edit_url(agency), renamed))
    assert len(published) == 1

    draft = editor_form_data(client, edit_url(agency), name_th="โรงเรียนบ้านทุ่งโพ")
    assert queued_after(lambda: client.post(edit_url(agency), draft)) == []  # a draft: no task

    run_worker()
    assert public_names("ทุ่งโพวิทยา") == ["โรงเรียนบ้านทุ่งโพวิทยา"]


def test_the_task_indexes_what_is_committed_when_it_runs(client, superuser):
    """Queued twice, or run after the agency was deleted, the index ends as the database is."""
    client.force_login(superuser)
    client.post(reverse(ADD_URL), {**agency_form_data(), "action-publish": "publish"})
    agency = Agency.objects.get(slug="ban-thung-pho")
    agency_index_task.enqueue([agency.pk])
    run_worker()
    assert public_names("ทุ่งโพ") == ["โรงเรียนบ้านทุ่งโพ"]
    assert IndexEntry.objects.filter(object_id=str(agency.pk)).count() == 1

    pk = agency.pk
    agency.delete()
    agency_index_task.enqueue([pk])
    run_worker()
    assert not IndexEntry.objects.filter(object_id=str(pk)).exists()
