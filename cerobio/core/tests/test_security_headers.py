"""Security headers on every kind of response, the two Content-Security-Policies, and cookie flags."""

import re

import pytest
from django.core.cache import cache
from wagtail.test.utils.form_data import querydict_from_html

from cerobio.core.tests.test_rate_limits import SKU

PUBLIC_PAGES = {
    "guide page": "/types/milia-en-plaque/",
    "home": "/",
    "product page": "/shop/cerobio-exfoliating-kit/",
    "identifier": "/identify/",
    "search": "/search/?q=milia",
    "API": "/api/v1/products",
    "API error": "/api/v1/nothing-here",
    "404": "/no-such-page/",
}


def directives(header: str) -> dict[str, list[str]]:
    """'script-src 'self'; img-src 'self' data:' -> {'script-src': ["'self'"], 'img-src': ["'self'", 'data:']}."""
    policy = {}
    for part in header.split(";"):
        name, *values = part.split()
        policy[name] = values
    return policy


def assert_common_headers(response):
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    permissions = dict(re.findall(r"([a-z-]+)=\(([^)]*)\)", response["Permissions-Policy"]))
    for feature in ("camera", "microphone", "geolocation", "payment", "usb", "browsing-topics"):
        assert permissions[feature] == "", feature
    assert "interest-cohort" not in permissions


def assert_public_policy(response):
    assert_common_headers(response)
    assert response["X-Frame-Options"] == "DENY"
    policy = directives(response["Content-Security-Policy"])
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]  # no 'unsafe-inline', no 'unsafe-eval', no other site
    assert policy["style-src"] == ["'self'"]  # no inline style anywhere, not even by nonce
    assert policy["object-src"] == ["'none'"] and policy["base-uri"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["form-action"] == ["'self'"]
    assert "unsafe" not in response["Content-Security-Policy"]


@pytest.mark.parametrize("path", PUBLIC_PAGES.values(), ids=PUBLIC_PAGES.keys())
def test_public_responses_carry_the_strict_policy(demo, client, path):
    response = client.get(path)
    assert response.status_code in (200, 404), response.status_code
    assert_public_policy(response)


def test_the_basket_checkout_and_its_cookie(demo, client, settings):
    added = client.post("/basket/", {"action": "add", "sku": SKU, "quantity": "1"})
    assert_public_policy(added)
    cookie = added.cookies["cerobio_basket"]
    assert cookie["httponly"] and cookie["samesite"] == "Lax" and not cookie["secure"]
    for path in ("/basket/", "/checkout/"):
        response = client.get(path)
        assert response.status_code == 200
        assert_public_policy(response)
    # In production (secure cookies) the basket cookie is Secure too.
    settings.SESSION_COOKIE_SECURE = True
    again = client.post("/basket/", {"action": "add", "sku": SKU, "quantity": "1"})
    assert again.cookies["cerobio_basket"]["secure"]


def test_identifier_answers_and_api_calls_carry_it(demo, client):
    assert_public_policy(client.post("/identify/", {"go": "start"}))
    assert_public_policy(
        client.post("/api/v1/identify", {"sites": ["nose"]}, content_type="application/json")
    )


def test_a_429_page_carries_it(demo, client, settings):
    cache.clear()
    settings.SEARCH_RATE_LIMIT = (1, 30_000_000)  # a window no test outlasts
    client.get("/search/", {"q": "milia"})
    response = client.get("/search/", {"q": "milia"})
    assert response.status_code == 429
    assert_public_policy(response)
    cache.clear()


def test_public_pages_have_no_inline_script_style_or_event_handler(demo, client):
    """What the policy would block, checked in the HTML (the browser test checks it in Chromium)."""
    pages = [*PUBLIC_PAGES.values(), "/types/", "/look-alikes/", "/newborn-milia/", "/contact/"]
    html = {path: client.get(path).content.decode() for path in pages}
    client.post("/basket/", {"action": "add", "sku": SKU, "quantity": "1"})
    for path in ("/basket/", "/checkout/"):
        html[path] = client.get(path).content.decode()
    html["identifier, body map step"] = client.post(
        "/identify/", {"step": "age_group", "age_group": "adult", "go": "next"}
    ).content.decode()
    assert "bodymap" in html["identifier, body map step"]
    for where, text in html.items():
        for script in re.findall(r"<script\b[^>]*>", text):
            assert "src=" in script or 'type="application/ld+json"' in script, (where, script)
        assert not re.search(r"<[^>]+\sstyle=", text), where
        assert not re.search(r"<[^>]+\son[a-z]+=", text), where
        assert not re.search(r"<style\b", text), where


def test_the_500_page_styles_are_allowed_by_their_hash(demo, client, monkeypatch):
    import base64
    import hashlib

    def broken(query):
        raise RuntimeError("search index is broken")

    monkeypatch.setattr("cerobio.search.views.search_pages", broken)
    client.raise_request_exception = False
    response = client.get("/search/", {"q": "milia"})
    assert response.status_code == 500
    css = re.search(r"<style>(.*?)</style>", response.content.decode(), re.S).group(1)
    digest = base64.b64encode(hashlib.sha256(css.encode()).digest()).decode()
    policy = directives(response["Content-Security-Policy"])
    assert policy["style-src"] == ["'self'", f"'sha256-{digest}'"]
    assert policy["script-src"] == ["'self'"]


def test_the_admin_has_its_own_policy_still_without_other_sites(demo, client):
    for path in ("/admin/login/", "/django-admin/login/"):
        response = client.get(path)
        assert response.status_code == 200
        assert_common_headers(response)
        policy = directives(response["Content-Security-Policy"])
        assert policy["script-src"] == ["'self'", "'unsafe-inline'"]
        assert "'unsafe-eval'" not in response["Content-Security-Policy"]
        assert policy["frame-ancestors"] == ["'self'"]
        for values in policy.values():
            assert all(v.startswith("'") or v in ("data:", "blob:") for v in values), values


def test_wagtails_preview_may_be_framed_by_the_admin_only(demo, admin_client):
    """The editor's preview panel frames /admin/pages/<id>/edit/preview/: SAMEORIGIN and frame-ancestors 'self'."""
    from cerobio.guide.models import GuidePage

    page = GuidePage.objects.get(slug="causes")
    edit = admin_client.get(f"/admin/pages/{page.pk}/edit/")
    assert edit["X-Frame-Options"] == "DENY"
    # The panel first posts the form being edited, then frames the preview of it.
    form = querydict_from_html(edit.content.decode(), form_id="page-edit-form")
    form["body-count"] = (
        "0"  # the StreamField editor is drawn by JavaScript; an empty extra body will do
    )
    assert admin_client.post(f"/admin/pages/{page.pk}/edit/preview/", form).json()["is_valid"]
    response = admin_client.get(f"/admin/pages/{page.pk}/edit/preview/")
    assert response.status_code == 200 and "Causes" in response.content.decode()
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    # Wagtail renders the preview through the middleware as if it were the public page; the
    # admin's policy (frame-ancestors 'self') must win over the public one ('none').
    assert directives(response["Content-Security-Policy"])["frame-ancestors"] == ["'self'"]


def test_session_and_csrf_cookies(demo, client, django_user_model):
    django_user_model.objects.create_superuser("boss", "boss@example.org", "pw-123456-long")
    csrf = client.get("/admin/login/").cookies["csrftoken"]
    assert csrf["samesite"] == "Lax"
    signed_in = client.post("/admin/login/", {"username": "boss", "password": "pw-123456-long"})
    assert signed_in.status_code == 302
    session = signed_in.cookies["sessionid"]
    assert session["httponly"] and session["samesite"] == "Lax"


def test_static_and_media_on_another_host_are_allowed_where_used(demo, client, settings):
    settings.STATIC_URL = "https://static.cerobio.example/static/"
    settings.MEDIA_URL = "https://media.cerobio.example/media/"
    policy = directives(client.get("/robots.txt")["Content-Security-Policy"])
    assert policy["script-src"] == ["'self'", "https://static.cerobio.example"]
    assert policy["style-src"] == ["'self'", "https://static.cerobio.example"]
    assert policy["img-src"] == [
        "'self'",
        "data:",
        "https://static.cerobio.example",
        "https://media.cerobio.example",
    ]
    assert policy["font-src"] == ["'self'", "https://static.cerobio.example"]
    assert policy["connect-src"] == ["'self'"]
