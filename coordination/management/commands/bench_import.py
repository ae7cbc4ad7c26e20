"""`manage.py bench_import [--rows N] [--updates M] [--keep]`: time the import of a realistic file."""

import time

from django.contrib.auth import get_user_model
from django.core.management.base import CommandError
from django.db import connection, transaction
from django.utils.translation import gettext_lazy

from coordination.demo.import_bench import import_bench_csv
from coordination.management.base import RegistryCommand
from coordination.search.bulk_index import agency_index_many
from coordination.services.agency_import import (
    RowStatus,
    agency_import_apply,
    agency_import_plan,
)


class _RollBack(Exception):
    pass


class Command(RegistryCommand):
    help = gettext_lazy(
        "จับเวลาการนำเข้าไฟล์หน่วยงาน / Times the agency import on the configured database: "
        "makes a CSV of N rows (M of them changes to existing agencies, added with seed_scale "
        "when there are too few), then times the dry run (plan), the apply (drafts submitted "
        "for approval, revisions, log entries, workflow states) and the search indexing, with "
        "their SQL query counts. Everything is rolled back unless --keep is given, so runs "
        "compare."
    )

    def add_arguments(self, parser):
        parser.add_argument("--rows", type=int, default=10_000)
        parser.add_argument("--updates", type=int, default=1_000)
        parser.add_argument("--user", default="officer", help="the importing user (an officer)")
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--keep", action="store_true", help="commit the imported rows")
        parser.add_argument("--save-file", default="", help="also write the CSV to this path")

    def handle(self, *args, **options):
        user = get_user_model().objects.filter(username=options["user"]).first()
        if user is None:
            raise CommandError(f"no user {options['user']!r} (run seed_demo)")
        started = time.perf_counter()
        data = import_bench_csv(
            rows=options["rows"], updates=options["updates"], seed=options["seed"]
        )
        if options["save_file"]:
            with open(options["save_file"], "wb") as file:
                file.write(data)
        self.stdout.write(
            f"file: {options['rows']:,} rows, {len(data) / 1e6:.1f} MB, "
            f"made in {time.perf_counter() - started:.1f} s"
        )
        results = {}
        try:
            with transaction.atomic():
                plan = self._timed(
                    results,
                    "plan (dry run)",
                    lambda: agency_import_plan(data=data, file_name="bench.csv"),
                )
                if plan.has_errors:
                    raise CommandError("; ".join(str(e) for e in plan.errors[:5]))
                self.stdout.write(
                    f"  create {plan.count(RowStatus.CREATE):,}, "
                    f"change {plan.count(RowStatus.CHANGE):,}, "
                    f"unchanged {plan.count(RowStatus.UNCHANGED):,}"
                )
                result = self._timed(
                    results,
                    "apply (submit for approval)",
                    lambda: agency_import_apply(plan=plan, user=user, reason="bench_import"),
                )
                self._timed(results, "search index", lambda: agency_index_many(result.index_ids))
                if not options["keep"]:
                    raise _RollBack
        except _RollBack:
            self.stdout.write("rolled back (--keep to commit)")
        total = sum(seconds for seconds, _queries in results.values())
        self.stdout.write(f"total {total:.1f} s")

    def _timed(self, results, label, work):
        queries = 0

        def count(execute, sql, params, many, context):
            nonlocal queries
            queries += 1
            return execute(sql, params, many, context)

        with connection.execute_wrapper(count):
            started, cpu = time.perf_counter(), time.process_time()
            value = work()
            seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
        results[label] = (seconds, queries)
        # On a shared machine the wall time includes waiting for a core; the CPU time is this
        # process's own (the database server's work is in the wall time only).
        self.stdout.write(f"{label}: {seconds:.1f} s ({cpu:.1f} s CPU), {queries:,} queries")
        return value
