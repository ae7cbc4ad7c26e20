"""Broad searches in bounded time (issue 13): one ranked pass counted up to a cap, the count
shown as "มากกว่า …" beyond it on /search/, the directory and the API, and broad searches kept
in the cache until an agency is published."""

from html import unescape

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from coordination import search_views
from coordination.api import AgencyPage
from coordination.search import capped, results_cache
from tests.coordination.directory_support import directory_page
from tests.factories import AgencyFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def cap(monkeypatch):
    """A cap of 3, so that five schools are a broad search."""
    monkeypatch.setattr(capped, "SEARCH_COUNT_CAP", 3)
    return 3


def schools(count: int, start: int = 0) -> None:
    for n in range(start, start + count):
        AgencyFactory(name_th=f"โรงเรียนบ้านทดลอง{n:02d}", slug=f"school-{n:02d}")


def text(response) -> str:
    return " ".join(unescape(response.content.decode()).split())


def sql_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


def test_search_page_says_more_than_the_cap_in_thai(client, cap):
    schools(5)
    page = text(client.get("/search/", {"q": "โรงเรียน"}))
    assert "พบมากกว่า 3 รายการสำหรับ “โรงเรียน”" in page
    assert "(มากกว่า 3 รายการ)" in page
    assert "ดูหน่วยงาน 3 รายการแรก" in page


def test_a_count_within_the_cap_is_exact(client, cap):
    schools(3)
    page = text(client.get("/search/", {"q": "โรงเรียน", "type": "agencies"}))
    assert "พบ 3 รายการสำหรับ “โรงเรียน”" in page
    assert "มากกว่า" not in page


def test_the_cap_is_written_the_thai_way(client, monkeypatch):
    schools(1)
    thousand_and_one = capped.RankedIds(ids=tuple(range(1, 1002)), cap=1000)
    monkeypatch.setattr(search_views, "cached_ranked_ids", lambda queryset: thousand_and_one)
    page = text(client.get("/search/", {"q": "โรงเรียน"}))
    assert "พบมากกว่า 1,000 รายการสำหรับ “โรงเรียน”" in page
    assert "(มากกว่า 1,000 รายการ)" in page


def test_a_page_past_the_cap_shows_the_last_page_within_it(client, cap, monkeypatch):
    monkeypatch.setattr(capped, "SEARCH_COUNT_CAP", 4)
    schools(7)
    response = client.get("/search/", {"q": "โรงเรียน", "type": "agencies", "page": "50"})
    assert response.status_code == 200
    page = text(response)
    assert "พบมากกว่า 4 รายการ" in page
    assert "โรงเรียนบ้านทดลอง" in page  # the last page within the cap, not an empty one


def test_directory_says_more_than_the_cap(client, cap):
    directory_page()
    schools(5)
    page = text(client.get("/directory/", {"q": "โรงเรียน"}))
    assert "พบมากกว่า 3 หน่วยงาน" in page
    assert page.count("โรงเรียนบ้านทดลอง") >= 3
    assert client.get("/directory/", {"q": "โรงเรียน", "page": "9"}).status_code == 200


def test_api_caps_total_items_and_says_so(client, cap):
    schools(5)
    response = client.get("/api/v1/agencies", {"q": "โรงเรียน", "size": 2})
    body = response.json()
    AgencyPage.model_validate(body)  # still the documented shape
    assert (body["total_items"], body["total_pages"], body["total_items_capped"]) == (3, 2, True)
    last = client.get("/api/v1/agencies", {"q": "โรงเรียน", "size": 2, "page": 2}).json()
    assert len(last["contents"]) == 1  # the third, not the fourth: the cap holds
    past = client.get("/api/v1/agencies", {"q": "โรงเรียน", "size": 2, "page": 3})
    assert past.status_code == 404
    assert past.json()["error"]["code"] == "page_out_of_range"


def test_api_without_a_search_counts_everything(client, cap):
    schools(5)
    body = client.get("/api/v1/agencies", {"size": 2}).json()
    assert (body["total_items"], body["total_items_capped"]) == (5, False)


def test_openapi_documents_the_capped_count(client):
    schema = client.get("/api/v1/openapi.json").json()
    properties = schema["components"]["schemas"]["AgencyPage"]["properties"]
    assert properties["total_items_capped"]["type"] == "boolean"


@pytest.mark.parametrize(
    "url",
    ["/search/?q=โรงเรียน&type=agencies", "/directory/?q=โรงเรียน", "/api/v1/agencies?q=โรงเรียน"],
)
def test_a_broad_search_costs_the_same_queries_whatever_it_finds(
    client, url, monkeypatch, settings
):
    monkeypatch.setattr(results_cache, "CACHE_FROM", 10_000)  # every request does the pass
    settings.COORDINATION_PAGE_CACHE_ENABLED = False  # the directory page rendered each time
    directory_page()
    schools(3)
    sql_queries(client, url)  # warm up
    few = sql_queries(client, url)
    schools(20, start=3)
    sql_queries(client, url)  # warm up again: a publish empties the filter choices' cache
    assert sql_queries(client, url) == few
    assert few <= 15


def test_a_broad_search_is_kept_until_an_agency_is_published(client, monkeypatch):
    monkeypatch.setattr(results_cache, "CACHE_FROM", 1)
    schools(3)
    url = "/search/?q=โรงเรียน&type=agencies"
    first = sql_queries(client, url)
    assert sql_queries(client, url) < first  # the ranked pass came from the cache
    AgencyFactory(name_th="โรงเรียนเปิดใหม่", slug="new-school")
    page = text(client.get(url))
    assert "โรงเรียนเปิดใหม่" in page
    assert "พบ 4 รายการ" in page


def test_an_unpublished_agency_leaves_a_kept_search(client, monkeypatch):
    monkeypatch.setattr(results_cache, "CACHE_FROM", 1)
    schools(3)
    gone = AgencyFactory(name_th="โรงเรียนปิดตัว", slug="closing-school")
    url = "/search/?q=โรงเรียน&type=agencies"
    assert "โรงเรียนปิดตัว" in text(client.get(url))
    gone.unpublish()
    page = text(client.get(url))
    assert "โรงเรียนปิดตัว" not in page
    assert "พบ 3 รายการ" in page


@pytest.mark.parametrize("q", ["-", "*", '""'])
def test_a_search_that_can_match_nothing_answers_empty_everywhere(client, q):
    """A query of punctuation alone parses to nothing: Django then runs no SQL for the search,
    and the cache must not ask it for any (schemathesis found `q=-` answering 500)."""
    directory_page()
    schools(2)
    body = client.get("/api/v1/agencies", {"q": q}).json()
    assert (body["total_items"], body["contents"]) == (0, [])
    assert client.get("/search/", {"q": q}).status_code == 200
    assert client.get("/directory/", {"q": q}).status_code == 200
