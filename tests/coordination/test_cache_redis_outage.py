"""Redis stops: the site keeps serving, without its cache, and says so once in the log.

A real redis-server is started by the test on a free port and stopped under the running site.
Without redis-server on the machine the test skips; in CI (CI=true, `.ci/run` installs it) that
is a failure, as for tests/coordination/test_cache_redis.py.
"""

import logging
import os
import shutil
import socket
import subprocess
import time

import pytest
import redis

from tests.coordination.directory_support import directory_page
from tests.factories import AgencyFactory

pytestmark = pytest.mark.django_db

REDIS_SERVER = shutil.which("redis-server")
REQUIRED = os.environ.get("CI") == "true"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class RedisServer:
    """A throw-away redis-server: no persistence, on its own port."""

    def __init__(self, port: int):
        self.port, self.process = port, None

    def start(self) -> None:
        options = (
            "--port",
            str(self.port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
        )
        # The server runs on the real clock: under the moved-clock pass (libfaketime, preloaded
        # into every child) redis-server does not come up.
        environment = {
            name: value
            for name, value in os.environ.items()
            if name != "LD_PRELOAD" and not name.startswith("FAKETIME")
        }
        self.process = subprocess.Popen(
            [REDIS_SERVER, *options],
            env=environment,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        client = redis.Redis(port=self.port)
        for _ in range(100):  # up to 10 s on a busy machine
            try:
                if client.ping():
                    return
            except redis.ConnectionError:
                time.sleep(0.1)
        raise RuntimeError("redis-server did not start")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)


@pytest.fixture
def redis_server(settings):
    if REDIS_SERVER is None:
        if REQUIRED:
            pytest.fail("CI=true: redis-server must be installed (.ci/run installs it).")
        pytest.skip("redis-server is not installed")
    server = RedisServer(_free_port())
    server.start()
    settings.CACHES = {
        "default": {
            "BACKEND": "cms.redis_cache.OutageTolerantRedisCache",
            "LOCATION": f"redis://127.0.0.1:{server.port}/0",
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.5, "SOCKET_TIMEOUT": 0.5},
        }
    }
    # Ask the stopped server again on every request, and read the page cache's generations on
    # every hit, so that the test needs no clock.
    settings.CACHE_OUTAGE_RETRY_SECONDS = 0
    settings.COORDINATION_PAGE_CACHE_CHECK_SECONDS = 0
    yield server
    server.stop()


def test_the_site_serves_without_redis_and_logs_the_outage_once(client, redis_server, caplog):
    agency = AgencyFactory(name_th="เทศบาลเมืองอุทัยธานี")
    directory_page()
    paths = ["/directory/", f"/directory/{agency.slug}/"]
    for path in paths:
        client.get(path)
        assert client.get(path).get("X-Page-Cache") == "hit"

    redis_server.stop()
    with caplog.at_level(logging.INFO, logger="cms.redis_cache"):
        for _ in range(3):
            for path in paths:
                response = client.get(path)
                assert response.status_code == 200, path
                assert "เทศบาลเมืองอุทัยธานี" in response.content.decode()
                assert not response.get("X-Page-Cache")  # rendered, not a copy no purge reaches
        assert client.get("/healthz").status_code == 503
    warnings = [record for record in caplog.records if record.levelno == logging.WARNING]
    assert len(warnings) == 1, [record.getMessage() for record in warnings]
    assert "does not answer" in warnings[0].getMessage()

    redis_server.start()  # back, empty: the cache fills again
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="cms.redis_cache"):
        client.get("/directory/")
        assert client.get("/directory/").get("X-Page-Cache") == "hit"
    assert any("answers again" in record.getMessage() for record in caplog.records)
