"""The anonymous page cache: what it stores, what it never stores, and that publishing anything
a page shows makes the next anonymous request show the change."""

from datetime import UTC, datetime

import pytest
import time_machine
from django.apps import apps
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from coordination import cache as page_cache
from coordination.cache import LocalEntries, PageEntry, pages_referencing
from coordination.models import AgencyPhone
from tests.coordination.directory_support import (
    card_block,
    directory_block,
    directory_page,
    site_root,
    stream,
)
from tests.factories import AgencyFactory, AgencyPhoneFactory

pytestmark = pytest.mark.django_db


def is_cached(client, path: str, **extra) -> bool:
    """Served from the cache: marked so, and without a single database query."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, **extra)
    assert response.status_code == 200
    hit = response.get("X-Page-Cache") == "hit"
    assert hit == (len(queries) == 0), (response.get("X-Page-Cache"), len(queries))
    return hit


def publicity_page(*blocks):
    """The site's own publicity page type (home.StandardPage) embedding `blocks`."""
    standard_page = apps.get_model("home", "StandardPage")
    page = standard_page(title="ข้อมูลพื้นฐานหน่วยงาน", slug="basic-data", body=stream(*blocks))
    site_root().add_child(instance=page)
    page.save_revision().publish()
    return page


def test_second_anonymous_request_is_served_from_the_cache(client):
    agency = AgencyFactory(name_th="เทศบาลเมืองอุทัยธานี")
    directory_page()
    first = client.get("/directory/")
    assert not first.get("X-Page-Cache")
    assert is_cached(client, "/directory/")
    assert client.get("/directory/").content == first.content
    assert not is_cached(client, f"/directory/{agency.slug}/")
    assert is_cached(client, f"/directory/{agency.slug}/")
    assert not is_cached(client, f"/directory/{agency.slug}/vcard.vcf")
    assert is_cached(client, f"/directory/{agency.slug}/vcard.vcf")


def test_query_strings_and_hosts_are_cached_separately(client):
    AgencyFactory(name_th="เทศบาลเมืองอุทัยธานี", scope="external")
    directory_page()
    client.get("/directory/?scope=external")
    assert is_cached(client, "/directory/?scope=external")
    assert not is_cached(client, "/directory/?scope=internal")
    assert not is_cached(client, "/directory/?scope=external", HTTP_HOST="localhost")


def test_logged_in_visitors_never_get_or_leave_a_cached_page(client, staff_member):
    directory_page()
    client.get("/directory/")
    client.force_login(staff_member)
    response = client.get("/directory/")
    assert not response.get("X-Page-Cache")
    assert "view=staff" in response.content.decode()  # the staff link: a logged-in rendering
    client.logout()
    anonymous = client.get("/directory/")
    assert "view=staff" not in anonymous.content.decode()


def test_a_logged_in_rendering_is_not_stored(client, staff_member):
    directory_page()
    client.force_login(staff_member)
    client.get("/directory/")
    client.logout()
    assert not is_cached(client, "/directory/")


def test_staff_views_say_private_and_are_never_stored(client, staff_member):
    agency = AgencyFactory(name_th="เทศบาลเมืองอุทัยธานี")
    directory_page()
    client.force_login(staff_member)
    response = client.get(f"/directory/{agency.slug}/?view=staff")
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]


def test_previews_are_never_served_from_or_stored_in_the_cache(client):
    page = directory_page()
    client.get("/directory/")
    assert is_cached(client, "/directory/")
    page.title = "ทำเนียบหน่วยงาน (ฉบับร่าง)"
    preview = page.make_preview_request().content.decode()
    assert "ทำเนียบหน่วยงาน (ฉบับร่าง)" in preview
    public = client.get("/directory/").content.decode()
    assert "ทำเนียบหน่วยงาน (ฉบับร่าง)" not in public


def test_pending_messages_bypass_the_cache(client):
    directory_page()
    client.get("/directory/")
    client.cookies["messages"] = "pending"
    assert not is_cached(client, "/directory/")


def test_head_requests_are_answered_from_the_cache(client):
    directory_page()
    client.get("/directory/")
    with CaptureQueriesContext(connection) as queries:
        response = client.head("/directory/")
    assert response.status_code == 200 and len(queries) == 0


def test_cache_can_be_switched_off(client, settings):
    settings.COORDINATION_PAGE_CACHE_ENABLED = False
    directory_page()
    client.get("/directory/")
    assert not is_cached(client, "/directory/")


# Purging -----------------------------------------------------------------------------------


def test_publishing_an_agency_change_shows_on_the_publicity_page_that_embeds_it(client):
    agency = AgencyFactory(name_th="เทศบาลเมืองอุทัยธานี")
    AgencyPhoneFactory(agency=agency, number="056-511-111")
    page = publicity_page(card_block(agency))
    assert "056-511-111" in client.get(page.url).content.decode()
    assert is_cached(client, page.url)

    agency.phones = [AgencyPhone(kind="office", number="056-511-222")]
    revision = agency.save_revision()  # an officer's change, awaiting approval
    assert is_cached(client, page.url)
    assert "056-511-222" not in client.get(page.url).content.decode()

    revision.publish()  # the final approval publishes it
    html = client.get(page.url).content.decode()
    assert "056-511-222" in html and "056-511-111" not in html


def test_only_pages_that_show_the_agency_are_purged(client):
    agency = AgencyFactory(name_th="เทศบาลเมืองอุทัยธานี")
    other = AgencyFactory(name_th="อบต.หนองแก")
    embedding = publicity_page(card_block(agency))
    home_path = site_root().url
    client.get(embedding.url)
    client.get(home_path)
    assert pages_referencing(agency) == {embedding.pk}
    assert pages_referencing(other) == set()
    other.name_en = "Nong Kae SAO"
    other.save_revision().publish()
    assert is_cached(client, embedding.url)
    assert is_cached(client, home_path)
    agency.name_en = "Uthai Thani Town Municipality"
    agency.save_revision().publish()
    assert not is_cached(client, embedding.url)
    assert is_cached(client, home_path)


def test_unpublishing_an_agency_removes_it_from_pages_at_once(client):
    agency = AgencyFactory(name_th="เทศบาลเมืองอุทัยธานี")
    page = publicity_page(card_block(agency))
    directory_page()
    for path in (page.url, "/directory/", f"/directory/{agency.slug}/"):
        assert "เทศบาลเมืองอุทัยธานี" in client.get(path).content.decode()
    agency.unpublish()
    assert "เทศบาลเมืองอุทัยธานี" not in client.get(page.url).content.decode()
    assert "เทศบาลเมืองอุทัยธานี" not in client.get("/directory/").content.decode()
    assert client.get(f"/directory/{agency.slug}/").status_code == 404


def test_deleting_an_agency_purges_the_pages_that_showed_it(client):
    agency = AgencyFactory(name_th="เทศบาลเมืองอุทัยธานี")
    page = publicity_page(card_block(agency))
    assert "เทศบาลเมืองอุทัยธานี" in client.get(page.url).content.decode()
    agency.delete()
    assert "เทศบาลเมืองอุทัยธานี" not in client.get(page.url).content.decode()


def test_a_new_agency_appears_in_directory_blocks_and_listings_once_published(client):
    page = publicity_page(directory_block())
    directory_page()
    client.get(page.url)
    client.get("/directory/?scope=external")
    agency = AgencyFactory(name_th="เทศบาลตำบลใหม่", publish=False)
    assert "เทศบาลตำบลใหม่" not in client.get(page.url).content.decode()
    agency.save_revision().publish()
    assert "เทศบาลตำบลใหม่" in client.get(page.url).content.decode()
    assert "เทศบาลตำบลใหม่" in client.get("/directory/?scope=external").content.decode()


def test_publishing_a_page_purges_it_and_its_ancestors(client):
    page = directory_page()
    home_path = site_root().url
    client.get("/directory/")
    client.get(home_path)
    page.title = "ทำเนียบหน่วยงาน"
    page.save_revision().publish()
    assert "ทำเนียบหน่วยงาน" in client.get("/directory/").content.decode()
    assert not is_cached(client, home_path)


def test_saving_a_site_setting_purges_every_page(client):
    office_settings = apps.get_model("home", "OfficeSettings")
    directory_page()
    client.get("/directory/")
    settings_row = office_settings.for_site(site_root().get_site())
    settings_row.office_name = "สำนักงานทดสอบการล้างแคช"
    settings_row.save()
    assert "สำนักงานทดสอบการล้างแคช" in client.get("/directory/").content.decode()


# Who may see a page ------------------------------------------------------------------------


def _cache_directory_routes(client, agency) -> list[str]:
    paths = ["/directory/", f"/directory/{agency.slug}/", f"/directory/{agency.slug}/vcard.vcf"]
    for path in paths:
        client.get(path)
        assert is_cached(client, path)
    return paths


def test_making_the_directory_login_only_stops_serving_its_stored_pages_at_once(client):
    agency = AgencyFactory(name_th="เทศบาลเมืองอุทัยธานี")
    page = directory_page()
    paths = _cache_directory_routes(client, agency)
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    for path in paths:
        response = client.get(path)
        assert response.status_code == 302, path
        assert "เทศบาลเมืองอุทัยธานี" not in response.content.decode()


def test_a_restriction_on_an_ancestor_hides_the_stored_pages_under_it(client):
    agency = AgencyFactory(name_th="เทศบาลเมืองอุทัยธานี")
    directory_page()
    paths = _cache_directory_routes(client, agency)
    restriction = PageViewRestriction.objects.create(
        page=site_root(), restriction_type=PageViewRestriction.PASSWORD, password="ลับเฉพาะ"
    )
    for path in paths:
        assert "เทศบาลเมืองอุทัยธานี" not in client.get(path).content.decode(), path
    restriction.delete()
    assert "เทศบาลเมืองอุทัยธานี" in client.get("/directory/").content.decode()


def test_a_group_restriction_hides_the_stored_pages(client):
    agency = AgencyFactory(name_th="เทศบาลเมืองอุทัยธานี")
    page = directory_page()
    paths = _cache_directory_routes(client, agency)
    restriction = PageViewRestriction(page=page, restriction_type=PageViewRestriction.GROUPS)
    restriction.save()
    restriction.groups.set([Group.objects.create(name="ผู้ประสานงานเครือข่าย")])
    for path in paths:
        assert client.get(path).status_code == 302, path


def test_the_vcard_and_exports_follow_the_directory_pages_restriction(client):
    agency = AgencyFactory(name_th="เทศบาลเมืองอุทัยธานี")
    page = directory_page()
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    for path in (f"/directory/{agency.slug}/vcard.vcf", "/directory/export.csv"):
        response = client.get(path)
        assert response.status_code == 302, path
        assert "/login/" in response["Location"]


# Keys ---------------------------------------------------------------------------------------


def test_an_https_visitor_never_gets_a_page_stored_for_http(client):
    agency = AgencyFactory(name_th="เทศบาลเมืองอุทัยธานี")
    directory_page()
    path = f"/directory/{agency.slug}/"
    assert 'content="http://testserver/directory/' in client.get(path).content.decode()
    assert not is_cached(client, path, secure=True)
    html = client.get(path, secure=True).content.decode()
    assert 'content="https://testserver/directory/' in html
    assert "http://testserver/directory/" not in html


def test_unknown_query_parameters_bypass_the_cache(client):
    directory_page()
    for query in ("?utm_source=line&fbclid=IwAR0", "?scope=external&nocache=12345"):
        client.get(f"/directory/{query}")
        assert not is_cached(client, f"/directory/{query}"), query


def test_the_known_parameters_make_one_entry_whatever_their_order(client):
    directory_page()
    client.get("/directory/?scope=external&page=1")
    assert is_cached(client, "/directory/?page=1&scope=external")
    assert not is_cached(client, "/directory/?page=2&scope=external")


def test_requests_that_cannot_be_cached_never_look_the_cache_up(client, monkeypatch):
    directory_page()
    lookups = []
    real_lookup = page_cache.page_cache_lookup
    monkeypatch.setattr(
        page_cache,
        "page_cache_lookup",
        lambda request: lookups.append(request.path) or real_lookup(request),
    )
    for path in ("/healthz", "/api/v1/agencies", "/search/?q=โรงเรียน", "/robots.txt"):
        client.get(path)
    assert lookups == []
    client.get("/directory/")
    assert lookups == ["/directory/"]


def _entry(page_id: int, size: int) -> PageEntry:
    return PageEntry(page_id, ("site", "page"), 200, [], b"x" * size)


def test_each_process_keeps_a_bounded_number_of_entries_least_recently_used_out():
    entries = LocalEntries(max_entries=2, max_bytes=1000)
    entries.put("a", _entry(1, 10))
    entries.put("b", _entry(2, 10))
    assert entries.get("a") is not None  # "b" is now the least recently used
    entries.put("c", _entry(3, 10))
    assert len(entries) == 2
    assert entries.get("b") is None and entries.get("a") is not None
    entries.put("big", _entry(4, 995))  # the byte bound pushes the others out
    assert len(entries) == 1 and entries.get("big") is not None
    entries.put("huge", _entry(5, 1001))  # larger than the whole layer: not kept
    assert entries.get("huge") is None


def test_a_purge_by_another_process_reaches_this_process_copies_within_the_interval(
    client, settings
):
    """Another worker's purge changes only the shared generation; this worker's own copy of the
    page goes stale with it once this worker reads the generations again."""
    settings.COORDINATION_PAGE_CACHE_CHECK_SECONDS = 0.5
    page = directory_page()
    with time_machine.travel(datetime(2026, 12, 1, 10, 0, tzinfo=UTC), tick=False) as clock:
        client.get("/directory/")
        assert is_cached(client, "/directory/")
        shared = page_cache._cache()
        shared.set(page_cache._page_generation_key(page.pk), "bumped-elsewhere", timeout=None)
        assert is_cached(client, "/directory/")  # read 0 s ago: trusted
        clock.shift(0.6)
        assert not is_cached(client, "/directory/")


def test_a_purge_by_this_process_reaches_its_copies_at_once(client, settings):
    settings.COORDINATION_PAGE_CACHE_CHECK_SECONDS = 60
    page = directory_page()
    client.get("/directory/")
    assert is_cached(client, "/directory/")
    page_cache.page_cache_purge_pages([page.pk])
    assert not is_cached(client, "/directory/")
