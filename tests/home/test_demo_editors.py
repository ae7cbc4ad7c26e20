"""Every editor of what `seed_demo` creates opens, for a superuser and for the role that edits it.

A page or snippet whose stored content the editor cannot read (rich text written by code that the
editor's converter does not accept, a block the form cannot bind) answers 500 to everyone who
opens it; the demo is what a newcomer opens first.
"""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction
from django.urls import reverse
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.models import Page, Site

from coordination.models import Agency, AgencyCategory, SchoolNetwork
from home.models import NavigationSettings, NewsCategory, OfficeSettings


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """Run seed_demo once for this module, inside a transaction rolled back at the end."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            call_command("seed_demo", stdout=StringIO())
            yield
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


def demo_user(username: str):
    return get_user_model().objects.get(username=username)


def failures(client, username: str, urls: dict[str, str]) -> list[str]:
    client.force_login(demo_user(username))
    bad = []
    for label, url in urls.items():
        response = client.get(url)
        if response.status_code != 200:
            bad.append(f"{username} {url} ({label}): {response.status_code}")
    return bad


def edit_urls(objects, user) -> dict[str, str]:
    finder = AdminURLFinder(user)
    urls = {}
    for obj in objects:
        url = finder.get_edit_url(obj)
        assert url, f"no edit URL for {obj!r}"
        urls[str(obj)] = url
    return urls


@pytest.mark.parametrize("username", ["admin", "officer"])
def test_every_demo_page_editor_opens(demo, db, client, username):
    """Officers add and change the website's pages."""
    pages = Page.objects.filter(depth__gte=2).order_by("path")
    assert pages.count() >= 12  # home, news index, 7 news, publicity, privacy, complaints...
    urls = {
        page.title: reverse("wagtailadmin_pages:edit", args=[page.pk]) for page in pages.specific()
    }
    assert failures(client, username, urls) == []


@pytest.mark.parametrize("username", ["admin", "officer"])
def test_every_demo_agency_editor_opens(demo, db, client, username):
    """Officers keep the registry's agencies."""
    agencies = Agency.objects.order_by("pk")
    assert agencies.count() >= 100
    urls = edit_urls(agencies, demo_user("admin"))
    assert failures(client, username, urls) == []


@pytest.mark.parametrize("username", ["admin", "deputy"])
def test_every_demo_reference_editor_opens(demo, db, client, username):
    """Categories and school networks are kept by the deputy director."""
    objects = [*AgencyCategory.objects.all(), *SchoolNetwork.objects.all()]
    assert len(objects) >= 10
    assert failures(client, username, edit_urls(objects, demo_user("admin"))) == []


def test_every_demo_site_snippet_and_setting_editor_opens(demo, db, client):
    """News categories and the site settings are kept by system administrators."""
    site = Site.objects.get(is_default_site=True)
    urls = edit_urls(NewsCategory.objects.all(), demo_user("admin"))
    assert len(urls) >= 3
    for setting in (OfficeSettings, NavigationSettings):
        assert setting.objects.filter(site=site).exists()
        urls[setting.__name__] = reverse(
            "wagtailsettings:edit",
            args=[setting._meta.app_label, setting._meta.model_name, site.pk],
        )
    assert failures(client, "admin", urls) == []
