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

.PHONY: run install demo test e2e lint format check clean help

help:
	@echo "make run    set up everything and serve http://$(HOST):$(PORT) (PORT overrides)"
	@echo "make test   run the whole test suite (browser tests need Chromium)"
	@echo "make e2e    run only the browser journeys"
	@echo "make lint   ruff, Django system checks and the migrations check"
	@echo "make demo   load the demo content (safe to repeat)"

$(VENV)/.installed: requirements/dev.lock
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@$(VENV)/bin/pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)
	$(UV) pip sync --quiet --python $(PY) requirements/dev.lock
	@touch $@

install: $(VENV)/.installed

demo: install
	$(PY) manage.py ensure_database
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo
	$(PY) manage.py ensure_editor

run: demo
	$(PY) manage.py runserver $(HOST):$(PORT)

test: install
	DJANGO_SETTINGS_MODULE=cerobio.settings.test $(PY) -m pytest $(PYTEST_ARGS)

e2e: install
	DJANGO_SETTINGS_MODULE=cerobio.settings.test $(PY) -m pytest tests/e2e $(PYTEST_ARGS)

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
