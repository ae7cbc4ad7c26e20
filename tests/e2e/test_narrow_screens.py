"""A phone's width (360 px) on the demo site: the publicity page's directory tables and the staff
directory read without sideways scrolling, and nothing breaks mid-word or mid-badge."""

import pytest

from tests.e2e.conftest import admin_login, demo_password

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

WIDTH = 360


def document_width(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth")


def test_publicity_page_tables_fit_a_phone_with_phones_and_emails_in_view(
    live_server, new_page, demo_site, artifacts
):
    page = new_page(width=WIDTH, height=800)
    page.goto(f"{live_server.url}/basic-data/")
    assert document_width(page) <= WIDTH
    table = page.locator("table.directory-table").first
    table.scroll_into_view_if_needed()
    # Each row is a card whose lines fit the screen: the phone and e-mail are there to read.
    for selector in ('a[href^="tel:"]', 'a[href^="mailto:"]'):
        link = table.locator(selector).first
        assert link.is_visible()
        box = link.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= WIDTH, selector
    label = table.locator("td[data-label]").first
    before = label.evaluate("cell => getComputedStyle(cell, '::before').content")
    assert before.strip('"').rstrip(": ") in ("อำเภอ", "โทรศัพท์", "อีเมล", "ผู้ประสานงาน")
    # Thai words are not cut anywhere: only e-mails and URLs may break mid-word.
    wraps = page.evaluate(
        """() => [...document.querySelectorAll('table.directory-table th, table.directory-table td')]
             .map(cell => getComputedStyle(cell))
             .filter(style => style.overflowWrap === 'anywhere' || style.wordBreak === 'break-all')
             .length"""
    )
    assert wraps == 0
    page.screenshot(path=artifacts / "basic-data-360.png", full_page=True)


def test_staff_directory_at_phone_width_keeps_its_badge_on_one_line(
    live_server, new_page, demo_site, artifacts
):
    page = new_page()
    admin_login(page, live_server.url, "staff", demo_password())
    page.get_by_role("link", name="สมุดรายชื่อภายใน").click()
    page.wait_for_url("**/directory/?view=staff")
    page.set_viewport_size({"width": WIDTH, "height": 800})
    assert document_width(page) <= WIDTH
    # The demo's internal-only agency is a private company (its network contractor).
    page.goto(f"{live_server.url}/directory/?view=staff&category=private-company")
    assert document_width(page) <= WIDTH
    badge = page.locator(".directory-item__meta .badge-internal", has_text="ใช้ภายในเท่านั้น").first
    badge.scroll_into_view_if_needed()
    assert badge.is_visible()
    # Every badge on the page (the page's own, an agency's, an internal phone's) is one line.
    wrapped = page.evaluate(
        """() => [...document.querySelectorAll('.badge-internal')].filter(badge => {
             const style = getComputedStyle(badge);
             const line = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.7;
             return badge.getClientRects().length > 1
               || badge.getBoundingClientRect().height >= 1.5 * line;
           }).map(badge => badge.textContent)"""
    )
    assert wrapped == []
    # Wherever the line breaks on a narrower card, the badge moves whole to the next line.
    split_at = badge.evaluate(
        """badge => {
             const line = badge.parentElement;
             const widths = [];
             for (let width = 160; width <= 340; width += 2) {
               line.style.width = width + 'px';
               if (badge.getClientRects().length > 1) widths.push(width);
             }
             line.style.width = '';
             return widths;
           }"""
    )
    assert split_at == []
    assert page.locator('.directory-item a[href^="tel:"]').first.is_visible()
    assert page.locator('.directory-item a[href^="mailto:"]').first.is_visible()
    page.screenshot(path=artifacts / "staff-directory-360.png", full_page=True)
