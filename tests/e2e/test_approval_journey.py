"""A new agency's whole way to the public, as each person sees it (manual steps 5.2, 5.3, 5.5).

An officer adds an agency and submits it; the group director sends it back with a comment; the
officer reads the comment on the dashboard, fixes the phone and submits again; the director and
then the deputy director approve; the visitor finds it. Every browser says it prefers English: the
admin answers in Thai all the same. On every admin screen of the way axe finds nothing serious.
"""

import json
import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.contrib.auth import get_user_model
from wagtail.models import Revision, TaskState

from coordination.models import Agency
from tests.e2e.conftest import admin_login, click_action, demo_password, wait_until

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

NAME = "ศูนย์การเรียนรู้ชุมชนบ้านหนองแก"
COMMENT = "เบอร์โทรศัพท์ไม่ครบ กรุณาใส่เบอร์สำนักงานพร้อมเลขต่อ"
ENGLISH = "en-US"  # the browser's language: Accept-Language: en-US,en


def check_axe(page, screen: str, report: dict) -> None:
    # Colours are judged as people see them: after the messages have faded in.
    wait_until(page, "document.getAnimations().every(a => a.playState !== 'running')")
    violations = Axe().run(page).response["violations"]
    report[screen] = [(v["id"], v["impact"], len(v["nodes"])) for v in violations]
    serious = [v for v in violations if v["impact"] in ("serious", "critical")]
    assert not serious, f"{screen}: " + json.dumps(
        [
            (v["id"], [(n["target"], n.get("failureSummary", "")[:300]) for n in v["nodes"]][:3])
            for v in serious
        ],
        ensure_ascii=False,
    )


def workflow_story(agency) -> str:
    """What the database says happened: for a failing assertion's message."""
    revisions = [
        (r.pk, r.user and r.user.username, r.created_at.isoformat())
        for r in Revision.objects.for_instance(agency).order_by("pk")
    ]
    tasks = [
        (t.task.name, t.status, t.revision_id)
        for t in TaskState.objects.filter(workflow_state__object_id=str(agency.pk)).order_by("pk")
    ]
    return json.dumps({"revisions": revisions, "task states": tasks}, ensure_ascii=False)


def message(page) -> str:
    return page.locator(".messages").inner_text()


def login(new_page, base: str, username: str):
    page = new_page(locale=ENGLISH)
    admin_login(page, base, username, demo_password())
    return page


def test_new_agency_rejected_fixed_approved_twice_and_public(
    live_server, new_page, demo_site, artifacts
):
    base = live_server.url
    axe_report: dict = {}

    # The officer adds the agency and submits it at once.
    officer = login(new_page, base, "officer")
    assert officer.evaluate("navigator.language") == ENGLISH
    officer.goto(f"{base}/admin/snippets/coordination/agency/add/")
    assert officer.locator("html").get_attribute("lang") == "th"
    assert officer.get_by_role("tab", name="ที่อยู่").is_visible()
    check_axe(officer, "add form", axe_report)
    officer.fill("#id_name_th", NAME)
    wait_until(officer, "document.querySelector('#id_slug').value !== ''")
    officer.select_option("#id_scope", "external")
    officer.select_option("#id_category", label="องค์กรพัฒนาเอกชน/มูลนิธิ")
    officer.get_by_role("tab", name="ที่อยู่").click()
    officer.select_option("#id_province_code", "61")
    wait_until(officer, "document.querySelectorAll('#id_district_code option').length > 5")
    officer.select_option("#id_district_code", "6104")
    officer.get_by_role("tab", name="การติดต่อ").click()
    officer.get_by_role("button", name=re.compile("หมายเลขโทรศัพท์")).first.click()
    officer.fill("#id_phones-0-number", "056-511-060")  # the wrong desk, as it turns out
    click_action(officer, "button[name='action-submit']")
    errors = officer.locator(".error-message").all_inner_texts()
    assert "ส่งพิจารณาแล้ว" in message(officer), errors
    agency = Agency.objects.get(name_th=NAME)
    assert agency.workflow_in_progress and not agency.live
    check_axe(officer, "editor after submitting", axe_report)

    # The group director sends it back from the dashboard, with a comment.
    director = login(new_page, base, "director")
    row = director.locator("tr", has=director.get_by_text(NAME))
    assert row.locator("[data-item-kind]").inner_text().strip() == "หน่วยงาน"
    check_axe(director, "director's dashboard", axe_report)
    row.locator("[data-w-dropdown-target='toggle']").click()
    row.get_by_role("button", name="ส่งกลับให้แก้ไข", exact=True).click()
    director.locator(".modal textarea[name='comment']").fill(COMMENT)
    with director.expect_navigation():
        director.locator(".modal button[type='submit']").click()
    assert "ส่งกลับให้แก้ไขแล้ว" in message(director)

    # The officer reads the comment and who wrote it on the dashboard, then in the editor.
    officer.goto(f"{base}/admin/")
    note = officer.locator("[data-review-note]").filter(has_text=COMMENT)
    director_name = get_user_model().objects.get(username="director").get_full_name()
    assert director_name and director_name != "director"
    assert director_name in note.inner_text()
    check_axe(officer, "officer's dashboard with the comment", axe_report)
    officer.goto(f"{base}/admin/snippets/coordination/agency/edit/{agency.pk}/")
    officer.get_by_role("tab", name="การติดต่อ").click()
    officer.fill("#id_phones-0-number", "056-511-061 ต่อ 12")
    click_action(officer, "button[name='action-submit']")
    assert "ส่งพิจารณาแล้ว" in message(officer)

    # Two approvals, each in the approver's own session, from the editor.
    director.goto(f"{base}/admin/snippets/coordination/agency/edit/{agency.pk}/")
    check_axe(director, "director's editor", axe_report)
    click_action(
        director,
        "button[data-workflow-action-name='approve']:not([data-workflow-action-modal-url])",
    )
    assert "อนุมัติขั้นที่ 1 แล้ว ส่งต่อรองผู้อำนวยการ" in message(director), workflow_story(agency)
    visitor = new_page()
    assert visitor.goto(f"{base}/directory/{agency.slug}/").status == 404

    deputy = login(new_page, base, "deputy")
    deputy.goto(f"{base}/admin/snippets/coordination/agency/edit/{agency.pk}/")
    click_action(
        deputy, "button[data-workflow-action-name='approve']:not([data-workflow-action-modal-url])"
    )
    assert "เผยแพร่แล้ว" in message(deputy), workflow_story(agency)
    check_axe(deputy, "deputy's editor after publishing", axe_report)
    agency.refresh_from_db()
    assert agency.live and not agency.workflow_in_progress

    # The public finds it; staff read a clean detail page.
    response = visitor.goto(f"{base}/directory/{agency.slug}/")
    assert response.status == 200
    assert NAME in visitor.inner_text("main") and "056 511 061" in visitor.inner_text("main")
    staff = login(new_page, base, "staff")
    staff.goto(f"{base}/admin/snippets/coordination/agency/inspect/{agency.pk}/")
    detail = staff.inner_text("main")
    assert NAME in detail and "ต่อ 12" in detail
    for word in ("True", "False", "None", "data-block-key", "<p"):
        assert word not in detail, word
    check_axe(staff, "staff's detail page", axe_report)
    staff.screenshot(path=artifacts / "admin-agency-detail-1280.png", full_page=True)
    (artifacts / "axe-approval-journey.json").write_text(
        json.dumps(axe_report, ensure_ascii=False), encoding="utf-8"
    )
