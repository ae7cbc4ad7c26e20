"""What search engines read: /sitemap.xml (an index of sections in parts of at most 10,000 URLs)
and /robots.txt, on the host people really use."""

from django.db.models import Max
from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.cache import cache_page
from django.views.decorators.http import require_safe
from wagtail.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps import views as sitemap_views
from wagtail.models import Site

from coordination import sitemaps as coordination_sitemaps
from coordination.sitemaps import SITEMAP_PART_SIZE, cached_sitemap

# Host names a Wagtail Site keeps until someone sets the real one (the first migration's default).
PLACEHOLDER_HOSTNAMES = {"localhost", "127.0.0.1"}
# robots.txt changes only when the site's address does; crawlers fetch it often.
ROBOTS_CACHE_SECONDS = 60 * 60


def request_site(request) -> Site:
    """The Wagtail Site answering `request` (the default site when no hostname matches)."""
    return Site.find_for_request(request) or Site.objects.get(is_default_site=True)


def site_root_url(request, site: Site | None = None) -> str:
    """The absolute root URL of the site answering `request`, without a trailing slash.

    A Site with a real hostname is canonical. One still named `localhost` would send crawlers to
    http://localhost/..., so the request's own scheme and host stand in for it, as they do in
    the pages' links.
    """
    site = site or request_site(request)
    if site.hostname in PLACEHOLDER_HOSTNAMES:
        return f"{request.scheme}://{request.get_host()}"
    return site.root_url


class RealRootMixin:
    """Every location of a Wagtail sitemap section on the site's real root URL rather than the
    Site's stored one (see `site_root_url`)."""

    def _urls(self, page, protocol, domain):
        urls = super()._urls(page, protocol, domain)
        site = self.get_wagtail_site()
        stored_root, real_root = site.root_url, site_root_url(self.request, site)
        if stored_root == real_root:
            return urls
        for url_info in urls:
            location = url_info["location"]
            if location == stored_root or location.startswith(f"{stored_root}/"):
                url_info["location"] = real_root + location[len(stored_root) :]
        return urls


class SiteSitemap(RealRootMixin, Sitemap):
    """Wagtail's sitemap of live public pages, in parts of at most SITEMAP_PART_SIZE pages."""

    limit = SITEMAP_PART_SIZE

    def get_latest_lastmod(self):
        # Django's default reads every page of every part to find one date.
        pages = self.get_wagtail_site().root_page.get_descendants(inclusive=True).live().public()
        return pages.aggregate(latest=Max("last_published_at"))["latest"]


class AgencySitemap(RealRootMixin, coordination_sitemaps.AgencySitemap):
    """The directory's agencies, on the site's real root URL."""


# The sections of /sitemap.xml (an index); other sections may be added (cms/urls.py).
SITEMAP_SECTIONS = {"pages": SiteSitemap, "agencies": AgencySitemap}
sitemap_index = require_safe(cached_sitemap(sitemap_views.index))
sitemap_section = require_safe(cached_sitemap(sitemap_views.sitemap))


@require_safe
@cache_page(ROBOTS_CACHE_SECONDS)
def robots_txt(request):
    """Keeps crawlers out of the admin and the search endpoints; points them to the sitemap."""
    lines = [
        "User-agent: *",
        f"Disallow: {reverse('wagtailadmin_home')}",
        f"Disallow: {reverse('coordination:site_search')}",
        f"Disallow: {reverse('coordination:search_suggest')}",
        "",
        f"Sitemap: {site_root_url(request)}{reverse('sitemap')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
