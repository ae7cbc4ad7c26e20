"""Whole-page cache for anonymous visitors, purged when what a page shows changes.

An entry is keyed by scheme, host, language, path and the page's known query parameters, and
stamped with two generations: the site-wide one and the one of the Wagtail page that answered (a
directory page answers for all its routes: listing, agency pages, vCards). Purging a page bumps
its generation, so every URL it serves goes stale at once without enumerating query strings;
lookups need no database query.

Only routes that can be stored pay a lookup: Wagtail's page serving and the views marked with
`page_cache_route` (an agency's vCard). The API, search, admin, documents, the health check and
anything else never touch the cache. A query parameter that no page type declares in
`page_cache_query_parameters` (``utm_source``, ``fbclid``, a random cache-buster) bypasses the
cache: such a request is neither looked up nor stored, so junk cannot fill the cache.

Never cached: logged-in visitors (any session cookie), previews, pending messages, responses that
set cookies or say private/no-store, anything but a 200 from a Wagtail page, and pages under a
view restriction (login, password or groups, on the page or an ancestor).

Entries are (page, generations, status, headers, zlib-compressed body), not pickled responses.
Each process keeps the entries it served last in a small LRU layer (`LocalEntries`, bounded in
count and bytes), checked against the shared generations: one MGET of two short values instead of
fetching and unpickling a whole response, and at most once per COORDINATION_PAGE_CACHE_CHECK_SECONDS
(0.5 s) per page, because on a busy machine even that round trip costs what serving the page does.
A purge by this process reaches its copies at once; a purge by another process within that time.

How many entries there can be: per page, the product of the values its known parameters take
(the directory: pages × scope × category × district × ...; free text `q` is the open one). The
per-process layer is capped (COORDINATION_PAGE_CACHE_LOCAL_ENTRIES and ..._LOCAL_BYTES); the
shared cache holds each entry for at most COORDINATION_PAGE_CACHE_TIMEOUT and, compressed, an
entry takes about a fifth of its HTML (7 KB for the 36 KB directory); Redis itself is run with
`maxmemory` and an LRU eviction policy (docs/deploy.md), which bounds the rest.

Purges (wired in `connect_signals()`, called from the app config):
* an agency is published, unpublished or deleted → the pages that reference it (Wagtail's
  reference index: agency choosers in StreamFields, foreign keys of page inlines), every directory
  page, and every page whose StreamField holds a DirectoryBlock (filters name no single agency);
* a page is published, unpublished or deleted → the page, its ancestors (news lists, home page)
  and the pages that reference it; everything when it is shown in menus or moves;
* a view restriction is added, changed or removed → the page and all its descendants;
* a site setting is saved → everything (header and footer are on every page).
Each purge happens at once and again when the transaction commits, so that a page rendered from
the data of before the commit cannot be kept.

With several processes the cache must be shared (Redis, settings `REDIS_URL`); a per-process
memory cache only purges the process that published.
"""

import hashlib
import threading
import time
import uuid
import zlib
from collections import OrderedDict
from collections.abc import Iterable
from functools import lru_cache, partial

from django.conf import settings
from django.core.cache import caches
from django.core.signals import setting_changed
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from django.http import HttpResponse
from django.urls import Resolver404, resolve
from django.utils.cache import cc_delim_re
from django.utils.translation import get_language
from wagtail import views as wagtail_views
from wagtail.blocks import ListBlock, StreamBlock, StructBlock
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.fields import StreamField
from wagtail.models import Page, PageViewRestriction, ReferenceIndex, get_page_models
from wagtail.signals import (
    page_published,
    page_unpublished,
    post_page_move,
    published,
    unpublished,
)

from coordination.models import Agency, AgencyCategory
from coordination.selectors.directory import directory_options_forget
from coordination.services.review import agencies_verified

KEY_PREFIX = "coordination:pagecache"
GLOBAL_GENERATION_KEY = f"{KEY_PREFIX}:gen:site"
LISTING_PAGES_KEY = f"{KEY_PREFIX}:listing-pages"
UNCACHEABLE_DIRECTIVES = {"private", "no-store", "no-cache"}
# Past this many pages under a changed view restriction, purging everything is cheaper.
RESTRICTION_PURGE_ALL_FROM = 200
# What lists agencies by filter; set by connect_signals() (the app config).
_listing_page_models: tuple[type, ...] = ()
_listing_blocks: tuple[type, ...] = ()


# Settings ------------------------------------------------------------------------------------


def page_cache_enabled() -> bool:
    return getattr(settings, "COORDINATION_PAGE_CACHE_ENABLED", True)


def _timeout() -> int:
    # Time-dependent content (a contact's term ending) is at most this old.
    return getattr(settings, "COORDINATION_PAGE_CACHE_TIMEOUT", 3600)


def shared_cache():
    """The cache that holds the stored pages and the generation counters (shared by workers)."""
    return caches[getattr(settings, "COORDINATION_PAGE_CACHE_ALIAS", "default")]


_cache = shared_cache


def _page_generation_key(page_id: int) -> str:
    return f"{KEY_PREFIX}:gen:page:{page_id}"


# Which requests may be cached ----------------------------------------------------------------


def page_cache_route(view):
    """Mark a view that answers for a Wagtail page (it stamps the page through Wagtail's
    `before_serve_page` hooks), so that the middleware looks its URLs up."""
    view.page_cache_route = True
    return view


@lru_cache(maxsize=1024)
def _route_is_cacheable(path_info: str) -> bool:
    try:
        view = resolve(path_info).func
    except Resolver404:
        return False
    return view is wagtail_views.serve or getattr(view, "page_cache_route", False)


def _forget_routes(*, setting, **kwargs):
    if setting == "ROOT_URLCONF":
        _route_is_cacheable.cache_clear()


setting_changed.connect(_forget_routes, dispatch_uid="coordination_cache_routes")


def page_query_parameters(page_class) -> frozenset[str]:
    """The query parameters a page type reads (`page_cache_query_parameters`); others are
    junk to it (tracking tags, cache-busters)."""
    return frozenset(getattr(page_class, "page_cache_query_parameters", ()))


@lru_cache(maxsize=1)
def known_query_parameters() -> frozenset[str]:
    """Every query parameter some page type reads: a request with any other is not looked up."""
    known: frozenset[str] = frozenset()
    for model in get_page_models():
        known |= page_query_parameters(model)
    return known


def request_is_cacheable(request) -> bool:
    """An anonymous GET/HEAD without session or messages, outside previews (Wagtail renders a
    preview through the middleware with a dummy request, flagged before `is_preview` is set),
    on a route that answers with pages and with known query parameters only."""
    if request.method not in ("GET", "HEAD") or getattr(request, "is_dummy", False):
        return False
    if settings.SESSION_COOKIE_NAME in request.COOKIES:
        return False
    if getattr(settings, "MESSAGE_COOKIE_NAME", "messages") in request.COOKIES:
        return False
    if getattr(request, "is_preview", False):
        return False
    if not set(request.GET).issubset(known_query_parameters()):
        return False
    # The health check reports on the cache, so it must not depend on it: not a page route.
    return _route_is_cacheable(request.path_info)


def _entry_key(request) -> str:
    # Sorted by name, each name's values in their order: ?a=1&b=2 and ?b=2&a=1 are one entry,
    # ?q=x&q=y and ?q=y&q=x are not (a view reads the last one).
    query = sorted(request.GET.lists())
    raw = "\n".join(
        (request.scheme, request.get_host(), get_language() or "", request.path, repr(query))
    )
    return f"{KEY_PREFIX}:entry:{hashlib.sha256(raw.encode('utf-8')).hexdigest()}"


# The per-process layer -----------------------------------------------------------------------


class LocalEntries:
    """The entries this process served last, least recently used first out: at most
    `max_entries` of them and `max_bytes` of bodies. Each is valid only while the shared
    generations match its stamp, so a purge by any process reaches it."""

    def __init__(self, max_entries: int, max_bytes: int):
        self.max_entries, self.max_bytes = max_entries, max_bytes
        self._entries: OrderedDict[str, tuple] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, key: str):
        with self._lock:
            entry = self._entries.get(key)
            if entry is None:
                return None
            if entry[0] <= time.monotonic():
                self._drop(key)
                return None
            self._entries.move_to_end(key)
            return entry[1]

    def put(self, key: str, entry: "PageEntry") -> None:
        size = len(entry.body)
        if size > self.max_bytes or self.max_entries <= 0:
            return
        with self._lock:
            self._drop(key)
            self._entries[key] = (time.monotonic() + _timeout(), entry)
            self._bytes += size
            while len(self._entries) > self.max_entries or self._bytes > self.max_bytes:
                self._drop(next(iter(self._entries)))

    def discard(self, key: str) -> None:
        with self._lock:
            self._drop(key)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self._bytes = 0

    def _drop(self, key: str) -> None:
        old = self._entries.pop(key, None)
        if old is not None:
            self._bytes -= len(old[1].body)


local_entries = LocalEntries(
    max_entries=getattr(settings, "COORDINATION_PAGE_CACHE_LOCAL_ENTRIES", 64),
    max_bytes=getattr(settings, "COORDINATION_PAGE_CACHE_LOCAL_BYTES", 32 * 1024 * 1024),
)


# Reading and writing entries -----------------------------------------------------------------


class PageEntry:
    """A stored response: which page answered, the generations it was rendered under, and what
    the visitor gets (status, headers, body)."""

    __slots__ = ("body", "generations", "headers", "page_id", "status")

    def __init__(self, page_id, generations, status, headers, body):
        self.page_id, self.generations = page_id, tuple(generations)
        self.status, self.headers, self.body = status, headers, body

    def to_shared(self) -> tuple:
        return (
            self.page_id,
            *self.generations,
            self.status,
            self.headers,
            zlib.compress(self.body, 1),
        )

    @classmethod
    def from_shared(cls, stored) -> "PageEntry | None":
        try:
            page_id, site_gen, page_gen, status, headers, compressed = stored
            return cls(page_id, (site_gen, page_gen), status, headers, zlib.decompress(compressed))
        except (TypeError, ValueError, zlib.error):
            return None  # an entry of an older layout: a miss

    def response(self) -> HttpResponse:
        response = HttpResponse(self.body, status=self.status)
        for name, value in self.headers:
            response[name] = value
        return response


def _generations(page_id: int) -> tuple[str, str]:
    cache = _cache()
    keys = [GLOBAL_GENERATION_KEY, _page_generation_key(page_id)]
    values = cache.get_many(keys)
    for key in keys:
        if key not in values:
            cache.add(key, uuid.uuid4().hex, timeout=None)
            values[key] = cache.get(key)
    return values[keys[0]], values[keys[1]]


# page id -> (when read, generations): what this process last read from the shared cache.
_checked_generations: dict[int, tuple[float, tuple[str, str]]] = {}


def _recent_generations(page_id: int, *, fresh: bool = False) -> tuple[str, str]:
    """The shared generations, as read by this process less than the check interval ago."""
    now = time.time()
    seen = _checked_generations.get(page_id)
    interval = getattr(settings, "COORDINATION_PAGE_CACHE_CHECK_SECONDS", 0.5)
    # A clock set back must not stretch the interval.
    if not fresh and seen is not None and 0 <= now - seen[0] < interval:
        return seen[1]
    generations = _generations(page_id)
    if len(_checked_generations) >= 1024:
        _checked_generations.clear()
    _checked_generations[page_id] = (now, generations)
    return generations


def page_cache_forget_local() -> None:
    """Drop what this process holds of the cache (its entries and the generations it read)."""
    local_entries.clear()
    _checked_generations.clear()


def page_cache_stamp(request, page) -> None:
    """Before a page renders: note which page answers and the generations current now, so that a
    purge during rendering makes the stored copy stale at once. Only requests the middleware
    looked up are stamped."""
    if getattr(request, "_coordination_page_cache_key", None) is not None:
        request._coordination_page_cache = (page, _generations(page.pk))


def site_generation() -> str:
    """The current site-wide generation: other caches of data shown on every page (a site's
    header and footer) key on it, so `page_cache_purge_all()` makes them stale too."""
    return shared_generation(GLOBAL_GENERATION_KEY)


def shared_generation(key: str) -> str:
    """The current value of the generation counter `key` in the shared cache, made on first
    use; whatever is stored under a key that includes it is stale once it is replaced."""
    cache = _cache()
    value = cache.get(key)
    if value is None:
        cache.add(key, uuid.uuid4().hex, timeout=None)
        value = cache.get(key)
    return value


def page_cache_lookup(request):
    """The stored response for this request, or None. Requests that can be cached only."""
    key = _entry_key(request)
    request._coordination_page_cache_key = key
    entry = local_entries.get(key)
    fetched = entry is None
    if fetched:
        entry = PageEntry.from_shared(_cache().get(key))
        if entry is None:
            return None
    if _recent_generations(entry.page_id, fresh=fetched) != entry.generations:
        local_entries.discard(key)
        return None
    if fetched:
        local_entries.put(key, entry)
    return entry.response()


def _messages_pending(request) -> bool:
    """Messages were added during this request, or shown in it (iterating an empty storage
    marks it used, so look at what it held)."""
    storage = getattr(request, "_messages", None)
    if storage is None:
        return False
    if getattr(storage, "_queued_messages", None):
        return True
    return bool(storage.used and getattr(storage, "_loaded_data", None))


def _response_is_cacheable(request, response) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    directives = {
        directive.split("=")[0].strip().lower()
        for directive in cc_delim_re.split(response.get("Cache-Control", ""))
    }
    if directives & UNCACHEABLE_DIRECTIVES:
        return False
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    return not (getattr(request, "is_preview", False) or _messages_pending(request))


def page_cache_store(request, response) -> None:
    stamp = getattr(request, "_coordination_page_cache", None)
    if stamp is None or request.method != "GET" or not _response_is_cacheable(request, response):
        return
    page, generations = stamp
    # The shared cache did not answer (an outage): a copy no purge could reach is not kept.
    if None in generations:
        return
    # A parameter this page type does not read would make a copy per junk value.
    if not set(request.GET).issubset(page_query_parameters(type(page))):
        return
    # What a view restriction hides is never stored, whoever asked (login, password, groups).
    if page.get_view_restrictions().exists():
        return
    entry = PageEntry(
        page.pk, generations, response.status_code, list(response.items()), response.content
    )
    key = request._coordination_page_cache_key
    _cache().set(key, entry.to_shared(), timeout=_timeout())
    local_entries.put(key, entry)


class AnonymousPageCacheMiddleware:
    """Serves anonymous visitors a stored copy of Wagtail pages; place it after the session,
    authentication, locale and messages middleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not (page_cache_enabled() and request_is_cacheable(request)):
            return self.get_response(request)
        cached = page_cache_lookup(request)
        if cached is not None:
            cached["X-Page-Cache"] = "hit"
            return cached
        response = self.get_response(request)
        page_cache_store(request, response)
        return response


# Purging -------------------------------------------------------------------------------------


def _bump(keys: list[str]) -> None:
    _cache().set_many({key: uuid.uuid4().hex for key in keys}, timeout=None)
    _checked_generations.clear()


def _purge_keys(keys: list[str]) -> None:
    if not keys:
        return
    _bump(keys)
    transaction.on_commit(partial(_bump, keys), robust=True)


def page_cache_purge_pages(page_ids: Iterable[int]) -> None:
    """Make every cached URL of these pages stale."""
    _purge_keys([_page_generation_key(page_id) for page_id in set(page_ids)])


def page_cache_purge_all() -> None:
    """Make every cached page of every site stale."""
    _purge_keys([GLOBAL_GENERATION_KEY])


def pages_referencing(obj) -> set[int]:
    """Ids of the pages whose content refers to `obj` (Wagtail's reference index)."""
    page_type = ReferenceIndex._get_base_content_type(Page)
    return {
        int(object_id)
        for object_id in ReferenceIndex.get_references_to(obj)
        .filter(base_content_type=page_type)
        .values_list("object_id", flat=True)
        .distinct()
    }


def _holds(block, block_class) -> bool:
    if isinstance(block, block_class):
        return True
    if isinstance(block, (StreamBlock, StructBlock)):
        return any(_holds(child, block_class) for child in block.child_blocks.values())
    if isinstance(block, ListBlock):
        return _holds(block.child_block, block_class)
    return False


def _raw_holds(block, raw, block_class) -> bool:
    """Whether raw StreamField JSON holds a block of `block_class`, at any depth."""
    if isinstance(block, block_class):
        return True
    if isinstance(block, StreamBlock) and isinstance(raw, list):
        for item in raw:
            if not isinstance(item, dict):
                continue
            child = block.child_blocks.get(item.get("type"))
            if child is not None and _raw_holds(child, item.get("value"), block_class):
                return True
    elif isinstance(block, StructBlock) and isinstance(raw, dict):
        return any(
            name in raw and _raw_holds(child, raw[name], block_class)
            for name, child in block.child_blocks.items()
        )
    elif isinstance(block, ListBlock) and isinstance(raw, list):
        for item in raw:
            value = item.get("value") if isinstance(item, dict) and "type" in item else item
            if _raw_holds(block.child_block, value, block_class):
                return True
    return False


def pages_with_block(block_class) -> set[int]:
    """Ids of live pages whose StreamFields hold a block of `block_class` (scans page content)."""
    found: set[int] = set()
    for model in get_page_models():
        for field in model._meta.concrete_fields:
            if field.model is not model or not isinstance(field, StreamField):
                continue
            if not _holds(field.stream_block, block_class):
                continue
            for page_id, value in model.objects.filter(live=True).values_list("pk", field.name):
                raw = list(value.raw_data) if hasattr(value, "raw_data") else value
                if _raw_holds(field.stream_block, raw, block_class):
                    found.add(page_id)
    return found


def pages_listing_agencies() -> set[int]:
    """Pages that list agencies by filter: directory pages and pages with a DirectoryBlock.
    Kept in the cache until a page is published, unpublished or deleted."""
    cache = _cache()
    page_ids = cache.get(LISTING_PAGES_KEY)
    if page_ids is None:
        page_ids = set()
        for page_model in _listing_page_models:
            page_ids |= set(page_model.objects.values_list("pk", flat=True))
        for block_class in _listing_blocks:
            page_ids |= pages_with_block(block_class)
        cache.set(LISTING_PAGES_KEY, page_ids, timeout=None)
    return page_ids


def page_cache_purge_for_agency(agency) -> None:
    """An agency changed publicly: purge every page that may show it, and the directory's
    cached filter choices."""
    directory_options_forget()
    page_cache_purge_pages(pages_referencing(agency) | pages_listing_agencies())


def page_cache_purge_for_page(page) -> None:
    """A page was published, unpublished or deleted: purge it, its ancestors (lists of news on
    parent and home pages) and the pages that link to it; everything if it is in the menus."""
    _cache().delete(LISTING_PAGES_KEY)
    if page.show_in_menus:
        page_cache_purge_all()
        return
    page_ids = {page.pk} if page.pk else set()
    page_ids |= set(Page.objects.ancestor_of(page).values_list("pk", flat=True))
    if page.pk:
        page_ids |= pages_referencing(page)
    page_cache_purge_pages(page_ids)


# Signal receivers ----------------------------------------------------------------------------


def _on_object_published(sender, instance, **kwargs):
    if isinstance(instance, Agency):
        page_cache_purge_for_agency(instance)
    elif not isinstance(instance, Page):
        page_cache_purge_pages(pages_referencing(instance))


# Past this many agencies verified at once, purging everything is cheaper than finding pages.
VERIFIED_PURGE_ALL_FROM = 20


def _on_agencies_verified(sender, agencies, **kwargs):
    # The public card says when the data was last checked.
    if len(agencies) >= VERIFIED_PURGE_ALL_FROM:
        page_cache_purge_all()
        return
    page_ids = set(pages_listing_agencies())
    for agency in agencies:
        page_ids |= pages_referencing(agency)
    page_cache_purge_pages(page_ids)


def page_cache_purge_subtree(page) -> None:
    """Who may see `page` and the pages under it changed: purge them all at once."""
    pages = Page.objects.descendant_of(page, inclusive=True)
    if pages.count() >= RESTRICTION_PURGE_ALL_FROM:
        page_cache_purge_all()
        return
    page_cache_purge_pages(pages.values_list("pk", flat=True))


def _on_view_restriction_changed(sender, instance, action="post_save", **kwargs):
    # Saved, deleted, or its groups changed: the page and its descendants show to other people.
    if not action.startswith("post_"):
        return
    if isinstance(instance, PageViewRestriction):
        page_ids = [instance.page_id]
    else:  # a group's restrictions changed, from the group's side
        restrictions = PageViewRestriction.objects.filter(pk__in=kwargs.get("pk_set") or ())
        page_ids = list(restrictions.values_list("page_id", flat=True))
    # A restriction deleted with its page has nothing left to purge.
    for page in Page.objects.filter(pk__in=page_ids):
        page_cache_purge_subtree(page)


def _on_page_changed(sender, instance, **kwargs):
    page_cache_purge_for_page(instance)


def _on_agency_deleting(sender, instance, **kwargs):
    # Before the delete: the reference index forgets references to a deleted object.
    page_cache_purge_for_agency(instance)


def _on_page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        page_cache_purge_for_page(instance)


def _on_page_moved(sender, instance, **kwargs):
    _cache().delete(LISTING_PAGES_KEY)
    page_cache_purge_all()


def _on_category_saved(sender, instance, **kwargs):
    # Category names show in every listing and card.
    directory_options_forget()
    page_cache_purge_all()


def _on_setting_saved(sender, instance, created=False, **kwargs):
    # A new row holds defaults: Wagtail creates it on first read, while a page renders.
    if not created and isinstance(instance, BaseSiteSetting | BaseGenericSetting):
        page_cache_purge_all()


def connect_signals(*, listing_page_models=(), listing_blocks=()) -> None:
    """Purge on the signals that change public pages. `listing_page_models` and
    `listing_blocks` list agencies by filter (the directory page and block, passed by the app
    config from the top layer): every agency change purges the pages that use them."""
    global _listing_page_models, _listing_blocks
    _listing_page_models, _listing_blocks = tuple(listing_page_models), tuple(listing_blocks)
    post_save.connect(
        _on_category_saved, sender=AgencyCategory, dispatch_uid="coordination_cache_category"
    )
    published.connect(_on_object_published, dispatch_uid="coordination_cache_published")
    agencies_verified.connect(_on_agencies_verified, dispatch_uid="coordination_cache_verified")
    unpublished.connect(_on_object_published, dispatch_uid="coordination_cache_unpublished")
    page_published.connect(_on_page_changed, dispatch_uid="coordination_cache_page_published")
    page_unpublished.connect(_on_page_changed, dispatch_uid="coordination_cache_page_unpublished")
    post_page_move.connect(_on_page_moved, dispatch_uid="coordination_cache_page_moved")
    pre_delete.connect(_on_agency_deleting, sender=Agency, dispatch_uid="coordination_cache_agency")
    post_delete.connect(_on_page_deleted, sender=Page, dispatch_uid="coordination_cache_page")
    post_save.connect(_on_setting_saved, dispatch_uid="coordination_cache_setting")
    for signal in (post_save, post_delete):
        signal.connect(
            _on_view_restriction_changed,
            sender=PageViewRestriction,
            dispatch_uid="coordination_cache_restriction",
        )
    m2m_changed.connect(
        _on_view_restriction_changed,
        sender=PageViewRestriction.groups.through,
        dispatch_uid="coordination_cache_restriction_groups",
    )
