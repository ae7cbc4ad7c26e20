"""Search results in one ranked pass, counted exactly up to a cap.

A broad Thai query ("โรงเรียน", "งานสารบรรณ", a common first name) matches tens of thousands of
agencies at national scale. Counting them all, then ranking them all again for one page of 20,
read the whole index twice per request (issue 13). Here one query returns the primary keys of the
best `cap + 1` matches in rank order: their number is the count when it is at most `cap`, and
"more than `cap`" otherwise; every page of results within the cap is a slice of those keys, and
the rows of one page are then read by primary key. Nobody reads past the first thousand results of
a search; they narrow it (a district, a category, one more word).

On PostgreSQL the pass is planned without sequential scans (`SET LOCAL enable_seqscan = off` in
the same statement). A word in nearly every agency's text ("งานสารบรรณ", a contact's position in
44,000 of 50,000 agencies) makes the planner read the whole search index table rather than its
GIN index: it costs the two the same, not knowing that every row it reads means unpacking a
compressed `body` vector of ~1.6 KB (10–15 µs a row). Read through the GIN index, only the
matching rows' keys are fetched: 350–600 ms became 170–200 ms at 50,000 agencies, and no search
of the quality set got slower at 1,000 or 50,000 (docs/benchmarks.md, "Broad searches").
"""

from dataclasses import dataclass

from django.core.exceptions import EmptyResultSet
from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db import connections
from django.db.models import QuerySet

# Results counted exactly up to this many; beyond it the count reads "มากกว่า 1,000".
SEARCH_COUNT_CAP = 1000


@dataclass(frozen=True)
class RankedIds:
    """The primary keys of the best matches, in rank order: at most `cap + 1` of them."""

    ids: tuple[int, ...]
    cap: int

    @property
    def capped(self) -> bool:
        """More matches than the cap: `total` is a lower bound."""
        return len(self.ids) > self.cap

    @property
    def total(self) -> int:
        """The number of matches, or the cap when there are more."""
        return min(len(self.ids), self.cap)


def ranked_ids(queryset: QuerySet, *, cap: int | None = None) -> RankedIds:
    """The keys of `queryset`'s first `cap + 1` rows in its own order, in one query."""
    cap = SEARCH_COUNT_CAP if cap is None else cap
    keys = queryset.values_list("pk", flat=True)[: cap + 1]
    return RankedIds(ids=tuple(_through_indexes(keys)), cap=cap)


def _through_indexes(keys: QuerySet) -> list:
    """The values of a one-column queryset, planned without sequential scans on PostgreSQL.

    One statement, as Django would run it, between `SET LOCAL` and `RESET`: Django's psycopg
    cursor binds parameters on the client, so the three go to the server as one simple query
    (one implicit transaction outside `atomic()`; inside one, the `RESET` puts the setting back).
    """
    connection = connections[keys.db]
    # With server-side binding (an OPTIONS switch of Django's PostgreSQL backend) each statement
    # is prepared alone and three cannot go together: the pass then runs as Django runs it.
    server_side = connection.settings_dict.get("OPTIONS", {}).get("server_side_binding")
    if connection.vendor != "postgresql" or server_side:
        return list(keys)
    try:
        sql, params = keys.query.sql_with_params()
    except EmptyResultSet:  # a query that can match nothing (`q=-`): Django runs no SQL for it
        return []
    with connection.cursor() as cursor:
        cursor.execute(f"SET LOCAL enable_seqscan = off; {sql}; RESET enable_seqscan", params)
        cursor.nextset()
        return [row[0] for row in cursor.fetchall()]


def ranked_page(found: RankedIds, page_number, size: int) -> PaginatorPage:
    """One page of keys. A page number past the cap (or not a number) gives the last (or the
    first) page, as Django's `Paginator.get_page` does: never an empty page or an error."""
    return Paginator(found.ids[: found.cap], size).get_page(page_number)


def rows_in_order(queryset: QuerySet, ids) -> list:
    """The rows of `queryset` with these keys, in the order of `ids` (one query). Pass a plain
    queryset (the audience's rule and the card's relations), not the search: the keys are
    looked up by primary key, the matching is not done again."""
    ids = list(ids)
    if not ids:
        return []
    position = {pk: index for index, pk in enumerate(ids)}
    return sorted(queryset.filter(pk__in=ids).order_by(), key=lambda row: position[row.pk])
