"""/healthz: what a load balancer or monitor reads about the database and the cache."""

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.coordination.directory_support import directory_page

ROOT = Path(__file__).resolve().parents[2]
# Nothing listens on port 1 of this machine: connecting there fails at once, as with a stopped
# server.
CLOSED_PORT = "127.0.0.1:1"


@pytest.mark.django_db
def test_healthz_answers_200_when_the_database_and_the_cache_answer(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_healthz_answers_503_naming_the_cache_when_redis_is_down(client, settings):
    directory_page()
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://{CLOSED_PORT}/0",
        }
    }
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "ok", "cache": "error"}


@pytest.mark.django_db
def test_healthz_is_never_served_from_the_page_cache(client):
    first = client.get("/healthz")
    second = client.get("/healthz")
    assert first.status_code == second.status_code == 200
    assert not second.get("X-Page-Cache")


def test_healthz_answers_503_naming_the_database_when_it_does_not_answer():
    """The production settings with a PostgreSQL that refuses connections (a stopped server)."""
    script = textwrap.dedent(
        """
        import json, django
        django.setup()
        from django.test import Client
        response = Client().get("/healthz")
        print(json.dumps({"status_code": response.status_code, "body": response.json()}))
        """
    )
    environment = {
        k: v for k, v in os.environ.items() if k not in {"REDIS_URL", "TEST_DATABASE_URL"}
    }
    environment.update(
        DJANGO_SETTINGS_MODULE="cms.settings.production",
        SECRET_KEY="a-real-random-secret-key-of-enough-length-0123456789",
        ALLOWED_HOSTS="testserver",
        DATABASE_URL=f"postgres://esa:esa@{CLOSED_PORT}/esa",
        WEB_CONCURRENCY="1",
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout.strip().splitlines()[-1])
    assert answer == {
        "status_code": 503,
        "body": {"status": "error", "database": "error", "cache": "ok"},
    }
