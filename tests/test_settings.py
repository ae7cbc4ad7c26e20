"""Settings come from the environment; production refuses to run with a default secret."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


# What production reads from the environment: each test says which of these it sets.
PRODUCTION_VARIABLES = {
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "DATABASE_URL",
    "REDIS_URL",
    "WEB_CONCURRENCY",
    "SECURE_SSL_REDIRECT",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "INSECURE_COOKIES",
    "TASKS_BACKEND",
    # Set by the browser tests' conftest for Playwright's event loop; never in production (and
    # `check --deploy` reports it), so a process started here must not inherit it.
    "DJANGO_ALLOW_ASYNC_UNSAFE",
}
# The environment docs/deploy.md documents for production.
DOCUMENTED_ENVIRONMENT = {
    "SECRET_KEY": "a-real-random-secret-key-of-enough-length-0123456789",
    "ALLOWED_HOSTS": "www.example.go.th",
    "CSRF_TRUSTED_ORIGINS": "https://www.example.go.th",
    "DATABASE_URL": "postgres://u:p@db.example:5432/esa",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
}


def run_in(settings: str, command: list[str], **env) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if k not in PRODUCTION_VARIABLES}
    environment.update({"DJANGO_SETTINGS_MODULE": settings, **env})
    return subprocess.run(
        [sys.executable, *command],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )


def run_check(settings: str, **env) -> subprocess.CompletedProcess:
    return run_in(settings, ["-c", "import django; django.setup(); print('ok')"], **env)


def test_production_refuses_without_a_real_secret_key():
    result = run_check("cms.settings.production", ALLOWED_HOSTS="www.example.go.th")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_refuses_without_allowed_hosts():
    result = run_check("cms.settings.production", SECRET_KEY="x" * 50)
    assert result.returncode != 0
    assert "ALLOWED_HOSTS" in result.stderr


def test_production_starts_with_real_settings():
    result = run_check("cms.settings.production", **DOCUMENTED_ENVIRONMENT)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


def test_production_refuses_several_workers_without_redis():
    """Each worker's memory cache would keep serving pages another worker purged."""
    environment = {k: v for k, v in DOCUMENTED_ENVIRONMENT.items() if k != "REDIS_URL"}
    for workers in ({}, {"WEB_CONCURRENCY": "4"}):
        result = run_check("cms.settings.production", **environment, **workers)
        assert result.returncode != 0
        assert "REDIS_URL must name the shared Redis cache" in result.stderr
        assert "WEB_CONCURRENCY=1" in result.stderr


def test_production_runs_one_declared_worker_without_redis():
    environment = {k: v for k, v in DOCUMENTED_ENVIRONMENT.items() if k != "REDIS_URL"}
    result = run_check("cms.settings.production", **environment, WEB_CONCURRENCY="1")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


def test_deploy_check_is_clean_with_the_documented_environment():
    """HSTS, the HTTPS redirect, secure cookies, frames denied: `check --deploy` warns of nothing."""
    result = run_in(
        "cms.settings.production",
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        **DOCUMENTED_ENVIRONMENT,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def task_backend(settings: str, **env) -> str:
    code = "import django; django.setup(); from django.conf import settings as s; "
    code += "print(s.TASKS['default']['BACKEND'])"
    result = run_in(settings, ["-c", code], **env)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_production_queues_index_updates_for_the_worker_and_development_runs_them_at_once():
    assert task_backend("cms.settings.production", **DOCUMENTED_ENVIRONMENT) == (
        "django_tasks_db.DatabaseBackend"
    )
    immediate = "django_tasks.backends.immediate.ImmediateBackend"
    production = {**DOCUMENTED_ENVIRONMENT, "TASKS_BACKEND": "immediate"}
    assert task_backend("cms.settings.production", **production) == immediate
    assert task_backend("cms.settings.dev") == immediate


def test_thai_locale_and_time_zone(settings):
    assert settings.LANGUAGE_CODE == "th"
    assert settings.TIME_ZONE == "Asia/Bangkok"
