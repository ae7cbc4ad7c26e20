"""The home page and the news list use a fixed number of queries whatever the number of posts."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.models import HomePageFeaturedAgency, NewsPageRelatedAgency
from tests.factories import AgencyFactory, ContactFactory
from tests.home.conftest import make_image, make_news

# Upper bounds, so that a fixed but wasteful count also fails.
HOME_BUDGET = 30
NEWS_INDEX_BUDGET = 25
NEWS_PAGE_BUDGET = 30


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    """Measure rendering itself, not the anonymous page cache."""
    settings.COORDINATION_PAGE_CACHE_ENABLED = False


def count_queries(client, path: str) -> int:
    client.get(path)  # warm up: renditions, site root paths
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return len(queries)


def add_posts(news_index, count, category, agencies):
    image = make_image()
    posts = make_news(news_index, count, category=category, image=image)
    for post in posts:
        post.tags.add("ทดสอบ", "ข่าว")
        post.related_agencies = [
            NewsPageRelatedAgency(agency=agency, sort_order=n) for n, agency in enumerate(agencies)
        ]
        post.save_revision().publish()
    return posts


@pytest.fixture
def agencies(db):
    agencies = [AgencyFactory(name_th=f"โรงเรียนทดสอบ {n}") for n in range(3)]
    for agency in agencies:
        ContactFactory(agency=agency)
    return agencies


def test_home_page_query_count_does_not_grow_with_news(
    client, home_page, news_index, category, office, menus, agencies
):
    home_page.featured_agencies = [
        HomePageFeaturedAgency(agency=agency, sort_order=n) for n, agency in enumerate(agencies)
    ]
    home_page.save_revision().publish()
    add_posts(news_index, 5, category, agencies)
    with_5 = count_queries(client, "/")
    add_posts(news_index, 20, category, agencies)
    with_25 = count_queries(client, "/")
    print(f"home page queries: {with_5} with 5 posts, {with_25} with 25 posts")
    assert with_5 == with_25
    assert with_25 <= HOME_BUDGET


def test_news_list_query_count_does_not_grow_with_news(
    client, news_index, category, office, menus, agencies
):
    add_posts(news_index, 5, category, agencies)
    with_5 = count_queries(client, "/news/")
    add_posts(news_index, 20, category, agencies)
    with_25 = count_queries(client, "/news/")
    filtered = count_queries(client, "/news/?category=announcement&page=2")
    print(f"news list queries: {with_5} with 5 posts, {with_25} with 25, {filtered} filtered")
    assert with_5 == with_25 == filtered
    assert with_25 <= NEWS_INDEX_BUDGET


def test_news_post_query_count_does_not_grow_with_related_agencies(
    client, news_index, category, office, menus, agencies
):
    post = add_posts(news_index, 1, category, agencies[:1])[0]
    with_1 = count_queries(client, post.url)
    more = [AgencyFactory(name_th=f"หน่วยงานเพิ่ม {n}") for n in range(5)]
    post.related_agencies = [
        NewsPageRelatedAgency(agency=agency, sort_order=n)
        for n, agency in enumerate([*agencies, *more])
    ]
    post.save_revision().publish()
    with_8 = count_queries(client, post.url)
    print(f"news post queries: {with_1} with 1 related agency, {with_8} with 8")
    assert with_1 == with_8
    assert with_8 <= NEWS_PAGE_BUDGET
