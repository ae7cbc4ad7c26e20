"""`make bench` runs end to end and reports every budgeted page."""

import json
from io import StringIO

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def test_bench_reports_queries_for_every_budgeted_page(tmp_path, superuser):
    output = tmp_path / "bench.json"
    out = StringIO()
    call_command("bench", agencies=30, runs=2, output=str(output), stdout=out)
    rows = {row["page"]: row for row in json.loads(output.read_text(encoding="utf-8"))}
    assert {row["status"] for row in rows.values()} == {200}
    assert rows["directory listing"]["queries"] <= 10
    assert rows["agency page"]["queries"] <= 10
    assert rows["admin agency listing"]["queries"] <= 30
    assert "directory listing, cached" in out.getvalue()
