"""Whole-page caching headers: what a shared cache (nginx, a CDN) may keep, and what it never may.

The same rules are exercised through a real nginx in tests/deploy/test_cache.py.
"""

import datetime

import pytest
from django.http import HttpResponse
from django.utils.http import http_date, parse_http_date

from cerobio.core.http_cache import BASKET_COOKIE, PRIVATE, HttpCacheMiddleware, private_cookies
from cerobio.guide.models import MiliaTypePage
from cerobio.shop.basket.cookies import COOKIE
from cerobio.shop.conftest import SKU

SUBTYPE = "/types/milia-en-plaque/"
PRODUCT = "/shop/cerobio-exfoliating-kit/"
GUIDE_PAGES = ["/", "/what-is-milia/", "/types/", "/look-alikes/", SUBTYPE]


def _directives(response) -> dict:
    out = {}
    for part in response["Cache-Control"].split(","):
        name, _, value = part.strip().partition("=")
        out[name] = value
    return out


@pytest.mark.parametrize("path", GUIDE_PAGES)
def test_anonymous_guide_pages_may_be_shared(client, demo, settings, path):
    response = client.get(path)
    assert response.status_code == 200
    assert _directives(response) == {
        "public": "",
        "max-age": str(settings.CACHE_PAGE_MAX_AGE),
        "s-maxage": str(settings.CACHE_PAGE_SHARED_MAX_AGE),
    }
    assert "Cookie" in response["Vary"]
    assert not response.cookies, "a shared page must not set a cookie"
    assert response["ETag"]


def test_last_modified_is_when_the_page_was_last_published(client, demo):
    page = MiliaTypePage.objects.get(slug="milia-en-plaque")
    response = client.get(SUBTYPE)
    assert parse_http_date(response["Last-Modified"]) == int(page.last_published_at.timestamp())


def test_the_product_page_is_shared_briefly_because_it_shows_stock(client, demo, settings):
    response = client.get(PRODUCT)
    assert _directives(response) == {
        "public": "",
        "max-age": str(settings.CACHE_SHOP_MAX_AGE),
        "s-maxage": str(settings.CACHE_SHOP_MAX_AGE),
    }
    assert b"csrfmiddlewaretoken" not in response.content
    assert not response.cookies


def test_etag_round_trip_answers_304(client, demo):
    first = client.get(SUBTYPE)
    again = client.get(SUBTYPE, headers={"If-None-Match": first["ETag"]})
    assert again.status_code == 304 and again.content == b""
    changed = client.get(SUBTYPE, headers={"If-None-Match": '"something-else"'})
    assert changed.status_code == 200


def test_if_modified_since_round_trip(client, demo):
    last_modified = client.get(SUBTYPE)["Last-Modified"]
    assert client.get(SUBTYPE, headers={"If-Modified-Since": last_modified}).status_code == 304
    earlier = http_date(parse_http_date(last_modified) - 3600)
    assert client.get(SUBTYPE, headers={"If-Modified-Since": earlier}).status_code == 200


def test_publishing_changes_the_etag_and_last_modified(client, demo):
    first = client.get(SUBTYPE)
    page = MiliaTypePage.objects.get(slug="milia-en-plaque")
    page.summary = "A freshly reviewed summary of milia en plaque."
    page.save_revision().publish()
    second = client.get(SUBTYPE, headers={"If-None-Match": first["ETag"]})
    assert second.status_code == 200
    assert b"A freshly reviewed summary" in second.content
    assert second["Last-Modified"] != first["Last-Modified"] or second["ETag"] != first["ETag"]


def test_a_basket_cookie_makes_every_page_private(client, demo):
    added = client.post("/basket/", {"action": "add", "sku": SKU, "quantity": "2"})
    assert added.status_code == 302 and COOKIE in added.cookies
    for path in [SUBTYPE, PRODUCT, "/"]:
        response = client.get(path)
        assert response["Cache-Control"] == PRIVATE, path
        assert 'mini-basket__count">2' in response.content.decode(), (
            "the header shows this visitor's basket"
        )


def test_a_signed_in_editor_never_gets_a_shared_page(admin_client, demo):
    response = admin_client.get(SUBTYPE)
    assert response.status_code == 200
    assert response["Cache-Control"] == PRIVATE


@pytest.mark.parametrize(
    ("method", "path", "data"),
    [
        ("get", "/basket/", None),
        ("get", "/checkout/", None),
        ("get", "/orders/no-such-order/", None),
        ("get", "/identify/", None),
        ("post", "/identify/", {"step": "age"}),
        ("get", "/search/?q=milia", None),
        ("get", "/admin/", None),
        ("post", "/api/v1/baskets", None),
        ("post", "/api/v1/identify", None),
    ],
)
def test_personal_and_form_pages_are_never_stored(client, demo, method, path, data):
    response = getattr(client, method)(path, data or {})
    assert "public" not in response["Cache-Control"]
    assert "no-store" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]


def test_a_response_that_sets_a_cookie_is_private_whatever_it_said(client, demo, rf):
    response = client.post("/basket/", {"action": "add", "sku": SKU})
    assert response.cookies and response["Cache-Control"] == PRIVATE

    def careless_view(request):
        answer = HttpResponse("hello")
        answer["Cache-Control"] = "public, max-age=600"
        answer.set_cookie("anything", "mine")
        return answer

    assert HttpCacheMiddleware(careless_view)(rf.get("/"))["Cache-Control"] == PRIVATE


def test_a_missing_page_is_shared_only_briefly(client, demo, settings):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert _directives(response)["s-maxage"] == str(settings.CACHE_NOT_FOUND_MAX_AGE)
    assert client.get("/api/v1/no-such-thing")["Cache-Control"] == PRIVATE


def test_the_cookie_names_match_the_shop_and_django(settings):
    assert COOKIE == BASKET_COOKIE
    assert set(private_cookies()) == {settings.SESSION_COOKIE_NAME, COOKIE, "messages"}


def test_the_last_modified_date_is_a_real_date(client, demo):
    stamp = parse_http_date(client.get("/what-is-milia/")["Last-Modified"])
    assert datetime.datetime.fromtimestamp(stamp, tz=datetime.UTC).year >= 2024
