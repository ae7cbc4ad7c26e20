"""The sitemap's agencies: a section of their own, in parts of at most 10,000 URLs, each part
cached until something that changes a sitemap is published.

A project lists this section beside its pages in a sitemap index (cms/urls.py):

    sitemaps = {"pages": ..., "agencies": AgencySitemap}
    path("sitemap.xml", cached_sitemap(index), {"sitemaps": sitemaps, "sitemap_url_name": ...})
    path("sitemap-<section>.xml", cached_sitemap(sitemap), {"sitemaps": sitemaps}, name=...)

The sitemap protocol allows 50,000 URLs per file; at 10,000 a part stays small enough (about
1 MB) to build in a fraction of a second at national scale, and a crawler reads only the parts
whose `lastmod` in the index moved.
"""

import hashlib
import uuid
from functools import wraps

from django.db.models import Max
from django.db.models.signals import post_delete, post_save
from django.http import HttpResponse
from django.utils.encoding import iri_to_uri
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move, published, unpublished

from coordination.cache import shared_cache, shared_generation
from coordination.cards import public_agencies
from coordination.models import Agency
from coordination.pages import DirectoryPage
from coordination.selectors.directory import agency_url, directory_sitemap_entries

SITEMAP_PART_SIZE = 10_000
GENERATION_KEY = "coordination:sitemap:generation"
# A part is rebuilt at least this often even if no signal says so (a raw SQL change).
SITEMAP_CACHE_SECONDS = 6 * 60 * 60


def sitemap_generation() -> str:
    return shared_generation(GENERATION_KEY)


def sitemap_purge(*args, **kwargs) -> None:
    """Every cached sitemap part is stale from now on (a signal receiver as it is)."""
    shared_cache().set(GENERATION_KEY, uuid.uuid4().hex, timeout=None)


def connect_signals() -> None:
    """What changes a sitemap: a page or agency published, unpublished, moved or deleted, a page's
    view restriction (private pages are left out), a site's address."""
    for signal in (published, unpublished, page_published, page_unpublished, post_page_move):
        signal.connect(sitemap_purge, dispatch_uid=f"coordination_sitemap_{id(signal)}")
    for model in (Page, Agency, PageViewRestriction, Site):
        post_delete.connect(
            sitemap_purge, sender=model, dispatch_uid=f"coordination_sitemap_del_{model.__name__}"
        )
    for model in (PageViewRestriction, Site):
        post_save.connect(
            sitemap_purge, sender=model, dispatch_uid=f"coordination_sitemap_save_{model.__name__}"
        )


def cached_sitemap(view):
    """Keep each answer of a sitemap view (the index or one part) until `sitemap_purge()`.

    Keyed by scheme, host, path and the part number only: other query parameters do not change
    a sitemap, so they cannot fill the cache. Only complete answers (200) are kept."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        part = request.GET.get("p", "1")
        if not part.isdigit():
            return view(request, *args, **kwargs)
        address = "\n".join((request.scheme, request.get_host(), request.path, part))
        key = "coordination:sitemap:{}:{}".format(
            sitemap_generation(), hashlib.sha256(address.encode("utf-8")).hexdigest()
        )
        stored = shared_cache().get(key)
        if stored is not None:
            content, headers = stored
            return HttpResponse(content, headers=headers)
        response = view(request, *args, **kwargs)
        if hasattr(response, "render"):
            response.render()
        if response.status_code == 200:
            shared_cache().set(
                key, (response.content, dict(response.headers)), SITEMAP_CACHE_SECONDS
            )
        return response

    return wrapper


def directory_page_for(site: Site):
    """The site's public directory page (the first by tree order), or None."""
    return (
        DirectoryPage.objects.descendant_of(site.root_page, inclusive=True)
        .live()
        .public()
        .order_by("path")
        .first()
    )


class AgencySitemap(Sitemap):
    """Every public agency's page under the site's directory page (public data rule: live
    public agencies only), in parts of SITEMAP_PART_SIZE."""

    limit = SITEMAP_PART_SIZE

    def items(self):
        if not self.directory_url():
            return directory_sitemap_entries().none()
        return directory_sitemap_entries()

    def directory_url(self) -> str:
        if not hasattr(self, "_directory_url"):
            page = directory_page_for(self.get_wagtail_site())
            self._directory_url = page.get_full_url(self.request) if page else ""
        return self._directory_url

    def get_latest_lastmod(self):
        # Django's default reads every item of every part to find one date.
        if not self.directory_url():
            return None
        return public_agencies().aggregate(latest=Max("last_published_at"))["latest"]

    def _urls(self, page, protocol, domain):
        base = self.directory_url()
        rows = list(self.paginator.page(page).object_list)
        self.latest_lastmod = max((lastmod for _slug, lastmod in rows if lastmod), default=None)
        return [
            {"location": iri_to_uri(agency_url(base, slug)), "lastmod": lastmod}
            for slug, lastmod in rows
        ]
