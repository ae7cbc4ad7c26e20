import os
import shutil

import pytest
from django.conf import settings

from coordination import roles
from tests.factories import UserFactory

collect_ignore = []
if os.environ.get("DJANGO_SETTINGS_MODULE") != "cms.settings.test_standalone":
    collect_ignore.append("standalone")

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
REQUIRED = os.environ.get("CI") == "true" or os.environ.get("REQUIRE_BROWSER") == "1"


def pytest_addoption(parser):
    parser.addoption(
        "--reverse-order",
        action="store_true",
        help="Run the tests in reverse order (scripts/run_tests.py's moved-clock pass), so a test "
        "that passes only after another one has run fails.",
    )


def pytest_collection_modifyitems(config, items):
    """Browser tests skip on a machine without Chromium, and fail in CI where it is required.

    PostgreSQL-only tests are deselected on SQLite: the PostgreSQL pass of scripts/run_tests.py
    runs them, and CI requires that pass.
    """
    has_chromium = os.path.exists(CHROMIUM) or shutil.which("chromium")
    on_postgres = settings.DATABASES["default"]["ENGINE"].endswith("postgresql")
    selected, deselected = [], []
    for item in items:
        # Where Chromium is required, a missing one fails at launch instead of skipping.
        if "browser" in item.keywords and not has_chromium and not REQUIRED:
            item.add_marker(pytest.mark.skip(reason=f"no Chromium at {CHROMIUM}"))
        if "postgres" in item.keywords and not on_postgres:
            deselected.append(item)
        else:
            selected.append(item)
    if deselected:
        config.hook.pytest_deselected(items=deselected)
        items[:] = selected
    if config.getoption("--reverse-order"):
        # Reversed within pytest-django's order, not across it: a transactional test empties the
        # database when it ends (a serialized one restores the migrated data only for itself), so
        # the tests that run in a transaction must still come after it, never before.
        items.reverse()
        items.sort(key=_runs_committed)


def _runs_committed(item) -> bool:
    marker = item.get_closest_marker("django_db")
    fixtures = getattr(item, "fixturenames", ())
    return bool(
        (marker and (marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences")))
        or "transactional_db" in fixtures
        or "live_server" in fixtures
    )


def pytest_sessionfinish(session, exitstatus):
    """In CI a skipped test is a failure: every required part (PostgreSQL, Chromium) is there."""
    if not REQUIRED:
        return
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = reporter.stats.get("skipped", []) if reporter else []
    if skipped:
        reporter.write_line(f"CI: {len(skipped)} test(s) skipped; skips are failures in CI.")
        session.exitstatus = 1


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Share the serialized test database with every connection object.

    Django keeps it on the connection of the context that created the test database. Playwright's
    sync API runs the browser tests inside its own event-loop context, where Django opens other
    connection objects (asgiref's Local is per context); without this, a browser test that follows
    a plain database test could not restore the migrated data after the previous flush.
    """
    from django.db import connections

    for connection in connections.all():
        contents = getattr(connection, "_test_serialized_contents", None)
        if contents is not None:
            type(connection)._test_serialized_contents = contents


@pytest.fixture
def officer(db):
    return UserFactory(username="officer", groups=[roles.OFFICERS], first_name="สมศรี")


@pytest.fixture
def director(db):
    return UserFactory(username="director", groups=[roles.GROUP_DIRECTOR], first_name="วิไล")


@pytest.fixture
def deputy(db):
    return UserFactory(username="deputy", groups=[roles.DEPUTY_DIRECTOR], first_name="ประเสริฐ")


@pytest.fixture
def staff_member(db):
    return UserFactory(username="staff", groups=[roles.STAFF], first_name="บุญมี")


@pytest.fixture
def superuser(db):
    user = UserFactory(username="admin")
    user.is_superuser = True
    user.is_staff = True
    user.save()
    return user


@pytest.fixture(autouse=True)
def _empty_page_cache():
    """Anonymous pages are cached across requests (coordination.cache), in a process-wide memory
    cache: every test starts from an empty one, so no page leaks from one test's data to another."""
    from django.core.cache import caches

    from coordination.cache import page_cache_forget_local

    for alias in settings.CACHES:
        caches[alias].clear()
    page_cache_forget_local()  # and each process's own copies
    yield


@pytest.fixture(autouse=True)
def _thai_by_default():
    """Each test starts in the site's language: a test that switched to English must not leave
    later tests, such as the request-less 500 page, rendering English."""
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)
