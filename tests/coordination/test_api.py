"""The public read API: paged, public data only, a fixed number of queries."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import AgencyFactory, AgencyPhoneFactory, ContactFactory

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
    names = {row["name_th"] for row in client.get("/api/v1/agencies?size=100").json()["contents"]}
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


def test_identifiers_have_machine_keys_not_thai_labels(client):
    agency = AgencyFactory(school_code="1061000001", tax_id="", smis_code="61010001")
    body = client.get(f"/api/v1/agencies/{agency.pk}").json()
    assert body["identifiers"] == {"school_code": "1061000001", "smis_code": "61010001"}


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
        ({"page": "10000000000000000000000000"}, "page_out_of_range"),
        ({"page": "9" * 5000}, "invalid_page"),  # more digits than Python will parse
        ({"page": "2"}, "page_out_of_range"),
        ({"page": "0"}, "invalid_page"),
        ({"page": "-3"}, "invalid_page"),
        ({"page": "สอง"}, "invalid_page"),
        ({"page": "1.5"}, "invalid_page"),
        ({"size": "0"}, "invalid_size"),
        ({"size": "1000"}, "invalid_size"),
        ({"size": "-1"}, "invalid_size"),
        ({"size": "ten"}, "invalid_size"),
    ],
)
def test_absurd_paging_is_a_thai_400(client, params, code):
    AgencyFactory()
    error = thai_error(client.get("/api/v1/agencies", params), 400)
    assert error["code"] == code
    assert [field["name"] for field in error["fields"]] == [next(iter(params))]


def test_last_page_still_answers(client):
    for _ in range(3):
        AgencyFactory()
    body = client.get("/api/v1/agencies", {"size": 2, "page": 2}).json()
    assert (body["total_pages"], len(body["contents"])) == (2, 1)
    error = thai_error(client.get("/api/v1/agencies", {"size": 2, "page": 3}), 400)
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
    assert [r["name_th"] for r in rows] == ["โรงเรียนในหนองฉาง"]
    rows = client.get("/api/v1/agencies", {"scope": "external"}).json()["contents"]
    assert [r["name_th"] for r in rows] == ["หน่วยงานในเมือง"]


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
    assert [r["name_th"] for r in rows] == ["โรงเรียนบ้านหนองฉาง"]
