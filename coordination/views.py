"""Public views of the registry: the directory routes of `DirectoryPage`, and health checks.

Views stay thin: selectors decide what each audience may see, services record what happened.
"""

import logging
import uuid

from django.contrib.auth.views import redirect_to_login
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.http import Http404, HttpResponse, JsonResponse
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.encoding import uri_to_iri
from django.utils.http import content_disposition_header
from django.views.decorators.cache import never_cache
from wagtail import hooks
from wagtail.models import Page

from coordination.cache import page_cache_route
from coordination.jsonld import agency_jsonld, jsonld_script
from coordination.layout import base_template
from coordination.pages import DirectoryPage
from coordination.permissions import can_view_registry
from coordination.search.results_cache import cached_ranked_ids
from coordination.selectors.directory import (
    DirectoryFilters,
    agency_url,
    directory_agency,
    directory_agency_for_staff,
    directory_listing,
)
from coordination.services.internal_views import (
    internal_view_log_listing,
    internal_view_log_record,
)
from coordination.vcard import agency_vcard

logger = logging.getLogger(__name__)


def _database_answers() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Exception:
        logger.exception("Health check: the database does not answer.")
        return False


def _cache_answers() -> bool:
    """A value written to the shared cache (Redis in production) reads back."""
    key, value = f"coordination:healthz:{uuid.uuid4().hex}", uuid.uuid4().hex
    try:
        cache.set(key, value, timeout=10)
        answered = cache.get(key) == value
        cache.delete(key)
    except Exception:
        logger.exception("Health check: the cache does not answer.")
        return False
    return answered


@never_cache
def healthz(request):
    """For load balancers and monitors: 200 when the database and the cache both answer, 503
    naming the part that does not. The page cache never answers it (coordination.cache)."""
    checks = {
        "database": "ok" if _database_answers() else "error",
        "cache": "ok" if _cache_answers() else "error",
    }
    healthy = all(state == "ok" for state in checks.values())
    return JsonResponse(
        {"status": "ok" if healthy else "error", **checks}, status=200 if healthy else 503
    )


def _wants_staff_view(request) -> bool:
    return request.GET.get("view") == "staff"


def _require_staff(request):
    """Staff view gate: anonymous visitors log in, others need the registry's view permission."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not can_view_registry(request.user):
        raise PermissionDenied
    return None


def _private(response):
    """Staff responses must never reach a shared cache (ours, a proxy's or a CDN's)."""
    add_never_cache_headers(response)
    patch_cache_control(response, private=True)
    return response


def can_view_staff(request) -> bool:
    return can_view_registry(getattr(request, "user", None))


def directory_listing_view(request, *, page):
    staff = _wants_staff_view(request)
    if staff and (denied := _require_staff(request)):
        return denied
    listing = directory_listing(
        filters=DirectoryFilters.from_query(request.GET),
        page_number=request.GET.get("page", "1"),
        staff=staff,
        ranked=cached_ranked_ids,
    )
    if staff:
        internal_view_log_listing(
            cards=[card for group in listing.groups for card in group.cards],
            user=request.user,
            path=uri_to_iri(request.get_full_path()),
        )
    context = page.get_context(request)
    context.update(
        coordination_base_template=base_template(),
        listing=listing,
        staff_view=staff,
        can_view_staff=staff or can_view_staff(request),
        directory_url=page.agency_url_base(request),
        query_prefix=("view=staff&" if staff else "") + listing.filters.query_string(),
    )
    response = TemplateResponse(request, "coordination/directory_page.html", context)
    return _private(response) if staff else response


def agency_view(request, *, page, slug):
    if _wants_staff_view(request):
        return _agency_staff_view(request, page=page, slug=slug)
    card = directory_agency(slug=slug)
    if card is None:
        raise Http404
    directory_url = page.agency_url_base(request)
    absolute_url = request.build_absolute_uri(agency_url(directory_url, slug))
    context = page.get_context(request)
    context.update(
        coordination_base_template=base_template(),
        card=card,
        staff_view=False,
        can_view_staff=can_view_staff(request),
        directory_url=directory_url,
        agency_url=absolute_url,
        og_title=card.name_th,
        og_description=" · ".join(part for part in (card.category, card.address_line) if part),
        jsonld=jsonld_script(
            agency_jsonld(
                card,
                url=absolute_url,
                directory_url=request.build_absolute_uri(directory_url),
            )
        ),
    )
    return TemplateResponse(request, "coordination/agency_page.html", context)


def _agency_staff_view(request, *, page, slug):
    if denied := _require_staff(request):
        return denied
    found = directory_agency_for_staff(slug=slug)
    if found is None:
        raise Http404
    agency, card = found
    internal_view_log_record(
        agency=agency, user=request.user, path=uri_to_iri(request.get_full_path())
    )
    directory_url = page.agency_url_base(request)
    context = page.get_context(request)
    context.update(
        coordination_base_template=base_template(),
        card=card,
        staff_view=True,
        can_view_staff=True,
        directory_url=directory_url,
        agency_url=request.build_absolute_uri(agency_url(directory_url, slug)),
    )
    return _private(TemplateResponse(request, "coordination/agency_page.html", context))


def live_directory_page(request, directory_path: str) -> DirectoryPage:
    """The live directory page at `directory_path` on this request's site, or 404."""
    page = Page.find_for_request(request, directory_path)
    page = page.specific if page is not None else None
    if not isinstance(page, DirectoryPage) or not page.live:
        raise Http404
    return page


def serve_as_page(request, page, view, **kwargs):
    """Answer `view` for `page` the way Wagtail's own serve view answers the page: through the
    `before_serve_page` hooks (the page cache's stamp) and the `on_serve_page` hooks (its view
    restrictions: login, password, groups). What a directory page shows (vCards, exports) is
    visible exactly when the page is."""

    def serve(page, request, args, kwargs):
        return view(request, page=page, **kwargs)

    chain = serve
    for wrap in reversed(hooks.get_hooks("on_serve_page")):
        chain = wrap(chain)
    for hook in hooks.get_hooks("before_serve_page"):
        result = hook(page, request, [], kwargs)
        if isinstance(result, HttpResponse):
            return result
    return chain(page, request, [], kwargs)


@page_cache_route
def agency_vcard_route(request, directory_path, slug):
    """Find the directory page at `directory_path` on this request's site, then its agency."""
    page = live_directory_page(request, directory_path)
    return serve_as_page(request, page, agency_vcard_view, slug=slug)


def agency_vcard_view(request, *, page, slug):
    card = directory_agency(slug=slug)
    if card is None:
        raise Http404
    directory_url = page.agency_url_base(request)
    absolute_url = request.build_absolute_uri(agency_url(directory_url, slug))
    response = HttpResponse(
        agency_vcard(card, url=absolute_url).encode("utf-8"),
        content_type="text/vcard; charset=utf-8",
    )
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=f"{slug}.vcf"
    )
    return response
