"""The search-quality set and its scores: recall@10 and MRR, ours against stock Wagtail.

The set (quality_queries.json) holds realistic queries over the `seed_demo` data with the slugs
of the public agencies a person typing them means. "Stock" is Wagtail's database backend as it
comes: the agency's own text fields indexed as they are, the query passed as typed
(`get_search_backend().search(q, public_agencies())`, i.e. `QuerySet.search`), same backend,
same run.
"""

import json
import statistics
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from wagtail.search import index
from wagtail.search.backends import get_search_backend

from coordination.cards import public_agencies
from coordination.models import Agency
from coordination.search.queries import agency_search

QUALITY_SET = Path(__file__).with_name("quality_queries.json")
K = 10

# Agency.search_fields before Thai search: what stock Wagtail indexes.
STOCK_SEARCH_FIELDS = [
    index.SearchField("name_th", boost=5),
    index.AutocompleteField("name_th"),
    index.SearchField("name_en", boost=3),
    index.AutocompleteField("name_en"),
    index.SearchField("short_name", boost=4),
    index.SearchField("mission"),
    index.SearchField("school_code"),
    index.SearchField("smis_code"),
    index.SearchField("obec_code"),
    index.FilterField("live"),
    index.FilterField("visibility"),
]


@dataclass(frozen=True)
class QualityQuery:
    q: str
    kind: str
    expected: tuple[str, ...]


@dataclass
class QueryResult:
    query: QualityQuery
    found: list[str]
    seconds: float

    @property
    def recall(self) -> float:
        relevant = set(self.query.expected)
        return len(relevant & set(self.found[:K])) / min(len(relevant), K)

    @property
    def reciprocal_rank(self) -> float:
        for rank, slug in enumerate(self.found, start=1):
            if slug in self.query.expected:
                return 1 / rank
        return 0.0


@dataclass
class Scores:
    name: str
    results: list[QueryResult] = field(default_factory=list)

    @property
    def recall_at_10(self) -> float:
        return statistics.fmean(r.recall for r in self.results)

    @property
    def mrr(self) -> float:
        return statistics.fmean(r.reciprocal_rank for r in self.results)

    def misses(self) -> list[QueryResult]:
        return [r for r in self.results if r.recall < 1]


def quality_queries(path: Path = QUALITY_SET) -> list[QualityQuery]:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return [
        QualityQuery(item["q"], item["kind"], tuple(item["expected"])) for item in data["queries"]
    ]


def our_search(q: str) -> list[str]:

    ranked = agency_search(public_agencies(), q, public=True)
    return list(ranked.values_list("slug", flat=True)[:K])


def stock_search(q: str) -> list[str]:

    # What `QuerySet.search(q)` does (Agency's manager has no `search` method of its own).
    results = get_search_backend().search(q, public_agencies())
    return [agency.slug for agency in results[:K]]


def score(name: str, search, queries: list[QualityQuery]) -> Scores:
    scores = Scores(name)
    for query in queries:
        started = time.perf_counter()
        found = search(query.q)
        scores.results.append(QueryResult(query, found, time.perf_counter() - started))
    return scores


def reindex_agencies(*, chunk: int = 500, stdout=None) -> int:
    """Index every agency again (the same as `update_index`, for agencies only)."""

    backend = get_search_backend()
    queryset = Agency.get_indexed_objects().order_by("pk")
    done = 0
    last = 0
    while True:
        batch = list(queryset.filter(pk__gt=last)[:chunk])
        if not batch:
            return done
        backend.add_bulk(Agency, batch)
        done += len(batch)
        last = batch[-1].pk
        if stdout is not None and done % (chunk * 20) == 0:
            stdout.write(f"  indexed {done:,} agencies")


@contextmanager
def stock_index():
    """Index agencies as stock Wagtail would for the duration of the block, then restore ours."""

    ours = Agency.search_fields
    Agency.search_fields = STOCK_SEARCH_FIELDS
    try:
        reindex_agencies()
        yield
    finally:
        Agency.search_fields = ours
        reindex_agencies()


def compare(queries: list[QualityQuery] | None = None) -> tuple[Scores, Scores]:
    """Ours, then stock, on the same backend and data in this run."""
    queries = queries if queries is not None else quality_queries()
    ours = score("ours", our_search, queries)
    with stock_index():
        stock = score("stock", stock_search, queries)
    return ours, stock
