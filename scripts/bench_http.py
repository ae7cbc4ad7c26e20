"""`make bench`, over HTTP: what visitors feel, through gunicorn, as ratios to a static file.

    DATABASE_URL=postgres://... [REDIS_URL=redis://127.0.0.1:6379/12] \
        .venv/bin/python scripts/bench_http.py [--seconds 10] [--write docs/benchmarks.md]

Serves the configured database with the production settings under gunicorn (2 sync workers,
as on a small office server), twice: with Redis as the shared cache, then with each worker's own
memory cache. For each address, wrk runs the static file `/static/css/site.css`, then the
address, back to back, two connections each (two sync workers: a slow page run beside the static
file would hold the workers the static file waits for); the ratio is the address's rate over the
static file's just before it. "Uncached" adds a query parameter no page reads
(`utm_source`), which bypasses the page cache: the page is rendered.

The database is only read. It needs a published directory page and public agencies (`make bench`
tops it up with `seed_scale`). `--write FILE --label L` replaces the table between
the markers `<!-- bench-http:L:begin -->` and `<!-- bench-http:L:end -->` in FILE.
"""

import argparse
import json
import math
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
STATIC = "/static/css/site.css"
PER_PAGE = 20


def targets() -> tuple[list[tuple[str, str]], dict]:
    """The addresses to measure, from the database: an agency, a name to search for, a deep page."""
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")
    import django

    django.setup()
    from coordination.cards import public_agencies
    from coordination.models import Agency
    from coordination.selectors.directory import agency_url, directory_base_url

    base = directory_base_url() or "/directory/"
    public = public_agencies()
    count = public.count()
    deep = max(2, math.ceil(count / PER_PAGE) * 9 // 10)
    agency = public.order_by("pk")[count // 2] if count else None
    if agency is None:
        raise SystemExit("bench_http: no public agency; run `make bench` (seed_scale) first")
    page = agency_url(base, agency.slug)
    name = agency.name_th.split()[0]
    q = urllib.parse.quote
    found = [
        ("directory, cached", base),
        ("directory, uncached", f"{base}?utm_source=bench"),
        (f"directory page {deep:,}, uncached", f"{base}?page={deep}&utm_source=bench"),
        ("agency page, cached", page),
        ("agency page, uncached", f"{page}?utm_source=bench"),
        ("search: an agency's name", f"/search/?q={q(name)}"),
        ("search: โรงเรียน (broad)", f"/search/?q={q('โรงเรียน')}"),
        ("API, page 1", f"/api/v1/agencies?size={PER_PAGE}"),
        (f"API, page {deep:,}", f"/api/v1/agencies?size={PER_PAGE}&page={deep}"),
        ("API, search", f"/api/v1/agencies?size={PER_PAGE}&q={q(name)}"),
    ]
    return found, {"agencies": Agency.objects.count(), "public": count}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def serve(redis_url: str | None) -> tuple[subprocess.Popen, str]:
    port = free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": os.environ.get("SECRET_KEY", "bench-only-key-0123456789abcdef0123456789"),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "INSECURE_COOKIES": "1",
        "SECURE_HSTS_SECONDS": "0",
        "API_RATE_LIMIT": "0",  # wrk is one client: the per-client limit would answer 429
    }
    env.pop("REDIS_URL", None)
    if redis_url:
        env["REDIS_URL"] = redis_url
    else:
        env["WEB_CONCURRENCY"] = "1"  # the settings' check; gunicorn still runs two workers
    if not (ROOT / "staticfiles/staticfiles.json").exists():
        subprocess.run(
            [sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"],
            cwd=ROOT, env=env, check=True,
        )  # fmt: skip
    command = [
        str(ROOT / ".venv/bin/gunicorn"), "cms.wsgi", "--bind", f"127.0.0.1:{port}",
        "--workers", "2", "--worker-class", "sync", "--log-level", "warning",
    ]  # fmt: skip
    server = subprocess.Popen(command, cwd=ROOT, env=env, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    for _ in range(120):
        try:
            urllib.request.urlopen(url + STATIC, timeout=5).read()
            return server, url
        except OSError:
            time.sleep(0.5)
    os.killpg(server.pid, signal.SIGTERM)
    raise SystemExit("bench_http: gunicorn did not serve the static file within 60 s")


def stop(server: subprocess.Popen) -> None:
    os.killpg(server.pid, signal.SIGTERM)
    server.wait(timeout=30)


def wrk(url: str, seconds: int) -> dict:
    done = subprocess.run(
        ["wrk", "-t1", "-c2", f"-d{seconds}s", "--timeout", "10s", "--latency", url],
        capture_output=True,
        text=True,
        check=True,
    )
    return parse(done.stdout)


def warm(url: str, paths: list[str]) -> None:
    """Two requests at once, twice, on every address: each worker builds what it builds on its
    first request (the Thai word list on the first search takes many seconds) before timing."""
    with ThreadPoolExecutor(max_workers=2) as pool:
        for path in paths:
            for _ in range(2):
                list(pool.map(lambda _n, path=path: _get(url + path), range(2)))


def _get(address: str) -> bytes:
    with urllib.request.urlopen(address, timeout=120) as response:
        return response.read()


def parse(output: str) -> dict:
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)

    def latency(percent: str) -> float:
        value, unit = re.search(rf"^\s+{percent}%\s+([\d.]+)(us|ms|s)", output, re.M).groups()
        return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]

    return {
        "rate": rate,
        "p50_ms": latency("50"),
        "p99_ms": latency("99"),
        "errors": int(errors.group(1)) if errors else 0,
    }


def measure(url: str, path: str, seconds: int) -> dict:
    """The static file, then the address, back to back (two connections each)."""
    size = len(_get(url + path))
    static, target = wrk(url + STATIC, seconds), wrk(url + path, seconds)
    return {
        **target,
        "bytes": size,
        "static_rate": static["rate"],
        "ratio": target["rate"] / static["rate"] if static["rate"] else 0,
    }


def table(results: list[dict], scale: dict, seconds: int) -> str:
    now = datetime.now(ZoneInfo("Asia/Bangkok")).strftime("%Y-%m-%d %H:%M")
    load = os.getloadavg()[0]
    lines = [
        f"Measured {now} (Bangkok) by `scripts/bench_http.py --seconds {seconds}`: "
        f"{scale['agencies']:,} agencies ({scale['public']:,} public), gunicorn 2 sync workers, "
        f"wrk 2 connections, the static file then the address; load average {load:.1f} at the end.",
        "",
        "| address | cache | req/s | static req/s | ratio | p50 ms | p99 ms | KiB | non-2xx |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for row in results:
        lines.append(
            f"| {row['name']} | {row['cache']} | {row['rate']:,.0f} | {row['static_rate']:,.0f} "
            f"| **{row['ratio']:.2f}** | {row['p50_ms']:.1f} | {row['p99_ms']:.1f} "
            f"| {row['bytes'] / 1024:,.0f} | {row['errors']} |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=10, help="wrk's duration per address")
    parser.add_argument("--write", help="replace the table between the markers in this file")
    parser.add_argument("--label", default="latest", help="which markers (bench-http:LABEL)")
    parser.add_argument("--json", default=".bench/bench_http.json")
    parser.add_argument("--no-memory", action="store_true", help="only the run with Redis")
    options = parser.parse_args()
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        raise SystemExit(
            "bench_http: set DATABASE_URL to a PostgreSQL database (DESIGN.md budgets)"
        )
    if shutil.which("wrk") is None:
        raise SystemExit("bench_http: needs wrk (apt-get install wrk)")
    found, scale = targets()
    redis_url = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/12")
    configurations = [("Redis", redis_url)] + ([] if options.no_memory else [("memory", None)])
    results = []
    for cache, url_of_redis in configurations:
        server, url = serve(url_of_redis)
        try:
            print(f"— {cache}: {url}", flush=True)
            warm(url, [path for _name, path in found])
            for name, path in found:
                row = {
                    "name": name,
                    "path": path,
                    "cache": cache,
                    **measure(url, path, options.seconds),
                }
                results.append(row)
                print(
                    f"{name:34} {row['rate']:8,.0f} req/s  static {row['static_rate']:8,.0f}  "
                    f"ratio {row['ratio']:5.2f}  p50 {row['p50_ms']:6.1f} ms  "
                    f"p99 {row['p99_ms']:6.1f} ms  {row['bytes'] / 1024:6,.0f} KiB"
                    + (f"  non-2xx {row['errors']}" if row["errors"] else ""),
                    flush=True,
                )
        finally:
            stop(server)
    markdown = table(results, scale, options.seconds)
    path = ROOT / options.json
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"scale": scale, "results": results}, ensure_ascii=False, indent=2))
    print(f"\n{markdown}\n\nwritten to {path}")
    if options.write:
        document = Path(options.write)
        begin = f"<!-- bench-http:{options.label}:begin -->"
        end = f"<!-- bench-http:{options.label}:end -->"
        text = document.read_text(encoding="utf-8")
        if begin not in text or end not in text:
            raise SystemExit(f"bench_http: {document} has no {begin} … {end} markers")
        head, rest = text.split(begin, 1)
        _old, tail = rest.split(end, 1)
        document.write_text(f"{head}{begin}\n{markdown}\n{end}{tail}", encoding="utf-8")
        print(f"table written into {document}")
    if any(row["errors"] for row in results):
        sys.exit(1)


if __name__ == "__main__":
    main()
