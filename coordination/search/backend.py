"""The search backend: Wagtail's database backend, with one cost taken out on PostgreSQL.

modelsearch's PostgreSQL index keeps, per entry, a title length norm (the average title length
over the entry's own: a long title weighs less in the ranking). After *every* write it
recomputes the average over the whole index table and then looks for the entries still at the
default norm 1.0 with a scan of the whole table too: at 50,000 agencies that was 287 of the 345
ms of SQL of one publish. Here a write sets the norm of the entries it wrote only, found by the
table's unique key. The average is worked out exactly while the table is small (under
EXACT_AVERAGE_BELOW entries by PostgreSQL's own estimate: a scan of a few thousand rows is
cheap); past that it is kept in the cache for a day and worked out again by a full rebuild. One
agency more or less among thousands moves the average by a fraction of a percent, so the
ranking is the same.

    WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "coordination.search.backend"}}

Other databases get modelsearch's own backend, unchanged.
"""

from django.core.cache import cache
from django.db import connection
from django.db.models import Avg
from django.db.models.functions import Length
from modelsearch.backends.database import SearchBackend as _database_backend
from modelsearch.backends.database.postgres.postgres import (
    IndexEntry,
    PostgresIndex,
    PostgresSearchBackend,
)
from modelsearch.utils import get_content_type_pk

# Below this many index entries (pg_class.reltuples) the average is recomputed at each write.
EXACT_AVERAGE_BELOW = 5_000
AVERAGE_TITLE_LENGTH_KEY = "coordination:search:title-length-average"
# Worked out again at least this often (seconds), whatever happens.
AVERAGE_TITLE_LENGTH_SECONDS = 24 * 60 * 60


class ScopedTitleNormIndex(PostgresIndex):
    def _estimated_entries(self) -> float:
        with self.read_connection.cursor() as cursor:
            cursor.execute(
                "SELECT reltuples FROM pg_class WHERE oid = %s::regclass",
                [IndexEntry._meta.db_table],
            )
            row = cursor.fetchone()
        # -1 (never analysed) or missing: treat as small.
        return row[0] if row else -1

    def average_title_length(self, *, fresh: bool = False) -> float | None:
        """The average title length (in lexemes) of the entries that have a title; None when
        none has one (agencies index their names elsewhere: only pages have titles)."""
        if not fresh and self._estimated_entries() < EXACT_AVERAGE_BELOW:
            fresh = True
        stored = None if fresh else cache.get(AVERAGE_TITLE_LENGTH_KEY)
        if stored is None:
            average = (
                self.entries.annotate(title_length=Length("title"))
                .filter(title_length__gt=0)
                .aggregate(Avg("title_length"))["title_length__avg"]
            )
            stored = (average,)  # a tuple, so that "no title anywhere" is kept too
            cache.set(AVERAGE_TITLE_LENGTH_KEY, stored, AVERAGE_TITLE_LENGTH_SECONDS)
        return stored[0]

    def add_items(self, model, objs):
        objs = list(objs)
        self._written = (get_content_type_pk(model), [str(obj.pk) for obj in objs])
        try:
            super().add_items(model, objs)
        finally:
            self._written = None

    def refresh_title_norms_of(self, content_type_pk: int, object_ids: list[str]) -> None:
        """Set the norm of the entries of these objects only (the unique key finds them)."""
        average = self.average_title_length()
        if average is None or not object_ids:
            return
        with self.write_connection.cursor() as cursor:
            cursor.execute(
                f"""
                UPDATE {IndexEntry._meta.db_table}
                   SET title_norm = %s / length(title)
                 WHERE content_type_id = %s AND object_id = ANY(%s) AND length(title) > 0
                """,
                [average, content_type_pk, object_ids],
            )

    def _refresh_title_norms(self, full=False):
        written = getattr(self, "_written", None)
        if full or written is None:
            # A rebuild (or a caller we do not know): modelsearch's own, then a fresh average.
            super()._refresh_title_norms(full=full)
            self.average_title_length(fresh=True)
            return
        self.refresh_title_norms_of(*written)


class ScopedTitleNormPostgresBackend(PostgresSearchBackend):
    index_class = ScopedTitleNormIndex


def SearchBackend(params):
    if connection.vendor == "postgresql":
        return ScopedTitleNormPostgresBackend(params)
    return _database_backend(params)
