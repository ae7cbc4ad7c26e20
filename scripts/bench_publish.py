"""One publish through the admin's editor at the configured database's scale: its SQL (queries,
ms) and how many times it writes the agency's search index entry (docs/benchmarks.md, "Search
indexing (issue 13)"). It commits: run it on a copy of the database.

    DATABASE_URL=postgres://.../esa_tasks_50k .venv/bin/python scripts/bench_publish.py [ROUNDS]

Each round renames the same live agency and publishes it (superuser "bench-publisher", made if
missing). With TASKS_BACKEND=database the request only queues the index task; the script then
runs it as `db_worker` would and reports that SQL apart. SLOWEST=N lists each round's N slowest
queries.
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
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse
    from wagtail.search import index

    from coordination.models import Agency
    from tests.coordination.admin_forms import editor_form_data

    settings.ALLOWED_HOSTS = ["testserver"]
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    user, _ = get_user_model().objects.get_or_create(
        username="bench-publisher", defaults={"is_superuser": True, "is_staff": True}
    )
    client = Client()
    client.force_login(user)
    agency = Agency.objects.filter(live=True).order_by("pk").first()
    url = reverse("wagtailsnippets_coordination_agency:edit", args=[agency.pk])
    writes = []
    original = index.insert_or_update_object

    def counted(obj):
        writes.append(obj.pk)
        return original(obj)

    index.insert_or_update_object = counted
    backend = getattr(settings, "TASKS", {}).get("default", {}).get("BACKEND", "(default)")
    print(f"agencies: {Agency.objects.count():,}; tasks: {backend}")
    for n in range(rounds):
        name = agency.name_th.split(" (")[0] + f" ({n % 2})"
        data = editor_form_data(client, url, name_th=name, **{"action-publish": "publish"})
        writes.clear()
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            response = client.post(url, data)
            wall = time.perf_counter() - started
        assert response.status_code == 302, response.status_code
        sql_ms = sum(float(q["time"]) for q in queries.captured_queries) * 1000
        line = (
            f"round {n + 1}: {len(queries.captured_queries)} queries, {sql_ms:.1f} ms SQL, "
            f"{wall * 1000:.0f} ms wall, {len(writes)} index write(s) in the request"
        )
        if os.environ.get("SLOWEST"):
            slowest = sorted(queries.captured_queries, key=lambda q: -float(q["time"]))
            for query in slowest[: int(os.environ["SLOWEST"])]:
                print(
                    f"    {float(query['time']) * 1000:6.1f} ms  {query['sql'][:60]} … {query['sql'][-200:]}"
                )
        if "django_tasks_db" in backend:
            line += "; " + run_queued(connection, CaptureQueriesContext, writes)
        print(line)


def run_queued(connection, capture, writes) -> str:
    """Run the queued tasks as `manage.py db_worker --batch` does; their SQL and index writes."""
    from django_tasks_db.management.commands.db_worker import Worker

    writes.clear()
    worker = Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="bench-publish",
        excluded_queue_names=[],
    )
    with capture(connection) as queries:
        worker.run()
    sql_ms = sum(float(q["time"]) for q in queries.captured_queries) * 1000
    return f"worker: {len(queries.captured_queries)} queries, {sql_ms:.1f} ms SQL, {len(writes)} write(s)"


if __name__ == "__main__":
    main()
