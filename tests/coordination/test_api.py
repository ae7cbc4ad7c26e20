"""The public read API: paged, public data only, a fixed number of queries."""

import json
import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import AgencyFactory, AgencyPhoneFactory, ContactFactory, category

pytestmark = pytest.mark.django_db

THAI = re.compile("[\u0e00-\u0e7f]")


def test_list_is_paged_and_public_only(client):
    for index in range(25):
        AgencyFactory(name_th=f"หน่วยงานสาธารณะ {index:02d}")
    AgencyFactory(name_th="หน่วยงานภายในลับ", visibility="internal")
    AgencyFactory(name_th="ร่างที่ยังไม่เผยแพร่", publish=False)

    response = client.get("/api/v1/agencies", {"size": 10, "page": 3})
    assert response.status_code == 200
    body = response.json()
    assert (body["total_items"], body["total_pages"], body["page_number"], body["size"]) == (
        25,
        3,
        3,
        10,
    )
    assert len(body["contents"]) == 5
    names = {row["name"] for row in client.get("/api/v1/agencies?size=100").json()["contents"]}
    assert "หน่วยงานภายในลับ" not in names
    assert "ร่างที่ยังไม่เผยแพร่" not in names


def test_detail_hides_internal_fields(client):
    agency = AgencyFactory(name_th="องค์การบริหารส่วนจังหวัดอุทัยธานี", email="pao@example.go.th")
    AgencyPhoneFactory(agency=agency, number="056 511 111")
    AgencyPhoneFactory(agency=agency, kind="mobile", number="089 000 1111", is_public=False)
    ContactFactory(agency=agency, name="นายอุทัย ใจดี", mobile="081 111 2222", line_id="uthai.j")
    response = client.get(f"/api/v1/agencies/{agency.pk}")
    assert response.status_code == 200
    text = response.content.decode()
    assert "056 511 111" in text and "นายอุทัย ใจดี" in text
    assert "089 000 1111" not in text
    assert "081 111 2222" not in text and "uthai.j" not in text


def test_identifiers_have_machine_schemes_and_thai_types(client):
    agency = AgencyFactory(school_code="1061000001", tax_id="", smis_code="61010001")
    body = client.get(f"/api/v1/agencies/{agency.pk}").json()
    assert body["organization_identifiers"] == [
        {
            "identifier_scheme": "school_code",
            "identifier_type": "รหัสโรงเรียน",
            "identifier": "1061000001",
        },
        {"identifier_scheme": "smis_code", "identifier_type": "รหัส SMIS", "identifier": "61010001"},
    ]


@pytest.mark.parametrize("visibility,publish", [("internal", True), ("public", False)])
def test_detail_of_hidden_agency_is_404(client, visibility, publish):
    agency = AgencyFactory(visibility=visibility, publish=publish)
    assert client.get(f"/api/v1/agencies/{agency.pk}").status_code == 404


def thai_error(response, status: int) -> dict:
    """The one error shape of the API: a code for programs, a Thai message for people."""
    assert response.status_code == status
    assert response["Content-Type"] == "application/json; charset=utf-8"
    error = response.json()["error"]
    assert set(error) == {"code", "message", "fields"}
    assert THAI.search(error["message"]), error["message"]
    return error


@pytest.mark.parametrize(
    "params,code",
    [
        ({"page": "9" * 5000}, "invalid_page"),  # more digits than Python will parse
        ({"page": "0"}, "invalid_page"),
        ({"page": "-3"}, "invalid_page"),
        ({"page": "สอง"}, "invalid_page"),
        ({"page": "1.5"}, "invalid_page"),
        ({"size": "0"}, "invalid_size"),
        ({"size": "1000"}, "invalid_size"),
        ({"size": "-1"}, "invalid_size"),
        ({"size": "ten"}, "invalid_size"),
        ({"modified_after": "2026-02-30"}, "invalid_modified_after"),
    ],
)
def test_absurd_paging_is_a_thai_400(client, params, code):
    AgencyFactory()
    error = thai_error(client.get("/api/v1/agencies", params), 400)
    assert error["code"] == code
    assert [field["name"] for field in error["fields"]] == [next(iter(params))]


@pytest.mark.parametrize("page", ["2", "10000000000000000000000000"])
def test_a_page_past_the_last_is_a_thai_404(client, page):
    AgencyFactory()
    error = thai_error(client.get("/api/v1/agencies", {"page": page}), 404)
    assert error["code"] == "page_out_of_range"
    assert [field["name"] for field in error["fields"]] == ["page"]


def test_last_page_still_answers(client):
    for _ in range(3):
        AgencyFactory()
    body = client.get("/api/v1/agencies", {"size": 2, "page": 2}).json()
    assert (body["total_pages"], len(body["contents"])) == (2, 1)
    error = thai_error(client.get("/api/v1/agencies", {"size": 2, "page": 3}), 404)
    assert "ทั้งหมด 2 หน้า" in error["message"]


@pytest.mark.parametrize(
    "method,url,status,code",
    [
        ("get", "/api/v1/agencies/999999", 404, "agency_not_found"),
        ("get", "/api/v1/agencies/abc", 404, "not_found"),
        ("get", "/api/v1/no-such-thing", 404, "not_found"),
        ("post", "/api/v1/agencies", 405, "method_not_allowed"),
        ("delete", "/api/v1/agencies/1", 405, "method_not_allowed"),
    ],
)
def test_every_error_is_thai_json(client, method, url, status, code):
    error = thai_error(getattr(client, method)(url), status)
    assert error["code"] == code


def test_content_type_has_one_charset(client):
    agency = AgencyFactory()
    for url in ("/api/v1/agencies", f"/api/v1/agencies/{agency.pk}", "/api/v1/agencies?page=0"):
        content_type = client.get(url)["Content-Type"]
        assert content_type == "application/json; charset=utf-8", url
        assert content_type.count("charset") == 1


def test_openapi_documents_the_error_shape(client):
    schema = client.get("/api/v1/openapi.json").json()
    assert '"error"' in schema["info"]["description"]
    assert "page_out_of_range" in schema["info"]["description"]
    responses = schema["paths"]["/api/v1/agencies"]["get"]["responses"]
    assert "400" in responses
    page = schema["paths"]["/api/v1/agencies"]["get"]["parameters"]
    assert {p["name"]: p["schema"].get("minimum") for p in page}["page"] == 1


def test_filters(client):
    AgencyFactory(
        name_th="โรงเรียนในหนองฉาง",
        district_code="6104",
        subdistrict_code="610401",
        postcode="61110",
        scope="internal",
    )
    AgencyFactory(name_th="หน่วยงานในเมือง")
    rows = client.get("/api/v1/agencies", {"district": "6104"}).json()["contents"]
    assert [r["name"] for r in rows] == ["โรงเรียนในหนองฉาง"]
    rows = client.get("/api/v1/agencies", {"scope": "external"}).json()["contents"]
    assert [r["name"] for r in rows] == ["หน่วยงานในเมือง"]


def test_openapi_schema(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    assert "/api/v1/agencies" in response.json()["paths"]


def test_list_query_count_is_fixed(client):
    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/api/v1/agencies", {"size": 20}).status_code == 200
        return len(queries)

    for _ in range(5):
        ContactFactory(agency=AgencyFactory())
    few = count()
    for _ in range(30):
        agency = AgencyFactory()
        ContactFactory(agency=agency)
        AgencyPhoneFactory(agency=agency)
    assert count() == few <= 10


def test_agency_url_points_into_the_directory(client):
    from tests.coordination.directory_support import directory_page

    directory_page()
    agency = AgencyFactory(name_th="สถานีตำรวจภูธรเมืองอุทัยธานี")
    body = client.get(f"/api/v1/agencies/{agency.pk}").json()
    assert body["url"] == f"/directory/{agency.slug}/"
    assert client.get(body["url"]).status_code == 200


def test_search_through_the_api(client):
    AgencyFactory(name_th="โรงเรียนบ้านหนองฉาง")
    AgencyFactory(name_th="โรงพยาบาลอุทัยธานี")
    rows = client.get("/api/v1/agencies", {"q": "หนองฉาง"}).json()["contents"]
    assert [r["name"] for r in rows] == ["โรงเรียนบ้านหนองฉาง"]


# HSDS shape, filters and deep pages ------------------------------------------------------------

BANGKOK = ZoneInfo("Asia/Bangkok")


def test_fields_follow_hsds(client):
    parent = AgencyFactory(name_th="สำนักงานเขตพื้นที่การศึกษาประถมศึกษาอุทัยธานี เขต 1")
    agency = AgencyFactory(
        name_th="กลุ่มอำนวยการ",
        short_name="กอ.",
        parent=parent,
        mission="<p>ประสานงาน&amp;ธุรการ</p><ul><li>สารบรรณ</li></ul>",
        email="admin@uthai1.example.go.th",
        website="https://uthai1.example.go.th",
    )
    AgencyPhoneFactory(agency=agency, number="056 511 061 ต่อ 12")
    AgencyPhoneFactory(agency=agency, kind="fax", number="056 511 062")
    ContactFactory(agency=agency, name="นางวิไล ใจงาม", position="ผู้อำนวยการกลุ่ม")
    body = client.get(f"/api/v1/agencies/{agency.pk}").json()
    assert (body["name"], body["alternate_name"]) == ("กลุ่มอำนวยการ", "กอ.")
    assert body["description"] == "ประสานงาน&ธุรการ สารบรรณ"
    assert (body["email"], body["website"]) == (
        "admin@uthai1.example.go.th",
        "https://uthai1.example.go.th",
    )
    assert body["parent_organization_id"] == parent.pk
    assert [(p["number"], p["extension"], p["type"]) for p in body["phones"]] == [
        ("056 511 061", "12", "voice"),
        ("056 511 062", "", "fax"),
    ]
    (contact,) = body["contacts"]
    assert (contact["name"], contact["title"]) == ("นางวิไล ใจงาม", "ผู้อำนวยการกลุ่ม")
    assert body["addresses"][0]["state_province"] == "อุทัยธานี"
    assert body["last_modified"]


def test_an_internal_parent_is_not_named(client):
    parent = AgencyFactory(name_th="หน่วยงานแม่ภายใน", visibility="internal")
    agency = AgencyFactory(parent=parent)
    body = client.get(f"/api/v1/agencies/{agency.pk}").json()
    assert body["parent_organization_id"] is None
    assert "หน่วยงานแม่ภายใน" not in json.dumps(body, ensure_ascii=False)


def names(client, **params) -> list[str]:
    response = client.get("/api/v1/agencies", {"size": 100, **params})
    assert response.status_code == 200, response.content
    return [row["name"] for row in response.json()["contents"]]


def test_filters_combine(client):
    codes = iter(range(1061000001, 1061000099))

    def school(name, **fields):
        AgencyFactory(name_th=name, category=category("school"), school_code=next(codes), **fields)

    # ทัพทัน is a district's name, so a Thai word of the search's dictionary; all stand in หนองฉาง.
    with time_machine.travel(datetime(2026, 1, 5, 9, 0, tzinfo=BANGKOK), tick=False):
        school("โรงเรียนบ้านทัพทันเก่า", scope="internal", **NONG_CHANG)
    with time_machine.travel(datetime(2026, 3, 1, 9, 0, tzinfo=BANGKOK), tick=False):
        school("โรงเรียนบ้านทัพทัน", scope="internal", **NONG_CHANG)
        school("โรงเรียนบ้านทัพทันนอก", scope="external", **NONG_CHANG)
        AgencyFactory(name_th="สถานีอนามัยทัพทัน", scope="internal", **NONG_CHANG)
        school("โรงเรียนบ้านทัพทันในเมือง", scope="internal")
        school("โรงเรียนวัดหนองขาหย่าง", scope="internal", **NONG_CHANG)
    every = {
        "q": "ทัพทัน",
        "scope": "internal",
        "category": "school",
        "district": "6104",
        "modified_after": "2026-02-01",
    }
    assert names(client, **every) == ["โรงเรียนบ้านทัพทัน"]
    # Each filter, left out in turn, lets back exactly the agency it alone kept out.
    let_back = {
        "q": "โรงเรียนวัดหนองขาหย่าง",
        "scope": "โรงเรียนบ้านทัพทันนอก",
        "category": "สถานีอนามัยทัพทัน",
        "district": "โรงเรียนบ้านทัพทันในเมือง",
        "modified_after": "โรงเรียนบ้านทัพทันเก่า",
    }
    for left_out, name in let_back.items():
        params = {key: value for key, value in every.items() if key != left_out}
        assert sorted(names(client, **params)) == sorted(["โรงเรียนบ้านทัพทัน", name]), left_out


NONG_CHANG = {"district_code": "6104", "subdistrict_code": "610401", "postcode": "61110"}


@pytest.mark.parametrize(
    "value,expected",
    [
        ("2026-03-01", ["มีนาคม", "เมษายน"]),  # a date: from the start of that day, Thai time
        ("2026-03-01T10:00", ["เมษายน"]),  # no offset: Thai time
        ("2026-03-01T02:00:01Z", ["เมษายน"]),  # a second after March's 09:00 Thai time
        ("2026-03-01T01:59:59+00:00", ["มีนาคม", "เมษายน"]),
        ("2026-04-01T09:00:00+07:00", ["เมษายน"]),  # inclusive
        ("0001-01-01", ["กุมภาพันธ์", "มีนาคม", "เมษายน"]),  # before anything a database stores
        ("9999-12-31T23:59:59-12:00", []),
    ],
)
def test_modified_after(client, value, expected):
    for month, name in ((2, "กุมภาพันธ์"), (3, "มีนาคม"), (4, "เมษายน")):
        with time_machine.travel(datetime(2026, month, 1, 9, 0, tzinfo=BANGKOK), tick=False):
            AgencyFactory(name_th=f"หน่วยงาน{name}")
    assert names(client, modified_after=value) == [f"หน่วยงาน{name}" for name in expected]


# "0.4" and "1700000000" are seconds since 1970 to pydantic, not ISO dates (schemathesis found it).
@pytest.mark.parametrize(
    "value", ["yesterday", "2026-13-01", "31/01/2026", "2026-01-31T25:00", "0.4", "1700000000"]
)
def test_a_bad_modified_after_is_a_thai_400(client, value):
    error = thai_error(client.get("/api/v1/agencies", {"modified_after": value}), 400)
    assert error["code"] == "invalid_modified_after"
    assert [field["name"] for field in error["fields"]] == ["modified_after"]


@pytest.mark.parametrize(
    "params", [{"scope": "everything"}, {"district": "61"}, {"q": "ab\x00c"}, {"q": "ก" * 101}]
)
def test_a_bad_filter_is_a_thai_400(client, params):
    error = thai_error(client.get("/api/v1/agencies", params), 400)
    assert error["code"] == "invalid_parameter"
    assert [field["name"] for field in error["fields"]] == list(params)


def test_pages_hold_every_agency_once_in_name_order(client):
    for index in range(23):
        AgencyFactory(name_th=f"หน่วยงาน {index:02d}")
    seen = []
    for page in (1, 2, 3):
        body = client.get("/api/v1/agencies", {"size": 10, "page": page}).json()
        assert (body["page_number"], body["total_pages"], body["total_items"]) == (page, 3, 23)
        seen += [row["name"] for row in body["contents"]]
    assert seen == [f"หน่วยงาน {index:02d}" for index in range(23)]


def test_a_deep_page_costs_what_the_first_costs(client, django_assert_max_num_queries):
    for _ in range(12):
        ContactFactory(agency=AgencyFactory())
    with CaptureQueriesContext(connection) as first:
        assert client.get("/api/v1/agencies", {"size": 1, "page": 1}).status_code == 200
    with django_assert_max_num_queries(len(first)):
        assert client.get("/api/v1/agencies", {"size": 1, "page": 12}).status_code == 200
    # The page's rows are picked by id first: no query joins more rows than the page holds.
    with CaptureQueriesContext(connection) as deep:
        client.get("/api/v1/agencies", {"size": 1, "page": 12})
    selects = [q["sql"] for q in deep.captured_queries if "LIMIT 1 OFFSET 11" in q["sql"]]
    assert selects and all(" IN (SELECT" in sql for sql in selects), selects
