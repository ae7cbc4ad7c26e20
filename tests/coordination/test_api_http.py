"""The public API's HTTP manners: ETag/Last-Modified and 304, read-only CORS, HEAD, the rate
limit's 429 with Retry-After, and docs that load nothing from outside the server."""

import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.contrib.staticfiles import finders
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.coordination.test_api import thai_error
from tests.factories import AgencyFactory

pytestmark = pytest.mark.django_db

NOON = datetime(2026, 6, 1, 12, 0, 10, tzinfo=ZoneInfo("Asia/Bangkok"))


# ETag and Last-Modified ------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/api/v1/agencies", "/api/v1/agencies?q=อุทัย", "detail"])
def test_a_matching_etag_gets_304_without_a_body(client, path):
    agency = AgencyFactory(name_th="โรงพยาบาลอุทัยธานี")
    url = f"/api/v1/agencies/{agency.pk}" if path == "detail" else path
    first = client.get(url)
    assert first.status_code == 200 and first["ETag"]
    again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == first["ETag"]
    assert again["Access-Control-Allow-Origin"] == "*"
    assert client.get(url, HTTP_IF_NONE_MATCH='"something-else"').status_code == 200


def test_a_published_change_changes_the_etag(client):
    agency = AgencyFactory(name_th="เทศบาลเมืองอุทัยธานี")
    etag = client.get("/api/v1/agencies")["ETag"]
    agency.name_th = "เทศบาลเมืองอุทัยธานี (ปรับปรุง)"
    agency.save_revision().publish()
    response = client.get("/api/v1/agencies", HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200
    assert response.json()["contents"][0]["name"] == "เทศบาลเมืองอุทัยธานี (ปรับปรุง)"


def test_detail_answers_if_modified_since(client):
    with time_machine.travel(NOON, tick=False):
        agency = AgencyFactory()
    url = f"/api/v1/agencies/{agency.pk}"
    response = client.get(url)
    assert response["Last-Modified"] == "Mon, 01 Jun 2026 05:00:10 GMT"
    since = response["Last-Modified"]
    assert client.get(url, HTTP_IF_MODIFIED_SINCE=since).status_code == 304
    earlier = "Mon, 01 Jun 2026 05:00:09 GMT"
    assert client.get(url, HTTP_IF_MODIFIED_SINCE=earlier).status_code == 200


def test_errors_carry_no_etag(client):
    response = client.get("/api/v1/agencies/999999")
    assert response.status_code == 404
    assert not response.has_header("ETag")


# CORS and HEAD ---------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/api/v1/agencies", "/api/v1/openapi.json", "/api/v1/no-such"])
def test_any_site_may_read(client, path):
    response = client.get(path, HTTP_ORIGIN="https://other.example.go.th")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in response
    assert "ETag" in response["Access-Control-Expose-Headers"]


def test_preflight_is_answered_without_the_database(client):
    with CaptureQueriesContext(connection) as queries:
        response = client.options(
            "/api/v1/agencies",
            HTTP_ORIGIN="https://other.example.go.th",
            HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
            HTTP_ACCESS_CONTROL_REQUEST_HEADERS="if-none-match",
        )
    assert response.status_code == 204
    assert response["Access-Control-Allow-Origin"] == "*"
    assert set(response["Access-Control-Allow-Methods"].split(", ")) == {"GET", "HEAD", "OPTIONS"}
    assert "If-None-Match" in response["Access-Control-Allow-Headers"]
    assert "Access-Control-Allow-Credentials" not in response
    assert len(queries) == 0


def test_writes_get_no_cors(client):
    response = client.post("/api/v1/agencies", HTTP_ORIGIN="https://other.example.go.th")
    assert response.status_code == 405
    assert "Access-Control-Allow-Origin" not in response


def test_head_answers_like_get_without_a_body(client):
    AgencyFactory()
    get = client.get("/api/v1/agencies")
    head = client.head("/api/v1/agencies")
    assert head.status_code == 200
    assert head.content == b""
    assert head["ETag"] == get["ETag"]
    assert head["Content-Type"] == "application/json; charset=utf-8"


# Rate limit ------------------------------------------------------------------------------------


@pytest.fixture
def limit_of_three(settings):
    settings.COORDINATION_API_RATE_LIMIT = 3
    settings.COORDINATION_API_RATE_WINDOW = 60
    settings.COORDINATION_API_TRUSTED_PROXIES = 0
    # 10 s into a minute: the window ends in 50 s, whatever today's clock says.
    with time_machine.travel(NOON, tick=False) as traveller:
        yield traveller


def test_past_the_limit_a_thai_429_with_retry_after(client, limit_of_three):
    for _ in range(3):
        assert client.get("/api/v1/agencies").status_code == 200
    response = client.get("/api/v1/agencies")
    error = thai_error(response, 429)
    assert error["code"] == "rate_limited"
    assert response["Retry-After"] == "50"
    assert "50 วินาที" in error["message"]
    assert response["Access-Control-Allow-Origin"] == "*"
    # The limit covers the whole API, the schema and the docs too.
    assert client.get("/api/v1/openapi.json").status_code == 429


def test_the_next_window_starts_afresh(client, limit_of_three):
    for _ in range(4):
        client.get("/api/v1/agencies")
    limit_of_three.shift(50)
    assert client.get("/api/v1/agencies").status_code == 200


def test_each_client_has_its_own_limit(client, limit_of_three):
    for _ in range(4):
        client.get("/api/v1/agencies", REMOTE_ADDR="192.0.2.1")
    assert client.get("/api/v1/agencies", REMOTE_ADDR="192.0.2.1").status_code == 429
    assert client.get("/api/v1/agencies", REMOTE_ADDR="192.0.2.2").status_code == 200


def test_a_forged_forwarded_for_does_not_escape_the_limit(client, limit_of_three):
    statuses = [
        client.get(
            "/api/v1/agencies", REMOTE_ADDR="192.0.2.1", HTTP_X_FORWARDED_FOR=f"198.51.100.{n}"
        ).status_code
        for n in range(4)
    ]
    assert statuses == [200, 200, 200, 429]


def test_behind_a_trusted_proxy_the_forwarded_client_counts(client, limit_of_three, settings):
    settings.COORDINATION_API_TRUSTED_PROXIES = 1

    def get(client_address: str) -> int:
        # The proxy (10.0.0.5) appends the address it heard from to what the client sent.
        forwarded = f"203.0.113.99, {client_address}"
        return client.get(
            "/api/v1/agencies", REMOTE_ADDR="10.0.0.5", HTTP_X_FORWARDED_FOR=forwarded
        ).status_code

    assert [get("198.51.100.1") for _ in range(4)] == [200, 200, 200, 429]
    assert get("198.51.100.2") == 200


def test_no_limit_when_set_to_zero(client, settings):
    settings.COORDINATION_API_RATE_LIMIT = 0
    assert all(client.get("/api/v1/agencies").status_code == 200 for _ in range(5))


def test_openapi_documents_429_and_304(client):
    responses = client.get("/api/v1/openapi.json").json()["paths"]["/api/v1/agencies"]["get"][
        "responses"
    ]
    assert {"200", "304", "400", "429"} <= set(responses)


# Docs ------------------------------------------------------------------------------------------


def test_docs_load_nothing_from_outside(client):
    response = client.get("/api/v1/docs")
    assert response.status_code == 200
    page = response.content.decode()
    soup = BeautifulSoup(page, "html.parser")
    assert soup.html["lang"] == "th"
    sources = [tag.get("src") for tag in soup.find_all("script") if tag.get("src")]
    sources += [tag["href"] for tag in soup.find_all("link") if tag.get("href")]
    assert sources and all(source.startswith("/static/") for source in sources), sources
    assert "cdn" not in page.lower()
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page)
    # Swagger UI's validator badge would send the schema to validator.swagger.io.
    assert '"validatorUrl": null' in page


def test_docs_assets_are_static_files(client):
    page = client.get("/api/v1/docs").content.decode()
    for path in re.findall(r"/static/(ninja/[\w.-]+)", page):
        assert finders.find(path), f"{path} is not found by collectstatic's finders"
