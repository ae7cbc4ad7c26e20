"""Suggestions in the directory's search box, with the keyboard, as a screen reader hears them;
and the site search page passes axe."""

import pytest

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_keyboard_user_picks_a_suggestion_in_the_directory(
    live_server, new_page, demo_site, artifacts
):
    page = new_page()
    page.goto(f"{live_server.url}/directory/")
    box = page.locator("#directory-q")
    assert box.get_attribute("role") == "combobox"
    assert box.get_attribute("aria-expanded") == "false"

    box.press_sequentially("หนองฉ", delay=30)
    listbox = page.locator("#" + box.get_attribute("aria-controls"))
    listbox.locator("[role=option]").first.wait_for()
    assert box.get_attribute("aria-expanded") == "true"
    options = listbox.locator("[role=option]").all_inner_texts()
    assert any(text.startswith("โรงเรียนบ้านหนองฉาง") for text in options)
    assert "มีรายชื่อแนะนำ" in page.locator(".search-suggest [role=status]").inner_text()
    page.screenshot(path=artifacts / "search-suggestions.png")

    target = next(i for i, text in enumerate(options) if text.startswith("โรงเรียนบ้านหนองฉาง"))
    for _ in range(target + 1):
        box.press("ArrowDown")
    active = box.get_attribute("aria-activedescendant")
    assert page.locator(f"#{active}").get_attribute("aria-selected") == "true"
    with page.expect_navigation():
        box.press("Enter")
    assert page.url == f"{live_server.url}/directory/ban-nong-chang-school/"


def test_escape_closes_and_enter_without_a_choice_submits_the_form(
    live_server, new_page, demo_site
):
    page = new_page()
    page.goto(f"{live_server.url}/directory/")
    box = page.locator("#directory-q")
    box.press_sequentially("อบต.", delay=30)
    page.locator("[role=option]").first.wait_for()
    box.press("Escape")
    assert box.get_attribute("aria-expanded") == "false"
    with page.expect_navigation():
        box.press("Enter")
    assert "q=" in page.url
    assert "องค์การบริหารส่วนตำบลดอนกลอย" in page.content()


def test_site_search_page_has_no_serious_accessibility_violations(live_server, new_page, demo_site):
    from axe_playwright_python.sync_playwright import Axe

    page = new_page()
    page.goto(f"{live_server.url}/search/?q=หนองฉาง")
    assert page.locator(".search-group--agencies .search-result").count() > 0
    results = Axe().run(page)
    serious = [
        violation["id"]
        for violation in results.response["violations"]
        if violation["impact"] in ("serious", "critical")
    ]
    assert serious == []
