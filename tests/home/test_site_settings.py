"""The office's contact details and the menus editors set appear on every page."""

import pytest

from tests.home.conftest import make_news

PAGES = ["/", "/news/", "/basic-data/", "/no-such-page/"]


@pytest.fixture
def site_pages(news_index, standard_page, office, menus):
    make_news(news_index, 1)


@pytest.mark.parametrize("path", PAGES)
def test_footer_shows_the_office_settings_on_every_page(client, site_pages, path):
    html = client.get(path).content.decode()
    footer = html[html.index('<footer class="site-footer"') :]
    assert "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาอุทัยธานี เขต 1" in footer
    assert "ถนนศรีอุทัย ตำบลอุทัยใหม่" in footer
    assert '<a href="tel:+6656511061">056 511 061</a>' in footer
    assert "mailto:contact@uthai1.example.go.th" in footer
    assert "https://www.facebook.com/uthai1.example" in footer
    assert "https://line.me/R/ti/p/@uthai1example" in footer
    assert "https://complaint.example.go.th/uthai1" in footer
    assert "แผนที่ตั้งสำนักงาน" in footer


@pytest.mark.parametrize("path", PAGES)
def test_header_menu_and_footer_links_follow_the_navigation_settings(client, site_pages, path):
    html = client.get(path).content.decode()
    nav = html[html.index('<nav class="site-nav"') : html.index("</nav>")]
    assert '<a href="/news/"' in nav and "ข่าวประชาสัมพันธ์" in nav
    assert '<a href="/directory/">ทำเนียบหน่วยงาน</a>' in nav
    footer = html[html.index('<footer class="site-footer"') :]
    assert '<a href="/basic-data/"' in footer and "ข้อมูลพื้นฐาน" in footer


def test_current_section_is_marked_in_the_menu(client, site_pages):
    html = client.get("/news/").content.decode()
    assert '<a href="/news/" aria-current="page">' in html


def test_without_menu_settings_the_header_lists_pages_shown_in_menus(client, standard_page):
    standard_page.show_in_menus = True
    standard_page.save_revision().publish()
    html = client.get("/").content.decode()
    nav = html[html.index('<nav class="site-nav"') : html.index("</nav>")]
    assert '<a href="/basic-data/">ประชาสัมพันธ์ข้อมูลพื้นฐาน</a>' in nav


def test_menu_skips_unpublished_pages(client, site_pages, news_index):
    news_index.unpublish()
    html = client.get("/basic-data/").content.decode()
    nav = html[html.index('<nav class="site-nav"') : html.index("</nav>")]
    assert "/news/" not in nav


def test_office_phone_is_normalised_and_validated(site):
    from django.core.exceptions import ValidationError

    from home.models import OfficeSettings

    office = OfficeSettings.for_site(site)
    office.phone = "056-511061 ต่อ 12"
    office.full_clean()
    assert office.phone == "056 511 061 ต่อ 12"
    office.phone = "โทรหาเรา"
    with pytest.raises(ValidationError) as error:
        office.full_clean()
    assert "phone" in error.value.message_dict


def test_frame_follows_a_changed_setting_at_once(client, site_pages, office):
    assert "056 511 061" in client.get("/news/").content.decode()  # the cached frame is warm
    office.phone = "056 599 100"
    office.save()
    html = client.get("/news/").content.decode()
    assert "056 599 100" in html and "056 511 061" not in html


def test_menu_drops_a_linked_page_once_it_is_unpublished(client, site_pages, standard_page):
    html = client.get("/news/").content.decode()
    assert '<a href="/basic-data/"' in html[html.index('<footer class="site-footer"') :]
    standard_page.unpublish()
    html = client.get("/news/").content.decode()
    assert '<a href="/basic-data/"' not in html[html.index('<footer class="site-footer"') :]


def test_a_warm_frame_costs_no_query(client, site_pages):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get("/news/")
    with CaptureQueriesContext(connection) as queries:
        client.get("/news/?tag=none")  # a URL not in the page cache yet: the page renders
    frame_tables = ("home_officesettings", "home_navigationsettings", "home_headermenulink")
    assert not [q for q in queries.captured_queries if any(t in q["sql"] for t in frame_tables)]
