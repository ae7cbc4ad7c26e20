"""Server-side time per request type from gunicorn's access log, to tell work from queueing.

Start the server with the request's duration at the end of each line,
    GUNICORN_CMD_ARGS="--access-logformat '%(h)s \\"%(r)s\\" %(s)s %(b)s %(D)s'" make serve
then  python scripts/loadtest/access_times.py LOG [FIRST_LINE]  prints, per request type, the count
and the median, 95th percentile and maximum time in the worker (ms), and the busy share of the run.
Locust's figures are what a visitor waits: this time plus the wait for a free worker.
"""

import re
import statistics
import sys
from urllib.parse import urlencode

from browser import BROAD_QUERIES

LINE = re.compile(
    r'"(?P<method>[A-Z]+) (?P<path>\S+) HTTP/[\d.]+" (?P<status>\d{3}) \S+ (?P<us>\d+)$'
)
# The locustfile's request names, by path (first match wins).
KINDS = [
    ("admin save draft", r"^POST /admin/snippets/coordination/agency/edit/"),
    ("admin edit form", r"^GET /admin/snippets/coordination/agency/edit/"),
    ("admin history", r"^GET /admin/snippets/coordination/agency/history/"),
    ("admin listing ?p=N", r"^GET /admin/snippets/coordination/agency/"),
    ("admin timeline", r"^GET /admin/coordination/agency/\d+/timeline/"),
    ("admin login", r"^[A-Z]+ /admin/login/"),
    ("admin dashboard", r"^GET /admin/$"),
    ("search suggest", r"^GET /search/suggest"),
    *[
        ("search (broad)", rf"^GET /search/\?{re.escape(urlencode({'q': q}))}$")
        for q in BROAD_QUERIES
    ],
    ("search", r"^GET /search/"),
    ("agency vCard", r"^GET /directory/[^/?]+/vcard\.vcf"),
    ("directory ?q=", r"^GET /directory/\?q="),
    ("directory ?page=N", r"^GET /directory/\?page="),
    ("directory ?filters", r"^GET /directory/\?"),
    ("directory", r"^GET /directory/$"),
    ("agency page", r"^GET /directory/[^/?]+/$"),
    ("api detail", r"^GET /api/v1/agencies/\d+"),
    ("api list", r"^GET /api/v1/agencies"),
    ("home", r"^GET /$"),
    ("news", r"^GET /news/"),
]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main(path: str, first_line: int = 1) -> None:
    times: dict[str, list[float]] = {}
    with open(path, encoding="utf-8", errors="replace") as log:
        for number, line in enumerate(log, start=1):
            match = LINE.search(line.strip()) if number >= first_line else None
            if not match:
                continue
            request = f"{match['method']} {match['path']}"
            kind = next((name for name, pattern in KINDS if re.search(pattern, request)), "other")
            times.setdefault(kind, []).append(int(match["us"]) / 1000)
    every = [value for values in times.values() for value in values]
    print("| request | count | median ms | p95 ms | max ms | share of worker time |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for kind, values in sorted(times.items()):
        print(
            f"| {kind} | {len(values)} | {statistics.median(values):.0f} "
            f"| {percentile(values, 0.95):.0f} | {max(values):.0f} "
            f"| {sum(values) / sum(every):.0%} |"
        )
    print(
        f"| **all** | {len(every)} | {statistics.median(every):.0f} "
        f"| {percentile(every, 0.95):.0f} | {max(every):.0f} | 100% |"
    )
    print(f"\nworker time: {sum(every) / 1000:.0f} s")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 1)
