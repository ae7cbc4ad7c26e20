"""The whole shape of the product in one journey (manual steps 5.2 → 5.3 → 5.5).

An officer changes an agency's phone and submits it; the group director and then the deputy director
approve it in their own sessions; an anonymous visitor sees the new phone on the agency page and on a
publicity page that embeds it, and never saw it before the last approval.
"""

import pytest

from coordination.models import Agency
from tests.e2e.conftest import admin_login, click_action, demo_password

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SLUG = "uthai1-administration"  # กลุ่มอำนวยการ, embedded in the publicity page's table
NEW_PHONE = "056 599 777"


def visitor_sees_new_phone(page, base_url: str) -> tuple[bool, bool]:
    page.goto(f"{base_url}/directory/{SLUG}/")
    on_agency_page = NEW_PHONE in page.content()
    page.goto(f"{base_url}/basic-data/")
    assert "กลุ่มอำนวยการ" in page.content()
    return on_agency_page, NEW_PHONE in page.content()


def approve_in_own_session(new_page, base_url: str, username: str, agency_pk: int) -> None:
    page = new_page()
    admin_login(page, base_url, username, demo_password())
    page.goto(f"{base_url}/admin/snippets/coordination/agency/edit/{agency_pk}/")
    click_action(
        page, "button[data-workflow-action-name='approve']:not([data-workflow-action-modal-url])"
    )


def test_officer_change_reaches_the_public_only_after_both_approvals(
    live_server, new_page, demo_site, artifacts
):
    base = live_server.url
    agency = Agency.objects.get(slug=SLUG)
    visitor = new_page()
    assert visitor_sees_new_phone(visitor, base) == (False, False)

    officer = new_page()
    admin_login(officer, base, "officer", demo_password())
    officer.goto(f"{base}/admin/snippets/coordination/agency/edit/{agency.pk}/")
    officer.get_by_role("tab", name="การติดต่อ").click()
    officer.fill("#id_phones-0-number", "056-599-777")
    click_action(officer, "button[name='action-submit']")
    agency.refresh_from_db()
    assert agency.workflow_in_progress, officer.content()[:2000]
    assert visitor_sees_new_phone(visitor, base) == (False, False)

    approve_in_own_session(new_page, base, "director", agency.pk)
    agency.refresh_from_db()
    assert agency.current_workflow_task.name == "รองผู้อำนวยการ สพป. อนุมัติและเผยแพร่"
    assert visitor_sees_new_phone(visitor, base) == (False, False)

    approve_in_own_session(new_page, base, "deputy", agency.pk)
    agency.refresh_from_db()
    assert not agency.workflow_in_progress
    assert visitor_sees_new_phone(visitor, base) == (True, True)
    visitor.screenshot(path=artifacts / "publicity-after-approval-1280.png", full_page=True)

    # Every step is attributed in the agency's history.
    history = [(row.history_type, row.history_user.username) for row in agency.history.all()[:1]]
    assert history == [("~", "deputy")]
