"""Crawlers find every guide page; lost readers get a helpful page."""

import re

import pytest
from django.test import override_settings

from cerobio.guide.tests.test_guide_pages import GUIDE_PATHS


def test_sitemap_lists_every_guide_page_at_its_public_address(demo, client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    locations = set(re.findall(r"<loc>(.*?)</loc>", response.content.decode()))
    assert {f"http://127.0.0.1:8000{path}" for path in GUIDE_PATHS} <= locations


@pytest.mark.django_db
def test_robots_txt_points_at_the_sitemap_and_keeps_crawlers_out_of_private_areas(client):
    body = client.get("/robots.txt").content.decode()
    assert "Sitemap: http://127.0.0.1:8000/sitemap.xml" in body
    for private in ("/admin/", "/basket/", "/checkout/", "/orders/"):
        assert f"Disallow: {private}" in body


def test_missing_page_is_a_helpful_404(demo, client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert 'action="/search/"' in html
    assert 'href="/identify/"' in html and 'href="/what-is-milia/"' in html


@override_settings(DEBUG=False)
def test_server_error_page_is_friendly_and_needs_no_database(client, db, monkeypatch):
    from cerobio.core import views

    response = views.server_error(None)
    assert response.status_code == 500
    assert "Cerobio" in response.content.decode()
    assert "Traceback" not in response.content.decode()


@pytest.mark.django_db
def test_a_form_sent_without_its_security_token_gets_a_page_that_says_what_to_do(demo):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    response = client.post(
        "/contact/", {"name": "A", "email": "a@example.org", "message": "hello"},
        headers={"referer": "http://testserver/contact/"},
    )
    assert response.status_code == 403
    html = response.content.decode()
    assert "Your form was not sent" in html and "Nothing you typed was saved" in html
    assert 'href="http://testserver/contact/"' in html  # back to the form
    assert 'class="site-header' in html  # the site's own layout, not Django's page
    assert response["Cache-Control"] == "no-store, private"
    # A link from elsewhere is not offered as "back".
    elsewhere = client.post("/contact/", {}, headers={"referer": "https://evil.example/"})
    assert 'href="https://evil.example/' not in elsewhere.content.decode()
