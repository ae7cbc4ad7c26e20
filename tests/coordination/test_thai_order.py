"""Thai dictionary order wherever names are listed: leading vowels (เ แ โ ใ ไ) sort by the
consonant they precede, so "เทศบาล…" comes after "กลุ่ม…", not after "องค์การ…".

The database orders by the stored key (`name_sort`), so these hold on SQLite and PostgreSQL alike.
"""

import importlib
import re
from html import unescape

import pytest
from django.apps import apps
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from coordination import geo
from coordination.demo.scale import registry_scale_load
from coordination.models import Agency, AgencyCategory, SchoolNetwork
from coordination.selectors.directory import category_choices, network_choices
from coordination.thai_sort import thai_sort_key
from tests.coordination.directory_support import directory_block, directory_page, stream
from tests.factories import AgencyFactory, SchoolNetworkFactory, category

pytestmark = pytest.mark.django_db

# Dictionary order; code points put the last three first-to-last the other way round.
IN_ORDER = [
    "กลุ่มนโยบายและแผน",
    "เทศบาลเมืองอุทัยธานี",
    "โรงเรียนบ้านหนองฉาง",
    "องค์การบริหารส่วนจังหวัดอุทัยธานี",
]
SHUFFLED = [IN_ORDER[3], IN_ORDER[1], IN_ORDER[0], IN_ORDER[2]]


def make_agencies(names=SHUFFLED, **fields):
    return [AgencyFactory(name_th=name, **fields) for name in names]


def listed_names(html: str) -> list[str]:
    pattern = r'<h3 class="directory-item__name"><a [^>]*>([^<]+)</a>'
    return [unescape(name) for name in re.findall(pattern, html)]


def in_page_order(html: str, names) -> list[str]:
    """`names` in the order they first appear in `html`."""
    return sorted(names, key=html.index)


# The key --------------------------------------------------------------------------------------


def test_key_puts_leading_vowels_after_their_consonant():
    assert sorted(reversed(IN_ORDER), key=thai_sort_key) == IN_ORDER
    assert thai_sort_key("เทศบาล") == "ทเศบาล"


@pytest.mark.parametrize(
    "words",
    [
        ["กาล", "เกิด", "ไก่", "เป็ด", "วันที่", "วัว", "หมู"],  # PyThaiNLP's collate example
        ["กา", "ก่า", "ก้า", "กาก"],  # tone marks only tell equal letters apart
        ["ทัพทัน", "บ้านไร่", "เมืองอุทัยธานี", "ลานสัก", "หนองฉาง", "ห้วยคต"],
    ],
)
def test_key_follows_the_dictionary(words):
    assert sorted(reversed(words), key=thai_sort_key) == words


def test_key_ignores_spaces_case_and_thai_digits():
    assert thai_sort_key("โรงเรียน บ้าน ๑") == thai_sort_key("โรงเรียนบ้าน1")
    assert thai_sort_key("ABC") == thai_sort_key("abc")


# The stored key -------------------------------------------------------------------------------


def test_saving_keeps_the_keys_in_step_with_name_and_district():
    agency = AgencyFactory(name_th="โรงเรียนบ้านหนองฉาง", district_code="6101")
    assert (agency.name_sort, agency.district_sort) == (
        thai_sort_key("โรงเรียนบ้านหนองฉาง"),
        thai_sort_key("เมืองอุทัยธานี"),
    )
    agency.name_th = "เทศบาลตำบลหนองฉาง"
    agency.save(update_fields=["name_th"])
    agency.refresh_from_db()
    assert agency.name_sort == thai_sort_key("เทศบาลตำบลหนองฉาง")


def test_database_compares_keys_by_code_point():
    """A database created with a language collation (en_US, th_TH) would skip the "." here; the
    key column compares code points on every database, as Python's sort does."""
    names = ["กก", "ก.ข", "ก ข", "Zz", "aa"]
    make_agencies(names)
    in_database = list(Agency.objects.order_by("name_sort", "pk").values_list("name_th", flat=True))
    assert in_database == sorted(names, key=thai_sort_key)
    column = next(
        c
        for c in connection.introspection.get_table_description(
            connection.cursor(), Agency._meta.db_table
        )
        if c.name == "name_sort"
    )
    assert column.collation == {"postgresql": "C"}.get(connection.vendor)


def test_migration_fills_the_keys_of_existing_rows():
    make_agencies(district_code="6102", subdistrict_code="610201", postcode="61120")
    Agency.objects.update(name_sort="", district_sort="")
    AgencyCategory.objects.update(name_sort="")
    migration = importlib.import_module("coordination.migrations.0008_fill_thai_sort_keys")
    migration.fill_thai_sort_keys(apps, None)
    rows = Agency.objects.order_by("name_sort", "pk").values_list("name_th", "district_sort")
    assert [name for name, _ in rows] == IN_ORDER
    assert {key for _, key in rows} == {thai_sort_key("ทัพทัน")}
    assert "" not in AgencyCategory.objects.values_list("name_sort", flat=True)


# Public surfaces ------------------------------------------------------------------------------


def test_directory_lists_names_in_thai_order(client):
    directory_page()
    make_agencies()
    assert listed_names(client.get("/directory/").content.decode()) == IN_ORDER


def test_directory_grouped_by_category_orders_names_in_each_group(client):
    directory_page()
    make_agencies(category=category("local-admin"))
    AgencyFactory(name_th="สำนักงานศึกษาธิการจังหวัดอุทัยธานี", category=category("education-office"))
    html = client.get("/directory/?group=category").content.decode()
    assert [name for name in listed_names(html) if name in IN_ORDER] == IN_ORDER


def test_directory_grouped_by_district_orders_districts_by_name(client):
    directory_page()
    for district in ("6101", "6106", "6102"):  # เมืองอุทัยธานี, บ้านไร่, ทัพทัน
        make_agencies(
            SHUFFLED,
            district_code=district,
            subdistrict_code=f"{district}01",
            postcode={"6101": "61000", "6106": "61140", "6102": "61120"}[district],
        )
    html = client.get("/directory/?group=district").content.decode()
    headings = re.findall(r'<h2 id="directory-group-\d+" class="">([^<]+)</h2>', html)
    assert headings == ["ทัพทัน", "บ้านไร่", "เมืองอุทัยธานี"]  # by code: 6101 first
    assert listed_names(html) == IN_ORDER * 3


def test_directory_block_lists_names_in_thai_order(client):
    make_agencies()
    directory_page(body=stream(directory_block(layout="table")))
    html = client.get("/directory/").content.decode()
    body = html[html.index('<div class="stream directory__body">') :]
    rows = re.findall(r'<th scope="row">(.*?)</th>', body, flags=re.S)
    assert [name for row in rows for name in IN_ORDER if name in row] == IN_ORDER


def test_api_lists_names_in_thai_order(client):
    make_agencies()
    contents = client.get("/api/v1/agencies").json()["contents"]
    assert [row["name"] for row in contents] == IN_ORDER


# Admin ----------------------------------------------------------------------------------------

LISTING = "wagtailsnippets_coordination_agency:list"


def test_admin_listing_sorts_the_name_column_in_thai_order(client, deputy):
    client.force_login(deputy)
    make_agencies()
    html = client.get(reverse(LISTING)).content.decode()
    assert in_page_order(html, IN_ORDER) == IN_ORDER
    assert "ordering=-name_sort" in html  # the name header toggles to descending
    html = client.get(reverse(LISTING), {"ordering": "-name_sort"}).content.decode()
    assert in_page_order(html, IN_ORDER) == IN_ORDER[::-1]


def test_admin_listing_breaks_ties_of_other_columns_by_name(client, deputy):
    client.force_login(deputy)
    make_agencies()
    html = client.get(reverse(LISTING), {"ordering": "district_code"}).content.decode()
    assert in_page_order(html, IN_ORDER) == IN_ORDER


def test_admin_listing_query_count_is_unchanged_by_name_order(client, deputy):
    client.force_login(deputy)
    make_agencies()

    def queries(**params) -> int:
        client.get(reverse(LISTING), params)  # warm up
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse(LISTING), params).status_code == 200
        return len(captured)

    by_name = queries()
    assert queries(ordering="-name_sort") == by_name
    assert queries(ordering="district_code") == by_name
    make_agencies([f"{name} สาขา {n}" for n in range(5) for name in SHUFFLED])
    assert queries() == by_name


def test_admin_chooser_lists_names_in_thai_order(client, deputy):
    client.force_login(deputy)
    make_agencies()
    chooser = reverse("wagtailsnippetchoosers_coordination_agency:choose_results")
    html = client.get(chooser).content.decode()
    assert in_page_order(html, IN_ORDER) == IN_ORDER


# Choice lists ---------------------------------------------------------------------------------


def test_district_choices_are_in_thai_order():
    names = [name for _code, name in geo.district_choices("61")]
    assert names == [
        "ทัพทัน",
        "บ้านไร่",
        "เมืองอุทัยธานี",
        "ลานสัก",
        "สว่างอารมณ์",
        "หนองขาหย่าง",
        "หนองฉาง",
        "ห้วยคต",
    ]
    assert [name for _code, name in geo.district_options(["6101", "6107", "6102"])] == [
        "ทัพทัน",
        "เมืองอุทัยธานี",
        "ลานสัก",
    ]


def test_province_and_subdistrict_choices_are_in_thai_order():
    provinces = [name for _code, name in geo.province_choices()]
    assert provinces.index("ชัยนาท") < provinces.index("เชียงราย") < provinces.index("ตาก")
    assert provinces[-1] == "อุบลราชธานี"
    subdistricts = [name for _code, name in geo.subdistrict_choices("6101")]
    assert subdistricts == sorted(subdistricts, key=thai_sort_key)


def test_directory_filter_offers_districts_in_thai_order(client):
    directory_page()
    for district, postcode in (("6101", "61000"), ("6102", "61120")):
        AgencyFactory(district_code=district, subdistrict_code=f"{district}01", postcode=postcode)
    html = client.get("/directory/").content.decode()
    assert in_page_order(html, ['value="6102"', 'value="6101"']) == ['value="6102"', 'value="6101"']


def test_category_and_network_choices_are_in_thai_order():
    names = ["เครือข่ายสถานศึกษาเมือง", "กลุ่มโรงเรียนหนองฉาง", "องค์กรเครือข่ายบ้านไร่"]
    for name in names:
        SchoolNetworkFactory(name_th=name)
    listed = [name for _slug, name in network_choices() if name in names]
    assert listed == ["กลุ่มโรงเรียนหนองฉาง", "เครือข่ายสถานศึกษาเมือง", "องค์กรเครือข่ายบ้านไร่"]
    AgencyCategory.objects.update(sort_order=1)  # ties of the office's own order go by name
    categories = [name for slug, name in category_choices() if slug]
    assert categories == sorted(categories, key=thai_sort_key)
    assert list(SchoolNetwork.objects.values_list("name_th", flat=True)) == sorted(
        SchoolNetwork.objects.values_list("name_th", flat=True), key=thai_sort_key
    )


def test_scale_loader_fills_the_keys():
    registry_scale_load(agencies=10, contacts_per_agency=0, seed=1)
    rows = Agency.objects.filter(slug__startswith="scale-")
    assert rows.count() == 10
    for agency in rows:
        assert agency.name_sort == thai_sort_key(agency.name_th)
        assert agency.district_sort == thai_sort_key(geo.district_name(agency.district_code))
