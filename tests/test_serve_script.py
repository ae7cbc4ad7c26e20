"""`make serve`'s last step, scripts/serve.sh, run for real: gunicorn with the production settings
and the task worker beside it. A task worker that dies is started again, and stopping the script
stops both, leaving no process behind (docs/deploy.md).

It serves the migrated test database, so it runs in the PostgreSQL pass (the `postgres` mark), as
production does; CI requires that pass.
"""

import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.db import connection

pytestmark = [pytest.mark.postgres, pytest.mark.django_db]

ROOT = Path(__file__).resolve().parents[1]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _database_url() -> str:
    db = connection.settings_dict
    return (
        f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST'] or '127.0.0.1'}:"
        f"{db['PORT'] or 5432}/{db['NAME']}"
    )


def _processes_of(group: int) -> dict[int, str]:
    """The live processes of a process group, by pid, with their command lines."""
    listing = subprocess.run(
        ["ps", "-eo", "pid=,pgid=,stat=,args="], capture_output=True, text=True, check=True
    ).stdout
    found = {}
    for line in listing.splitlines():
        pid, pgid, stat, args = line.split(None, 3)
        if int(pgid) == group and not stat.startswith("Z"):
            found[int(pid)] = args
    return found


def _task_workers(group: int) -> set[int]:
    return {pid for pid, args in _processes_of(group).items() if "db_worker" in args}


def _until(condition, seconds: float, what: str):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = condition()
        if found:
            return found
        time.sleep(0.2)
    pytest.fail(f"not within {seconds} s: {what}")


def _healthy(port: int) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=5) as response:
            return response.status == 200
    except (OSError, urllib.error.URLError):
        return False


def test_serve_restarts_a_dead_task_worker_and_stops_everything_with_the_server():
    port = _free_port()
    env = {
        **os.environ,
        "DATABASE_URL": _database_url(),
        "SECRET_KEY": "serve-script-test-" + "x" * 40,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "WEB_CONCURRENCY": "1",  # one worker may run with its own memory cache (no Redis)
        "REDIS_URL": "",
        "SECURE_SSL_REDIRECT": "0",
        "HOST": "127.0.0.1",
        "PORT": str(port),
        "RESTART_SECONDS": "1",
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)
    server = subprocess.Popen(
        [str(ROOT / "scripts" / "serve.sh")],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,  # its own process group: what is left of it can be listed
    )
    group = server.pid
    try:
        _until(lambda: _healthy(port), 90, "/healthz answering 200")
        (first,) = _until(lambda: _task_workers(group), 30, "a task worker running")

        os.kill(first, signal.SIGKILL)
        second = _until(
            lambda: _task_workers(group) - {first}, 30, "a new task worker after the first died"
        )
        assert second

        server.send_signal(signal.SIGTERM)
        assert server.wait(timeout=60) == 0
        _until(lambda: not _processes_of(group), 30, "no process of `make serve` left")
        assert not _healthy(port)
        assert b"starting it again in 1 s" in server.stderr.read()
    finally:
        if server.poll() is None or _processes_of(group):
            os.killpg(group, signal.SIGKILL)
            server.wait(timeout=30)
