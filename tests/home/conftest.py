"""Page trees for the website tests, built the way editors build them: add, revise, publish."""

import io
from datetime import date, timedelta

import pytest
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Page, Site
from wagtail.rich_text import RichText

from home.models import (
    FooterMenuLink,
    HeaderMenuLink,
    HomePage,
    HomePageExecutive,
    NavigationSettings,
    NewsCategory,
    NewsIndexPage,
    NewsPage,
    OfficeSettings,
    StandardPage,
)


def publish_child(parent: Page, page: Page) -> Page:
    page.live = False
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def make_image(title: str = "ภาพทดสอบ", colour=(11, 79, 138)):
    buffer = io.BytesIO()
    PILImage.new("RGB", (64, 36), colour).save(buffer, format="PNG")
    return get_image_model().objects.create(
        title=title, file=ImageFile(buffer, name="test.png"), description=f"คำอธิบาย{title}"
    )


def make_news(
    index: NewsIndexPage, count: int, *, start=date(2026, 11, 24), category=None, image=None
):
    posts = []
    for number in range(count):
        posts.append(
            publish_child(
                index,
                NewsPage(
                    title=f"ข่าวทดสอบลำดับที่ {number + 1}",
                    slug=f"news-{index.get_children_count() + 1}",
                    date=start - timedelta(days=number),
                    category=category,
                    image=image,
                    intro=f"สรุปข่าวทดสอบลำดับที่ {number + 1}",
                    body=[("paragraph", RichText(f"<p>เนื้อหาข่าวลำดับที่ {number + 1}</p>"))],
                ),
            )
        )
    return posts


@pytest.fixture
def site(db):
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def home_page(site):
    home = site.root_page.specific
    assert isinstance(home, HomePage)
    home.intro = "<p>ยินดีต้อนรับสู่เว็บไซต์สำนักงาน</p>"
    home.vision = "วิสัยทัศน์ทดสอบของสำนักงาน"
    home.mission = "<ol><li>จัดการศึกษาขั้นพื้นฐานอย่างทั่วถึง</li></ol>"
    home.duties = "<ol><li>กำกับ ดูแล ติดตาม และประเมินผลสถานศึกษา</li></ol>"
    home.structure = "<ul><li>กลุ่มอำนวยการ</li><li>กลุ่มนโยบายและแผน</li></ul>"
    home.executives = [
        HomePageExecutive(name="นายทดสอบ ผู้บริหาร", position="ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษา")
    ]
    home.save_revision().publish()
    home.refresh_from_db()
    return home


@pytest.fixture
def category(db):
    return NewsCategory.objects.create(name="ประกาศ", slug="announcement")


@pytest.fixture
def news_index(home_page):
    return publish_child(
        home_page, NewsIndexPage(title="ข่าวประชาสัมพันธ์", slug="news", intro="ข่าวของสำนักงาน")
    )


@pytest.fixture
def standard_page(home_page):
    return publish_child(
        home_page,
        StandardPage(
            title="ประชาสัมพันธ์ข้อมูลพื้นฐาน",
            slug="basic-data",
            intro="ข้อมูลพื้นฐานของสำนักงาน",
            body=[
                ("heading", {"text": "ภารกิจของงานประสานงาน", "level": "h2"}),
                ("paragraph", RichText("<p>ประสานข้อมูลพื้นฐานของหน่วยงาน</p>")),
            ],
        ),
    )


@pytest.fixture
def office(site):
    settings = OfficeSettings.for_site(site)
    settings.office_name = "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาอุทัยธานี เขต 1"
    settings.short_name = "สพป.อุทัยธานี เขต 1"
    settings.address = "ถนนศรีอุทัย ตำบลอุทัยใหม่ อำเภอเมืองอุทัยธานี จังหวัดอุทัยธานี 61000"
    settings.phone = "056 511 061"
    settings.email = "contact@uthai1.example.go.th"
    settings.facebook_url = "https://www.facebook.com/uthai1.example"
    settings.line_oa_url = "https://line.me/R/ti/p/@uthai1example"
    settings.complaint_url = "https://complaint.example.go.th/uthai1"
    settings.map_url = "https://www.openstreetmap.org/?mlat=15.38&mlon=100.02"
    settings.save()
    return settings


@pytest.fixture
def menus(site, news_index, standard_page):
    navigation = NavigationSettings.for_site(site)
    navigation.header_links = [
        HeaderMenuLink(link_page=news_index, sort_order=0),
        HeaderMenuLink(link_url="/directory/", link_text="ทำเนียบหน่วยงาน", sort_order=1),
    ]
    navigation.footer_links = [
        FooterMenuLink(link_page=standard_page, link_text="ข้อมูลพื้นฐาน", sort_order=0)
    ]
    navigation.save()
    return navigation


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Anonymous pages are cached (coordination.cache); each test starts from an empty cache."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
