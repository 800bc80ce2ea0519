"""/healthz says the process is alive; /readyz says whether it can serve (docs/operations.md)."""

import json

import pytest
from django.core.cache import cache
from django.db import connections
from django.db.migrations.executor import MigrationExecutor
from django.test import override_settings

from cerobio.core import health
from cerobio.core.tests.outages import closed_port

JSON = {"HTTP_ACCEPT": "application/json"}


@pytest.fixture(autouse=True)
def _fresh_migration_check(monkeypatch):
    monkeypatch.setattr(health.Migrations, "all_applied", False)


def results(response) -> dict[str, str]:
    """{"database": "OK", "cache": "Unavailable: ...", "migrations": ...} from django-health-check's JSON."""
    names = {"Database": "database", "Cache": "cache", "Migrations": "migrations"}
    return {names[check.split("(")[0]]: result for check, result in response.json().items()}


@pytest.mark.django_db
def test_healthz_answers_ok_without_the_database_or_the_cache(
    client, django_assert_num_queries, monkeypatch
):
    def no_cache(*args, **kwargs):
        raise AssertionError("healthz touched the cache")

    for operation in ("get", "set", "add", "delete", "get_many", "incr"):
        monkeypatch.setattr(cache, operation, no_cache)
    with django_assert_num_queries(0):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert json.loads(response.content) == {"status": "ok"}
    assert response["Cache-Control"] == "no-store"


@pytest.mark.django_db
def test_readyz_reports_each_check_when_all_is_well(client):
    response = client.get("/readyz", **JSON)
    assert response.status_code == 200, response.content
    assert results(response) == {"database": "OK", "cache": "OK", "migrations": "OK"}
    assert "no-store" in response["Cache-Control"]
    # A person opening it in a browser gets a page; a script asking for text gets text.
    assert b"OK" in client.get("/readyz", HTTP_ACCEPT="text/html").content
    assert client.get("/readyz", HTTP_ACCEPT="text/plain").content.count(b": OK") == 3


@pytest.mark.django_db
def test_readyz_names_a_broken_cache_and_answers_503(client, monkeypatch):
    monkeypatch.setattr(cache, "get", lambda *args, **kwargs: None)  # a cache that forgets everything
    response = client.get("/readyz", **JSON)
    assert response.status_code == 503
    checks = results(response)
    assert checks["cache"] != "OK" and checks["database"] == "OK"
    assert response["Retry-After"] and "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_readyz_lists_unapplied_migrations(client, monkeypatch):
    real_plan = MigrationExecutor.migration_plan

    def plan_with_one_missing(self, targets, clean_start=False):
        """As if a deploy brought core.0001_initial and nobody ran migrate."""
        return [
            *real_plan(self, targets, clean_start),
            (self.loader.disk_migrations[("core", "0001_initial")], False),
        ]

    monkeypatch.setattr(MigrationExecutor, "migration_plan", plan_with_one_missing)
    response = client.get("/readyz", **JSON)
    assert response.status_code == 503
    checks = results(response)
    assert checks["migrations"] == "Unavailable: 1 unapplied migrations: core.0001_initial"
    assert checks["database"] == "OK" and checks["cache"] == "OK"


@pytest.mark.django_db
def test_readyz_names_a_lost_database_without_its_address(client, monkeypatch):
    """The checks run in threads of their own, which open new connections: with these settings."""
    broken = {**connections.settings["default"]}
    if broken["ENGINE"].endswith("postgresql"):
        broken.update(HOST="127.0.0.1", PORT=str(closed_port()))
    else:
        broken["NAME"] = "/nonexistent-cerobio-outage/db.sqlite3"
    monkeypatch.setitem(connections.settings, "default", broken)
    response = client.get("/readyz", **JSON)
    assert response.status_code == 503
    assert results(response)["database"] != "OK"
    text = response.content.decode()
    assert "Traceback" not in text and "127.0.0.1" not in text and "nonexistent" not in text


@pytest.mark.django_db
@override_settings(ALLOWED_HOSTS=["cerobio.example"], SECURE_SSL_REDIRECT=True)
def test_probes_by_ip_address_over_http_are_answered_not_refused_or_redirected(client):
    """A load balancer probes http://10.0.0.7/healthz: no DisallowedHost 400, no redirect to https."""
    assert (
        client.get("/what-is-milia/", HTTP_HOST="10.0.0.7").status_code == 400
    )  # the protection is on
    assert (
        client.get("/what-is-milia/", HTTP_HOST="cerobio.example").status_code == 301
    )  # and so is https
    for path in ("/healthz", "/readyz"):
        response = client.get(path, HTTP_HOST="10.0.0.7")
        assert response.status_code == 200, (path, response.status_code)
        assert "no-store" in response["Cache-Control"]
