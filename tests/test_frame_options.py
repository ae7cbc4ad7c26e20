"""Framing: no page of the site or the admin may be put in a frame, except the editor's preview,
which Wagtail shows in an iframe of the admin itself."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import querydict_from_html

from tests.coordination.admin_forms import editor_form_data
from tests.coordination.directory_support import directory_page
from tests.factories import AgencyFactory

pytestmark = pytest.mark.django_db

AGENCIES = "wagtailsnippets_coordination_agency"


def page_form_data(client, edit_url: str, **changes) -> dict:
    """The page editor's fields; its StreamField is built by the browser, so it goes empty."""
    html = client.get(edit_url).content.decode()
    data = querydict_from_html(html, form_id="page-edit-form").dict()
    return {**data, "body-count": "0", **changes}


def framed_preview(client, preview_url: str, data: dict):
    """What the editor's preview panel loads: the form's state posted, then the preview framed."""
    answer = client.post(preview_url, data)
    assert answer.json()["is_valid"], answer.content
    return client.get(preview_url, {"in_preview_panel": "true"})


def test_the_agency_preview_renders_in_the_admins_frame(client, superuser):
    agency = AgencyFactory(name_th="เทศบาลเมืองอุทัยธานี")
    client.force_login(superuser)
    edit_url = reverse(f"{AGENCIES}:edit", args=[agency.pk])
    preview = framed_preview(
        client,
        reverse(f"{AGENCIES}:preview_on_edit", args=[agency.pk]),
        editor_form_data(client, edit_url, name_th="เทศบาลเมืองอุทัยธานี (ฉบับแก้ไข)"),
    )
    assert preview.status_code == 200
    assert preview["X-Frame-Options"] == "SAMEORIGIN"
    assert "เทศบาลเมืองอุทัยธานี (ฉบับแก้ไข)" in preview.content.decode()
    assert client.get(edit_url)["X-Frame-Options"] == "DENY"


def test_the_page_preview_renders_in_the_admins_frame(client, superuser):
    page = directory_page()
    client.force_login(superuser)
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    preview = framed_preview(
        client,
        reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk]),
        page_form_data(client, edit_url, title="ทำเนียบหน่วยงาน (ฉบับร่าง)"),
    )
    assert preview.status_code == 200
    assert preview["X-Frame-Options"] == "SAMEORIGIN"
    assert "ทำเนียบหน่วยงาน (ฉบับร่าง)" in preview.content.decode()
    assert client.get(edit_url)["X-Frame-Options"] == "DENY"


def test_public_pages_and_the_admin_may_not_be_framed(client, superuser):
    agency = AgencyFactory(name_th="เทศบาลเมืองอุทัยธานี")
    directory_page()
    for path in ("/", "/directory/", f"/directory/{agency.slug}/", "/admin/login/", "/healthz"):
        assert client.get(path)["X-Frame-Options"] == "DENY", path
    client.force_login(superuser)
    assert client.get("/admin/")["X-Frame-Options"] == "DENY"
