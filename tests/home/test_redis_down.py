"""Redis stopped, with the production cache configuration (cms/settings/base.py,
REDIS_CACHE_OPTIONS): Wagtail's own cached site paths, the site frame, the directory's filter
choices and the API's request limit go without the cache, the pages are still served, and
django-redis logs each failure.

Most requests are signed in, so the anonymous page cache (coordination.cache, with its own tests)
stays out of the way and every other use of the cache is exercised.
"""

import logging

import pytest
from django.conf import settings

from coordination import roles
from tests.coordination.directory_support import directory_page
from tests.factories import AgencyFactory, UserFactory

# Nothing listens on port 1 of this machine: connecting there fails at once, as with a stopped
# Redis.
REDIS_DOWN = {
    "default": {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",
        "KEY_PREFIX": "esa",
        "OPTIONS": settings.REDIS_CACHE_OPTIONS,
    }
}


@pytest.fixture
def signed_in(client, db):
    client.force_login(UserFactory(username="staff-reader", groups=[roles.STAFF]))
    return client


@pytest.fixture
def stop_redis(settings):
    """Point the cache at the stopped Redis once the test's data is in place (publishing purges
    the page cache, which is coordination.cache's business)."""

    def stop():
        settings.CACHES = REDIS_DOWN

    return stop


def _bypassed(caplog) -> list[str]:
    return [
        r.getMessage()
        for r in caplog.records
        if r.name == "django_redis" and r.levelno >= logging.ERROR
    ]


def test_the_home_page_is_served_with_its_frame_while_redis_is_down(
    signed_in, home_page, office, stop_redis, caplog
):
    stop_redis()
    response = signed_in.get("/")
    assert response.status_code == 200
    assert "สพป.อุทัยธานี เขต 1" in response.content.decode()
    assert _bypassed(caplog)


def test_the_directory_lists_its_filter_choices_while_redis_is_down(
    signed_in, home_page, stop_redis, caplog
):
    directory_page()
    AgencyFactory(name_th="โรงเรียนบ้านหนองฉาง")
    stop_redis()
    response = signed_in.get("/directory/")
    assert response.status_code == 200
    assert "โรงเรียนบ้านหนองฉาง" in response.content.decode()
    assert _bypassed(caplog)


def test_the_api_answers_without_its_request_limit_while_redis_is_down(
    signed_in, home_page, stop_redis, caplog
):
    AgencyFactory(name_th="โรงเรียนบ้านหนองฉาง")
    stop_redis()
    response = signed_in.get("/api/v1/agencies")
    assert response.status_code == 200
    assert response.json()["total_items"] == 1
    assert _bypassed(caplog)


def test_an_anonymous_visitor_gets_the_home_page_while_redis_is_down(
    client, home_page, office, stop_redis, caplog
):
    stop_redis()
    for _visit in range(2):
        response = client.get("/")
        assert response.status_code == 200
        assert "สพป.อุทัยธานี เขต 1" in response.content.decode()
    assert _bypassed(caplog)
