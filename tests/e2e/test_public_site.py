"""What a visitor does on the public site, in headless Chromium, on the demo site."""

import json

import pytest

from tests.e2e.conftest import demo_password  # noqa: F401  (the demo users share it)

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

# Every public page type: home, directory, an agency, a news post, a publicity page.
PAGES = {
    "home": "/",
    "directory": "/directory/",
    "agency": "/directory/ban-nong-chang/",
    "news": "/news/directory-online/",
    "publicity": "/basic-data/",
}
WIDTHS = (360, 1280)


def agency_slug_of(name_th: str) -> str:
    from coordination.models import Agency

    return Agency.objects.get(name_th=name_th).slug


def test_visitor_filters_by_district_opens_an_agency_and_downloads_its_vcard(
    live_server, new_page, demo_site, artifacts
):
    page = new_page(width=360, height=800)
    page.goto(f"{live_server.url}/directory/")
    page.select_option("#directory-district", label="หนองฉาง")
    page.locator("form:has(#directory-district)").get_by_role("button", name="ค้นหา").click()
    page.wait_for_url("**district=6104**")
    main = page.inner_text("main")
    assert "โรงเรียนบ้านหนองฉาง" in main
    assert "ศาลากลางจังหวัดอุทัยธานี" not in main  # in Mueang, not Nong Chang
    page.screenshot(path=artifacts / "directory-nong-chang-360.png", full_page=True)

    page.get_by_role("link", name="โรงเรียนบ้านหนองฉาง").first.click()
    page.wait_for_url(f"**/directory/{agency_slug_of('โรงเรียนบ้านหนองฉาง')}/")
    assert page.get_by_role("heading", name="โรงเรียนบ้านหนองฉาง").first.is_visible()

    with page.expect_download() as download_info:
        page.get_by_role("link", name="บันทึกลงสมุดโทรศัพท์ (vCard)").click()
    card = download_info.value.path().read_text(encoding="utf-8")
    assert card.startswith("BEGIN:VCARD")
    assert "โรงเรียนบ้านหนองฉาง" in card
    assert "TEL" in card


def test_visitor_reads_news_and_a_publicity_page_with_a_live_directory(
    live_server, new_page, demo_site
):
    page = new_page()
    page.goto(f"{live_server.url}/")
    page.get_by_role("navigation", name="เมนูหลัก").get_by_role("link", name="ข่าวประชาสัมพันธ์").click()
    page.wait_for_url("**/news/")
    page.get_by_role("link", name="เปิดใช้ทำเนียบหน่วยงานออนไลน์").first.click()
    page.wait_for_url("**/news/directory-online/")
    text = page.inner_text("main")
    assert "เปิดใช้ทำเนียบหน่วยงานออนไลน์" in text
    assert "2569" in text  # Buddhist Era date

    page.goto(f"{live_server.url}/basic-data/")
    main = page.inner_text("main")
    assert "กลุ่มอำนวยการ" in main  # the live directory block's table
    assert "โรงเรียน" in main  # its school cards


@pytest.mark.parametrize("name", list(PAGES))
def test_no_serious_accessibility_violations_and_screenshots(
    live_server, new_page, demo_site, artifacts, name
):
    from axe_playwright_python.sync_playwright import Axe

    path = PAGES[name]
    if name == "agency":
        path = f"/directory/{agency_slug_of('โรงเรียนบ้านหนองฉาง')}/"
    report = {}
    for width in WIDTHS:
        page = new_page(width=width, height=900)
        response = page.goto(f"{live_server.url}{path}")
        assert response.status == 200
        fonts = page.evaluate("document.fonts.check('16px Sarabun', 'สวัสดี')")
        assert fonts, "Thai text must render in the self-hosted Sarabun"
        page.screenshot(path=artifacts / f"{name}-{width}.png", full_page=True)
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 1, f"{name} scrolls sideways at {width}px"
        results = Axe().run(page)
        violations = results.response["violations"]
        report[width] = [(v["id"], v["impact"], len(v["nodes"])) for v in violations]
        serious = [v for v in violations if v["impact"] in ("serious", "critical")]
        assert not serious, json.dumps(report, ensure_ascii=False)
    (artifacts / f"axe-{name}.json").write_text(
        json.dumps(report, ensure_ascii=False), encoding="utf-8"
    )
