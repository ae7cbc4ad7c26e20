"""Admin-only endpoints of the registry."""

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.models import Site

from coordination import geo
from coordination.models import Agency
from coordination.models.rules import agency_free_slug
from coordination.pages import DirectoryPage
from coordination.permissions import can_edit_registry, can_view_registry
from coordination.selectors.timeline import agency_timeline
from coordination.text import text_without_controls

TIMELINE_PER_PAGE = 50


@require_GET
@cache_control(private=True, max_age=86400)
def address_reference(request):
    """The Thai address reference for the cascading pickers, served from this server."""
    return JsonResponse(geo.address_reference(), json_dumps_params={"ensure_ascii": False})


@require_GET
def agency_slug_suggestion(request):
    """The slug the agency editor fills in as the officer types the Thai name: romanised and
    free (`?name=…`; `&agency=<pk>` when editing, so that the agency's own slug is not a clash)."""
    if not can_edit_registry(request.user):
        raise PermissionDenied
    agency_pk = request.GET.get("agency", "")
    probe = Agency(
        pk=int(agency_pk) if agency_pk.isdigit() else None,
        name_th=text_without_controls(request.GET.get("name", ""))[:255],
    )
    slug = agency_free_slug(probe) if probe.name_th else ""
    return JsonResponse({"slug": slug})


@require_GET
def agency_timeline_view(request, pk: int):
    """The merged history of one agency, for anyone who may read the registry."""
    if not can_view_registry(request.user):
        raise PermissionDenied
    agency = Agency.objects.filter(pk=pk).only("pk", "name_th").first()
    entries = agency_timeline(agency_id=pk)
    if agency is None and not entries:
        raise Http404
    name = agency.name_th if agency else next((e.subject for e in entries if e.subject), str(pk))
    # An agency edited for years has hundreds of entries (486 KB at 200 revisions): a page at a time.
    paginator = Paginator(entries, TIMELINE_PER_PAGE)
    page_obj = paginator.get_page(request.GET.get("p"))
    # Only a user who may edit is offered the way back to the editor (staff read, never edit).
    edit_url = (AdminURLFinder(request.user).get_edit_url(agency) or "") if agency else ""
    return render(
        request,
        "coordination/admin/timeline.html",
        {
            "agency": agency,
            "entries": page_obj,
            "total": paginator.count,
            "items": page_obj,
            "elided_page_range": paginator.get_elided_page_range(page_obj.number),
            "page_title": _("ประวัติทั้งหมดของ %(name)s") % {"name": name},
            "header_icon": "history",
            "edit_url": edit_url,
        },
    )


@require_GET
def internal_directory_redirect(request):
    """The admin menu's way into the staff directory: the live directory page of the site the
    admin is served from (or the first one anywhere), in its staff view."""
    if not can_view_registry(request.user):
        raise PermissionDenied
    pages = DirectoryPage.objects.live().order_by("path")
    site = Site.find_for_request(request)
    page = site and pages.descendant_of(site.root_page, inclusive=True).first()
    page = page or pages.first()
    url = page.get_url(request) if page is not None else None
    if not url:
        raise Http404(_("ยังไม่มีหน้าสมุดรายชื่อหน่วยงานที่เผยแพร่"))
    return HttpResponseRedirect(f"{url}?view=staff")
