"""Editors can open every page form, the settings and the news categories in the admin."""

import pytest
from django.urls import reverse

from tests.home.conftest import make_news


@pytest.mark.parametrize(
    ("model", "parent"), [("newspage", "news_index"), ("standardpage", "home_page")]
)
def test_page_forms_open(client, superuser, home_page, news_index, model, parent):
    client.force_login(superuser)
    parent_page = {"news_index": news_index, "home_page": home_page}[parent]
    response = client.get(reverse("wagtailadmin_pages:add", args=["home", model, parent_page.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    if model == "newspage":
        assert "หน่วยงานที่เกี่ยวข้อง" in html  # the inline that chooses agencies
    assert "&quot;directory&quot;" in html  # the live directory block is offered in the body


def test_edit_forms_of_existing_pages_open(client, superuser, home_page, news_index):
    post = make_news(news_index, 1)[0]
    client.force_login(superuser)
    for page in (home_page, news_index, post):
        response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        assert response.status_code == 200, page
    assert (
        "ผู้บริหาร (ITA ข้อ O2)"
        in client.get(reverse("wagtailadmin_pages:edit", args=[home_page.pk])).content.decode()
    )


def test_site_settings_and_news_categories_open(client, superuser, site, category):
    client.force_login(superuser)
    for name in ("officesettings", "navigationsettings"):
        url = reverse("wagtailsettings:edit", args=["home", name, site.pk])
        assert client.get(url).status_code == 200, name
    listing = client.get(reverse("wagtailsnippets_home_newscategory:list"))
    assert listing.status_code == 200
    assert "ประกาศ" in listing.content.decode()


def test_news_date_picker_shows_the_buddhist_era(client, superuser, news_index):
    post = make_news(news_index, 1)[0]  # dated 24 November 2026
    client.force_login(superuser)

    html = client.get(reverse("wagtailadmin_pages:edit", args=[post.pk])).content.decode()

    assert 'value="2026-11-24"' in html
    assert "ตรงกับ 24 พฤศจิกายน พ.ศ. 2569" in html
    assert 'data-buddhist-era-for="id_date"' in html
