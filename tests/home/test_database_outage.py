"""PostgreSQL stopped under a running site, then started again: the site answers a Thai 503 and
/healthz 503 while it is down, and the same server process serves again once it is back.

A private PostgreSQL cluster (initdb in a temporary directory, on a free port) holds a copy of the
migrated test database, and gunicorn serves the site from it in a subprocess; the shared server
that the other tests use is never stopped. CI runs this in its PostgreSQL pass (the `postgres`
mark) and requires it; elsewhere it skips only when PostgreSQL's server binaries are missing.
"""

import os
import pwd
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.db import connection

pytestmark = pytest.mark.postgres

ROOT = Path(__file__).resolve().parents[2]
PG_BIN = Path(os.environ.get("PG_BIN", "/usr/lib/postgresql/15/bin"))
IN_CI = os.environ.get("CI") == "true"
THAI_503 = "ขออภัย ขณะนี้ระบบไม่พร้อมให้บริการชั่วคราว"

# The server process keeps its database connection between requests, as production does
# (DB_CONN_MAX_AGE): recovery must not depend on a fresh connection per request.
SETTINGS_MODULE = """
from cms.settings.test import *  # noqa: F403

DATABASES["default"]["CONN_MAX_AGE"] = 60  # noqa: F405
"""


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _as_postgres(command: list[str]) -> list[str]:
    """PostgreSQL's server refuses to run as root: CI (root) runs it as the `postgres` user."""
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


class PrivateCluster:
    """A PostgreSQL cluster of this test's own, stopped and started at will."""

    def __init__(self, directory: Path, port: int):
        self.data = directory / "data"
        self.directory = directory
        self.port = port

    def initdb(self) -> None:
        subprocess.run(
            _as_postgres(
                [
                    str(PG_BIN / "initdb"),
                    "-D",
                    str(self.data),
                    "-U",
                    "esa",
                    "--auth=trust",
                    "-E",
                    "UTF8",
                    "--locale=C.UTF-8",
                ]
            ),
            check=True,
            capture_output=True,
        )

    def start(self) -> None:
        options = f"-p {self.port} -k {self.directory} -c listen_addresses=127.0.0.1 -c fsync=off"
        subprocess.run(
            _as_postgres(
                [
                    str(PG_BIN / "pg_ctl"),
                    "-D",
                    str(self.data),
                    "-o",
                    options,
                    "-l",
                    str(self.directory / "server.log"),
                    "-w",
                    "start",
                ]
            ),
            check=True,
            capture_output=True,
        )

    def stop(self) -> None:
        subprocess.run(
            _as_postgres(
                [str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop"]
            ),
            check=False,
            capture_output=True,
        )


@pytest.fixture
def private_cluster():
    missing = [
        name for name in ("initdb", "pg_ctl", "pg_dump", "psql") if not (PG_BIN / name).exists()
    ]
    if missing and not IN_CI:
        pytest.skip(f"PostgreSQL server binaries missing in {PG_BIN}: {', '.join(missing)}")
    # Owned by postgres, in /tmp: pytest's own temporary directories are private to root.
    directory = Path(tempfile.mkdtemp(prefix="esa-pg-outage-"))
    if os.geteuid() == 0:
        postgres = pwd.getpwnam("postgres")
        os.chown(directory, postgres.pw_uid, postgres.pw_gid)
    cluster = PrivateCluster(directory, _free_port())
    try:
        cluster.initdb()
        cluster.start()
        yield cluster
    finally:
        cluster.stop()
        shutil.rmtree(directory, ignore_errors=True)


def _copy_test_database(cluster: PrivateCluster) -> str:
    """The migrated test database (pages, groups, workflow), copied into the private cluster."""
    source = connection.settings_dict
    environment = {
        **os.environ,
        "PGHOST": source.get("HOST") or "127.0.0.1",
        "PGPORT": str(source.get("PORT") or 5432),
        "PGUSER": source["USER"],
        "PGPASSWORD": source.get("PASSWORD") or "",
    }
    dump = subprocess.run(
        [str(PG_BIN / "pg_dump"), "--no-owner", "--no-privileges", source["NAME"]],
        env=environment,
        check=True,
        capture_output=True,
    ).stdout
    target = {"PGHOST": "127.0.0.1", "PGPORT": str(cluster.port), "PGUSER": "esa"}
    subprocess.run([str(PG_BIN / "createdb"), "esa"], env={**os.environ, **target}, check=True)
    subprocess.run(
        [str(PG_BIN / "psql"), "-q", "-v", "ON_ERROR_STOP=1", "-d", "esa"],
        input=dump,
        env={**os.environ, **target},
        check=True,
        capture_output=True,
    )
    return f"postgres://esa@127.0.0.1:{cluster.port}/esa"


def _get(url: str) -> tuple[int, str, dict]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read().decode(), dict(response.headers)
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(), dict(error.headers)


def _wait_until_serving(base: str, server: subprocess.Popen) -> None:
    for _attempt in range(600):
        if server.poll() is not None:
            raise AssertionError(f"gunicorn exited: {server.stdout.read()}")
        try:
            _get(f"{base}/healthz")
            return
        except OSError:
            time.sleep(0.1)
    raise AssertionError("gunicorn did not start within a minute")


@pytest.mark.django_db
def test_the_site_answers_503_while_postgresql_is_stopped_and_recovers_when_it_is_back(
    private_cluster, tmp_path
):
    database_url = _copy_test_database(private_cluster)
    (tmp_path / "outage_settings.py").write_text(SETTINGS_MODULE)
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    environment = {k: v for k, v in os.environ.items() if k != "REDIS_URL"}
    environment.update(
        DJANGO_SETTINGS_MODULE="outage_settings",
        TEST_DATABASE_URL=database_url,
        PYTHONPATH=os.pathsep.join([str(tmp_path), str(ROOT)]),
    )
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "cms.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "1",
            "--timeout",
            "60",
        ],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        _wait_until_serving(base, server)
        status, _html, _headers = _get(f"{base}/healthz")
        assert status == 200
        # The home page, and a page the anonymous page cache has not stored (a search).
        assert _get(f"{base}/")[0] == 200
        assert _get(f"{base}/search/?q=before")[0] == 200

        private_cluster.stop()

        status, body, _headers = _get(f"{base}/healthz")
        assert status == 503
        assert '"database": "error"' in body
        for path in ("/search/?q=during", "/admin/login/"):
            status, html, headers = _get(f"{base}{path}")
            assert status == 503, path
            assert headers.get("Retry-After") == "60", path
            assert '<html lang="th">' in html and THAI_503 in html, path
            assert "Traceback" not in html, path
        status, body, headers = _get(f"{base}/api/v1/agencies")
        assert status == 503 and headers.get("Retry-After") == "60"
        assert '"service_unavailable"' in body

        private_cluster.start()

        # The same process (no restart) reconnects on the next request.
        status, _body, _headers = _get(f"{base}/healthz")
        assert status == 200
        assert _get(f"{base}/search/?q=after")[0] == 200
        assert _get(f"{base}/admin/login/")[0] == 200
        assert _get(f"{base}/api/v1/agencies")[0] == 200
        assert server.poll() is None
    finally:
        server.terminate()
        server.wait(timeout=30)
