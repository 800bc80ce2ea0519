"""Fixtures shared by the core tests."""

import importlib
import sys

import pytest

PRODUCTION = "cerobio.settings.production"
BASE = "cerobio.settings.base"
# Settings the production module reads; cleared so each test starts from the documented defaults.
PRODUCTION_ENV = (
    "REDIS_URL", "LOG_FORMAT", "SENTRY_DSN", "DATABASE_URL",
    "AWS_STORAGE_BUCKET_NAME", "AWS_S3_CUSTOM_DOMAIN", "AWS_S3_ENDPOINT_URL", "MEDIA_URL",
    "NGINX_CACHE_REFRESH_SECRET", "NGINX_CACHE_SERVERS", "AWS_CLOUDFRONT_DISTRIBUTION_ID",
    "SEARCH_URL", "SEARCH_BACKEND", "EMAIL_BACKEND", "SITE_URL", "PORT",
)  # fmt: skip


@pytest.fixture
def load_production(monkeypatch):
    """Import cerobio.settings.production afresh, under the environment the test sets."""
    monkeypatch.setenv("SECRET_KEY", "a-production-test-key")
    for name in PRODUCTION_ENV:
        monkeypatch.delenv(name, raising=False)

    def load():
        for module in (PRODUCTION, BASE):  # base reads the environment too
            sys.modules.pop(module, None)
        return importlib.import_module(PRODUCTION)

    yield load
    sys.modules.pop(PRODUCTION, None)
    sys.modules.pop(BASE, None)
