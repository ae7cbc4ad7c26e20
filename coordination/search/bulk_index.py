"""Indexing many agencies at once: after an import (`agency_index_many()`), and the whole
registry again (`agency_index_rebuild()`, `manage.py rebuild_agency_index`).

The import writes its agencies in bulk, without a save signal per agency; this indexes them
afterwards, a chunk at a time, with each chunk's entries written in one statement. On
PostgreSQL the statement is built here rather than by modelsearch's `add_items()`, which
compiles three Django expressions per agency (longer than segmenting the agencies' text); the
fields, texts and weights are still modelsearch's own (its ObjectIndexer), and the rows the
same (tests/coordination/test_import_speed.py). This module is apart from `indexing` because
modelsearch's PostgreSQL backend can only be imported once the models are loaded, and the
models import `indexing`.
"""

from collections.abc import Callable

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField
from django.db.models.functions import Cast
from modelsearch.backends.database.postgres.postgres import (
    IndexEntry,
    ObjectIndexer,
    PostgresIndex,
)
from modelsearch.utils import get_content_type_pk
from wagtail.search import index as wagtail_index
from wagtail.search.backends import get_search_backends_with_name
from wagtail.search.models import IndexEntry as AnyIndexEntry

from coordination.models import Agency
from coordination.search.backend import ScopedTitleNormIndex
from coordination.search.indexing import agencies_indexed
from coordination.search.segmenter import segmenter_add_names

# Agencies indexed per bulk write.
INDEX_CHUNK = 500
# The method `_postgres_add_items()` stands in for, as this modelsearch version has it.
_ADD_ITEMS = PostgresIndex.add_items


class _Vector:
    """What modelsearch's ObjectIndexer would turn into a SearchVector expression: its texts
    and weights, kept as they are (`_Indexer`)."""

    def __init__(self, texts, config):
        self.texts = [(text.strip(), weight) for text, weight in texts]
        self.texts = [(text, weight) for text, weight in self.texts if text]
        self.config = config

    def sql(self) -> tuple[str, list]:
        """The SQL Django compiles for modelsearch's vector: `setweight(to_tsvector(...))`
        joined by `||`, or the empty vector."""
        if not self.texts:
            return "to_tsvector(COALESCE(%s, %s))", ["", ""]
        config = "%s::regconfig, " if self.config else ""
        sql, params = "", []
        for text, weight in self.texts:
            part = f"setweight(to_tsvector({config}COALESCE(%s, %s)), %s)"
            params += [*([self.config] if self.config else []), text, "", weight]
            sql = f"({sql} || {part})" if sql else part
        return sql, params


class _Indexer(ObjectIndexer):
    """modelsearch's indexer of one object (which fields, their texts and weights), with the
    vectors left as `_Vector`s rather than Django expressions."""

    def as_vector(self, texts, for_autocomplete=False):
        return _Vector(texts, self.autocomplete_config if for_autocomplete else self.config)


def _postgres_add_items(index: PostgresIndex, model, objects) -> None:
    """`index.add_items(model, objects)` (modelsearch's PostgreSQL index), writing the same rows
    without compiling three Django expressions per object: at 10,000 agencies the compilation
    took longer than segmenting their text. tests/coordination/test_import_speed.py compares
    the entries both write."""
    if not model.get_search_fields() or not objects:
        return
    content_type_pk = get_content_type_pk(model)
    rows, params = [], []
    for obj in objects:
        indexer = _Indexer(obj, index.backend)
        row = ["%s", "%s"]
        params += [content_type_pk, indexer.id]
        for vector in (indexer.title, indexer.autocomplete, indexer.body):
            sql, vector_params = vector.sql()
            row.append(sql)
            params += vector_params
        row += ["1.0", "%s", "%s"]
        params += [indexer.title_text, indexer.body_text]
        rows.append(f"({', '.join(row)})")
    with index.write_connection.cursor() as cursor:
        cursor.execute(
            f"""
            INSERT INTO {IndexEntry._meta.db_table} (content_type_id, object_id, title,
                autocomplete, body, title_norm, title_text, body_text)
            (VALUES {", ".join(rows)})
            ON CONFLICT (content_type_id, object_id)
            DO UPDATE SET title = EXCLUDED.title,
                          title_norm = 1.0,
                          autocomplete = EXCLUDED.autocomplete,
                          body = EXCLUDED.body,
                          title_text = EXCLUDED.title_text,
                          body_text = EXCLUDED.body_text
            """,
            params,
        )
    if isinstance(index, ScopedTitleNormIndex):
        index.refresh_title_norms_of(content_type_pk, [str(obj.pk) for obj in objects])
    else:
        index._refresh_title_norms()


def agency_index_many(pks) -> None:
    """Index many agencies at once (after an import), a bulk write per chunk of agencies.

    The import writes in bulk too, so its saves don't index one agency at a time."""
    pks = list(pks)
    for start in range(0, len(pks), INDEX_CHUNK):
        agencies = list(
            Agency.get_indexed_objects().filter(pk__in=pks[start : start + INDEX_CHUNK])
        )
        # One addition for the chunk: each addition of new words empties the segmenter's caches.
        segmenter_add_names(*(name for a in agencies for name in (a.name_th, a.short_name)))
        for _name, backend in get_search_backends_with_name(with_auto_update=True):
            index = backend.get_index_for_model(Agency)
            if isinstance(index, ScopedTitleNormIndex) or (
                isinstance(index, PostgresIndex) and type(index).add_items is _ADD_ITEMS
            ):
                _postgres_add_items(index, Agency, agencies)
            else:
                backend.add_bulk(Agency, agencies)
    agencies_indexed.send(sender=Agency, pks=pks)


def agency_index_rebuild(*, progress: Callable[[int, int], None] | None = None) -> int:
    """Index every agency again, `INDEX_CHUNK` at a time, and drop the entries of agencies gone.

    The chunks follow the primary key (no OFFSET, so the last chunk costs what the first does),
    each written in one statement; `progress(done, total)` after each. The title-length average
    is worked out afresh at the end, once. Returns the number of agencies indexed.
    """
    total = Agency.objects.count()
    keys = Agency.objects.order_by("pk").values_list("pk", flat=True)
    done, last = 0, 0
    while chunk := list(keys.filter(pk__gt=last)[:INDEX_CHUNK]):
        agency_index_many(chunk)
        done, last = done + len(chunk), chunk[-1]
        if progress:
            progress(done, total)
    _drop_entries_of_agencies_gone()
    for _name, backend in get_search_backends_with_name(with_auto_update=True):
        index = backend.get_index_for_model(Agency)
        if isinstance(index, ScopedTitleNormIndex):
            index._refresh_title_norms(full=True)
    return done


def _drop_entries_of_agencies_gone() -> None:
    existing = Agency.objects.annotate(key=Cast("pk", CharField())).values("key")
    gone = (
        AnyIndexEntry.objects.filter(content_type=ContentType.objects.get_for_model(Agency))
        .exclude(object_id__in=existing)
        .values_list("object_id", flat=True)
    )
    for object_id in list(gone):
        wagtail_index.remove_object(Agency(pk=int(object_id)))
