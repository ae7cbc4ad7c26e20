"""Run the whole suite the way `make test` promises.

Pass 1: everything on SQLite (browser tests included).
Pass 2: the `coordination` app in a Wagtail site without `home` (pluggability).
Pass 3: everything but the browser tests on PostgreSQL, when TEST_DATABASE_URL names one.
        With REQUIRE_POSTGRES=1 (set by .ci/run) a missing PostgreSQL is a failure.
Pass 4: everything but the browser tests on SQLite again, with the clock moved (Debian's
        `faketime`) to 00:20 in Bangkok more than a year ahead -- another month, another Buddhist
        Era year, and a local date that differs from the UTC one -- and the tests in reverse
        order, so a test that depends on today's date, the time of day or the order tests run
        in fails here rather than on a newcomer's machine. Without `faketime` the pass is skipped,
        except where REQUIRE_CLOCK_PASS=1 (set by .ci/run) makes that a failure.

A pass that collects no test (pytest exit code 5) fails, so an empty run can never look green.

Passes 1, 3 and 4 run on TEST_WORKERS processes (pytest-xdist; default: one per CPU, at most 4),
each with its own test database. xdist hands each worker the tests in collection order, so
pytest-django's rule (database tests first, transactional and browser tests last) holds in every
worker. TEST_WORKERS=1 runs a pass in this process, as plain `pytest` does.
"""

import os
import shutil
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ElementTree
from datetime import datetime, timedelta
from datetime import time as clock_time
from zoneinfo import ZoneInfo

NO_TESTS_COLLECTED = 5
OFFICE_TIME_ZONE = ZoneInfo("Asia/Bangkok")
# Far enough that the month and the Buddhist Era year both differ from today's, whatever today is.
CLOCK_MOVED_BY = timedelta(days=400)


REPORTS = tempfile.mkdtemp(prefix="esa-test-reports-")
# What each failed pass reported, printed again at the very end: CI logs are often read from the tail.
FAILED_TESTS: dict[str, list[str]] = {}


def failed_tests(report: str) -> list[str]:
    """`nodeid: first line of the failure` for each failed or erroring test in a JUnit report."""
    try:
        root = ElementTree.parse(report).getroot()
    except (OSError, ElementTree.ParseError):
        return []
    lines = []
    for case in root.iter("testcase"):
        for outcome in ("failure", "error"):
            problem = case.find(outcome)
            if problem is not None:
                message = (problem.get("message") or "").strip().splitlines()
                name = f"{case.get('classname', '')}::{case.get('name', '')}"
                lines.append(f"{name} [{outcome}]: {message[0][:300] if message else ''}")
    return lines


def workers() -> list[str]:
    """pytest-xdist's arguments for a pass: TEST_WORKERS processes, or one per CPU (at most 4)."""
    count = int(os.environ.get("TEST_WORKERS") or min(os.cpu_count() or 1, 4))
    return ["-n", str(count)] if count > 1 else []


def run_pass(title: str, args: list[str], env: dict[str, str], wrapper=()) -> int:
    print(f"\n=== {title} ===", flush=True)
    report = os.path.join(REPORTS, f"pass-{len(os.listdir(REPORTS)) + 1}.xml")
    command = [*wrapper, sys.executable, "-m", "pytest", f"--junitxml={report}", *args]
    started = time.monotonic()
    code = subprocess.call(command, env=env)
    print(f"{title}: {time.monotonic() - started:.0f} s", flush=True)
    if code == NO_TESTS_COLLECTED:
        print(f"{title}: no tests were collected; treating as a failure.", flush=True)
        return 1
    if code:
        FAILED_TESTS[title] = failed_tests(report) or [f"pytest exit status {code}"]
    return code


def moved_clock() -> tuple[datetime, str]:
    """The moved time, and libfaketime's offset from now in seconds (the clock keeps ticking)."""
    today = datetime.now(OFFICE_TIME_ZONE).date()
    moved = datetime.combine(today + CLOCK_MOVED_BY, clock_time(0, 20), OFFICE_TIME_ZONE)
    return moved, f"{round(moved.timestamp() - time.time()):+d}"


def main() -> int:
    base_env = dict(os.environ)
    extra = sys.argv[1:]
    pg_url = base_env.pop("TEST_DATABASE_URL", "")
    failures = []

    parallel = workers()
    if run_pass("SQLite", [*parallel, *extra], base_env):
        failures.append("SQLite")
    standalone_env = {**base_env, "DJANGO_SETTINGS_MODULE": "cms.settings.test_standalone"}
    if run_pass(
        "Pluggable app (no home)",
        ["tests/standalone", "--ds=cms.settings.test_standalone"],
        standalone_env,
    ):
        failures.append("standalone")
    if pg_url:
        pg_env = {**base_env, "TEST_DATABASE_URL": pg_url}
        if run_pass("PostgreSQL", [*parallel, "-m", "not browser", *extra], pg_env):
            failures.append("PostgreSQL")
    elif base_env.get("REQUIRE_POSTGRES") == "1":
        print("REQUIRE_POSTGRES=1 but TEST_DATABASE_URL is not set.", flush=True)
        failures.append("PostgreSQL (missing)")
    else:
        print("\nPostgreSQL pass skipped: set TEST_DATABASE_URL to run it (CI does).", flush=True)

    faketime = shutil.which("faketime")
    if faketime:
        moved, offset = moved_clock()
        title = f"SQLite, clock moved to {moved:%Y-%m-%d %H:%M} (Bangkok), tests in reverse order"
        # The monotonic clock moves with the wall clock: with FAKETIME_DONT_FAKE_MONOTONIC,
        # libfaketime turns Python's time.sleep() into EINVAL.
        clock_env = dict(base_env)
        args = [*parallel, "-m", "not browser", "--reverse-order", *extra]
        if run_pass(title, args, clock_env, wrapper=[faketime, "-f", offset]):
            failures.append("clock moved")
    elif base_env.get("REQUIRE_CLOCK_PASS") == "1":
        print("REQUIRE_CLOCK_PASS=1 but faketime is not installed (apt-get install faketime).")
        failures.append("clock moved (missing faketime)")
    else:
        print("\nMoved-clock pass skipped: install Debian's faketime to run it (CI does).")

    if failures:
        for title, lines in FAILED_TESTS.items():
            print(f"\n--- failed in {title}:", flush=True)
            for line in lines:
                print(f"  {line}", flush=True)
        print(f"\nFAILED passes: {', '.join(failures)}", flush=True)
        return 1
    print("\nAll passes green.", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
