"""The schedule-publishing dialog shows the Buddhist Era like every other admin date picker, and
the login page and the admin sidebar carry the office's own emblem (served by the site)."""

import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from bs4 import BeautifulSoup
from django.contrib.staticfiles import finders
from django.urls import reverse
from wagtail.models import Site

from tests.test_translations import AGENCIES

BANGKOK = ZoneInfo("Asia/Bangkok")


def soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.content.decode(), "html.parser")


@pytest.mark.django_db
def test_schedule_publishing_dialog_shows_the_buddhist_era(client, superuser):
    home = Site.objects.get(is_default_site=True).root_page.specific
    home.go_live_at = datetime(2026, 11, 24, 9, 30, tzinfo=BANGKOK)
    home.save_revision(user=superuser)
    client.force_login(superuser)

    page = soup(client.get(reverse("wagtailadmin_pages:edit", args=[home.pk])))

    dialog = page.find(id="schedule-publishing-dialog")
    go_live = dialog.find(attrs={"data-buddhist-era-for": "id_go_live_at"})
    expire = dialog.find(attrs={"data-buddhist-era-for": "id_expire_at"})
    # The dialog is a <template> the admin's script moves into place: read its raw text.
    assert go_live.decode_contents().strip() == "ตรงกับ 24 พฤศจิกายน พ.ศ. 2569 เวลา 09:30 น."
    assert expire is not None and expire.decode_contents().strip() == ""
    assert page.find("script", src=lambda src: src and "buddhist-era-dates.js" in src)
    # Wagtail's own dialog behaviour is kept: the picker still resets when the dialog closes.
    assert dialog.find(id="id_go_live_at")["data-w-dialog-target"] == "notify"


@pytest.mark.django_db
def test_agency_editor_has_no_schedule_dialog_without_the_hint(client, officer):
    """Agencies are published by the deputy's approval, not on a schedule: no dialog, so no
    picker is left without its Buddhist Era hint."""
    client.force_login(officer)

    html = client.get(reverse(f"{AGENCIES}:add")).content.decode()

    assert 'id="id_go_live_at"' not in html
    # The editor's own date pickers (a contact's term of office) keep their hint.
    assert "id_contacts-__prefix__-period_from" in html
    assert re.search(
        r'data-buddhist-era-for=(\\"|&quot;|")id_contacts-__prefix__-period_from', html
    )


@pytest.mark.django_db
def test_login_page_and_sidebar_show_the_office_emblem(client, officer):
    login = soup(client.get(reverse("wagtailadmin_login")))
    client.force_login(officer)
    dashboard = soup(client.get(reverse("wagtailadmin_home")))

    login_logo = login.select_one(".login-logo img")
    sidebar_template = dashboard.find(
        "template", attrs={"data-wagtail-sidebar-branding-logo": True}
    )
    sidebar_logo = BeautifulSoup(sidebar_template.decode_contents(), "html.parser").img
    for logo in (login_logo, sidebar_logo):
        assert logo["src"] == "/static/img/logo.svg"  # the site's own file, no network
    assert sidebar_logo["alt"] == "สพป.อุทัยธานี เขต 1"
    assert login_logo["alt"] == ""  # beside the heading that names the office
    emblem = finders.find("img/logo.svg")
    with open(emblem, encoding="utf-8") as svg:
        assert svg.read().startswith("<svg")
