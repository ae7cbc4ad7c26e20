#!/bin/sh
# `make load`: a bounded, headless locust run against a running server (docs/benchmarks.md,
# "Load test (issue 12)"); exits non-zero if any request failed. Start the server first
# (`make serve`, see there). Settings, with their defaults:
#   LOAD_HOST=http://127.0.0.1:8765  LOAD_USERS=30  LOAD_SPAWN_RATE=5  LOAD_TIME=3m
#   LOAD_OFFICERS=3 (of the users; the rest browse anonymously)
#   LOAD_OFFICER_USERNAME=officer LOAD_OFFICER_PASSWORD=uthai1-demo (seed_demo's officer)
#   LOAD_CSV=test-artifacts/load/run (locust writes run_stats.csv, run_failures.csv ...)
set -u
cd "$(dirname "$0")/../.."
csv="${LOAD_CSV:-test-artifacts/load/run}"
mkdir -p "$(dirname "$csv")"
.venv/bin/locust -f scripts/loadtest/locustfile.py --headless --only-summary \
    --host "${LOAD_HOST:-http://127.0.0.1:8765}" \
    --users "${LOAD_USERS:-30}" --spawn-rate "${LOAD_SPAWN_RATE:-5}" --run-time "${LOAD_TIME:-3m}" \
    --stop-timeout 30 --csv "$csv" --exit-code-on-error 1
status=$?
.venv/bin/python scripts/loadtest/summary.py "$csv" || status=1
exit $status
