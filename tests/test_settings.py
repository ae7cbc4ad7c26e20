"""Settings come from the environment; production refuses to run with a default secret."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run_check(settings: str, **env) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "ALLOWED_HOSTS"}}
    environment.update({"DJANGO_SETTINGS_MODULE": settings, **env})
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup(); print('ok')"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )


def test_production_refuses_without_a_real_secret_key():
    result = run_check("cms.settings.production", ALLOWED_HOSTS="www.example.go.th")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_refuses_without_allowed_hosts():
    result = run_check("cms.settings.production", SECRET_KEY="x" * 50)
    assert result.returncode != 0
    assert "ALLOWED_HOSTS" in result.stderr


def test_production_starts_with_real_settings():
    result = run_check(
        "cms.settings.production",
        SECRET_KEY="a-real-random-secret-key-of-enough-length-0123456789",
        ALLOWED_HOSTS="www.example.go.th",
        DATABASE_URL="postgres://u:p@db.example:5432/esa",
        REDIS_URL="redis://127.0.0.1:6379/0",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


def test_thai_locale_and_time_zone(settings):
    assert settings.LANGUAGE_CODE == "th"
    assert settings.TIME_ZONE == "Asia/Bangkok"
