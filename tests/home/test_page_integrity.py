"""Pages: a stale edit form and a malformed post are refused before anything is written (issue 12)."""

from wagtail.models import Page

from tests.home.test_page_workflow import edit_form, edit_url


def test_a_stale_page_form_is_refused_with_a_link_to_the_newer_version(
    client, officer, standard_page
):
    client.force_login(officer)
    stale = edit_form(client, standard_page, title="หัวข้อจากหน้าที่เปิดค้างไว้")
    newer = edit_form(client, standard_page, title="หัวข้อฉบับที่ใหม่กว่า")
    assert client.post(edit_url(standard_page), newer).status_code == 302
    revisions = standard_page.revisions.count()

    response = client.post(edit_url(standard_page), stale)

    assert response.status_code == 409
    assert f'href="{edit_url(standard_page)}"' in response.content.decode()
    assert standard_page.revisions.count() == revisions
    page = Page.objects.get(pk=standard_page.pk).get_latest_revision_as_object()
    assert page.title == "หัวข้อฉบับที่ใหม่กว่า"


def test_a_page_edit_without_its_block_count_is_a_bad_request(client, officer, standard_page):
    client.force_login(officer)
    data = edit_form(client, standard_page, title="หัวข้อใหม่")
    del data["body-count"]
    revisions = standard_page.revisions.count()

    assert client.post(edit_url(standard_page), data).status_code == 400
    assert standard_page.revisions.count() == revisions
