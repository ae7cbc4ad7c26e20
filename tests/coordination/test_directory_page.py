"""The public directory at /directory/: the listing, its filters, paging and grouping, and the
agency pages with their public card and schema.org data."""

import json
import re
from html import unescape

import pytest
from bs4 import BeautifulSoup
from django.contrib.sites.requests import RequestSite
from django.utils.encoding import iri_to_uri

from coordination.models import Agency
from coordination.sitemaps import AgencySitemap
from tests.coordination.directory_support import directory_page
from tests.factories import AgencyFactory, AgencyPhoneFactory, ContactFactory, category

pytestmark = pytest.mark.django_db


def page_text(response) -> str:
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def listed_names(html: str) -> list[str]:
    return [
        unescape(name)
        for name in re.findall(r'<h3 class="directory-item__name"><a [^>]*>([^<]+)</a>', html)
    ]


@pytest.fixture
def directory(db):
    return directory_page()


def test_listing_shows_public_live_agencies_only(client, directory):
    AgencyFactory(name_th="โรงเรียนบ้านหนองฉาง")
    AgencyFactory(name_th="หน่วยงานภายในลับ", visibility="internal")
    AgencyFactory(name_th="ฉบับร่างที่ยังไม่เผยแพร่", publish=False)
    html = page_text(client.get("/directory/"))
    assert listed_names(html) == ["โรงเรียนบ้านหนองฉาง"]
    assert "หน่วยงานภายในลับ" not in html
    assert "ฉบับร่างที่ยังไม่เผยแพร่" not in html


def test_listing_is_sorted_by_name_and_shows_phones_as_tel_links(client, directory):
    for name in ("เทศบาลเมืองอุทัยธานี", "โรงพยาบาลอุทัยธานี", "ตำรวจภูธรจังหวัดอุทัยธานี"):
        agency = AgencyFactory(name_th=name)
    AgencyPhoneFactory(agency=agency, number="056-511-061 ต่อ 12")
    html = page_text(client.get("/directory/"))
    assert listed_names(html) == sorted(
        ["เทศบาลเมืองอุทัยธานี", "โรงพยาบาลอุทัยธานี", "ตำรวจภูธรจังหวัดอุทัยธานี"]
    )
    assert 'href="tel:+6656511061,12"' in html


def test_text_filter_matches_thai_english_and_short_names(client, directory):
    AgencyFactory(name_th="องค์การบริหารส่วนจังหวัดอุทัยธานี", short_name="อบจ.อุทัยธานี")
    AgencyFactory(name_th="สำนักงานสาธารณสุขจังหวัด", name_en="Provincial Health Office")
    AgencyFactory(name_th="สถานีตำรวจภูธรเมือง")
    assert listed_names(page_text(client.get("/directory/?q=อบจ."))) == [
        "องค์การบริหารส่วนจังหวัดอุทัยธานี"
    ]
    assert listed_names(page_text(client.get("/directory/?q=health"))) == ["สำนักงานสาธารณสุขจังหวัด"]
    assert listed_names(page_text(client.get("/directory/?q=สาธารณสุข"))) == ["สำนักงานสาธารณสุขจังหวัด"]


def test_scope_category_and_district_filters_combine(client, directory):
    AgencyFactory(
        name_th="โรงเรียนบ้านหนองฉาง",
        scope="internal",
        category=category("school"),
        school_code="1061000001",
        district_code="6104",
        subdistrict_code="610401",
        postcode="61110",
    )
    AgencyFactory(
        name_th="โรงเรียนอนุบาลอุทัยธานี",
        scope="internal",
        category=category("school"),
        school_code="1061000002",
    )
    AgencyFactory(
        name_th="เทศบาลตำบลหนองฉาง",
        category=category("local-admin"),
        district_code="6104",
        subdistrict_code="610401",
        postcode="61110",
    )
    assert listed_names(page_text(client.get("/directory/?scope=internal"))) == [
        "โรงเรียนบ้านหนองฉาง",
        "โรงเรียนอนุบาลอุทัยธานี",
    ]
    assert listed_names(page_text(client.get("/directory/?category=local-admin"))) == [
        "เทศบาลตำบลหนองฉาง"
    ]
    assert listed_names(page_text(client.get("/directory/?district=6104"))) == [
        "เทศบาลตำบลหนองฉาง",
        "โรงเรียนบ้านหนองฉาง",
    ]
    assert listed_names(
        page_text(client.get("/directory/?district=6104&category=school&scope=internal"))
    ) == ["โรงเรียนบ้านหนองฉาง"]


def test_filter_choices_only_offer_what_the_public_can_find(client, directory):
    AgencyFactory(
        name_th="เทศบาลตำบลหนองฉาง",
        category=category("local-admin"),
        district_code="6104",
        subdistrict_code="610401",
        postcode="61110",
    )
    AgencyFactory(name_th="บริษัทลับ", category=category("private-company"), visibility="internal")
    html = page_text(client.get("/directory/"))
    assert '<option value="local-admin">องค์กรปกครองส่วนท้องถิ่น</option>' in html
    assert 'value="private-company"' not in html
    assert '<option value="6104">หนองฉาง</option>' in html


def test_unknown_filter_values_are_ignored_not_errors(client, directory):
    AgencyFactory(name_th="เทศบาลเมืองอุทัยธานี")
    html = page_text(client.get("/directory/?scope=everything&district=abc&group=colour&page=x"))
    assert listed_names(html) == ["เทศบาลเมืองอุทัยธานี"]


def test_listing_pages_by_twenty_and_keeps_filters_in_page_links(client, directory):
    for n in range(45):
        AgencyFactory(name_th=f"หน่วยงานทดสอบ {n:02d}", scope="external")
    first = page_text(client.get("/directory/?scope=external"))
    assert len(listed_names(first)) == 20
    assert "พบ 45 หน่วยงาน" in first
    assert "หน้า 1 จาก 3" in first
    assert 'href="?scope=external&amp;page=2"' in first
    third = page_text(client.get("/directory/?scope=external&page=3"))
    assert listed_names(third) == [f"หน่วยงานทดสอบ {n:02d}" for n in range(40, 45)]


def test_grouping_by_category_gives_one_heading_per_category(client, directory):
    AgencyFactory(
        name_th="โรงเรียนบ้านหนองฉาง", category=category("school"), school_code="1061000001"
    )
    AgencyFactory(name_th="เทศบาลเมืองอุทัยธานี", category=category("local-admin"))
    AgencyFactory(name_th="อบต.หนองแก", category=category("local-admin"))
    html = page_text(client.get("/directory/?group=category"))
    headings = re.findall(r'<h2 id="directory-group-\d+" class="">([^<]+)</h2>', html)
    assert headings == ["โรงเรียน", "องค์กรปกครองส่วนท้องถิ่น"]
    assert listed_names(html) == [
        "โรงเรียนบ้านหนองฉาง",
        "เทศบาลเมืองอุทัยธานี",  # Thai dictionary order: ท before อ
        "อบต.หนองแก",
    ]


def test_grouping_by_district(client, directory):
    AgencyFactory(
        name_th="เทศบาลตำบลหนองฉาง",
        district_code="6104",
        subdistrict_code="610401",
        postcode="61110",
    )
    AgencyFactory(name_th="เทศบาลเมืองอุทัยธานี")
    html = page_text(client.get("/directory/?group=district"))
    headings = re.findall(r'<h2 id="directory-group-\d+" class="">([^<]+)</h2>', html)
    assert headings == ["เมืองอุทัยธานี", "หนองฉาง"]


def test_filter_form_is_accessible_without_javascript(client, directory):
    AgencyFactory(name_th="เทศบาลเมืองอุทัยธานี")
    html = page_text(client.get("/directory/?q=เทศบาล"))
    form = html[
        html.index('<form class="directory-filters"') : html.index(
            "</form>", html.index('<form class="directory-filters"')
        )
    ]
    assert 'method="get"' in form and 'action="/directory/"' in form
    assert "<fieldset>" in form and "<legend>" in form
    for field in ("q", "scope", "category", "district", "group"):
        assert f'<label for="directory-{field}">' in form
        assert f'id="directory-{field}" name="{field}"' in form
    assert 'value="เทศบาล"' in form
    assert '<button type="submit">' in form
    assert 'role="status" aria-live="polite"' in html
    assert "พบ 1 หน่วยงาน" in html


def test_no_result_message(client, directory):
    html = page_text(client.get("/directory/?q=ไม่มีหน่วยงานนี้"))
    assert "ไม่พบหน่วยงานที่ตรงกับเงื่อนไข" in html


def test_anonymous_visitors_get_no_staff_link(client, directory):
    AgencyFactory(name_th="เทศบาลเมืองอุทัยธานี")
    assert "view=staff" not in page_text(client.get("/directory/"))


# Agency pages -----------------------------------------------------------------------------


def test_agency_page_shows_the_public_card(client, directory):
    parent = AgencyFactory(name_th="เครือข่ายสถานศึกษาหนองฉาง", category=category("school-network"))
    agency = AgencyFactory(
        name_th="โรงเรียนบ้านหนองฉาง",
        name_en="Ban Nong Chang School",
        category=category("school"),
        school_code="1061000001",
        parent=parent,
        house_no="99",
        moo="3",
        latitude="15.390000",
        longitude="99.980000",
        email="school@example.go.th",
    )
    AgencyFactory(name_th="โรงเรียนลูกภายใน", parent=agency, visibility="internal")
    AgencyFactory(name_th="ห้องเรียนสาขาบ้านใหม่", parent=agency)
    AgencyPhoneFactory(agency=agency, number="056-511-061")
    AgencyPhoneFactory(agency=agency, number="056-999-000", is_public=False)
    ContactFactory(agency=agency, name="นางสาวใจดี มีสุข", phone="056-511-062", mobile="081-234-5678")
    html = page_text(client.get(f"/directory/{agency.slug}/"))
    assert '<h1 id="agency-card-public-' in html
    assert "Ban Nong Chang School" in html
    assert "เลขที่ 99 หมู่ 3" in html
    assert 'href="tel:+6656511061"' in html
    assert "056-999-000" not in html
    assert "นางสาวใจดี มีสุข" in html and "056-511-062" in html
    assert "081-234-5678" not in html
    assert f'href="/directory/{parent.slug}/">เครือข่ายสถานศึกษาหนองฉาง</a>' in html
    assert "ห้องเรียนสาขาบ้านใหม่" in html
    assert "โรงเรียนลูกภายใน" not in html
    assert "https://www.openstreetmap.org/?mlat=15.390000&amp;mlon=99.980000" in html
    assert f'href="/directory/{agency.slug}/vcard.vcf"' in html
    assert "<title>โรงเรียนบ้านหนองฉาง |" in html


def test_agency_page_carries_schema_org_data_from_the_public_card(client, directory):
    parent = AgencyFactory(name_th="เครือข่ายสถานศึกษาหนองฉาง", category=category("school-network"))
    agency = AgencyFactory(
        name_th="โรงเรียนบ้านหนองฉาง",
        category=category("school"),
        school_code="1061000001",
        parent=parent,
        latitude="15.390000",
        longitude="99.980000",
    )
    AgencyPhoneFactory(agency=agency, number="056-511-061")
    AgencyPhoneFactory(agency=agency, number="056-999-000", is_public=False)
    ContactFactory(agency=agency, name="นางสาวใจดี มีสุข", phone="056-511-062", mobile="081-234-5678")
    html = page_text(client.get(f"/directory/{agency.slug}/"))
    raw = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    data = json.loads(raw)
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "EducationalOrganization"
    assert data["name"] == "โรงเรียนบ้านหนองฉาง"
    assert data["url"].startswith("http://testserver/directory/")
    assert data["telephone"] == "056-511-061"
    assert data["address"]["postalCode"] == "61000"
    assert data["address"]["addressCountry"] == "TH"
    assert data["geo"] == {"@type": "GeoCoordinates", "latitude": 15.39, "longitude": 99.98}
    assert data["parentOrganization"]["name"] == "เครือข่ายสถานศึกษาหนองฉาง"
    assert {
        "propertyID": "school_code",
        "name": "รหัสโรงเรียน",
        "value": "1061000001",
    }.items() <= data["identifier"][0].items()
    assert "056-999-000" not in raw and "081-234-5678" not in raw


def test_government_bodies_are_government_organizations(client, directory):
    agency = AgencyFactory(name_th="ศาลากลางจังหวัดอุทัยธานี", category=category("government"))
    html = page_text(client.get(f"/directory/{agency.slug}/"))
    assert '"@type":"GovernmentOrganization"' in html


def test_json_ld_cannot_break_out_of_its_script_element(client, directory):
    agency = AgencyFactory(name_th="หน่วยงาน </script><script>alert(1)</script>")
    html = page_text(client.get(f"/directory/{agency.slug}/"))
    assert "<script>alert(1)" not in html
    assert "\\u003c/script\\u003e" in html


@pytest.mark.parametrize("kind", ["unknown", "internal", "draft", "unpublished"])
def test_agency_page_is_not_found_unless_live_and_public(client, directory, kind):
    slug = {
        "unknown": "no-such-agency",
        "internal": AgencyFactory(name_th="หน่วยงานภายใน", visibility="internal").slug,
        "draft": AgencyFactory(name_th="ฉบับร่าง", publish=False).slug,
        "unpublished": AgencyFactory(name_th="เลิกเผยแพร่แล้ว").slug,
    }[kind]
    if kind == "unpublished":
        from coordination.models import Agency

        Agency.objects.get(slug=slug).unpublish()
    assert client.get(f"/directory/{slug}/").status_code == 404
    assert client.get(f"/directory/{slug}/vcard.vcf").status_code == 404


def test_agency_page_shows_approved_data_not_a_pending_draft(client, directory):
    agency = AgencyFactory(name_th="เทศบาลเมืองอุทัยธานี", email="old@example.go.th")
    agency.email = "pending@example.go.th"
    agency.save_revision()
    html = page_text(client.get(f"/directory/{agency.slug}/"))
    assert "old@example.go.th" in html
    assert "pending@example.go.th" not in html


def test_the_agencies_sitemap_section_lists_public_agencies_only(rf, directory):
    public = AgencyFactory(name_th="เทศบาลเมืองอุทัยธานี")
    hidden = AgencyFactory(name_th="หน่วยงานภายใน", visibility="internal")
    draft = AgencyFactory(name_th="ฉบับร่าง", publish=False)
    request = rf.get("/sitemap-agencies.xml")
    base = directory.get_full_url(request)
    # The page lists itself; its agencies have a section of their own, in parts.
    assert [entry["location"] for entry in directory.get_sitemap_urls(request)] == [base]
    sitemap = AgencySitemap(request)
    entries = sitemap.get_urls(page=1, site=RequestSite(request), protocol="http")
    assert [entry["location"] for entry in entries] == [iri_to_uri(f"{base}{public.slug}/")]
    assert sitemap.get_latest_lastmod() == Agency.objects.get(pk=public.pk).last_published_at
    assert hidden.slug != draft.slug


def test_agency_page_breadcrumb_starts_at_home_and_one_map_link(client, directory):
    agency = AgencyFactory(name_th="โรงเรียนบ้านหนองฉาง", latitude="15.390000", longitude="99.980000")
    soup = BeautifulSoup(page_text(client.get(f"/directory/{agency.slug}/")), "html.parser")
    trail = soup.find("nav", attrs={"aria-label": "ตำแหน่งของหน้านี้"})
    crumbs = [
        (li.get_text(strip=True), li.a["href"] if li.a else None) for li in trail.find_all("li")
    ]
    assert crumbs == [
        ("หน้าแรก", "/"),
        (directory.title, "/directory/"),
        ("โรงเรียนบ้านหนองฉาง", None),
    ]
    assert trail.find_all("li")[-1]["aria-current"] == "page"
    map_links = soup.find_all("a", href=re.compile(r"^https://www\.openstreetmap\.org/"))
    assert len(map_links) == 1
    assert map_links[0].get_text(" ", strip=True).startswith("ดูแผนที่")


def test_staff_agency_page_breadcrumb_keeps_the_staff_view(client, directory, staff_member):
    agency = AgencyFactory(name_th="กลุ่มตรวจสอบภายใน", visibility="internal")
    client.force_login(staff_member)
    soup = BeautifulSoup(
        page_text(client.get(f"/directory/{agency.slug}/?view=staff")), "html.parser"
    )
    trail = soup.find("nav", attrs={"aria-label": "ตำแหน่งของหน้านี้"})
    links = [a["href"] for a in trail.find_all("a")]
    assert links == ["/", "/directory/?view=staff"]
