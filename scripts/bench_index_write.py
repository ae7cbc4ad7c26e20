"""One agency indexed at the configured database's scale, by modelsearch's own PostgreSQL backend
and by coordination.search.backend, each three times in rolled-back transactions (docs/benchmarks.md,
"One index write at 50,000 agencies").

    DATABASE_URL=postgres://.../esa_load .venv/bin/python scripts/bench_index_write.py
"""

import os
import sys
import time
from pathlib import Path


def main() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")
    import django

    django.setup()
    from django.db import connection, transaction
    from django.test.utils import CaptureQueriesContext
    from modelsearch.backends.database.postgres.postgres import IndexEntry, PostgresSearchBackend
    from wagtail.search.backends import get_search_backend

    from coordination.models import Agency

    print(f"index entries: {IndexEntry.objects.count():,}")
    agency = Agency.get_indexed_objects().filter(live=True).order_by("pk").first()
    for label, backend in (
        ("modelsearch's own", PostgresSearchBackend({})),
        ("coordination.search.backend", get_search_backend()),
    ):
        times = []
        for _ in range(3):
            with transaction.atomic(), CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                backend.add(agency)
                times.append(time.perf_counter() - started)
                transaction.set_rollback(True)
        sql_ms = sum(float(query["time"]) for query in queries.captured_queries) * 1000
        print(
            f"{label}: {len(queries.captured_queries)} queries, {sql_ms:.1f} ms of SQL (last run),"
            f" {min(times) * 1000:.1f} ms wall (best of 3)"
        )


if __name__ == "__main__":
    main()
