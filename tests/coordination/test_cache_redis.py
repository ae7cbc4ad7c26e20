"""The anonymous page cache on a real Redis server, as production runs it (REDIS_URL).

The behaviour tests of test_cache.py run again here with the cache on the Redis server named by
TEST_REDIS_URL (.ci/run starts one), through Django's own Redis backend and through django-redis
(the backend of `cms.settings.base`). Without TEST_REDIS_URL they skip; in CI (CI=true) that is a
failure.
"""

import os
import uuid

import pytest
import redis
from django.core.cache import cache

from tests.coordination.directory_support import directory_page

# The page cache's behaviour, collected and run again in this module under the Redis fixture.
from tests.coordination.test_cache import (  # noqa: F401
    test_a_group_restriction_hides_the_stored_pages,
    test_a_new_agency_appears_in_directory_blocks_and_listings_once_published,
    test_a_purge_by_another_process_reaches_this_process_copies_within_the_interval,
    test_a_purge_by_this_process_reaches_its_copies_at_once,
    test_a_restriction_on_an_ancestor_hides_the_stored_pages_under_it,
    test_an_https_visitor_never_gets_a_page_stored_for_http,
    test_deleting_an_agency_purges_the_pages_that_showed_it,
    test_head_requests_are_answered_from_the_cache,
    test_logged_in_visitors_never_get_or_leave_a_cached_page,
    test_making_the_directory_login_only_stops_serving_its_stored_pages_at_once,
    test_only_pages_that_show_the_agency_are_purged,
    test_previews_are_never_served_from_or_stored_in_the_cache,
    test_publishing_a_page_purges_it_and_its_ancestors,
    test_publishing_an_agency_change_shows_on_the_publicity_page_that_embeds_it,
    test_query_strings_and_hosts_are_cached_separately,
    test_saving_a_site_setting_purges_every_page,
    test_second_anonymous_request_is_served_from_the_cache,
    test_the_known_parameters_make_one_entry_whatever_their_order,
    test_unknown_query_parameters_bypass_the_cache,
    test_unpublishing_an_agency_removes_it_from_pages_at_once,
)

pytestmark = pytest.mark.django_db

REDIS_URL = os.environ.get("TEST_REDIS_URL", "")
REQUIRED = os.environ.get("CI") == "true"
BACKENDS = {
    "django": "django.core.cache.backends.redis.RedisCache",
    "django-redis": "django_redis.cache.RedisCache",
}


@pytest.fixture(autouse=True, params=list(BACKENDS), ids=list(BACKENDS))
def redis_cache(request, settings):
    """The default cache on Redis, under a key prefix of this test alone: tests running at once
    in other pytest-xdist workers share the database number but never a key."""
    if not REDIS_URL:
        if REQUIRED:
            pytest.fail("CI=true: TEST_REDIS_URL must name the Redis server .ci/run starts.")
        pytest.skip("set TEST_REDIS_URL (e.g. redis://127.0.0.1:6379/15) to run the cache on Redis")
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    prefix = f"esa-test-{worker}-{uuid.uuid4().hex}"
    settings.CACHES = {
        "default": {"BACKEND": BACKENDS[request.param], "LOCATION": REDIS_URL, "KEY_PREFIX": prefix}
    }
    server = redis.Redis.from_url(REDIS_URL)
    yield server, prefix
    keys = list(server.scan_iter(match=f"{prefix}:*"))
    if keys:
        server.delete(*keys)
    server.close()


def test_pages_are_stored_on_the_redis_server(client, redis_cache):
    server, prefix = redis_cache
    directory_page()
    client.get("/directory/")
    stored = [key.decode() for key in server.scan_iter(match=f"{prefix}:*")]
    assert any(":coordination:pagecache:entry:" in key for key in stored), stored
    assert cache.get("coordination:pagecache:gen:site") is not None
