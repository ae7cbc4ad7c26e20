"""The district filter lists one province's districts, the office's own by default: at national
scale the directory listed all 929 districts of the country (50 KB) on every page."""

import re

import pytest

from coordination.selectors.directory import DirectoryFilters
from tests.coordination.directory_support import directory_page
from tests.factories import AgencyFactory

pytestmark = pytest.mark.django_db


def options(html: str, select_id: str) -> list[str]:
    select = html[html.index(f'id="{select_id}"') :]
    select = select[: select.index("</select>")]
    return re.findall(r"<option value=\"([^\"]*)\"", select)


@pytest.fixture
def two_provinces(settings):
    settings.COORDINATION_PAGE_CACHE_ENABLED = False
    directory_page()
    # Uthai Thani (61), the office's own: most agencies. Bangkok (10): one.
    for district, subdistrict, postcode, name in [
        ("6101", "610101", "61000", "โรงเรียนเมืองอุทัย"),
        ("6101", "610101", "61000", "สำนักงานเมืองอุทัย"),
        ("6102", "610201", "61120", "โรงเรียนทัพทัน"),
    ]:
        AgencyFactory(
            name_th=name,
            province_code="61",
            district_code=district,
            subdistrict_code=subdistrict,
            postcode=postcode,
        )
    AgencyFactory(
        name_th="สำนักงานในกรุงเทพ",
        province_code="10",
        district_code="1001",
        subdistrict_code="100101",
        postcode="10200",
    )


def test_districts_of_the_office_province_are_listed_by_default(client, two_provinces):
    html = client.get("/directory/").content.decode()
    assert options(html, "directory-province") == ["", "10", "61"]
    assert options(html, "directory-district") == ["", "6102", "6101"]  # ทัพทัน, เมืองอุทัยธานี
    assert "อำเภอ (จังหวัดอุทัยธานี)" in html
    assert "สำนักงานในกรุงเทพ" in html  # no province chosen: every agency is listed


def test_choosing_a_province_lists_its_districts_and_filters(client, two_provinces):
    html = client.get("/directory/?province=10").content.decode()
    assert options(html, "directory-district") == ["", "1001"]
    assert "สำนักงานในกรุงเทพ" in html and "โรงเรียนทัพทัน" not in html
    assert 'value="10" selected' in html

    # A district of the old province is dropped when the visitor changes province.
    moved = client.get("/directory/?province=10&district=6101").content.decode()
    assert "สำนักงานในกรุงเทพ" in moved and "โรงเรียนเมืองอุทัย" not in moved

    # A district alone implies its province.
    district = client.get("/directory/?district=6102").content.decode()
    assert options(district, "directory-district") == ["", "6102", "6101"]
    assert "โรงเรียนทัพทัน" in district and "โรงเรียนเมืองอุทัย" not in district


def test_one_province_shows_no_province_choice(client, settings):
    settings.COORDINATION_PAGE_CACHE_ENABLED = False
    directory_page()
    AgencyFactory(name_th="โรงเรียนเดียว")
    html = client.get("/directory/").content.decode()
    assert 'id="directory-province"' not in html
    assert options(html, "directory-district") == ["", "6101"]


def test_pagination_keeps_the_province():
    filters = DirectoryFilters.from_query({"province": "10", "scope": "external"})
    assert "province=10" in filters.query_string()
    assert DirectoryFilters.from_query({"province": "1x"}).province == ""
