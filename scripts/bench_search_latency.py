"""Search latency as a visitor meets it: every query of the search-quality set plus the broad ones
of issue 13, through Django's test client, on the configured database (docs/benchmarks.md,
"Broad searches (issue 13)").

    DATABASE_URL=postgres://.../esa_load .venv/bin/python scripts/bench_search_latency.py
    ... scripts/bench_search_latency.py --surface search --surface api --warm

Surfaces: `search` (/search/?q=, the overview of agencies, news and pages), `directory`
(the directory page's ?q=) and `api` (/api/v1/agencies?q=). Each query is asked once per surface
with an empty cache ("cold": what the first visitor of a query waits, the cache emptied before each
surface); `--warm` asks them all a second time (what the search-results cache gives the next
visitors). The page cache is off, so
the directory is timed rendering, not served from a stored copy. Prints p50/p95/max per surface,
the number of SQL queries and the slowest queries.
"""

import argparse
import gc
import os
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

# Issue 13's broad queries: a duty, first names, a kind of agency, a word of many group names.
BROAD_QUERIES = ["งานสารบรรณ", "สมชาย", "สมศรี", "ประเสริฐ", "โรงเรียน", "อำนวยการ", "ใจดี"]
SURFACES = ("search", "directory", "api")


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, round(share * len(ordered)) - 1)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--surface", action="append", choices=SURFACES, help="repeatable")
    parser.add_argument("--warm", action="store_true", help="time a second, cached pass too")
    parser.add_argument("--broad-only", action="store_true", help="only the broad queries")
    args = parser.parse_args()
    surfaces = args.surface or list(SURFACES)

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")
    import django

    django.setup()
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, override_settings

    from coordination.models import Agency
    from coordination.search.quality import quality_queries
    from coordination.search.segmenter import segmenter_warm
    from coordination.selectors.directory import directory_base_url

    queries = list(BROAD_QUERIES)
    if not args.broad_only:
        queries += [query.q for query in quality_queries() if query.q not in queries]
    directory = directory_base_url() or "/directory/"
    paths = {
        "search": "/search/?",
        "directory": f"{directory}?",
        "api": "/api/v1/agencies?",
    }
    print(
        f"database: {connection.vendor} {connection.settings_dict['NAME']}, "
        f"{Agency.objects.count():,} agencies, {len(queries)} queries "
        f"({len(BROAD_QUERIES)} broad)"
    )
    # As gunicorn.conf.py does in each worker: the dictionaries are built once per process (not a
    # search's cost), then frozen out of the garbage collector's full collections.
    segmenter_warm()
    gc.freeze()
    client = Client(HTTP_HOST="localhost")
    passes = ["cold", "warm"] if args.warm else ["cold"]
    with override_settings(COORDINATION_PAGE_CACHE_ENABLED=False, COORDINATION_API_RATE_LIMIT=0):
        for surface in surfaces:
            for label in passes:
                if label == "cold":
                    # The API and the directory run the same search: each starts empty. Then one
                    # request refills what every page keeps (filter choices, header and footer).
                    cache.clear()
                    client.get(paths[surface] + urlencode({"q": "อุทัยธานี"}))
                timed = []
                for q in queries:
                    url = paths[surface] + urlencode({"q": q})
                    connection.queries_log.clear()  # it keeps 9,000: counts would wrap
                    with CaptureQueriesContext(connection) as captured:
                        started = time.perf_counter()
                        response = client.get(url)
                        elapsed = (time.perf_counter() - started) * 1000
                    if response.status_code != 200:
                        print(f"  {surface} {q!r}: HTTP {response.status_code}")
                    sql_ms = sum(float(each["time"]) for each in captured.captured_queries) * 1000
                    timed.append((elapsed, len(captured.captured_queries), sql_ms, q))
                report(label, surface, timed)


def report(label: str, surface: str, timed: list[tuple[float, int, float, str]]) -> None:
    ms = [t[0] for t in timed]
    sql = [t[2] for t in timed]
    counts = [t[1] for t in timed]
    broad = [t[0] for t in timed if t[3] in BROAD_QUERIES]
    print(
        f"{label:5} {surface:10} p50 {statistics.median(ms):6.1f} ms  "
        f"p95 {percentile(ms, 0.95):6.1f} ms  max {max(ms):6.1f} ms  "
        f"broad max {max(broad):6.1f} ms | SQL p50 {statistics.median(sql):5.1f} ms  "
        f"p95 {percentile(sql, 0.95):5.1f} ms  max {max(sql):6.1f} ms, "
        f"{min(counts)}–{max(counts)} queries"
    )
    slowest = sorted(timed, reverse=True)[:5]
    print(
        "      slowest: "
        + ", ".join(f"{q!r} {t:.0f} ms ({s:.0f} SQL, {n}q)" for t, n, s, q in slowest)
    )


if __name__ == "__main__":
    main()
