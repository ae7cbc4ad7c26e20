"""Links shared on Facebook, LINE and X show a title, a description, an image and the URL."""

import re

from home.models import NewsPage
from tests.home.conftest import make_image, publish_child


def _meta(html: str, attribute: str, name: str) -> str:
    match = re.search(rf'<meta {attribute}="{re.escape(name)}" content="([^"]*)">', html)
    assert match, f"missing {name}"
    return match.group(1)


def test_news_post_shares_its_title_summary_and_picture(client, news_index, office):
    publish_child(
        news_index,
        NewsPage(
            title="เปิดใช้ทำเนียบหน่วยงานออนไลน์",
            slug="directory-online",
            intro="ค้นหาข้อมูลติดต่อหน่วยงานได้ในที่เดียว",
            image=make_image("ภาพข่าวทำเนียบ"),
        ),
    )
    html = client.get("/news/directory-online/").content.decode()
    assert _meta(html, "property", "og:title") == "เปิดใช้ทำเนียบหน่วยงานออนไลน์"
    assert _meta(html, "property", "og:description") == "ค้นหาข้อมูลติดต่อหน่วยงานได้ในที่เดียว"
    assert _meta(html, "property", "og:url") == "http://testserver/news/directory-online/"
    assert _meta(html, "property", "og:type") == "article"
    assert _meta(html, "property", "og:locale") == "th_TH"
    image = _meta(html, "property", "og:image")
    assert image.startswith("http://") and ".fill-1200x630" in image
    assert _meta(html, "name", "twitter:card") == "summary_large_image"
    assert _meta(html, "name", "twitter:title") == "เปิดใช้ทำเนียบหน่วยงานออนไลน์"
    assert _meta(html, "name", "twitter:image") == image
    assert _meta(html, "name", "description") == "ค้นหาข้อมูลติดต่อหน่วยงานได้ในที่เดียว"


def test_home_page_falls_back_to_the_office_picture(client, home_page, office):
    html = client.get("/").content.decode()
    assert _meta(html, "property", "og:image") == "http://testserver/static/img/og-default.png"
    assert _meta(html, "property", "og:site_name") == "สพป.อุทัยธานี เขต 1"
    assert _meta(html, "property", "og:title") == home_page.title
    assert "ยินดีต้อนรับสู่เว็บไซต์สำนักงาน" in _meta(html, "property", "og:description")
