"""Schemathesis against the API's own OpenAPI document (/api/v1/openapi.json), through the Django
WSGI app: generated requests, valid and invalid, never get a 5xx, and every answer matches the
schema (status documented, content type, body, headers). Deterministic: derandomized Hypothesis
with a bounded number of examples per operation."""

from collections import Counter

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode

from tests.factories import AgencyFactory, AgencyPhoneFactory, ContactFactory

pytestmark = pytest.mark.django_db

EXAMPLES_PER_OPERATION = 40


@pytest.fixture
def registry(settings):
    settings.COORDINATION_API_RATE_LIMIT = 0  # the run sends hundreds of requests in a second
    parent = AgencyFactory(name_th="สำนักงานเขตพื้นที่การศึกษาประถมศึกษาอุทัยธานี เขต 1")
    AgencyPhoneFactory(agency=parent, kind="fax", number="056 511 062")
    for name in ("กลุ่มอำนวยการ", "กลุ่มนโยบายและแผน"):
        agency = AgencyFactory(name_th=name, parent=parent, mission="<p>ประสานงาน</p>")
        AgencyPhoneFactory(agency=agency, number="056 511 061 ต่อ 12")
        ContactFactory(agency=agency)
    AgencyFactory(name_th="หน่วยงานภายใน", visibility="internal")
    return AgencyFactory(name_th="กลุ่มส่งเสริมการศึกษาทางไกล", parent=parent, mission="<p>ภารกิจ</p>")


@pytest.fixture
def wsgi_app():
    """The project's WSGI app, keeping the test's database connection open between requests as
    Django's test client does: the test data lives in that connection's transaction, and on
    PostgreSQL a request's end would otherwise close it."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield get_wsgi_application()
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def test_the_api_keeps_to_its_schema(registry, wsgi_app, capsys):
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", wsgi_app)
    statuses: Counter = Counter()
    operations = []
    for result in schema.get_all_operations():
        operation = result.ok()
        operations.append(operation.label)
        strategies = [
            operation.as_strategy(generation_mode=mode)
            for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE)
        ]
        if "agency_id" in operation.path:
            # Random ids nearly all miss: also ask for an agency that is there, in full.
            strategies.append(operation.as_strategy(path_parameters={"agency_id": registry.pk}))
        for strategy in strategies:

            @given(case=strategy)
            @settings(
                max_examples=EXAMPLES_PER_OPERATION,
                deadline=None,
                derandomize=True,
                database=None,
                suppress_health_check=list(HealthCheck),
            )
            def check(case):
                response = case.call_and_validate()
                statuses[response.status_code] += 1
                assert response.status_code < 500, case.as_curl_command()

            check()
    assert sorted(operations) == ["GET /api/v1/agencies", "GET /api/v1/agencies/{agency_id}"]
    assert statuses[200] > 0 and statuses[400] > 0
    with capsys.disabled():
        print(
            f"\nschemathesis: {len(operations)} operations, {sum(statuses.values())} requests,"
            f" statuses {dict(sorted(statuses.items()))}"
        )
