"""Friendly Thai error pages: 404 through the site frame, 500 without request or database, 503
while the database is unreachable."""

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

from django.template import loader
from django.test import RequestFactory
from django.views.defaults import server_error

from home import errors

ROOT = Path(__file__).resolve().parents[2]
# Nothing listens on port 1 of this machine: connecting there fails at once, as with a stopped
# server.
CLOSED_PORT = "127.0.0.1:1"


def test_404_is_thai_with_status_404(client, home_page, office):
    response = client.get("/ไม่มีหน้านี้/")
    html = response.content.decode()
    assert response.status_code == 404
    assert '<html lang="th">' in html
    assert "ขออภัย ไม่พบหน้าที่คุณต้องการ" in html
    assert 'href="/"' in html
    assert "สพป.อุทัยธานี เขต 1" in html  # the footer and header still show the office


# No `db` fixture: pytest-django makes any database access in these two tests an error.
def test_500_template_renders_standalone_without_request_or_database():
    html = loader.get_template("500.html").render()
    assert '<html lang="th">' in html
    assert "ขออภัย ระบบขัดข้องชั่วคราว" in html


def test_500_view_answers_in_thai_without_database():
    response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    assert "ระบบขัดข้องชั่วคราว" in response.content.decode()


def test_site_500_handler_answers_500_for_an_error_that_is_not_the_database():
    try:
        raise ValueError("a bug, not an outage")
    except ValueError:
        response = errors.server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    assert "Retry-After" not in response
    assert "ระบบขัดข้องชั่วคราว" in response.content.decode()


DATABASE_DOWN_SCRIPT = textwrap.dedent(
    """
    import json, django
    django.setup()
    from django.test import Client
    client = Client(raise_request_exception=False)
    answers = {}
    for path in ("/", "/directory/", "/news/", "/admin/login/"):
        response = client.get(path)
        answers[path] = {
            "status": response.status_code,
            "retry_after": response.get("Retry-After"),
            "html": response.content.decode(),
        }
    print(json.dumps(answers))
    """
)


def test_pages_answer_a_thai_503_while_the_database_refuses_connections():
    """A PostgreSQL that refuses connections (a stopped server): Wagtail's page lookup, the
    registry's views and the admin's login all fail on their first query; the visitor gets the
    Thai 503 page with Retry-After, not a 500 or an English traceback."""
    environment = {k: v for k, v in os.environ.items() if k != "REDIS_URL"}
    environment.update(
        DJANGO_SETTINGS_MODULE="cms.settings.test",
        TEST_DATABASE_URL=f"postgres://esa:esa@{CLOSED_PORT}/esa",
        PYTHONPATH=str(ROOT),
    )
    result = subprocess.run(
        [sys.executable, "-c", DATABASE_DOWN_SCRIPT],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    answers = json.loads(result.stdout.strip().splitlines()[-1])
    for path, answer in answers.items():
        assert answer["status"] == 503, path
        assert answer["retry_after"] == str(errors.RETRY_AFTER_SECONDS), path
        assert '<html lang="th">' in answer["html"], path
        assert "ขออภัย ขณะนี้ระบบไม่พร้อมให้บริการชั่วคราว" in answer["html"], path
        assert "Traceback" not in answer["html"], path


def test_the_api_answers_503_json_while_the_database_refuses_connections():
    script = textwrap.dedent(
        """
        import json, django
        django.setup()
        from django.test import Client
        response = Client(raise_request_exception=False).get("/api/v1/agencies")
        print(json.dumps({"status": response.status_code, "retry_after": response.get("Retry-After"),
                          "body": response.json()}))
        """
    )
    environment = {k: v for k, v in os.environ.items() if k != "REDIS_URL"}
    environment.update(
        DJANGO_SETTINGS_MODULE="cms.settings.test",
        TEST_DATABASE_URL=f"postgres://esa:esa@{CLOSED_PORT}/esa",
        PYTHONPATH=str(ROOT),
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=environment, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout.strip().splitlines()[-1])
    assert answer["status"] == 503
    assert answer["retry_after"] == str(errors.RETRY_AFTER_SECONDS)
    assert answer["body"]["error"]["code"] == "service_unavailable"
    assert "ฐานข้อมูลไม่พร้อมให้บริการชั่วคราว" in answer["body"]["error"]["message"]
