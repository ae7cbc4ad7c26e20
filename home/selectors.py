"""Reads for the website's pages: each returns data ready for a template, in a fixed number of
queries whatever the number of news posts or agencies.

Agency data always goes through `coordination.cards` (the public data rule).
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import Prefetch
from wagtail.images import get_image_model
from wagtail.models import Page

from coordination.cards import (
    AgencyCard,
    agency_public_view,
    public_agencies,
    with_card_relations,
)
from coordination.selectors.directory import agency_url, directory_base_url
from home.chrome import site_chrome
from home.models import NewsCategory, NewsPage

NEWS_PER_PAGE = 10
LATEST_NEWS_COUNT = 4
# The image sizes templates ask for; prefetching them avoids one query per picture.
NEWS_THUMBNAIL = "fill-640x360"
EXECUTIVE_PHOTO = "fill-240x300"
DIRECTORY_PATH = "/directory/"


def _images_with(*filter_specs: str):
    return get_image_model().objects.prefetch_renditions(*filter_specs)


def _news_queryset():
    return (
        NewsPage.objects.live()
        .public()
        .defer_streamfields()
        .select_related("category")
        .prefetch_related(Prefetch("image", queryset=_images_with(NEWS_THUMBNAIL)))
        .order_by("-date", "-first_published_at", "-pk")
    )


def latest_news(*, site_root: Page, limit: int = LATEST_NEWS_COUNT) -> list[NewsPage]:
    """The newest published news posts under `site_root` (ITA O5)."""
    return list(_news_queryset().descendant_of(site_root)[:limit])


def news_listing(
    *, index: Page, category_slug: str = "", tag: str = "", page_number: str = "1"
) -> dict:
    """One page of the news list, filtered by category and tag, with the filter choices."""
    categories = list(NewsCategory.objects.all())
    active_category = next((c for c in categories if c.slug == category_slug), None)
    queryset = _news_queryset().child_of(index)
    if active_category is not None:
        queryset = queryset.filter(category=active_category)
    if tag:
        queryset = queryset.filter(tags__name=tag)
    paginator = Paginator(queryset, NEWS_PER_PAGE)
    news_page: PaginatorPage = paginator.get_page(page_number)
    filters = {"category": active_category.slug if active_category else "", "tag": tag}
    filter_query = urlencode({key: value for key, value in filters.items() if value})
    return {
        "filter_query": f"{filter_query}&" if filter_query else "",
        "news_page": news_page,
        "news_posts": list(news_page.object_list),
        "categories": categories,
        "active_category": active_category,
        "active_tag": tag,
    }


@dataclass(frozen=True)
class AgencyLink:
    """A public agency card and the address of its page in the directory."""

    card: AgencyCard
    url: str


def _public_cards(agency_ids: list[int], request) -> list[AgencyLink]:
    """Public cards of the given agencies, in the given order; non-public ones are left out."""
    if not agency_ids:
        return []
    agencies = {
        agency.pk: agency
        for agency in with_card_relations(public_agencies().filter(pk__in=agency_ids))
    }
    base = directory_url(request)
    return [
        AgencyLink(card=agency_public_view(agencies[pk]), url=agency_url(base, agencies[pk].slug))
        for pk in agency_ids
        if pk in agencies
    ]


def featured_agency_cards(*, page, request=None) -> list[AgencyLink]:
    """The home page's featured agencies that are live and public."""
    return _public_cards([link.agency_id for link in page.featured_agencies.all()], request)


def related_agency_cards(*, page, request=None) -> list[AgencyLink]:
    """The agencies a news post concerns, limited to those that are live and public."""
    return _public_cards([link.agency_id for link in page.related_agencies.all()], request)


def home_executives(*, page) -> list:
    """The executives listed on the home page, with their photos' renditions prefetched."""
    return list(
        page.executives.all().prefetch_related(
            Prefetch("photo", queryset=_images_with(EXECUTIVE_PHOTO))
        )
    )


def directory_url(request=None) -> str:
    """The address of the site's directory page (DESIGN: /directory/ when there is none yet)."""
    return directory_base_url(request) or DIRECTORY_PATH


@dataclass(frozen=True)
class MenuItem:
    text: str
    url: str
    is_current: bool = False


def _menu_item(text: str, url: str, current_path: str) -> MenuItem:
    is_current = url == current_path or (url != "/" and current_path.startswith(url))
    return MenuItem(text=text, url=url, is_current=is_current)


def header_menu(*, request) -> list[MenuItem]:
    """The main menu: the links editors set, or else the home page's children shown in menus
    (read from the cached site frame, home/chrome.py)."""
    return [_menu_item(text, url, request.path) for text, url in site_chrome(request).header_links]


def footer_menu(*, request) -> list[MenuItem]:
    return [_menu_item(text, url, request.path) for text, url in site_chrome(request).footer_links]
