"""Page links are a window (first, last and a few around the current page), so a listing's size
does not grow with the registry: at 50,000 agencies the directory carried 2,213 page links."""

import re

import pytest

from tests.coordination.directory_support import directory_page
from tests.coordination.test_directory_queries import bulk_agencies

pytestmark = pytest.mark.django_db


def page_links(html: str) -> list[str]:
    nav = html[html.index('<nav class="pagination"') :]
    nav = nav[: nav.index("</nav>")]
    return re.findall(
        r'page=(\d+)"(?: aria-current="page")?>(?:<span[^>]*>[^<]*</span>)?(\d+)<', nav
    )


def test_the_directory_links_a_window_of_pages_not_every_page(client, settings):
    settings.COORDINATION_PAGE_CACHE_ENABLED = False
    directory_page()
    bulk_agencies(400, start=0)  # 20 pages of 20

    middle = client.get("/directory/?page=10").content.decode()
    numbers = [int(number) for _link, number in page_links(middle)]
    assert numbers == [1, 8, 9, 10, 11, 12, 20]
    assert middle.count('class="pagination__gap"') == 2
    assert 'aria-current="page"><span class="visually-hidden">หน้า </span>10<' in middle
    assert 'rel="prev"' in middle and 'rel="next"' in middle

    first = client.get("/directory/").content.decode()
    assert [int(n) for _link, n in page_links(first)] == [1, 2, 3, 20]


def test_the_listing_does_not_grow_with_the_number_of_pages(client, settings):
    settings.COORDINATION_PAGE_CACHE_ENABLED = False
    directory_page()
    bulk_agencies(200, start=0)  # 10 pages
    at_10_pages = len(client.get("/directory/?page=5").content)
    bulk_agencies(1000, start=10_000)  # 60 pages
    at_60_pages = len(client.get("/directory/?page=5").content)
    # The same twenty rows of the same shape; only a page number's digits may differ.
    assert abs(at_60_pages - at_10_pages) < 200
