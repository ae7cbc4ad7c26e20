"""The site-wide /search/ page: agencies, news and pages grouped, Thai words inside titles and
bodies found, only live public pages shown."""

import re
from datetime import date, datetime
from html import unescape
from zoneinfo import ZoneInfo

import pytest
import time_machine
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.rich_text import RichText

from home.models import NewsIndexPage, NewsPage, StandardPage
from tests.factories import AgencyFactory

pytestmark = pytest.mark.django_db


def publish_child(parent: Page, page: Page) -> Page:
    page.live = False
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def home(db):
    return Site.objects.get(is_default_site=True).root_page.specific


@pytest.fixture
def news_index(home):
    return publish_child(home, NewsIndexPage(title="ข่าวประชาสัมพันธ์", slug="news"))


def news(index, title, body, *, day=date(2026, 11, 24), **extra):
    return publish_child(
        index,
        NewsPage(
            title=title,
            slug=f"news-{index.get_children_count() + 1}",
            date=day,
            intro=extra.pop("intro", "สรุปข่าว"),
            body=[("paragraph", RichText(f"<p>{body}</p>"))],
            **extra,
        ),
    )


def group_titles(html: str, key: str) -> list[str]:
    section = re.search(
        rf'<section class="search-group search-group--{key}".*?</section>', html, re.S
    )
    assert section, key
    return [
        unescape(title)
        for title in re.findall(
            r'<h3 class="search-result__title">(?:<a [^>]*>)?([^<]+)', section.group(0)
        )
    ]


def search(client, q, **params):
    response = client.get("/search/", {"q": q, **params})
    assert response.status_code == 200
    return response.content.decode()


def test_news_and_pages_are_found_by_thai_words_inside_titles_and_bodies(client, home, news_index):
    news(news_index, "โรงเรียนบ้านหนองฉางจัดกิจกรรมวันวิทยาศาสตร์", "นักเรียนร่วมกิจกรรม")
    news(news_index, "ประชุมผู้บริหารสถานศึกษา", "ประชุมที่โรงเรียนอนุบาลหนองฉาง อำเภอหนองฉาง")
    publish_child(
        home,
        StandardPage(
            title="ช่องทางติดต่อหน่วยงานในอำเภอหนองฉาง",
            slug="contacts",
            body=[("paragraph", RichText("<p>รายชื่อหน่วยงาน</p>"))],
        ),
    )
    AgencyFactory(name_th="โรงเรียนบ้านหนองฉาง")
    html = search(client, "หนองฉาง")
    assert group_titles(html, "agencies") == ["โรงเรียนบ้านหนองฉาง"]
    # A match in the title comes before a match in the body.
    assert group_titles(html, "news") == [
        "โรงเรียนบ้านหนองฉางจัดกิจกรรมวันวิทยาศาสตร์",
        "ประชุมผู้บริหารสถานศึกษา",
    ]
    assert group_titles(html, "pages") == ["ช่องทางติดต่อหน่วยงานในอำเภอหนองฉาง"]
    assert "24 พฤศจิกายน 2569" in html  # the news date in the Buddhist Era


@time_machine.travel(datetime(2027, 3, 10, 9, 0, tzinfo=ZoneInfo("Asia/Bangkok")), tick=False)
def test_news_show_and_sort_by_their_own_date_not_by_when_they_were_published(client, news_index):
    """News typed in late (published in March 2570) keep the dates the events happened."""
    news(news_index, "ข่าวเก่าเรื่องห้วยคต", "เนื้อหา", day=date(2026, 6, 1))
    news(news_index, "ข่าวใหม่เรื่องห้วยคต", "เนื้อหา", day=date(2026, 12, 25))
    news(news_index, "ข่าวกลางเรื่องห้วยคต", "เนื้อหา", day=date(2026, 9, 15))
    html = search(client, "ห้วยคต")
    assert group_titles(html, "news") == [
        "ข่าวใหม่เรื่องห้วยคต",
        "ข่าวกลางเรื่องห้วยคต",
        "ข่าวเก่าเรื่องห้วยคต",
    ]
    for shown in ("25 ธันวาคม 2569", "15 กันยายน 2569", "1 มิถุนายน 2569"):
        assert shown in html
    assert "10 มีนาคม 2570" not in html  # the day they were published is not the news date


def test_drafts_and_restricted_pages_are_not_found(client, home, news_index):
    news(news_index, "ข่าวเผยแพร่แล้วเรื่องทุ่งโพ", "เนื้อหา")
    draft = news(news_index, "ข่าวฉบับร่างเรื่องทุ่งโพ", "เนื้อหา")
    draft.unpublish()
    private = publish_child(home, StandardPage(title="หน้าภายในเรื่องทุ่งโพ", slug="private"))
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    html = search(client, "ทุ่งโพ")
    assert group_titles(html, "news") == ["ข่าวเผยแพร่แล้วเรื่องทุ่งโพ"]
    assert "หน้าภายในเรื่องทุ่งโพ" not in html
    assert "ข่าวฉบับร่าง" not in html


def test_one_group_with_pages_of_results(client, news_index):
    for number in range(25):
        news(news_index, f"ข่าวสะแกกรังฉบับที่ {number + 1}", "เนื้อหา")
    overview = search(client, "สะแกกรัง")
    assert len(group_titles(overview, "news")) == 5
    assert "ดูข่าวประชาสัมพันธ์ทั้งหมด 25 รายการ" in overview
    first = search(client, "สะแกกรัง", type="news")
    assert len(group_titles(first, "news")) == 20
    assert 'href="?q=%E0%B8%AA' in first  # pagination keeps the query
    second = search(client, "สะแกกรัง", type="news", page="2")
    assert len(group_titles(second, "news")) == 5
    assert "search-group--agencies" not in second
