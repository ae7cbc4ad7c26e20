"""`seed_demo` builds the whole website through the Wagtail hook, and running it twice changes nothing."""

import io
from datetime import datetime
from zoneinfo import ZoneInfo

import time_machine
from wagtail import hooks
from wagtail.models import Page, PageLogEntry

from home.models import NavigationSettings, NewsPage, OfficeSettings, StandardPage
from home.wagtail_hooks import build_demo_site
from tests.factories import AgencyFactory, category


def test_the_hook_is_registered():
    assert build_demo_site in hooks.get_hooks("seed_demo")


# The demo's news are dated relative to the day it is loaded.
@time_machine.travel(datetime(2026, 11, 24, 9, 0, tzinfo=ZoneInfo("Asia/Bangkok")))
def test_demo_site_is_built_once_and_published_through_revisions(client, site):
    AgencyFactory(name_th="กลุ่มอำนวยการ", category=category("office-group"), scope="internal")
    AgencyFactory(
        name_th="โรงเรียนบ้านหนองฉาง",
        category=category("school"),
        scope="internal",
        school_code="1061000001",
    )
    out = io.StringIO()
    build_demo_site(stdout=out)
    assert "website:" in out.getvalue()
    tree = list(Page.objects.values_list("url_path", "live").order_by("path"))

    build_demo_site(stdout=io.StringIO())
    assert list(Page.objects.values_list("url_path", "live").order_by("path")) == tree

    paths = {url_path for url_path, _live in tree}
    assert {"/home/", "/home/news/", "/home/basic-data/", "/home/privacy/"} <= paths
    assert all(live for _path, live in tree)
    assert NewsPage.objects.live().count() >= 6
    assert all(page.revisions.exists() for page in Page.objects.filter(depth__gte=2))
    assert PageLogEntry.objects.filter(action="wagtail.publish").count() >= 9

    office = OfficeSettings.for_site(site)
    assert office.phone and office.email and office.facebook_url and office.line_oa_url
    navigation = NavigationSettings.for_site(site)
    assert navigation.header_links.count() >= 4
    assert navigation.footer_links.exists()

    home = client.get("/").content.decode()
    assert "อำนาจหน้าที่" in home and "ข้อมูลตัวอย่าง" in home
    assert "กลุ่มอำนวยการ" in home  # a featured agency from the registry
    news = client.get("/news/").content.decode()
    assert "23 พฤศจิกายน 2569" in news  # the newest demo news: the day before it was loaded
    privacy = client.get("/privacy/").content.decode()
    assert "พระราชบัญญัติคุ้มครองข้อมูลส่วนบุคคล พ.ศ. 2562" in privacy
    assert "เจ้าหน้าที่คุ้มครองข้อมูลส่วนบุคคล" in privacy
    publicity = StandardPage.objects.get(slug="basic-data")
    assert "directory" in [block.block_type for block in publicity.body]
    assert client.get("/basic-data/").status_code == 200
