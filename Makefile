# Two commands set up a fresh machine: `make run` and `make test` (README.md).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install run serve test test-sqlite test-postgres e2e lint format bench bench-search lock clean

$(STAMP): pyproject.toml requirements.lock
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -r requirements.lock
	touch $(STAMP)

install: $(STAMP)

run: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py seed_demo
	$(PY) manage.py runserver $(HOST):$(PORT)

# The production configuration (cms.settings.production) under gunicorn, on PostgreSQL
# (DATABASE_URL) and Redis (REDIS_URL), with the environment of docs/deploy.md: SECRET_KEY,
# ALLOWED_HOSTS... WEB_CONCURRENCY workers (default 4; 1 may run without Redis), and one task
# worker beside them (`db_worker`: the search index updates queued by publishes), started again if it
# stops; Ctrl-C stops both (scripts/serve.sh).
serve: install
	@test -n "$$DATABASE_URL" || { echo "make serve: set DATABASE_URL=postgres://... (docs/deploy.md)" >&2; exit 2; }
	DJANGO_SETTINGS_MODULE=cms.settings.production $(PY) manage.py migrate --noinput
	DJANGO_SETTINGS_MODULE=cms.settings.production $(PY) manage.py collectstatic --noinput --verbosity 0
	HOST=$(HOST) PORT=$(PORT) scripts/serve.sh

# The whole suite on SQLite, then again on PostgreSQL when TEST_DATABASE_URL names one.
test: install
	$(PY) scripts/run_tests.py

test-sqlite: install
	$(PY) -m pytest

e2e: install
	$(PY) -m pytest tests/e2e

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(PY) manage.py check
	$(PY) manage.py makemigrations --check --dry-run

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# Query counts and in-process timings of the budgeted pages (manage.py bench, topped up to SCALE
# agencies with seed_scale), then, on PostgreSQL, the same site through gunicorn over HTTP with
# wrk, with and without Redis, as ratios to a static file (scripts/bench_http.py); BENCH_WRITE=L
# writes its table into docs/benchmarks.md between the markers bench-http:L.
bench: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py bench $(if $(SCALE),--agencies $(SCALE))
	@case "$$DATABASE_URL" in postgres*) \
		$(PY) scripts/bench_http.py $(if $(BENCH_WRITE),--write docs/benchmarks.md --label $(BENCH_WRITE));; \
		*) echo "make bench: over HTTP only on PostgreSQL (set DATABASE_URL=postgres://...)";; esac

# Thai search: recall@10 and MRR of ours vs stock Wagtail on the demo data (loaded if missing) of
# the configured database; SCALE=1 times it at 50,000 agencies (docs/benchmarks.md, "Thai search").
bench-search: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py bench_search $(if $(SCALE),--scale)

# A bounded, headless locust run (scripts/loadtest/) against a server already running, e.g.
# `make serve` on PORT=8765; fails on any failed request. docs/benchmarks.md, "Load test (issue 12)".
.PHONY: load
load: install
	scripts/loadtest/run.sh

# Compile locale/*/LC_MESSAGES/*.po to the committed .mo files with Babel (no GNU gettext needed).
# To refresh the English catalogue after changing Thai source strings (needs GNU gettext):
#   $(PY) manage.py makemessages -l en --no-obsolete --add-location file \
#     -i .venv -i node_modules -i staticfiles -i tests -i test-artifacts -i media -i scripts -i docs
.PHONY: messages
messages: install
	$(PY) scripts/compile_messages.py

# Regenerate the lock after changing pyproject.toml.
lock:
	$(VENV)/bin/pip-compile --quiet --no-emit-index-url --no-emit-find-links --strip-extras --extra dev --output-file requirements.lock pyproject.toml

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles test-artifacts
