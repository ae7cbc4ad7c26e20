"""A staff member clicks an agency's name in the admin listing and reads its detail page in
Chromium: headings and badges a screen reader can follow, no serious axe violations, no sideways
scrolling on a phone."""

import json

import pytest

from tests.e2e.conftest import admin_login
from tests.factories import AgencyFactory, AgencyPhoneFactory, ContactFactory, category

pytestmark = pytest.mark.django_db(transaction=True)


def test_staff_read_an_agency_from_the_listing(live_server, new_page, staff_member, artifacts):
    from axe_playwright_python.sync_playwright import Axe

    agency = AgencyFactory(
        name_th="โรงเรียนบ้านหนองฉาง",
        category=category("school"),
        school_code="1061020001",
        mission='<p data-block-key="k1">จัดการศึกษาระดับประถมศึกษา</p>',
    )
    AgencyPhoneFactory(agency=agency, number="056-511-061 ต่อ 12")
    ContactFactory(agency=agency, name="นางสาวใจดี มีสุข", mobile="081-234-5678")

    report = {}
    for width in (1280, 390):
        page = new_page(width=width)
        admin_login(page, live_server.url, "staff")
        page.goto(f"{live_server.url}/admin/snippets/coordination/agency/")
        with page.expect_navigation():
            page.get_by_role("link", name="โรงเรียนบ้านหนองฉาง").first.click()
        assert "/inspect/" in page.url
        main = page.locator(".agency-detail")
        assert main.get_by_role("heading", name="ผู้ประสานงาน").is_visible()
        assert main.get_by_role("heading", name="นางสาวใจดี มีสุข").is_visible()
        assert "ใช้ภายใน" in main.inner_text() and "เผยแพร่" in main.inner_text()
        assert page.get_by_role("link", name="แก้ไขหน่วยงาน").count() == 0
        page.screenshot(path=artifacts / f"admin-agency-detail-{width}.png", full_page=True)
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 1, f"the detail page scrolls sideways at {width}px"
        violations = Axe().run(page, context=".agency-detail").response["violations"]
        report[width] = [(v["id"], v["impact"], len(v["nodes"])) for v in violations]
        serious = [v for v in violations if v["impact"] in ("serious", "critical")]
        assert not serious, json.dumps(report, ensure_ascii=False)
