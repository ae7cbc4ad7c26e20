"""Blocks that embed the live directory in any StreamField: they render the registry's current
public data at request time, hide what the public may not see, and warn editors about it."""

import re

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import ReferenceIndex
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from coordination.cache import page_cache_purge_all
from coordination.models import Agency
from tests.coordination.directory_support import (
    card_block,
    contact_table_block,
    directory_block,
    directory_page,
    stream,
)
from tests.factories import (
    AgencyFactory,
    AgencyPhoneFactory,
    ContactFactory,
    SchoolNetworkFactory,
    category,
)

pytestmark = pytest.mark.django_db


def body_html(client, path="/directory/") -> str:
    response = client.get(path)
    assert response.status_code == 200
    html = response.content.decode()
    start = html.index('<div class="stream directory__body">')
    return html[start : html.index('<form class="directory-filters"')]


def preview_html(page) -> str:
    response = page.make_preview_request()
    assert response.status_code == 200
    return response.content.decode()


def render_queries(client, page) -> int:
    client.get("/directory/")  # warm up: site root paths, filter choices
    page_cache_purge_all()
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/directory/").status_code == 200
    return len(queries)


# AgencyCardBlock ---------------------------------------------------------------------------


def test_card_block_shows_the_live_public_card(client):
    agency = AgencyFactory(name_th="เทศบาลเมืองอุทัยธานี", email="saraban@uthai.go.th")
    AgencyPhoneFactory(agency=agency, number="056-511-111")
    AgencyPhoneFactory(agency=agency, number="056-999-999", is_public=False)
    ContactFactory(agency=agency, name="นายประสาน งานดี", mobile="089-111-2233")
    directory_page(body=stream(card_block(agency)))
    html = body_html(client)
    assert "เทศบาลเมืองอุทัยธานี" in html
    assert 'href="tel:+6656511111"' in html
    assert "saraban@uthai.go.th" in html
    assert "นายประสาน งานดี" in html
    assert "056-999-999" not in html
    assert "089-111-2233" not in html
    assert f'href="/directory/{agency.slug}/"' in html


def test_card_block_stores_only_the_agency_id(client):
    agency = AgencyFactory(name_th="เทศบาลเมืองอุทัยธานี")
    page = directory_page(body=stream(card_block(agency)))
    raw = page.body.raw_data[0]["value"]
    assert raw == {"agency": agency.pk, "show_contacts": True, "show_mission": False}


def test_card_block_follows_approved_changes(client):
    agency = AgencyFactory(name_th="เทศบาลเมืองอุทัยธานี", email="old@uthai.go.th")
    directory_page(body=stream(card_block(agency)))
    agency.email = "draft@uthai.go.th"
    agency.save_revision()
    page_cache_purge_all()
    html = body_html(client)
    assert "old@uthai.go.th" in html and "draft@uthai.go.th" not in html
    agency.latest_revision.publish()
    page_cache_purge_all()
    html = body_html(client)
    assert "draft@uthai.go.th" in html and "old@uthai.go.th" not in html


@pytest.mark.parametrize("state", ["internal", "draft", "unpublished"])
def test_hidden_agency_renders_nothing_publicly_and_a_note_in_preview(client, state):
    if state == "draft":
        agency = AgencyFactory(name_th="หน่วยงานซ่อน", publish=False)
    else:
        agency = AgencyFactory(
            name_th="หน่วยงานซ่อน", visibility="internal" if state == "internal" else "public"
        )
    if state == "unpublished":
        agency.unpublish()
    page = directory_page(body=stream(card_block(agency), contact_table_block(agency)))
    assert "หน่วยงานซ่อน" not in body_html(client)
    assert "หมายเหตุสำหรับผู้แก้ไข" not in body_html(client)
    preview = preview_html(page)
    assert "หมายเหตุสำหรับผู้แก้ไข (แสดงเฉพาะในตัวอย่าง)" in preview
    reason = "ใช้ภายในเท่านั้น" if state == "internal" else "ยังไม่ได้เผยแพร่"
    assert f"“หน่วยงานซ่อน” {'ตั้งค่าเป็น “' + reason if state == 'internal' else reason}" in preview
    assert 'class="agency-card' not in preview.split('<form class="directory-filters"')[0]


def test_preview_tells_the_editor_that_a_pending_change_is_not_shown(client):
    agency = AgencyFactory(name_th="เทศบาลเมืองอุทัยธานี")
    page = directory_page(body=stream(card_block(agency)))
    agency.name_en = "Uthai Thani Town Municipality"
    agency.save_revision()
    preview = preview_html(page)
    assert "มีการแก้ไขที่ยังไม่ได้รับอนุมัติ" in preview
    assert "Uthai Thani Town Municipality" not in preview


def test_deleted_agency_renders_nothing(client):
    agency = AgencyFactory(name_th="หน่วยงานที่ถูกลบ")
    page = directory_page(body=stream(card_block(agency)))
    Agency.objects.filter(pk=agency.pk).delete()
    assert "หน่วยงานที่ถูกลบ" not in body_html(client)
    assert "ถูกลบแล้ว" in preview_html(page)


def test_editor_is_warned_on_save_about_agencies_the_public_will_not_see(client, superuser):
    hidden = AgencyFactory(name_th="หน่วยงานภายในลับ", visibility="internal")
    shown = AgencyFactory(name_th="เทศบาลเมืองอุทัยธานี")
    page = directory_page()
    client.force_login(superuser)
    editor = client.get(f"/admin/pages/{page.pk}/edit/")
    assert editor.status_code == 200
    assert "รายชื่อหน่วยงาน" in editor.content.decode()  # the blocks are offered to editors
    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "intro": rich_text(""),
            "body": streamfield(
                [
                    ("agency_card", {"agency": hidden.pk, "show_contacts": "on"}),
                    ("agency_card", {"agency": shown.pk, "show_contacts": "on"}),
                ]
            ),
            "comments": inline_formset([]),
        }
    )
    response = client.post(f"/admin/pages/{page.pk}/edit/", data, follow=True)
    assert response.status_code == 200
    messages = [str(m) for m in response.context["messages"]]
    assert any("“หน่วยงานภายในลับ” ตั้งค่าเป็น “ใช้ภายในเท่านั้น”" in m for m in messages)
    assert not any("เทศบาลเมืองอุทัยธานี" in m for m in messages)


def test_chosen_agencies_are_in_the_reference_index():
    card_agency = AgencyFactory(name_th="เทศบาลเมืองอุทัยธานี")
    table_agency = AgencyFactory(name_th="อบต.หนองแก")
    page = directory_page(body=stream(card_block(card_agency), contact_table_block(table_agency)))
    for agency in (card_agency, table_agency):
        sources = ReferenceIndex.get_references_to(agency).values_list("object_id", flat=True)
        assert str(page.pk) in set(sources)


def test_card_blocks_use_a_fixed_number_of_queries(client):
    agencies = [AgencyFactory(name_th=f"หน่วยงาน {n}") for n in range(6)]
    for agency in agencies:
        AgencyPhoneFactory(agency=agency)
        ContactFactory(agency=agency)
    page = directory_page(body=stream(card_block(agencies[0])))
    one = render_queries(client, page)
    page.body = stream(*(card_block(agency) for agency in agencies))
    page.save_revision().publish()
    six = render_queries(client, page)
    assert one == six


# ContactTableBlock -------------------------------------------------------------------------


def test_contact_table_lists_public_contacts_of_public_agencies(client):
    school = AgencyFactory(name_th="โรงเรียนบ้านหนองฉาง")
    ContactFactory(agency=school, name="นางครู ใจดี", role="head", phone="056-511-222")
    ContactFactory(agency=school, name="นายธุรการ ขยัน", role="saraban", mobile="089-111-2233")
    ContactFactory(agency=school, name="นางบุคคล ทั่วไป", is_private_person=True, phone="056-511-333")
    no_contacts = AgencyFactory(name_th="เทศบาลเมืองอุทัยธานี", email="town@uthai.go.th")
    internal = AgencyFactory(name_th="หน่วยงานภายในลับ", visibility="internal")
    ContactFactory(agency=internal, name="นายลับ ภายใน")
    directory_page(body=stream(contact_table_block(school, no_contacts, internal)))
    html = body_html(client)
    assert "<caption" in html and 'scope="col"' in html
    assert "นางครู ใจดี" in html and 'href="tel:+6656511222"' in html
    assert "นายธุรการ ขยัน" in html and "089-111-2233" not in html
    assert "นางบุคคล ทั่วไป" not in html
    assert "town@uthai.go.th" in html
    assert "หน่วยงานภายในลับ" not in html and "นายลับ ภายใน" not in html


def test_contact_table_role_filter(client):
    school = AgencyFactory(name_th="โรงเรียนบ้านหนองฉาง")
    ContactFactory(agency=school, name="นางครู ใจดี", role="head")
    ContactFactory(agency=school, name="นายธุรการ ขยัน", role="saraban")
    directory_page(body=stream(contact_table_block(school, role="head")))
    html = body_html(client)
    assert "นางครู ใจดี" in html and "นายธุรการ ขยัน" not in html


def test_contact_table_uses_a_fixed_number_of_queries(client):
    agencies = [AgencyFactory(name_th=f"หน่วยงาน {n}") for n in range(8)]
    for agency in agencies:
        ContactFactory(agency=agency)
        AgencyPhoneFactory(agency=agency)
    page = directory_page(body=stream(contact_table_block(agencies[0])))
    one = render_queries(client, page)
    page.body = stream(contact_table_block(*agencies))
    page.save_revision().publish()
    eight = render_queries(client, page)
    assert one == eight


# DirectoryBlock ----------------------------------------------------------------------------


def test_directory_block_filters_by_scope_category_district_tag_and_network(client):
    network = SchoolNetworkFactory(name_th="เครือข่ายหนองฉาง", slug="nong-chang")
    in_network = AgencyFactory(
        name_th="โรงเรียนบ้านหนองฉาง",
        scope="internal",
        category=category("school"),
        school_code="1061000001",
        school_network=network,
        district_code="6104",
        subdistrict_code="610401",
        postcode="61110",
        tags=["ขยายโอกาส"],
    )
    AgencyFactory(
        name_th="โรงเรียนอนุบาลอุทัยธานี",
        scope="internal",
        category=category("school"),
        school_code="1061000002",
    )
    AgencyFactory(name_th="เทศบาลเมืองอุทัยธานี", category=category("local-admin"))
    AgencyFactory(
        name_th="โรงเรียนภายในลับ",
        category=category("school"),
        school_code="1061000003",
        visibility="internal",
    )

    cases = {
        "scope": ({"scope": "internal"}, {"โรงเรียนบ้านหนองฉาง", "โรงเรียนอนุบาลอุทัยธานี"}),
        "category": ({"category": "local-admin"}, {"เทศบาลเมืองอุทัยธานี"}),
        "district": ({"district": "6104"}, {"โรงเรียนบ้านหนองฉาง"}),
        "tag": ({"tag": "ขยายโอกาส"}, {"โรงเรียนบ้านหนองฉาง"}),
        "network": ({"network": network.slug}, {in_network.name_th}),
    }
    all_names = {
        "โรงเรียนบ้านหนองฉาง",
        "โรงเรียนอนุบาลอุทัยธานี",
        "เทศบาลเมืองอุทัยธานี",
        "โรงเรียนภายในลับ",
    }
    page = directory_page()
    for options, expected in cases.values():
        page.body = stream(directory_block(**options))
        page.save_revision().publish()
        html = body_html(client)
        shown = {name for name in all_names if name in html}
        assert shown == expected, options


def test_directory_block_table_and_card_layouts_and_limit(client):
    for n in range(5):
        AgencyFactory(name_th=f"หน่วยงานทดสอบ {n}")
    page = directory_page(body=stream(directory_block(layout="table", limit=3, heading="ติดต่อเรา")))
    html = body_html(client)
    assert '<table class="directory-table">' in html
    assert html.count('<th scope="row">') == 3
    assert "<h2" in html and "ติดต่อเรา" in html
    page.body = stream(directory_block(layout="cards", limit=2))
    page.save_revision().publish()
    html = body_html(client)
    assert "<table" not in html
    assert html.count('class="agency-card agency-card--public') == 2


def test_directory_block_links_to_the_matching_directory_listing(client):
    AgencyFactory(name_th="เทศบาลเมืองอุทัยธานี", category=category("local-admin"))
    directory_page(body=stream(directory_block(category="local-admin")))
    assert 'href="/directory/?category=local-admin"' in body_html(client)


def test_directory_block_uses_a_fixed_number_of_queries(client):
    for n in range(30):
        agency = AgencyFactory(name_th=f"หน่วยงาน {n:02d}")
        AgencyPhoneFactory(agency=agency)
    page = directory_page(body=stream(directory_block(limit=2)))
    two = render_queries(client, page)
    page.body = stream(directory_block(limit=30, layout="cards"))
    page.save_revision().publish()
    thirty = render_queries(client, page)
    assert two == thirty


def test_table_cells_carry_their_column_labels_for_the_phone_layout(client):
    """On a phone each row reads as a card of labelled lines (directory.css): every data cell
    names its column, and the wrapper that scrolls on wider screens is a labelled region."""
    agency = AgencyFactory(name_th="กลุ่มอำนวยการ", email="admin@uthai1.example.go.th")
    AgencyPhoneFactory(agency=agency, number="056-511-061")
    ContactFactory(agency=agency, name="นางสาวใจดี มีสุข", email="jaidee@uthai1.example.go.th")
    directory_page(
        body=stream(
            directory_block(layout="table", heading="หน่วยงานภายใน"),
            contact_table_block(agency),
        )
    )
    soup = BeautifulSoup(body_html(client), "html.parser")
    tables = soup.select("table.directory-table")
    assert len(tables) == 2
    for table in tables:
        region = table.parent
        assert region["role"] == "region" and region["tabindex"] == "0"
        assert soup.find(id=region["aria-labelledby"]).name == "caption"
        cells = table.select("tbody td")
        assert cells and all(cell.get("data-label") for cell in cells)
        phone = table.find("a", href=re.compile(r"^tel:\+6656511061"))
        assert phone is not None and phone.parent["data-label"] == "โทรศัพท์"
        email = table.find("a", href=re.compile(r"^mailto:"))
        assert email is not None and email.parent["data-label"] == "อีเมล"
