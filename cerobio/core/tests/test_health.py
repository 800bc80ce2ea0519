"""/healthz says the process is alive; /readyz says whether it can serve (docs/operations.md)."""

import json

import pytest
from django.core.cache import cache
from django.db.migrations.executor import MigrationExecutor
from django.test import override_settings

from cerobio.core import health


@pytest.fixture(autouse=True)
def _fresh_migration_check(monkeypatch):
    monkeypatch.setattr(health, "_migrations_applied", False)


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
    response = client.get("/readyz")
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["status"] == "ok" and body["failing"] == []
    assert {name: check["ok"] for name, check in body["checks"].items()} == {
        "database": True,
        "cache": True,
        "migrations": True,
    }
    assert response["Cache-Control"] == "no-store"


@pytest.mark.django_db
def test_readyz_names_a_broken_cache_and_answers_503(client, monkeypatch):
    monkeypatch.setattr(
        cache, "get", lambda *args, **kwargs: None
    )  # a cache that forgets everything
    response = client.get("/readyz")
    assert response.status_code == 503
    body = response.json()
    assert body["failing"] == ["cache"]
    assert body["checks"]["cache"]["ok"] is False and body["checks"]["database"]["ok"] is True
    assert response["Retry-After"] and response["Cache-Control"] == "no-store"


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
    response = client.get("/readyz")
    assert response.status_code == 503
    body = response.json()
    assert body["failing"] == ["migrations"]
    assert body["checks"]["migrations"]["error"] == "1 unapplied migrations"
    assert len(body["checks"]["migrations"]["unapplied"]) == 1


@pytest.mark.django_db
def test_readyz_names_a_lost_database_without_a_stack_trace(client):
    from cerobio.core.tests.outages import database_down

    with database_down():
        response = client.get("/readyz")
    assert response.status_code == 503
    body = response.json()
    assert "database" in body["failing"]
    assert body["checks"]["database"] == {
        "ok": False,
        "error": "OperationalError",
        "ms": body["checks"]["database"]["ms"],
    }
    assert "Traceback" not in response.content.decode() and "port" not in response.content.decode()


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
        assert response["Cache-Control"] == "no-store"
