"""Production settings for resilience: Redis whose failures pages survive, sessions that outlive it,
JSON logs, probes over http."""

import re

import pytest
from django.core.exceptions import ImproperlyConfigured


def test_redis_fails_open_and_sessions_outlive_it(load_production, monkeypatch):
    monkeypatch.setenv("REDIS_URL", "redis://10.0.0.9:6379/0")
    production = load_production()
    default = production.CACHES["default"]
    assert default["BACKEND"] == "django_redis.cache.RedisCache"
    assert default["LOCATION"] == "redis://10.0.0.9:6379/0"
    assert default["OPTIONS"]["IGNORE_EXCEPTIONS"] is True
    assert default["OPTIONS"]["SOCKET_TIMEOUT"] <= 1 and default["OPTIONS"]["SOCKET_CONNECT_TIMEOUT"] <= 1
    # Admin sign-in limits fall back to this process's memory while Redis is down.
    assert production.CACHES["local"]["BACKEND"] == "django.core.cache.backends.locmem.LocMemCache"
    assert production.SESSION_ENGINE == "django.contrib.sessions.backends.cached_db"


def test_logs_are_json_in_production_unless_asked_otherwise(load_production, monkeypatch):
    production = load_production()
    assert production.LOG_FORMAT == "json"
    assert production.LOGGING["handlers"]["console"]["formatter"] == "json"
    monkeypatch.setenv("LOG_FORMAT", "plain")
    assert load_production().LOGGING["handlers"]["console"]["formatter"] == "plain"
    monkeypatch.setenv("LOG_FORMAT", "xml")
    with pytest.raises(ImproperlyConfigured, match="LOG_FORMAT"):
        load_production()


def test_probes_are_exempt_from_the_https_redirect(load_production):
    production = load_production()
    assert production.SECURE_SSL_REDIRECT is True
    for path in ("healthz", "readyz"):  # Django matches the path without its leading slash
        assert any(re.search(pattern, path) for pattern in production.SECURE_REDIRECT_EXEMPT)
    assert not any(re.search(pattern, "checkout/") for pattern in production.SECURE_REDIRECT_EXEMPT)


def test_a_silent_database_host_times_out_in_seconds(load_production, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "postgres://postgres@10.0.0.8:5432/cerobio")
    assert load_production().DATABASES["default"]["OPTIONS"]["connect_timeout"] == 5
    monkeypatch.setenv(
        "DATABASE_URL", "postgres://postgres@10.0.0.8:5432/cerobio?connect_timeout=2"
    )
    assert load_production().DATABASES["default"]["OPTIONS"]["connect_timeout"] == 2
