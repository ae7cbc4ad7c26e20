"""The site-wide search page (/search/) and the suggestions behind the directory's search box.

Both are public surfaces: agencies come only through `public_agencies()` and are shown through
`agency_public_view()`; pages only when live and public.
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from coordination.cards import agency_public_view, public_agencies, with_card_relations
from coordination.layout import base_template
from coordination.search.capped import ranked_page, rows_in_order
from coordination.search.queries import agency_search, agency_suggest, page_search, parse_query
from coordination.search.results_cache import cached_ranked_ids
from coordination.selectors.directory import agency_url, directory_base_url

GROUPS = {
    "agencies": _("หน่วยงาน"),
    "news": _("ข่าวประชาสัมพันธ์"),
    "pages": _("หน้าเว็บไซต์"),
}
PREVIEW_SIZE = 5  # results per group on the overview
PAGE_SIZE = 20  # results per page when one group is shown
SUGGEST_MIN_LENGTH = 2


@dataclass
class ResultGroup:
    key: str
    label: str
    total: int
    items: list
    page_obj: PaginatorPage | None = None
    # More results than coordination.search.capped's cap: `total` is the cap.
    capped: bool = False

    @property
    def more(self) -> bool:
        return self.page_obj is None and (self.capped or self.total > len(self.items))


def _agency_results(request, parsed, size, page_number):
    # One ranked pass, counted up to the cap and kept for the next page and the next visitor.
    found = cached_ranked_ids(agency_search(public_agencies(), parsed, public=True))
    page_obj = ranked_page(found, page_number, size)
    page_obj.object_list = rows_in_order(
        with_card_relations(public_agencies()), page_obj.object_list
    )
    base = directory_base_url(request)
    items = [
        {"card": agency_public_view(agency), "url": agency_url(base, agency.slug)}
        for agency in page_obj.object_list
    ]
    return found.total, items, page_obj, found.capped


def _page_results(request, parsed, size, page_number, *, news):
    paginator = Paginator(page_search(parsed, news=news), size)
    page_obj = paginator.get_page(page_number)
    items = [
        {
            "title": page.title,
            "url": page.get_url(request),
            "summary": page.search_description,
            # A news item's own date (see page_search); other pages: when first published.
            "date": getattr(page, "search_date", None) or page.first_published_at,
        }
        for page in page_obj.object_list
    ]
    return paginator.count, items, page_obj, False


def _group(request, key, parsed, *, single: bool, page_number) -> ResultGroup:
    size = PAGE_SIZE if single else PREVIEW_SIZE
    if key == "agencies":
        total, items, page_obj, capped = _agency_results(request, parsed, size, page_number)
    else:
        total, items, page_obj, capped = _page_results(
            request, parsed, size, page_number, news=(key == "news")
        )
    return ResultGroup(
        key=key,
        label=GROUPS[key],
        total=total,
        items=items,
        page_obj=page_obj if single else None,
        capped=capped,
    )


@require_GET
def site_search(request):
    """ค้นหาทั้งเว็บไซต์: agencies, news and pages, grouped with their counts; works without JS."""
    q = " ".join(request.GET.get("q", "").split())[:100]
    only = request.GET.get("type", "")
    only = only if only in GROUPS else ""
    parsed = parse_query(q)
    groups = []
    if parsed:
        keys = [only] if only else list(GROUPS)
        groups = [
            _group(request, key, parsed, single=bool(only), page_number=request.GET.get("page"))
            for key in keys
        ]
    context = {
        "coordination_base_template": base_template(),
        "query": q,
        "only": only,
        "groups": groups,
        "total": sum(group.total for group in groups),
        "total_capped": any(group.capped for group in groups),
        "group_labels": GROUPS,
        "query_prefix": urlencode({"q": q, "type": only}) + "&",
        "q_encoded": urlencode({"q": q}),
    }
    response = TemplateResponse(request, "coordination/search/results.html", context)
    response["X-Robots-Tag"] = "noindex"
    return response


@require_GET
@cache_control(max_age=60, public=True)
def search_suggest(request):
    """JSON suggestions for a search box: names of public agencies, at most 8."""
    q = " ".join(request.GET.get("q", "").split())[:100]
    if len(q) < SUGGEST_MIN_LENGTH:
        return JsonResponse({"query": q, "results": []})
    base = directory_base_url(request)
    results = [
        {
            "name": row["name_th"],
            "short_name": row["short_name"],
            "url": agency_url(base, row["slug"]),
        }
        for row in agency_suggest(q)
    ]
    return JsonResponse({"query": q, "results": results})
