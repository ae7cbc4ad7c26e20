"""`make bench`: query counts and timings of the pages the budgets name, on the configured database.

Run it on national-scale data (`seed_scale --agencies 50000` on PostgreSQL) to check DESIGN.md's
budgets: directory and agency pages ≤ 10 queries, the admin listing ≤ 30, whatever N is, and the
cached anonymous page served fast. Figures are reported, not asserted: tests hold the budgets.
"""

import json
import statistics
import time
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Site

from coordination.cards import public_agencies
from coordination.models import Agency, Contact
from coordination.pages import directory_page_ensure
from coordination.selectors.directory import agency_url, directory_base_url


class Command(BaseCommand):
    help = "วัดจำนวนคำสั่ง SQL และเวลาของหน้าที่มีงบประมาณกำหนด (Measure the budgeted pages.)"

    def add_arguments(self, parser):
        parser.add_argument("--agencies", type=int, default=0, help="top up with seed_scale first")
        parser.add_argument("--runs", type=int, default=15, help="timed requests per page")
        parser.add_argument("--output", default=".bench/bench.json", help="where to write JSON")

    def handle(self, *args, agencies: int, runs: int, output: str, **options):
        missing = agencies - Agency.objects.count()
        if missing > 0:
            call_command("seed_scale", agencies=missing, stdout=self.stdout)
        site = Site.objects.get(is_default_site=True)
        directory_page_ensure(site.root_page)
        base = directory_base_url() or "/directory/"
        agency = public_agencies().order_by("pk").first()
        host = (settings.ALLOWED_HOSTS or ["localhost"])[0].lstrip(".")
        anonymous = Client(HTTP_HOST=host)
        staff = Client(HTTP_HOST=host)
        admin_user = get_user_model().objects.filter(is_superuser=True).first()
        if admin_user is None:
            admin_user = get_user_model().objects.create_superuser("bench", password=None)
        staff.force_login(admin_user)
        pages = [
            ("directory listing", anonymous, base),
            ("directory, filtered", anonymous, f"{base}?scope=external&page=2"),
            ("directory, by district", anonymous, f"{base}?group=district"),
            ("directory, deep page", anonymous, f"{base}?page=1000"),
            ("agency page", anonymous, agency_url(base, agency.slug) if agency else base),
            ("API list", anonymous, "/api/v1/agencies?size=20"),
            ("admin agency listing", staff, reverse("wagtailsnippets_coordination_agency:list")),
            (
                "admin listing, name Z–A",
                staff,
                reverse("wagtailsnippets_coordination_agency:list") + "?ordering=-name_sort",
            ),
        ]
        self.stdout.write(
            f"{Agency.objects.count():,} agencies, {Contact.objects.count():,} contacts, "
            f"database {connection.vendor}\n"
        )
        results = []
        with override_settings(COORDINATION_PAGE_CACHE_ENABLED=False):
            for name, client, url in pages:
                results.append({"page": name, "url": url, **self._measure(client, url, runs)})
        cache.clear()
        cached = self._measure(anonymous, base, runs, count_queries=False)
        static = self._measure(anonymous, settings.STATIC_URL + "css/site.css", runs, False)
        results.append({"page": "directory listing, cached", "url": base, **cached})
        self._report(results, static)
        path = Path(output)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(results, ensure_ascii=False, indent=2), encoding="utf-8")
        self.stdout.write(f"\nwritten to {path}")

    def _measure(self, client, url: str, runs: int, count_queries: bool = True) -> dict:
        response = client.get(url)  # warm up
        if response.status_code != 200:
            return {"status": response.status_code}
        queries = None
        if count_queries:
            with CaptureQueriesContext(connection) as captured:
                client.get(url)
            queries = len(captured)
        timings = []
        for _ in range(runs):
            start = time.perf_counter()
            client.get(url)
            timings.append((time.perf_counter() - start) * 1000)
        return {
            "status": 200,
            "queries": queries,
            "p50_ms": round(statistics.median(timings), 1),
            "p95_ms": round(sorted(timings)[int(len(timings) * 0.95) - 1], 1),
        }

    def _report(self, results, static) -> None:
        self.stdout.write(f"{'page':28} {'queries':>8} {'p50 ms':>8} {'p95 ms':>8}")
        for row in results:
            if row.get("status") != 200:
                self.stdout.write(f"{row['page']:28} HTTP {row.get('status')}")
                continue
            queries = "—" if row["queries"] is None else row["queries"]
            self.stdout.write(
                f"{row['page']:28} {queries!s:>8} {row['p50_ms']:>8} {row['p95_ms']:>8}"
            )
        self.stdout.write(
            f"{'static file (reference)':28} {'—':>8} {static.get('p50_ms', '—')!s:>8} "
            f"{static.get('p95_ms', '—')!s:>8}"
        )
