#!/usr/bin/env bash
# `make serve` after migrate and collectstatic: gunicorn with the production settings, and the task
# worker (`manage.py db_worker`: the search index updates that publishes queue) beside it.
#
# The two stop together: Ctrl-C or a TERM to this script stops both, and the script ends when
# gunicorn does, with its exit status, never leaving a task worker behind. A task worker that
# stops on its own (the database restarting under it) is started again after RESTART_SECONDS, so
# queued index updates keep being done. In production systemd runs the two as units of their own
# (docs/deploy.md); this is the same configuration from one command.
#
# Environment: HOST, PORT, WEB_CONCURRENCY (default 4) and what docs/deploy.md lists.
set -u
cd "$(dirname "$0")/.."
export DJANGO_SETTINGS_MODULE=cms.settings.production
RESTART_SECONDS="${RESTART_SECONDS:-5}"

task_worker() {
    local child="" stopping=""
    trap 'stopping=1; [ -n "$child" ] && kill -TERM "$child" 2>/dev/null' TERM INT
    while [ -z "$stopping" ]; do
        .venv/bin/python manage.py db_worker --no-reload &
        child=$!
        wait "$child"
        status=$?
        # A trap interrupts `wait`: wait again for the worker to finish its task and exit.
        while kill -0 "$child" 2>/dev/null; do wait "$child"; done
        [ -n "$stopping" ] && break
        echo "make serve: the task worker stopped (status $status); starting it again in ${RESTART_SECONDS} s" >&2
        sleep "$RESTART_SECONDS" & wait $!
    done
}

task_worker &
worker=$!

.venv/bin/gunicorn cms.wsgi --bind "${HOST:-127.0.0.1}:${PORT:-8000}" \
    --workers "${WEB_CONCURRENCY:-4}" --access-logfile - --timeout 60 &
server=$!

trap 'kill -TERM "$server" 2>/dev/null' TERM INT
wait "$server"
status=$?
while kill -0 "$server" 2>/dev/null; do
    wait "$server"
    status=$?
done
kill -TERM "$worker" 2>/dev/null
wait "$worker"
exit "$status"
