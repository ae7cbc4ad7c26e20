"""The user guide's pictures are taken here, on the demo data, by each role in its own session.

They are saved to test-artifacts/guide/ so that a test run leaves the working tree clean; with
``UPDATE_GUIDE_PICTURES=1`` they replace the committed ones in home/static/home/guide/ (do that after
a change to the admin screens, and commit them). The test then reads each guide page as its readers
do and checks that every picture it shows is served, and that it took exactly those pictures.
"""

import os
import re
import shutil
from pathlib import Path

import pytest

from coordination.demo.sample import MODERATION_SLUG, OFFICE_SLUG, PENDING_CHANGE_SLUG
from coordination.models import Agency
from tests.e2e.conftest import admin_login, demo_password

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

ROOT = Path(__file__).resolve().parents[2]
COMMITTED = ROOT / "home" / "static" / "home" / "guide"
GUIDE_IMAGES = (
    COMMITTED if os.environ.get("UPDATE_GUIDE_PICTURES") else ROOT / "test-artifacts" / "guide"
)
WIDTH, HEIGHT = 1280, 800
AGENCIES = "/admin/snippets/coordination/agency"
RETURN_COMMENT = "กรุณาปิดการเผยแพร่มือถือส่วนตัวของผู้ประสานงาน แล้วส่งใหม่"
MAX_TOTAL_BYTES = 2_000_000


def shoot(page, name: str, *, locator=None, top: int = 0, height: int = HEIGHT) -> None:
    """Save a picture for the guide: an element, or a band of the viewport."""
    path = GUIDE_IMAGES / name
    page.wait_for_load_state("networkidle")
    if locator is not None:
        locator.screenshot(path=path, animations="disabled")
    else:
        clip = {"x": 0, "y": top, "width": WIDTH, "height": min(height, HEIGHT - top)}
        page.screenshot(path=path, clip=clip, animations="disabled")


def open_footer_menu(page) -> None:
    page.locator("footer [data-w-dropdown-target='toggle']").first.click()
    page.locator("footer [data-w-dropdown-target='content']").first.wait_for(state="visible")


def login(new_page, base: str, username: str):
    page = new_page(width=WIDTH, height=HEIGHT)
    admin_login(page, base, username, demo_password())
    return page


def officer_pictures(page, base: str, agency: Agency) -> None:
    page.goto(f"{base}{AGENCIES}/")
    shoot(page, "officer-agency-list.png")

    page.goto(f"{base}{AGENCIES}/edit/{agency.pk}/")
    shoot(page, "officer-edit-tabs.png", height=560)

    page.get_by_role("tab", name="ผู้ประสานงาน").click()
    # The first contact's publishing choices, above the editor's sticky action bar.
    choices = page.locator("#id_contacts-0-mobile_public")
    choices.scroll_into_view_if_needed()
    page.evaluate(
        "el => window.scrollBy(0, el.getBoundingClientRect().top - 460)", choices.element_handle()
    )
    shoot(page, "officer-contacts-pdpa.png", height=640)

    open_footer_menu(page)
    assert page.locator("footer button[name='action-submit']").first.is_visible()
    shoot(page, "officer-submit-menu.png", top=HEIGHT - 360)


def supervisor_pictures(page, base: str, agency: Agency) -> None:
    page.goto(f"{base}/admin/")
    panel = page.locator("section, .w-panel").filter(has_text="รอการพิจารณาของคุณ").first
    assert agency.name_th in panel.inner_text()
    shoot(page, "supervisor-dashboard.png", locator=panel)

    task = agency.current_workflow_task
    page.goto(f"{base}{AGENCIES}/workflow/preview/{agency.pk}/{task.pk}/")
    assert "บัตรสาธารณะ" in page.content()
    shoot(page, "supervisor-preview.png")

    page.goto(f"{base}{AGENCIES}/edit/{agency.pk}/")
    open_footer_menu(page)
    assert page.locator("footer [data-workflow-action-name='reject']").first.is_visible()
    shoot(page, "supervisor-actions.png", top=HEIGHT - 360)


def return_for_changes(agency: Agency, username: str) -> None:
    """The group director requests changes with a comment (the guide shows what the officer sees
    next; the request itself is drawn in the supervisor pictures)."""
    agency.refresh_from_db()
    task_state = agency.current_workflow_state.current_task_state
    director = type(agency.current_workflow_state.requested_by).objects.get(username=username)
    task_state.task.specific.on_action(task_state, director, "reject", comment=RETURN_COMMENT)


def returned_item_picture(page, base: str, agency: Agency) -> None:
    """What the officer opens to read why the item came back: the status panel's details."""
    page.goto(f"{base}{AGENCIES}/edit/{agency.pk}/")
    page.locator("[data-side-panel-toggle='status']").click()
    page.get_by_role("button", name="ดูรายละเอียด").click()
    dialog = page.locator(".w-dialog__box").filter(has_text=RETURN_COMMENT)
    dialog.wait_for(state="visible")
    shoot(page, "officer-returned.png", locator=dialog)


def staff_pictures(page, base: str) -> None:
    page.goto(f"{base}/directory/?view=staff")
    shoot(page, "staff-directory.png")

    page.goto(f"{base}/directory/{OFFICE_SLUG}/?view=staff")
    shoot(page, "staff-agency.png")

    agency = Agency.objects.get(slug=PENDING_CHANGE_SLUG)
    page.goto(f"{base}/admin/coordination/agency/{agency.pk}/timeline/")
    shoot(page, "staff-history.png")


def guide_images(page, base: str, url: str) -> list[str]:
    page.goto(f"{base}{url}")
    assert page.locator("article.user-guide h2").count() >= 3
    return page.eval_on_selector_all("article.user-guide figure img", "els => els.map(e => e.src)")


def test_guide_pictures_are_taken_and_served(live_server, new_page, demo_site):
    base = live_server.url
    if GUIDE_IMAGES != COMMITTED:
        shutil.rmtree(GUIDE_IMAGES, ignore_errors=True)  # only this run's pictures count
    GUIDE_IMAGES.mkdir(parents=True, exist_ok=True)
    in_moderation = Agency.objects.get(slug=MODERATION_SLUG)

    officer = login(new_page, base, "officer")
    officer_pictures(officer, base, Agency.objects.get(slug=OFFICE_SLUG))

    director = login(new_page, base, "director")
    supervisor_pictures(director, base, in_moderation)

    return_for_changes(in_moderation, "director")
    returned_item_picture(officer, base, in_moderation)

    staff = login(new_page, base, "staff")
    staff_pictures(staff, base)

    # Each role's help menu leads to its page; every picture there is served, as a PNG.
    shown = set()
    for page, url in (
        (officer, "/admin/guide/officer/"),
        (director, "/admin/guide/supervisor/"),
        (staff, "/admin/guide/staff/"),
    ):
        page.goto(f"{base}/admin/")
        page.get_by_role("button", name="ช่วยเหลือ").click()
        link = page.get_by_role("link", name="คู่มือการใช้งาน")
        assert link.get_attribute("href") == url
        for src in guide_images(page, base, url):
            response = page.request.get(src)
            assert response.ok, src
            assert response.headers["content-type"] == "image/png", src
            shown.add(re.sub(r".*/", "", src))
    taken = {path.name for path in GUIDE_IMAGES.glob("*.png")}
    committed = {path.name for path in COMMITTED.glob("*.png")}
    assert shown == taken == committed, "a picture no guide shows, or one the test did not take"
    assert sum((COMMITTED / name).stat().st_size for name in committed) < MAX_TOTAL_BYTES
