"""Run the whole suite the way `make test` promises.

Pass 1: everything on SQLite (browser tests included).
Pass 2: the `coordination` app in a Wagtail site without `home` (pluggability).
Pass 3: everything but the browser tests on PostgreSQL, when TEST_DATABASE_URL names one.
        With REQUIRE_POSTGRES=1 (set by .ci/run) a missing PostgreSQL is a failure.

A pass that collects no test (pytest exit code 5) fails, so an empty run can never look green.
"""

import os
import subprocess
import sys

NO_TESTS_COLLECTED = 5


def run_pass(title: str, args: list[str], env: dict[str, str]) -> int:
    print(f"\n=== {title} ===", flush=True)
    code = subprocess.call([sys.executable, "-m", "pytest", *args], env=env)
    if code == NO_TESTS_COLLECTED:
        print(f"{title}: no tests were collected; treating as a failure.", flush=True)
        return 1
    return code


def main() -> int:
    base_env = dict(os.environ)
    extra = sys.argv[1:]
    pg_url = base_env.pop("TEST_DATABASE_URL", "")
    failures = []

    if run_pass("SQLite", [*extra], base_env):
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
        if run_pass("PostgreSQL", ["-m", "not browser", *extra], pg_env):
            failures.append("PostgreSQL")
    elif base_env.get("REQUIRE_POSTGRES") == "1":
        print("REQUIRE_POSTGRES=1 but TEST_DATABASE_URL is not set.", flush=True)
        failures.append("PostgreSQL (missing)")
    else:
        print("\nPostgreSQL pass skipped: set TEST_DATABASE_URL to run it (CI does).", flush=True)

    if failures:
        print(f"\nFAILED passes: {', '.join(failures)}", flush=True)
        return 1
    print("\nAll passes green.", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
