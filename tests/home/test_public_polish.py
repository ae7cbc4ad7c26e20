"""What a tester found on the public site: the office's internal jargon in public text, and a
complaint link listed twice in the footer."""

import io
import re
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import time_machine
from bs4 import BeautifulSoup
from django.conf import settings

from home.models import FooterMenuLink, NavigationSettings, OfficeSettings
from home.wagtail_hooks import build_demo_site
from tests.factories import AgencyFactory, AgencyPhoneFactory, category

DEMO_DATA = Path(settings.BASE_DIR) / "home" / "demo" / "data"
# "ขั้นตอนที่ 5.5", "(คู่มือการปฏิบัติงาน ... ขั้นตอน ...)": the operations manual's step numbers
# mean something to the officers who wrote it, nothing to the public reading the site.
MANUAL_STEP = re.compile(r"ขั้นตอนที่\s*\d|คู่มือการปฏิบัติงาน[^.]*ขั้นตอน")


def footer_of(html: str):
    soup = BeautifulSoup(html, "html.parser")
    return soup.find("footer", class_="site-footer")


def test_demo_content_cites_no_manual_steps():
    for path in DEMO_DATA.iterdir():
        assert not MANUAL_STEP.search(path.read_text(encoding="utf-8")), path.name


@time_machine.travel(datetime(2026, 11, 24, 9, 0, tzinfo=ZoneInfo("Asia/Bangkok")))
def test_demo_site_shows_no_manual_steps_and_one_complaint_link(client, site):
    groups = category("office-group")
    group = AgencyFactory(name_th="กลุ่มอำนวยการ", category=groups, scope="internal")
    AgencyPhoneFactory(agency=group, number="056-511-061")
    build_demo_site(stdout=io.StringIO())

    response = client.get("/basic-data/")
    assert response.status_code == 200
    html = response.content.decode()
    soup = BeautifulSoup(html, "html.parser")
    description = soup.find("meta", attrs={"name": "description"})["content"]
    assert description and not MANUAL_STEP.search(description)
    assert not MANUAL_STEP.search(soup.get_text(" "))

    for path in ("/", "/basic-data/"):
        footer = footer_of(client.get(path).content.decode())
        complaint_links = footer.find_all("a", href=re.compile(r"/complaints/$"))
        assert len(complaint_links) == 1, path


def test_a_footer_menu_link_to_the_complaint_channel_is_not_repeated(client, office, menus):
    navigation = NavigationSettings.for_site(office.site)
    navigation.footer_links.add(
        FooterMenuLink(link_url=office.complaint_url, link_text="ร้องเรียน", sort_order=5)
    )
    navigation.save()
    footer = footer_of(client.get("/basic-data/").content.decode())
    assert len(footer.find_all("a", href=office.complaint_url)) == 1
    assert footer.find("a", href="/basic-data/") is not None  # the other links stay


def test_an_office_without_a_complaint_channel_keeps_its_footer_links(client, office, menus):
    OfficeSettings.objects.filter(pk=office.pk).update(complaint_url="")
    footer = footer_of(client.get("/basic-data/").content.decode())
    assert footer.find("a", href="/basic-data/") is not None
