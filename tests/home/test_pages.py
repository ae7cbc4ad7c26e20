"""Every page type renders for an anonymous visitor, in Thai, with Buddhist Era dates."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from wagtail.models import Page

from home.models import HomePageFeaturedAgency, NewsPage, NewsPageRelatedAgency
from tests.factories import AgencyFactory
from tests.home.conftest import make_image, make_news, publish_child


def test_home_page_shows_the_office_information_items(client, home_page, office):
    response = client.get("/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="th">' in html
    for heading in ["โครงสร้างหน่วยงาน", "ผู้บริหาร", "อำนาจหน้าที่", "ข้อมูลการติดต่อ", "ข่าวประชาสัมพันธ์ล่าสุด"]:
        assert heading in html
    assert "วิสัยทัศน์ทดสอบของสำนักงาน" in html
    assert "กำกับ ดูแล ติดตาม และประเมินผลสถานศึกษา" in html
    assert "กลุ่มนโยบายและแผน" in html
    assert "นายทดสอบ ผู้บริหาร" in html
    assert 'action="/directory/"' in html and 'name="q"' in html


def test_home_page_lists_latest_news_with_buddhist_era_dates(client, news_index):
    make_news(news_index, 5)
    html = client.get("/").content.decode()
    assert "ข่าวทดสอบลำดับที่ 1" in html
    assert "24 พฤศจิกายน 2569" in html
    assert "ข่าวทดสอบลำดับที่ 5" not in html  # only the newest four


def test_featured_agencies_show_only_public_live_ones(client, home_page):
    public = AgencyFactory(name_th="โรงเรียนบ้านหนองฉาง")
    internal = AgencyFactory(name_th="หน่วยงานภายในลับ", visibility="internal")
    draft = AgencyFactory(name_th="หน่วยงานยังไม่เผยแพร่", publish=False)
    home_page.featured_agencies = [
        HomePageFeaturedAgency(agency=agency, sort_order=order)
        for order, agency in enumerate([public, internal, draft])
    ]
    home_page.save_revision().publish()
    html = client.get("/").content.decode()
    assert "โรงเรียนบ้านหนองฉาง" in html
    assert f"/directory/{public.slug}/" in html
    assert "หน่วยงานภายในลับ" not in html
    assert "หน่วยงานยังไม่เผยแพร่" not in html


def test_news_index_pages_and_filters_by_category(client, news_index, category):
    make_news(news_index, 12)
    make_news(news_index, 1, start=date(2026, 1, 5), category=category)
    first = client.get("/news/").content.decode()
    assert first.count('class="news-card"') == 10
    assert 'aria-current="page"' in first and "?page=2" in first
    second = client.get("/news/?page=2").content.decode()
    assert second.count('class="news-card"') == 3
    filtered = client.get("/news/?category=announcement").content.decode()
    assert filtered.count('class="news-card"') == 1
    assert "5 มกราคม 2569" in filtered
    assert '<label for="news-category">หมวดข่าว</label>' in filtered


def test_news_index_filters_by_tag(client, news_index):
    tagged, _other = make_news(news_index, 2)
    tagged.tags.add("ทำเนียบหน่วยงาน")
    tagged.save_revision().publish()
    html = client.get("/news/?tag=ทำเนียบหน่วยงาน").content.decode()
    assert html.count('class="news-card"') == 1
    assert tagged.title in html


def test_news_page_shows_date_category_tags_image_and_public_related_agencies(
    client, news_index, category
):
    public = AgencyFactory(name_th="องค์การบริหารส่วนจังหวัดอุทัยธานี")
    internal = AgencyFactory(name_th="หน่วยงานภายในเท่านั้น", visibility="internal")
    post = publish_child(
        news_index,
        NewsPage(
            title="ประชุมผู้บริหารสถานศึกษา",
            slug="meeting",
            date=date(2026, 11, 24),
            category=category,
            image=make_image("ภาพการประชุม"),
            intro="สรุปการประชุมผู้บริหารสถานศึกษา",
            related_agencies=[
                NewsPageRelatedAgency(agency=public, sort_order=0),
                NewsPageRelatedAgency(agency=internal, sort_order=1),
            ],
        ),
    )
    post.tags.add("ประชุม")
    post.save_revision().publish()

    response = client.get("/news/meeting/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "24 พฤศจิกายน 2569" in html
    assert 'datetime="2026-11-24"' in html
    assert "ประกาศ" in html
    assert "#ประชุม" in html
    assert "<img" in html
    assert "หน่วยงานที่เกี่ยวข้อง" in html
    assert "องค์การบริหารส่วนจังหวัดอุทัยธานี" in html
    assert "หน่วยงานภายในเท่านั้น" not in html


def test_unpublished_related_agency_change_is_not_shown(client, news_index):
    agency = AgencyFactory(name_th="โรงเรียนอนุบาลอุทัยธานี")
    agency.name_th = "ชื่อร่างที่ยังไม่อนุมัติ"
    agency.save_revision()  # a draft, not published
    publish_child(
        news_index,
        NewsPage(
            title="ข่าวโรงเรียน",
            slug="school-news",
            intro="สรุป",
            related_agencies=[NewsPageRelatedAgency(agency=agency, sort_order=0)],
        ),
    )
    html = client.get("/news/school-news/").content.decode()
    assert "โรงเรียนอนุบาลอุทัยธานี" in html
    assert "ชื่อร่างที่ยังไม่อนุมัติ" not in html


def test_standard_page_renders_its_stream_and_update_date(client, standard_page):
    # 00:20 in Bangkok is still the previous day in UTC: the date shown is the office's.
    bangkok = ZoneInfo("Asia/Bangkok")
    with time_machine.travel(datetime(2026, 11, 24, 0, 20, tzinfo=bangkok), tick=False):
        standard_page.save_revision().publish()
    response = client.get("/basic-data/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<h2>ภารกิจของงานประสานงาน</h2>" in html
    assert "ประสานข้อมูลพื้นฐานของหน่วยงาน" in html
    assert "ปรับปรุงข้อมูลล่าสุด" in html
    assert "24 พฤศจิกายน 2569" in html  # the Buddhist Era date of the last publication


def test_draft_pages_are_not_public(client, news_index):
    post = make_news(news_index, 1)[0]
    post.unpublish()
    assert client.get(post.url or "/news/news-1/").status_code == 404


@pytest.mark.parametrize(
    ("parent_model", "child_model", "allowed"),
    [
        ("home.HomePage", "home.NewsIndexPage", True),
        ("home.HomePage", "home.StandardPage", True),
        ("home.HomePage", "home.NewsPage", False),
        ("home.NewsIndexPage", "home.NewsPage", True),
        ("home.NewsIndexPage", "home.StandardPage", False),
        ("home.StandardPage", "home.StandardPage", True),
        ("home.StandardPage", "home.NewsIndexPage", False),
        ("home.NewsPage", "home.NewsPage", False),
        ("wagtailcore.Page", "home.NewsPage", False),
    ],
)
def test_subpage_rules(parent_model, child_model, allowed, db):
    from django.apps import apps

    parent = apps.get_model(parent_model)
    child = apps.get_model(child_model)
    assert (child in parent.allowed_subpage_models()) is allowed


def test_only_one_home_page_and_one_news_index(home_page, news_index):
    from home.models import HomePage, NewsIndexPage

    assert not HomePage.can_create_at(Page.objects.get(depth=1))
    assert not NewsIndexPage.can_create_at(home_page)
