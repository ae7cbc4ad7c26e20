"""Headless Chromium through Playwright, against Django's live test server."""

import contextlib
import os
from pathlib import Path

import pytest

from tests.conftest import CHROMIUM

# Playwright's sync API runs an event loop in this thread; Django's ORM calls from the test body
# are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def pytest_collection_modifyitems(config, items):
    """Browser tests run against a live server, so they need real transactions. Every one of them
    restores the migrated data (groups, workflow, categories, home page) from the serialized copy:
    a plain transactional test would flush it and re-create only content types and permissions,
    which then clash with the next test's restore."""
    here = Path(__file__).parent
    for item in items:
        # This hook sees the whole session's items, not only this folder's.
        if here not in Path(item.fspath).parents:
            continue
        item.add_marker(pytest.mark.browser)
        item.add_marker(pytest.mark.django_db(transaction=True, serialized_rollback=True))


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


# Installed in every frame before the page's own scripts: each Content-Security-Policy violation
# the browser reports (a blocked script, style, image, frame, form target...) is handed to Python.
REPORT_CSP_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  window.__reportCspViolation({
    directive: event.effectiveDirective || event.violatedDirective,
    blocked: event.blockedURI,
    document: event.documentURI,
    source: event.sourceFile ? `${event.sourceFile}:${event.lineNumber}` : "",
    sample: event.sample,
    disposition: event.disposition,
  });
});
"""


@pytest.fixture(autouse=True)
def csp_violations():
    """Every browser test fails when the browser reported a Content-Security-Policy violation in
    any of its pages; the message names the directive, the blocked URI and the page."""
    violations: list[dict] = []
    yield violations
    if not violations:
        return
    lines = [
        f"{v['directive']} blocked {v['blocked'] or '(inline)'} on {v['document']}"
        + (f" at {v['source']}" if v["source"] else "")
        + (f": {v['sample']!r}" if v["sample"] else "")
        for v in violations
    ]
    pytest.fail("Content-Security-Policy violations:\n" + "\n".join(lines), pytrace=False)


def wait_for_requests_in_flight(request, timeout: float = 20.0) -> None:
    """Let the live server finish the requests the browser left running (an autosave, a preview,
    a fetch of the address picker) before the test's database is flushed. On SQLite in memory the
    server's threads share the test's connection: a request still running during the flush makes
    it fail ("couldn't be flushed")."""
    if "live_server" not in request.fixturenames:
        return
    httpd = getattr(request.getfixturevalue("live_server").thread, "httpd", None)
    for thread in list(getattr(httpd, "_threads", None) or ()):
        thread.join(timeout)


@pytest.fixture
def new_page(request, browser, csp_violations):
    """Open pages in fresh contexts (one per person, so sessions don't mix); each reports its
    Content-Security-Policy violations to `csp_violations`."""
    contexts = []

    def factory(*, width: int = 1280, height: int = 900, locale: str = "th-TH"):
        # `locale` sets the browser's language and so its Accept-Language header.
        context = browser.new_context(
            viewport={"width": width, "height": height}, locale=locale, timezone_id="Asia/Bangkok"
        )
        context.set_default_timeout(20_000)
        context.expose_binding(
            "__reportCspViolation", lambda _source, violation: csp_violations.append(violation)
        )
        context.add_init_script(REPORT_CSP_VIOLATIONS)
        contexts.append(context)
        return context.new_page()

    yield factory
    from playwright.sync_api import Error as PlaywrightError

    for context in contexts:
        # A round trip to each open page delivers the reports still on their way.
        for page in context.pages:
            with contextlib.suppress(PlaywrightError):
                page.evaluate("0")
        context.close()
    wait_for_requests_in_flight(request)


@pytest.fixture
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


def admin_login(page, base_url: str, username: str, password: str = "password") -> None:
    page.goto(f"{base_url}/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base_url}/admin/")


def wait_until(page, expression: str, *, timeout_ms: int = 20_000) -> None:
    """Wait until a JavaScript expression is true in the page. Playwright's wait_for_function
    polls with eval() inside the page, which the Content-Security-Policy forbids (no
    'unsafe-eval'); page.evaluate runs through DevTools, which the policy does not restrict."""
    for _ in range(timeout_ms // 100):
        if page.evaluate(expression):
            return
        page.wait_for_timeout(100)
    raise AssertionError(f"Still false after {timeout_ms} ms: {expression}")


def demo_password() -> str:
    from coordination.demo.sample import DEMO_PASSWORD

    return DEMO_PASSWORD


@pytest.fixture
def demo_site(transactional_db):
    """The whole demo: registry sample, users, page tree (what `make run` shows)."""
    from io import StringIO

    from django.core.cache import cache
    from django.core.management import call_command

    call_command("seed_demo", stdout=StringIO())
    cache.clear()


def click_action(page, selector: str) -> None:
    """Click a button of the editor's action menu, opening its dropdown when it is inside."""
    button = page.locator(selector).first
    if not button.is_visible():
        page.locator("footer [data-w-dropdown-target='toggle']").first.click()
    with page.expect_navigation():
        button.click()
