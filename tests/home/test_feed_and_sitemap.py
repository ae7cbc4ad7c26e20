"""/news/feed/ is valid RSS 2.0 in Thai; /sitemap.xml lists the published pages."""

import xml.etree.ElementTree as ET
from datetime import date
from email.utils import parsedate_to_datetime

from tests.home.conftest import make_news

SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


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
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    locations = {loc.text for loc in root.findall("sm:url/sm:loc", SITEMAP_NS)}
    paths = {location.split("://", 1)[1].split("/", 1)[1] for location in locations}
    assert {"", "news/", "basic-data/", f"news/{post.slug}/"} <= {p for p in paths}
    assert f"news/{draft.slug}/" not in paths
