"""The load test's simulated people (scripts/loadtest/) read the real pages right.

Only its page readers run here (browser.py, which imports neither locust nor Django): locust
itself patches the process with gevent on import. The officer's draft save is the one the load
test repeats under load, posted as it builds it, so a change to the editor that the load test
would report as a failed save fails here first.
"""

import importlib.util
from pathlib import Path
from urllib.parse import urlencode

import pytest
from django.conf import settings
from django.urls import reverse

from tests.coordination.directory_support import directory_page
from tests.factories import AgencyFactory, ContactFactory, category

pytestmark = pytest.mark.django_db

_spec = importlib.util.spec_from_file_location(
    "loadtest_browser", Path(settings.BASE_DIR) / "scripts" / "loadtest" / "browser.py"
)
browser = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(browser)

EDIT_URL = "wagtailsnippets_coordination_agency:edit"
FORM_ENCODED = "application/x-www-form-urlencoded"


def test_the_officers_draft_save_is_accepted_and_leaves_the_live_agency_alone(client, officer):
    agency = AgencyFactory(publish=False, mission="<p>ประสานงานการศึกษาในอำเภอ</p>")
    ContactFactory(agency=agency, name="นางสาวมาลี ศรีสุข")
    ContactFactory(agency=agency, name="นายสมชาย ใจดี")
    agency.save_revision().publish()
    client.force_login(officer)
    url = reverse(EDIT_URL, args=[agency.pk])

    for note in ("officer 0, first", "officer 0, second"):
        html = client.get(url).content.decode()
        data = browser.with_mission_note(browser.form_data(html, "w-editor-form"), note)
        # Form-encoded, as locust (requests) posts a list of pairs.
        response = client.post(url, urlencode(data), content_type=FORM_ENCODED)
        assert response.status_code == 302, browser.form_errors(response.content.decode())

    agency.refresh_from_db()
    draft = agency.latest_revision.as_object()
    # The note is replaced, not appended: repeated runs do not grow the text.
    assert draft.mission.count(browser.EDIT_MARKER) == 1
    assert "officer 0, second" in draft.mission
    assert "ประสานงานการศึกษาในอำเภอ" in draft.mission
    # Everything else came back as the form held it, the contacts' formset included.
    assert sorted(c.name for c in draft.contacts.all()) == ["นางสาวมาลี ศรีสุข", "นายสมชาย ใจดี"]
    assert draft.name_th == agency.name_th
    # A draft: the live agency is untouched until it is approved.
    assert agency.has_unpublished_changes
    assert browser.EDIT_MARKER not in agency.mission


def test_the_form_is_read_as_a_browser_sends_it():
    html = """
    <form id="f"><input type="hidden" name="csrfmiddlewaretoken" value="tok">
      <input name="a" value="1"><input name="off" value="x" disabled>
      <input type="checkbox" name="box"><input type="checkbox" name="ticked" checked>
      <select name="s"><option value="p">p</option><option value="q">q</option></select>
      <textarea name="t">
line</textarea>
      <template><input name="row-__prefix__-x" value="blank"></template>
      <button type="submit" name="action-submit" value="go">go</button>
    </form>
    <input name="outside" value="no"><input name="linked" form="f" value="yes">
    """
    assert browser.form_data(html, "f") == [
        ("csrfmiddlewaretoken", "tok"),
        ("a", "1"),
        ("ticked", "on"),
        ("s", "p"),
        ("t", "line"),
        ("linked", "yes"),
    ]
    assert browser.csrf_token(html) == "tok"


def test_listing_readers_find_the_links_and_filters(client, officer):
    office = AgencyFactory(name_th="ที่ว่าการอำเภอหนองฉาง", category=category("government"))
    client.force_login(officer)
    listing = client.get(reverse("wagtailsnippets_coordination_agency:list")).content.decode()
    assert office.pk in browser.agency_edit_ids(listing)

    client.logout()
    page = directory_page()
    directory = client.get(page.url).content.decode()
    assert "government" in browser.select_options(directory, "category")
    assert browser.last_page(directory) == 1  # one agency: no pagination


def test_the_search_queries_are_the_quality_sets():
    queries = browser.quality_queries()
    assert "หนองฉาง" in queries and len(queries) > 100
