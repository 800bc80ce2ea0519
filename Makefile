# Cerobio: `make run` serves the site on the embedded default, `make test` runs every test.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
UV := $(VENV)/bin/uv
UV_VERSION := 0.13.9
PORT ?= 8000
HOST ?= 127.0.0.1
export DJANGO_SETTINGS_MODULE ?= cerobio.settings.dev

.PHONY: run install demo test e2e lint format check clean help serve worker backup restore audit lighthouse page-weight bench loadtest totp-code screenshots

help:
	@echo "make run    set up everything and serve http://$(HOST):$(PORT) (PORT overrides)"
	@echo "make test   every test on PostgreSQL, then the embedded default on SQLite (tools/test.sh)"
	@echo "make e2e    run only the browser journeys"
	@echo "make screenshots  every page type at 390/1280/1600 px (test-artifacts/pages/) and the README's set (docs/screenshots/)"
	@echo "make lint   ruff, Django system checks and the migrations check"
	@echo "make audit  check the locked runtime packages for known vulnerabilities (pip-audit, needs PyPI)"
	@echo "make demo   load the demo content (safe to repeat)"
	@echo "make totp-code  development only: the editor's current two-factor code (no phone needed)"
	@echo "make page-weight  HTML + CSS + JS per page type, gzipped, into docs/performance.md"
	@echo "make lighthouse   Lighthouse (mobile) on six pages of the production stack (slow; needs npm)"
	@echo "make bench        wrk against the production stack on this machine; results into docs/performance.md"
	@echo "make loadtest     200 connections for 60 s, then every checkout checked against the database"
	@echo "make serve  production mode: gunicorn + task worker on PostgreSQL and Redis (README)"
	@echo "make worker only the background task worker"
	@echo "make backup database dump + media archive into BACKUP_DIR (default ./backups)"
	@echo "make restore FILE=backups/cerobio-STAMP.dump   (FORCE=1 replaces a non-empty database)"

$(VENV)/.installed: requirements/dev.lock
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@$(VENV)/bin/pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)
	$(UV) pip sync --quiet --python $(PY) requirements/dev.lock
	@touch $@

install: $(VENV)/.installed

# ensure_database, migrate, load_demo and ensure_editor in one process (prepare_demo): starting
# Django and Wagtail is most of the time a later `make run` takes.
demo: install
	$(PY) manage.py prepare_demo

run: demo
	PORT=$(PORT) $(PY) manage.py runserver $(HOST):$(PORT)

# Development only (refused unless DEBUG): the 6-digit code the local editor's authenticator app
# would show now, to sign in to the admin without a phone. ACCOUNT=name for another local account.
totp-code: install
	@$(PY) manage.py totp_code $(or $(ACCOUNT),editor)

# Production settings under gunicorn (deploy/gunicorn.conf.py) with the task worker; local defaults
# for DATABASE_URL, REDIS_URL and SECRET_KEY are in deploy/local-defaults.sh and deploy/serve.sh.
serve: install
	@PORT=$(PORT) HOST=$(HOST) deploy/serve.sh

worker: install
	@deploy/serve.sh worker

backup:
	@deploy/backup.sh

restore:
	@deploy/restore.sh "$(FILE)"

# Every test once on PostgreSQL (two workers), then the `embedded` tests on SQLite (tools/test.sh).
test: install
	@tools/test.sh $(PYTEST_ARGS)

e2e: install
	DJANGO_SETTINGS_MODULE=cerobio.settings.test $(PY) -m pytest tests/e2e $(PYTEST_ARGS)

# The browser tests with their screenshots (other runs skip them): every page type at 390, 1280 and
# 1600 px in test-artifacts/pages/, each journey's steps in test-artifacts/, and the README's set
# (home, a type page, the identifier's result, the product; phone and desktop) copied small into
# docs/screenshots/ for committing. Needs Chromium (REQUIRE_BROWSER=1).
screenshots: install
	SCREENSHOTS=1 REQUIRE_BROWSER=1 DJANGO_SETTINGS_MODULE=cerobio.settings.test $(PY) -m pytest tests/e2e -n 2 --dist loadgroup $(PYTEST_ARGS)

# Known vulnerabilities in the locked runtime packages, from PyPI's advisory data (docs/security.md).
# tools/audit.py runs pip-audit over the hashed lock: a vulnerability fails, and so does a package
# that could not be checked, unless AUDIT_UNREACHABLE_OK=1 (then a loud warning; CI sets it).
audit: install
	@$(PY) tools/audit.py

# Page weight per page type (docs/performance.md); the same budgets are asserted by the tests.
page-weight: install
	$(PY) tools/page_weight.py --write

# Lighthouse 12 (pinned in tools/lighthouse/package-lock.json) against Debian's Chromium, on the
# production stack (deploy/serve.sh on LIGHTHOUSE_PORT, default 8670); not part of `make test`.
LIGHTHOUSE_DIR := .cache/lighthouse
$(LIGHTHOUSE_DIR)/.installed: tools/lighthouse/package.json tools/lighthouse/package-lock.json
	@command -v npm >/dev/null || { echo "make lighthouse needs Node.js 18.16+ and npm (Debian: apt-get install nodejs npm)." >&2; exit 2; }
	@mkdir -p $(LIGHTHOUSE_DIR)
	cp tools/lighthouse/package.json tools/lighthouse/package-lock.json $(LIGHTHOUSE_DIR)/
	npm ci --prefix $(LIGHTHOUSE_DIR) --ignore-scripts --no-audit --no-fund --loglevel=error
	@touch $@

lighthouse: install $(LIGHTHOUSE_DIR)/.installed
	$(PY) tools/lighthouse/run.py

# Throughput and latency of the production stack on this machine: PostgreSQL, Redis, gunicorn and nginx
# on ports 8700-8703 (tools/bench/, docs/performance.md). Installs wrk and nginx from Debian if missing;
# exits 1 when a target is missed. Not part of `make test` or CI.
bench: install
	tools/bench/bench.sh

loadtest: install
	tools/bench/loadtest.sh

lint: install
	$(VENV)/bin/ruff check .
	$(PY) manage.py check
	$(PY) manage.py makemigrations --check --dry-run

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

lock:
	$(UV) pip compile pyproject.toml --python-version 3.11 --generate-hashes --no-header -q -o requirements/base.lock
	$(UV) pip compile pyproject.toml --group dev --python-version 3.11 --generate-hashes --no-header -q -o requirements/dev.lock

clean:
	rm -rf $(VENV) staticfiles test-artifacts .pytest_cache
