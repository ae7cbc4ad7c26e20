"""/news/feed/ is valid RSS 2.0 in Thai; /sitemap.xml lists the published pages on the real host;
/robots.txt points crawlers to it."""

import xml.etree.ElementTree as ET
from datetime import date
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.encoding import iri_to_uri
from wagtail.models import PageViewRestriction
from wagtail.rich_text import RichText
from wagtail.test.utils.form_data import (
    nested_form_data,
    querydict_from_html,
    rich_text,
    streamfield,
)

from home.models import NewsPage
from home.sitemaps import AgencySitemap
from tests.coordination.directory_support import directory_page
from tests.factories import AgencyFactory
from tests.home.conftest import make_news

SM = "http://www.sitemaps.org/schemas/sitemap/0.9"
SITEMAP_NS = {"sm": SM}


def sitemap_parts(client, **request) -> dict[str, list[str]]:
    """{part's address: its page addresses}, read as a crawler does: the index, then each part."""
    response = client.get("/sitemap.xml", **request)
    assert response.status_code == 200
    index = ET.fromstring(response.content)
    assert index.tag == f"{{{SM}}}sitemapindex"
    parts = {}
    for location in (loc.text for loc in index.findall("sm:sitemap/sm:loc", SITEMAP_NS)):
        address = urlsplit(location)
        part = client.get(f"{address.path}?{address.query}", **request)
        assert part.status_code == 200, location
        urlset = ET.fromstring(part.content)
        parts[location] = [loc.text for loc in urlset.findall("sm:url/sm:loc", SITEMAP_NS)]
    return parts


def sitemap_locations(client, **request) -> set[str]:
    return {location for urls in sitemap_parts(client, **request).values() for location in urls}


def test_news_feed_is_valid_rss_with_items(client, news_index, category):
    make_news(news_index, 3, start=date(2026, 11, 24), category=category)
    response = client.get("/news/feed/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    assert channel.findtext("language") == "th"
    assert "ข่าวประชาสัมพันธ์" in channel.findtext("title")
    items = channel.findall("item")
    assert [item.findtext("title") for item in items] == [
        "ข่าวทดสอบลำดับที่ 1",
        "ข่าวทดสอบลำดับที่ 2",
        "ข่าวทดสอบลำดับที่ 3",
    ]
    first = items[0]
    assert first.findtext("link").endswith("/news/news-1/")
    assert first.findtext("description").startswith("24 พฤศจิกายน 2569")
    assert first.findtext("category") == "ประกาศ"
    published = parsedate_to_datetime(first.findtext("pubDate"))  # RFC 822
    assert published.date() == date(2026, 11, 24)


def test_news_feed_leaves_out_unpublished_posts(client, news_index):
    kept, withdrawn = make_news(news_index, 2)
    withdrawn.unpublish()
    items = ET.fromstring(client.get("/news/feed/").content).findall("channel/item")
    assert [item.findtext("title") for item in items] == [kept.title]


def test_sitemap_lists_published_pages(client, news_index, standard_page):
    post = make_news(news_index, 1)[0]
    draft = make_news(news_index, 1)[0]
    draft.unpublish()
    locations = sitemap_locations(client)
    paths = {location.split("://", 1)[1].split("/", 1)[1] for location in locations}
    assert {"", "news/", "basic-data/", f"news/{post.slug}/"} <= {p for p in paths}
    assert f"news/{draft.slug}/" not in paths


def test_feed_stays_valid_xml_with_control_characters_already_stored(client, news_index):
    post = make_news(news_index, 1)[0]
    # Saved around the input rule (an old row, a raw update): the feed must still be XML.
    NewsPage.objects.filter(pk=post.pk).update(
        # (No NUL: PostgreSQL text cannot hold one, so no stored row can carry it.)
        title="ประกาศ\x0cรับสมัคร\ufffe",
        intro="สรุป\x0bข่าว\x01\nบรรทัดสอง",
    )
    response = client.get("/news/feed/")
    assert response.status_code == 200
    [item] = ET.fromstring(response.content).findall("channel/item")
    assert item.findtext("title") == "ประกาศรับสมัคร"
    assert item.findtext("description").endswith("— สรุปข่าว\nบรรทัดสอง")


def test_page_editor_strips_control_characters_pasted_into_a_news_post(
    client, superuser, news_index
):
    post = make_news(news_index, 1)[0]
    client.force_login(superuser)
    edit_url = reverse("wagtailadmin_pages:edit", args=[post.pk])
    data = querydict_from_html(client.get(edit_url).content.decode(), form_id="page-edit-form")
    body = nested_form_data(
        {"body": streamfield([("paragraph", rich_text("<p>เนื้อ\x0bหา\x0cข่าว</p>"))])}
    )
    for name, value in body.items():
        data[name] = value
    data["title"] = "ข่าว\x0bรับสมัครครู"
    data["intro"] = "สรุป\x0bข่าว\nบรรทัดสอง"
    data["action-publish"] = "action-publish"

    response = client.post(edit_url, data)

    assert response.status_code == 302
    post.refresh_from_db()
    assert (post.title, post.intro) == ("ข่าวรับสมัครครู", "สรุปข่าว\nบรรทัดสอง")
    paragraph = str(post.body[0].value)  # text inside blocks too
    assert "เนื้อหา" in paragraph and "\x0b" not in paragraph and "\x0c" not in paragraph
    assert post.live and not post.has_unpublished_changes
    [item] = ET.fromstring(client.get("/news/feed/").content).findall("channel/item")
    assert item.findtext("title") == "ข่าวรับสมัครครู"


def test_text_inside_stream_blocks_loses_control_characters_on_clean(news_index):
    post = make_news(news_index, 1)[0]
    post.body = [
        ("heading", {"text": "หัว\x0bข้อ", "level": "h2"}),
        ("paragraph", RichText("<p>ย่อ\x1fหน้า\nบรรทัด</p>")),
    ]
    post.full_clean()
    assert post.body[0].value["text"] == "หัวข้อ"
    assert str(post.body[1].value) == "<p>ย่อหน้า\nบรรทัด</p>"


def test_sitemap_uses_the_requested_host_for_pages_and_agencies(
    client, settings, news_index, standard_page
):
    settings.ALLOWED_HOSTS = ["www.example.go.th"]
    post = make_news(news_index, 1)[0]
    directory_page()
    agency = AgencyFactory(name_th="โรงเรียนบ้านหนองฉาง", slug="ban-nong-chang")

    parts = sitemap_parts(client, HTTP_HOST="www.example.go.th", secure=True)

    assert set(parts) == {
        "https://www.example.go.th/sitemap-pages.xml",
        "https://www.example.go.th/sitemap-agencies.xml",
    }
    locations = {location for urls in parts.values() for location in urls}
    assert {
        "https://www.example.go.th/",
        f"https://www.example.go.th/news/{post.slug}/",
        "https://www.example.go.th/directory/",
        f"https://www.example.go.th/directory/{agency.slug}/",
    } <= locations
    assert all(location.startswith("https://www.example.go.th/") for location in locations)


def test_sitemap_keeps_a_sites_real_hostname(client, settings, site, home_page):
    settings.ALLOWED_HOSTS = ["www.example.go.th", "uthai1.example.go.th"]
    site.hostname, site.port = "uthai1.example.go.th", 443
    site.save()

    locations = sitemap_locations(client, HTTP_HOST="www.example.go.th")

    assert locations == {"https://uthai1.example.go.th/"}


def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_admin_and_search(
    client, settings, home_page
):
    settings.ALLOWED_HOSTS = ["www.example.go.th"]
    response = client.get("/robots.txt", HTTP_HOST="www.example.go.th", secure=True)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert "max-age" in response["Cache-Control"]
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    assert {"Disallow: /admin/", "Disallow: /search/", "Disallow: /search/suggest"} <= set(lines)
    assert "Sitemap: https://www.example.go.th/sitemap.xml" in lines
    assert client.get("/sitemap.xml", HTTP_HOST="www.example.go.th").status_code == 200


def test_sitemap_parts_hold_at_most_the_part_size_and_the_index_lists_every_part(
    client, monkeypatch, home_page
):
    monkeypatch.setattr(AgencySitemap, "limit", 2)
    directory_page()
    agencies = [AgencyFactory(name_th=f"โรงเรียนบ้านทดสอบ {n}") for n in range(5)]
    AgencyFactory(name_th="หน่วยงานภายใน", visibility="internal")

    parts = sitemap_parts(client)

    agency_parts = {location: urls for location, urls in parts.items() if "agencies" in location}
    assert sorted(agency_parts) == [
        "http://testserver/sitemap-agencies.xml",
        "http://testserver/sitemap-agencies.xml?p=2",
        "http://testserver/sitemap-agencies.xml?p=3",
    ]
    assert [len(urls) for urls in agency_parts.values()] == [2, 2, 1]
    listed = {url.rsplit("/", 2)[1] for urls in agency_parts.values() for url in urls}
    assert listed == {iri_to_uri(agency.slug) for agency in agencies}


def test_sitemap_parts_are_kept_until_an_agency_is_published(client, home_page):
    directory_page()
    first = AgencyFactory(name_th="โรงเรียนบ้านหนองฉาง")
    assert any(iri_to_uri(first.slug) in url for url in sitemap_locations(client))

    with CaptureQueriesContext(connection) as queries:
        again = client.get("/sitemap-agencies.xml")
    assert again.status_code == 200 and len(queries) == 0  # kept whole, no database

    second = AgencyFactory(name_th="โรงเรียนวัดหนองขุนชาติ")  # published: the parts are stale
    locations = sitemap_locations(client)
    assert any(iri_to_uri(second.slug) in url for url in locations)

    second.unpublish()
    assert not any(iri_to_uri(second.slug) in url for url in sitemap_locations(client))


def test_sitemap_leaves_out_a_page_made_private(client, news_index, standard_page):
    assert any(url.endswith("/basic-data/") for url in sitemap_locations(client))
    PageViewRestriction.objects.create(page=standard_page, restriction_type="login")
    assert not any(url.endswith("/basic-data/") for url in sitemap_locations(client))


def test_sitemap_ignores_unknown_parameters_and_refuses_a_missing_part(client, home_page):
    directory_page()
    AgencyFactory(name_th="โรงเรียนบ้านหนองฉาง")
    plain = client.get("/sitemap-agencies.xml")
    tracked = client.get("/sitemap-agencies.xml?utm_source=x")
    assert tracked.content == plain.content
    assert client.get("/sitemap-agencies.xml?p=9").status_code == 404
    assert client.get("/sitemap-unknown.xml").status_code == 404
