"""Production always asks staff for a second factor; the test settings do too."""

import importlib
import sys

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

PRODUCTION = "cerobio.settings.production"


@pytest.fixture
def load_production(monkeypatch):
    monkeypatch.setenv("SECRET_KEY", "a-production-test-key")

    def load():
        sys.modules.pop(PRODUCTION, None)
        return importlib.import_module(PRODUCTION)

    yield load
    sys.modules.pop(PRODUCTION, None)


def test_production_requires_two_factor_for_the_admin(load_production, monkeypatch):
    monkeypatch.delenv("ADMIN_2FA_REQUIRED", raising=False)
    production = load_production()
    assert production.ADMIN_2FA_REQUIRED is True
    middleware = production.MIDDLEWARE
    otp = middleware.index("django_otp.middleware.OTPMiddleware")
    assert middleware.index("django.contrib.auth.middleware.AuthenticationMiddleware") < otp
    assert otp < middleware.index("cerobio.twofactor.middleware.AdminTwoFactorMiddleware")


def test_production_refuses_to_start_with_it_switched_off(load_production, monkeypatch):
    monkeypatch.setenv("ADMIN_2FA_REQUIRED", "0")
    with pytest.raises(ImproperlyConfigured, match="reset_2fa"):
        load_production()


def test_the_tests_run_with_it_on():
    assert settings.ADMIN_2FA_REQUIRED is True
