"""The admin is Thai and names the office, whatever language the browser asks for.

A user may still choose English in the account profile. Wagtail's own branding (the login page,
tab titles, its English guide and "new" badge in the help menu) gives way to the office's.
"""

import json
import re

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.urls import reverse
from wagtail.models import Site
from wagtail.users.models import UserProfile

from coordination.widgets import BuddhistEraDateInput, BuddhistEraDateTimeInput
from tests.factories import AgencyFactory
from tests.test_translations import AGENCIES, assert_thai, shown_text

ENGLISH_BROWSER = {"HTTP_ACCEPT_LANGUAGE": "en-US,en;q=0.9"}


def soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.content.decode(), "html.parser")


def sidebar_menu(response) -> list:
    """The sidebar's main menu items, as the admin's JavaScript receives them."""
    props = json.loads(soup(response).find(id="wagtail-sidebar-props").string)
    main_menu = next(m for m in props["modules"] if m["_type"] == "wagtail.sidebar.MainMenuModule")
    return main_menu["_args"][0]


def menu_item(items: list, name: str) -> dict:
    return next(item for item in items if item["_args"][0]["name"] == name)


@pytest.mark.django_db
def test_admin_is_thai_for_an_english_browser(client, officer):
    agency = AgencyFactory(name_th="สำนักงานเกษตรอำเภอหนองฉาง")

    login = client.get(reverse("wagtailadmin_login"), **ENGLISH_BROWSER)
    client.force_login(officer)
    dashboard = client.get(reverse("wagtailadmin_home"), **ENGLISH_BROWSER)
    edit = client.get(reverse(f"{AGENCIES}:edit", args=[agency.pk]), **ENGLISH_BROWSER)

    assert_thai(
        shown_text(login),
        thai=["ชื่อผู้ใช้", "รหัสผ่าน", "ลืมรหัสผ่าน?", "จดจำการเข้าสู่ระบบ"],
        not_english=["Sign in", "Username", "Password", "Forgotten password?", "Remember me"],
    )
    assert_thai(
        shown_text(dashboard),
        thai=["แดชบอร์ด", "คำค้น", "บัญชีผู้ใช้", "ช่วยเหลือ"],
        not_english=["Dashboard", "Search term", "Account", "Help"],
    )
    assert_thai(
        shown_text(edit),
        thai=["บันทึกฉบับร่าง", "สำนักงานเกษตรอำเภอหนองฉาง"],
        not_english=["Save draft", "Preview", "Dashboard", "Help"],
    )
    for response in (login, dashboard, edit):
        assert soup(response).html["lang"] == "th"


@pytest.mark.django_db
def test_a_user_who_chose_english_gets_english(client, officer, director):
    profile = UserProfile.get_for_user(officer)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(officer)

    text = shown_text(client.get(reverse("wagtailadmin_home")))

    assert all(phrase in text for phrase in ("Dashboard", "Search term", "Account"))
    assert "แดชบอร์ด" not in text and "บัญชีผู้ใช้" not in text
    # The choice is the officer's alone: the next user is served Thai again.
    client.force_login(director)
    assert "แดชบอร์ด" in shown_text(client.get(reverse("wagtailadmin_home"), **ENGLISH_BROWSER))


@pytest.mark.django_db
def test_login_page_and_tab_titles_name_the_office(client, officer):
    office = settings.WAGTAIL_SITE_NAME
    login = client.get(reverse("wagtailadmin_login"), **ENGLISH_BROWSER)
    client.force_login(officer)
    pages = [
        login,
        client.get(reverse("wagtailadmin_home")),
        client.get(reverse(f"{AGENCIES}:list")),
        client.get(reverse(f"{AGENCIES}:add")),
    ]

    assert soup(login).h1.get_text(strip=True) == f"เข้าสู่ระบบ {office}"
    assert "Wagtail" not in shown_text(login)
    for response in pages:
        title = soup(response).title.get_text(strip=True)
        assert title.endswith(f" - {office}"), title
        assert "Wagtail" not in title
        assert soup(response).find("link", rel="icon")["href"].endswith("img/favicon.svg")


@pytest.mark.django_db
def test_help_menu_has_no_wagtail_guide_and_no_badge(client, officer, superuser):
    for user in (officer, superuser):
        client.force_login(user)
        response = client.get(reverse("wagtailadmin_home"))
        html = response.content.decode()

        help_menu = menu_item(sidebar_menu(response), "help")
        names = [item["_args"][0]["name"] for item in help_menu["_args"][1]]
        assert names == ["user-guide", "keyboard-shortcuts-trigger"]  # the office's own guide
        # A "dismissible" item is what shows Wagtail's "new" badge until clicked.
        assert "data-w-dismissible-id-value" not in help_menu["_args"][0]["attrs"]
        assert "guide.wagtail.org" not in html  # the help menu and the dashboard's account box
        assert not re.search(r"editor guide|คู่มือการใช้งาน Wagtail", shown_text(response))


@pytest.mark.django_db
def test_promote_tab_is_thai(client, superuser):
    home = Site.objects.get(is_default_site=True).root_page
    client.force_login(superuser)

    text = shown_text(client.get(reverse("wagtailadmin_pages:edit", args=[home.pk])))

    assert_thai(
        text,
        thai=["โปรโมต", "ชื่อสำหรับเครื่องมือค้นหา", "คำอธิบายสำหรับเครื่องมือค้นหา"],
        not_english=["title tag", "meta description", "Promote"],
    )
    assert "domain.com" not in text and "my-slug" not in text


@pytest.mark.django_db
def test_agency_contact_dates_offer_the_buddhist_era(client, officer):
    client.force_login(officer)

    html = client.get(reverse(f"{AGENCIES}:add")).content.decode()

    # The blank contact form that "add contact" copies carries the hint and its script.
    assert 'data-buddhist-era-for="id_contacts-__prefix__-period_from"' in html
    assert "coordination/js/buddhist-era-dates.js" in html


def test_buddhist_era_hint_follows_the_picker_format():
    date_input, datetime_input = BuddhistEraDateInput(), BuddhistEraDateTimeInput()

    assert date_input.buddhist_era("2026-11-24") == "ตรงกับ 24 พฤศจิกายน พ.ศ. 2569"
    assert (
        datetime_input.buddhist_era("2026-01-05 09:30") == "ตรงกับ 5 มกราคม พ.ศ. 2569 เวลา 09:30 น."
    )
    for not_a_date in ("", None, "2026-02-30", "24/11/2569", "2026-11-24 25:00"):
        assert date_input.buddhist_era(not_a_date) == ""
        assert datetime_input.buddhist_era(not_a_date) == ""
