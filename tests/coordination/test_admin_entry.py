"""Finding agencies from the admin's search box."""

import re

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from tests.factories import AgencyFactory

pytestmark = pytest.mark.django_db
AGENCIES = "wagtailsnippets_coordination_agency"


def test_admin_search_offers_agencies_and_the_listing_finds_them(client, superuser):
    AgencyFactory(name_th="โรงเรียนบ้านหนองฉาง")
    AgencyFactory(name_th="เทศบาลตำบลทุ่งโพ")
    client.force_login(superuser)
    # The search box in the sidebar goes to the pages search, which offers the other areas.
    html = client.get(reverse("wagtailadmin_pages:search"), {"q": "หนองฉาง"}).content.decode()

    link = f"{reverse(f'{AGENCIES}:list')}?q=%E0%B8%AB%E0%B8%99%E0%B8%AD%E0%B8%87"
    assert re.search(rf'<a href="{re.escape(link)}[^"]*"[^>]*>.*?หน่วยงาน', html, re.S)
    listing = client.get(reverse(f"{AGENCIES}:list"), {"q": "หนองฉาง"}).content.decode()
    assert "โรงเรียนบ้านหนองฉาง" in listing
    assert "เทศบาลตำบลทุ่งโพ" not in listing


def test_admin_search_box_goes_to_agencies_for_people_without_pages(client, staff_member):
    client.force_login(staff_member)
    html = client.get(reverse("wagtailadmin_home")).content.decode()

    # The sidebar's search module posts to the first search area the person may use.
    assert re.search(
        r'"_type": "wagtail.sidebar.SearchModule", "_args": \["'
        + re.escape(reverse(f"{AGENCIES}:list")),
        html,
    )


def test_admin_search_hides_agencies_from_people_who_may_not_read_them(client, django_user_model):
    user = django_user_model.objects.create_user("reader", password="x")
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    client.force_login(user)
    html = client.get(reverse("wagtailadmin_home")).content.decode()

    assert reverse(f"{AGENCIES}:list") not in html
