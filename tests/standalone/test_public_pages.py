"""The registry's public surfaces render in a Wagtail site without our `home` app and its base
template: the directory, an agency page, its vCard, /search/ and the API."""

import re

import pytest
from django.conf import settings
from django.template.loader import get_template
from wagtail.models import Site

from tests.coordination.directory_support import directory_page
from tests.factories import AgencyFactory, AgencyPhoneFactory

pytestmark = pytest.mark.django_db

NAME = "โรงเรียนบ้านหนองฉาง"


@pytest.fixture
def agency(db):
    directory_page()
    agency = AgencyFactory(name_th=NAME, short_name="รร.บ้านหนองฉาง", email="school@example.go.th")
    AgencyPhoneFactory(agency=agency, number="056-511-061")
    return agency


def html_of(response) -> str:
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"].startswith("text/html")
    return response.content.decode()


def assert_app_frame(html: str):
    """The app's own base: a complete, accessible Thai page, not the host's."""
    assert html.startswith("<!DOCTYPE html>")
    assert '<html lang="th">' in html
    assert '<a class="skip-link" href="#main">' in html
    assert '<main id="main"' in html
    assert "coordination/css/base.css" in html
    assert re.search(r"<title>[^<]+</title>", html)


def test_the_app_base_is_the_default():
    assert not hasattr(settings, "COORDINATION_BASE_TEMPLATE")
    assert get_template("coordination/site_base.html")


def test_directory_lists_the_agency(client, agency):
    Site.objects.filter(is_default_site=True).update(site_name="สำนักงานตัวอย่าง")
    html = html_of(client.get("/directory/"))
    assert_app_frame(html)
    assert "<title>สมุดรายชื่อหน่วยงาน | สำนักงานตัวอย่าง</title>" in html
    assert NAME in html
    assert f'href="/directory/{agency.slug}/"' in html
    assert 'class="breadcrumbs"' in html


def test_directory_pages_through_many_agencies(client, agency):
    for index in range(30):
        AgencyFactory(name_th=f"หน่วยงานทดสอบหน้า {index:02d}")
    html = html_of(client.get("/directory/"))
    assert '<nav class="pagination"' in html
    assert 'href="?page=2"' in html
    assert html_of(client.get("/directory/?page=2")).count('class="directory-item"') > 0


def test_agency_page_shows_its_public_card(client, agency):
    html = html_of(client.get(f"/directory/{agency.slug}/"))
    assert_app_frame(html)
    assert f"<title>{NAME} |" in html
    assert NAME in html and "056-511-061" in html
    assert 'type="application/ld+json"' in html
    assert f'href="/directory/{agency.slug}/vcard.vcf"' in html


def test_agency_vcard(client, agency):
    response = client.get(f"/directory/{agency.slug}/vcard.vcf")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/vcard; charset=utf-8"
    text = response.content.decode("utf-8")
    assert text.startswith("BEGIN:VCARD\r\nVERSION:4.0\r\n")
    assert text.endswith("END:VCARD\r\n")
    assert f"FN:{NAME}" in text.replace("\r\n ", "")


def test_site_search_finds_the_agency(client, agency):
    html = html_of(client.get("/search/", {"q": "หนองฉาง"}))
    assert_app_frame(html)
    assert NAME in html
    assert f'href="/directory/{agency.slug}/"' in html
    assert html_of(client.get("/search/")).count('role="search"') == 1


def test_search_suggestions(client, agency):
    response = client.get("/search/suggest", {"q": "หนองฉาง"})
    assert response.status_code == 200
    assert response.json()["results"][0]["url"] == f"/directory/{agency.slug}/"


def test_api_lists_and_details_the_agency(client, agency):
    listing = client.get("/api/v1/agencies")
    assert listing.status_code == 200
    assert listing["Content-Type"].startswith("application/json")
    body = listing.json()
    assert body["total_items"] == 1
    assert [row["name"] for row in body["contents"]] == [NAME]
    detail = client.get(f"/api/v1/agencies/{agency.pk}")
    assert detail.status_code == 200
    assert detail.json()["name"] == NAME
    assert client.get("/api/v1/openapi.json").status_code == 200


def test_unknown_agency_is_404(client, agency):
    assert client.get("/directory/no-such-agency/").status_code == 404
    assert client.get("/directory/no-such-agency/vcard.vcf").status_code == 404
