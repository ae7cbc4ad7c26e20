"""The Content-Security-Policy in Chromium: what it blocks is reported to the browser tests'
collector (so a violation anywhere fails them), and what the site relies on is not blocked: the
agency page's JSON-LD is data, read by the browser but never run or blocked, and the API docs'
Swagger UI runs from its static files."""

import pytest

from tests.coordination.directory_support import directory_page
from tests.factories import AgencyFactory

pytestmark = pytest.mark.django_db(transaction=True)

INJECT_INLINE_CODE = """() => {
  const script = document.createElement("script");
  script.textContent = "window.__inlineRan = true";
  document.body.append(script);
  const image = document.createElement("img");
  image.src = "https://tracker.example.com/pixel.png";
  document.body.append(image);
  return new Promise((resolve) => setTimeout(() => resolve(window.__inlineRan === true), 100));
}"""


def test_inline_script_and_outside_images_are_blocked_and_reported(
    live_server, new_page, csp_violations
):
    agency = AgencyFactory(name_th="โรงเรียนบ้านหนองฉาง")
    directory_page()
    page = new_page()
    page.goto(f"{live_server.url}/directory/{agency.slug}/")
    assert page.evaluate(INJECT_INLINE_CODE) is False
    page.evaluate("0")  # delivers the reports on their way
    reported = {(v["directive"], v["blocked"]) for v in csp_violations}
    assert ("script-src-elem", "inline") in reported
    assert ("img-src", "https://tracker.example.com/pixel.png") in reported
    # Expected here, so they must not fail this test.
    csp_violations.clear()


def test_the_agency_pages_json_ld_is_read_without_a_violation(live_server, new_page):
    agency = AgencyFactory(name_th="โรงเรียนบ้านหนองฉาง")
    directory_page()
    page = new_page()
    page.goto(f"{live_server.url}/directory/{agency.slug}/")
    data = page.evaluate(
        "JSON.parse(document.querySelector('script[type=\"application/ld+json\"]').textContent)"
    )
    assert data["name"] == "โรงเรียนบ้านหนองฉาง"


def test_the_api_docs_run_under_the_policy(live_server, new_page):
    page = new_page()
    page.goto(f"{live_server.url}/api/v1/docs")
    page.locator(".swagger-ui .opblock").first.wait_for()
    assert page.locator(".swagger-ui .opblock").count() >= 2


def test_the_printable_registry_is_styled_without_a_violation(live_server, new_page):
    AgencyFactory(name_th="โรงเรียนบ้านหนองฉาง")
    directory_page()
    page = new_page()
    page.goto(f"{live_server.url}/directory/registry.html")
    assert page.get_by_text("โรงเรียนบ้านหนองฉาง").first.is_visible()
    # The inline print style applies: the registry's font is the self-hosted Sarabun.
    assert "Sarabun" in page.evaluate("getComputedStyle(document.body).fontFamily")
