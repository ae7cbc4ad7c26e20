"""Ranked keys of broad searches, kept in the shared cache until an agency changes.

A broad query ("โรงเรียน", "งานสารบรรณ") costs its one ranked pass (coordination.search.capped)
a few hundred milliseconds at national scale, and it is asked again and again (the next page, the
next visitor). Its ranked keys (at most `SEARCH_COUNT_CAP + 1` integers, a few KB) are kept, keyed
by the generation counter below and by the SQL of the pass itself (query words, filters and the
audience's rule are all in it, so two searches share an entry only when they are the same search).
Narrow searches are cheap and are not kept (CACHE_FROM).

Purged (a new generation) when an agency is published, unpublished or deleted, when its index
entry is written (with a task queue the index changes after the publish) and after a bulk index:
the same shared cache and generation helpers as the page cache and the sitemap.
"""

import hashlib
import uuid

from django.core.exceptions import EmptyResultSet
from django.db.models import QuerySet
from django.db.models.signals import post_delete, post_save
from wagtail.signals import published, unpublished

from coordination.cache import shared_cache, shared_generation
from coordination.models import Agency, AgencyCategory
from coordination.search import capped
from coordination.search.capped import RankedIds, ranked_ids
from coordination.search.indexing import agencies_indexed

GENERATION_KEY = "coordination:search-results:generation"
KEY_PREFIX = "coordination:search-results"
# Searches with fewer results than this are not kept: their pass is cheap.
CACHE_FROM = 200
# Kept at most this long even if no signal says so (a raw SQL change).
CACHE_SECONDS = 30 * 60


def _key(queryset: QuerySet, cap: int) -> str:
    sql, params = queryset.values_list("pk", flat=True)[: cap + 1].query.sql_with_params()
    digest = hashlib.sha256(repr((sql, params)).encode("utf-8")).hexdigest()
    return f"{KEY_PREFIX}:{shared_generation(GENERATION_KEY)}:{digest}"


def cached_ranked_ids(queryset: QuerySet, *, cap: int | None = None) -> RankedIds:
    """`ranked_ids(queryset)`, from the cache when the same search was made since the last
    change; stored when it found at least CACHE_FROM results."""
    cap = capped.SEARCH_COUNT_CAP if cap is None else cap
    try:
        key = _key(queryset, cap)
    except EmptyResultSet:  # a query that can match nothing (`q=-`): Django runs no SQL for it
        return ranked_ids(queryset, cap=cap)
    cache = shared_cache()
    stored = cache.get(key)
    if stored is not None:
        return RankedIds(ids=tuple(stored), cap=cap)
    found = ranked_ids(queryset, cap=cap)
    if len(found.ids) >= CACHE_FROM:
        cache.set(key, found.ids, CACHE_SECONDS)
    return found


def search_results_purge(*args, **kwargs) -> None:
    """Every kept search is stale from now on (a signal receiver as it is)."""
    shared_cache().set(GENERATION_KEY, uuid.uuid4().hex, timeout=None)


def _on_published(sender, instance=None, **kwargs):
    if isinstance(instance, Agency):
        search_results_purge()


def connect_signals() -> None:
    """Called from the app config's ready()."""
    agencies_indexed.connect(
        search_results_purge, dispatch_uid="coordination_search_results_indexed"
    )
    published.connect(_on_published, dispatch_uid="coordination_search_results_published")
    unpublished.connect(_on_published, dispatch_uid="coordination_search_results_unpublished")
    post_delete.connect(
        search_results_purge, sender=Agency, dispatch_uid="coordination_search_results_deleted"
    )
    # Category names are in the indexed text of every agency of the category.
    post_save.connect(
        search_results_purge,
        sender=AgencyCategory,
        dispatch_uid="coordination_search_results_category",
    )
