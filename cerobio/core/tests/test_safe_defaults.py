"""Safe defaults: production never prints emails to the log, and links point where the site really is."""

import re

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import Client

from .test_deploy_checks import deploy_check

CONSOLE = "django.core.mail.backends.console.EmailBackend"


def test_production_refuses_the_console_email_backend(load_production, monkeypatch):
    monkeypatch.setenv("EMAIL_BACKEND", CONSOLE)
    with pytest.raises(ImproperlyConfigured, match="console email backend"):
        load_production()


def test_production_sends_through_the_mail_relay_unless_told_otherwise(load_production, monkeypatch):
    assert load_production().EMAIL_BACKEND == "django.core.mail.backends.smtp.EmailBackend"
    monkeypatch.setenv("EMAIL_BACKEND", "django.core.mail.backends.filebased.EmailBackend")
    assert load_production().EMAIL_BACKEND == "django.core.mail.backends.filebased.EmailBackend"


def test_the_deploy_check_refuses_a_backend_that_delivers_nothing():
    result = deploy_check(
        EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend",
        STRIPE_SECRET_KEY="sk_test_deploycheck", STRIPE_WEBHOOK_SECRET="whsec_deploycheck",
    )
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "cerobio.E001" in output, output


def test_the_public_address_follows_the_port_when_site_url_is_not_set(load_production, monkeypatch):
    assert load_production().SITE_URL == "http://127.0.0.1:8000"
    monkeypatch.setenv("PORT", "8123")
    production = load_production()
    assert production.SITE_URL == production.WAGTAILADMIN_BASE_URL == "http://127.0.0.1:8123"
    monkeypatch.setenv("SITE_URL", "https://cerobio.example/")
    assert load_production().SITE_URL == "https://cerobio.example"


def test_the_sitemap_and_robots_use_one_host_the_public_address(demo, settings):
    settings.SITE_URL = "https://cerobio.example"
    sitemap = Client().get("/sitemap.xml").content.decode()
    locations = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    assert len(locations) > 20  # guide, shop and information pages alike
    assert {re.match(r"https?://[^/]+", loc).group(0) for loc in locations} == {"https://cerobio.example"}
    assert "https://cerobio.example/shop/" in locations and "https://cerobio.example/contact/" in locations
    robots = Client().get("/robots.txt").content.decode()
    assert "Sitemap: https://cerobio.example/sitemap.xml" in robots
