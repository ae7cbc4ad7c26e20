#!/bin/bash
# The cached anonymous directory against a static file, through gunicorn (docs/benchmarks.md,
# "Page cache on Redis"). Production settings, 2 sync workers, wrk 10 s with 2 connections:
# three rounds of a static file then /directory/ back to back, then three rounds of both at once
# (one connection each, so both see the same load on a shared machine).
#
#   DATABASE_URL=postgres://... [REDIS_URL=redis://127.0.0.1:6379/11] [PORT=8620] \
#       scripts/bench_page_cache.sh
#
# The database needs a published directory page at /directory/ (seed_demo or seed_scale plus
# directory_page_ensure); it is only read. Without REDIS_URL each worker has its own memory cache.
set -eu
cd "$(dirname "$0")/.."
: "${DATABASE_URL:?set DATABASE_URL to the database to serve}"
PORT=${PORT:-8620}
STATIC=${STATIC:-/static/css/site.css}
export DJANGO_SETTINGS_MODULE=cms.settings.production DATABASE_URL
export SECRET_KEY=${SECRET_KEY:-bench-only-key-0123456789abcdef0123456789}
export ALLOWED_HOSTS=127.0.0.1 SECURE_SSL_REDIRECT=0 INSECURE_COOKIES=1 SECURE_HSTS_SECONDS=0
# Without Redis, declare one worker to pass the settings' check; gunicorn still runs two.
[ -n "${REDIS_URL:-}" ] || export WEB_CONCURRENCY=1
[ -f staticfiles/staticfiles.json ] || .venv/bin/python manage.py collectstatic --noinput -v 0
.venv/bin/gunicorn cms.wsgi --bind "127.0.0.1:$PORT" --workers 2 --worker-class sync \
    --log-level warning &
SERVER=$!
trap 'kill $SERVER; wait $SERVER 2>/dev/null' EXIT
for _ in $(seq 1 60); do curl -sf -o /dev/null "http://127.0.0.1:$PORT/healthz" && break; sleep 1; done
for _ in 1 2 3; do curl -s -o /dev/null "http://127.0.0.1:$PORT/directory/"; done  # both workers
rate() { awk '/Requests\/sec/ {print $2}' "$1"; }
ratio() { python3 -c "print(round($2 / $1, 2))"; }
out=$(mktemp -d)
for round in 1 2 3; do
    wrk -t1 -c2 -d10s "http://127.0.0.1:$PORT$STATIC" >"$out/s"
    wrk -t1 -c2 -d10s "http://127.0.0.1:$PORT/directory/" >"$out/d"
    echo "back to back $round: static $(rate "$out/s") directory $(rate "$out/d")" \
        "ratio $(ratio "$(rate "$out/s")" "$(rate "$out/d")")"
done
for round in 1 2 3; do
    wrk -t1 -c1 -d10s "http://127.0.0.1:$PORT$STATIC" >"$out/s" &
    STATIC_LOAD=$!
    wrk -t1 -c1 -d10s "http://127.0.0.1:$PORT/directory/" >"$out/d"
    wait $STATIC_LOAD
    echo "at once $round: static $(rate "$out/s") directory $(rate "$out/d")" \
        "ratio $(ratio "$(rate "$out/s")" "$(rate "$out/d")")"
done
rm -r "$out"
