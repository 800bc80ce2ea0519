"""Hostile input: a NUL character anywhere is a 4xx with nothing written; /api/ always answers JSON.

PostgreSQL refuses text holding U+0000, so before the guard these were 500s there (SQLite stored
them); run with DATABASE_URL=postgres://... to see the difference the guard makes.
"""

import json

import pytest
from django.http import HttpResponse
from django.middleware.csrf import CsrfViewMiddleware
from django.test import Client, RequestFactory

from cerobio.editorial.models import ContactMessage
from cerobio.shop.basket.models import Basket
from cerobio.shop.conftest import SKU
from cerobio.shop.orders.models import Order

REFUSED = {400, 404, 422}
API_ERROR_KEYS = {"code", "message", "errors"}


def rows() -> tuple[int, int, int]:
    return Basket.objects.count(), Order.objects.count(), ContactMessage.objects.count()


@pytest.fixture
def anonymous(demo):
    return Client(raise_request_exception=False)


def assert_refused(response, api: bool = False):
    assert response.status_code in REFUSED, (response.status_code, response.content[:300])
    if api:
        assert response["Content-Type"].startswith("application/json")
        assert set(response.json()) >= API_ERROR_KEYS


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/baskets/%00",
        "/api/v1/orders/%00",
        "/api/v1/baskets/abc%00def/checkout",
        "/orders/%00/",
        "/checkout/complete/%00/",
        "/types/%00/",
        "/shop/%00/",
    ],
)
def test_a_nul_in_the_path_is_refused(anonymous, path):
    before = rows()
    method = anonymous.post if path.endswith("/checkout") else anonymous.get
    response = method(path, data="{}", content_type="application/json") if method == anonymous.post else method(path)
    assert_refused(response, api=path.startswith("/api/"))
    assert rows() == before


@pytest.mark.parametrize("path", ["/search/?q=milia%00", "/shop/?sort=%00", "/api/v1/products?x=%00", "/?a%00=1"])
def test_a_nul_in_the_query_string_is_refused(anonymous, path):
    assert_refused(anonymous.get(path), api=path.startswith("/api/"))


@pytest.mark.parametrize(
    "cookie",
    [
        'sessionid="abcdefghijkl\\000mnopqrstuvwxyz012345"',  # quoted, with an octal escape Django decodes
        "sessionid=abcdefghijkl\x00mnopqrstuvwxyz012345",
        "cerobio_basket=abc\x00def",
        "csrftoken=\x00",
    ],
)
def test_a_nul_in_a_cookie_is_refused_on_every_page(anonymous, cookie):
    before = rows()
    for path in ("/", "/basket/", "/api/v1/products"):
        assert_refused(anonymous.get(path, HTTP_COOKIE=cookie), api=path.startswith("/api/"))
    assert rows() == before


@pytest.mark.parametrize("header", ["HTTP_USER_AGENT", "HTTP_X_REQUEST_ID", "HTTP_IDEMPOTENCY_KEY", "HTTP_REFERER"])
def test_a_nul_in_a_header_is_refused(anonymous, header):
    basket = Client().post("/api/v1/baskets").json()["token"]
    before = rows()
    response = anonymous.post(
        f"/api/v1/baskets/{basket}/lines", data={"sku": SKU, "quantity": 1}, content_type="application/json",
        **{header: "abcdefgh\x00ijk"},
    )
    assert_refused(response, api=True)
    assert rows() == before


def test_a_nul_in_a_form_is_refused_and_nothing_is_written(anonymous):
    before = rows()
    response = anonymous.post(
        "/contact/", {"name": "Ann", "email": "ann@example.com", "message": "Hello\x00there", "topic": "question"}
    )
    assert_refused(response)
    response = anonymous.post("/basket/", {"action": "add", "sku": SKU + "\x00", "quantity": "1"})
    assert_refused(response)
    assert rows() == before


def test_a_nul_in_a_multipart_form_field_is_refused_but_not_in_an_uploaded_file(anonymous):
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = anonymous.post("/basket/", {"action": "add", "sku": "A\x00", "quantity": "1"}, format="multipart")
    assert_refused(response)
    # Bytes of zero inside a file are ordinary (every image has them): the guard lets the form through.
    response = anonymous.post(
        "/basket/", {"action": "add", "sku": SKU, "quantity": "1", "f": SimpleUploadedFile("a.bin", b"\x00\x00")}
    )
    assert response.status_code == 302


@pytest.mark.parametrize(
    "body",
    [
        '{"sku": "CRB-KIT-STD\\u0000", "quantity": 1}',
        '{"sku\\u0000": "x", "quantity": 1}',
        '{"sku": "CRB-KIT-STD", "quantity": 1, "note": "\\U0000"}',
        b'{"sku": "CRB-KIT-STD\x00", "quantity": 1}',
    ],
)
def test_a_nul_in_a_json_body_is_refused_and_nothing_is_written(anonymous, body):
    token = Client().post("/api/v1/baskets").json()["token"]
    before = rows()
    assert_refused(anonymous.post("/api/v1/baskets", data=body, content_type="application/json"), api=True)
    assert_refused(anonymous.post(f"/api/v1/baskets/{token}/lines", data=body, content_type="application/json"), api=True)
    assert rows() == before
    assert Basket.objects.get(token=token).lines.count() == 0


def test_a_nul_in_a_checkout_body_makes_no_order(anonymous):
    token = Client().post("/api/v1/baskets").json()["token"]
    Client().post(f"/api/v1/baskets/{token}/lines", data={"sku": SKU, "quantity": 1}, content_type="application/json")
    body = {
        "email": "a\u0000@example.com", "accept_terms": True, "shipping_method": "uk-standard",
        "shipping_address": {"name": "A", "line1": "1 St", "city": "Leeds", "postcode": "LS1 1AA", "country": "GB"},
        "payment": {"method": "dummy", "card_number": "4242424242424242"},
    }
    response = anonymous.post(
        f"/api/v1/baskets/{token}/checkout", data=json.dumps(body), content_type="application/json",
        HTTP_IDEMPOTENCY_KEY="nul-checkout-0001",
    )
    assert_refused(response, api=True)
    assert not Order.objects.filter(idempotency_key="nul-checkout-0001").exists()


def test_a_body_over_the_limit_is_refused_before_it_is_read(anonymous, settings):
    """413 from the Content-Length alone: the body (here never sent) is not spooled anywhere."""
    settings.REQUEST_MAX_BODY_SIZE = 1000
    response = anonymous.generic(
        "POST", "/admin/images/add/", b"", content_type="multipart/form-data; boundary=x", CONTENT_LENGTH="5000"
    )
    assert response.status_code == 413
    response = anonymous.generic("POST", "/api/v1/baskets", b"", content_type="application/json", CONTENT_LENGTH="5000")
    assert response.status_code == 413
    assert response.json()["code"] == "request_too_large"


# /api/ answers JSON, always.


def test_a_post_to_an_unknown_or_mistyped_api_address_is_a_json_404_even_without_a_csrf_token(demo):
    strict = Client(enforce_csrf_checks=True, raise_request_exception=False)
    for path in ("/api/v1/identify/", "/api/v1/nothing", "/api/v2/identify", "/api/"):
        response = strict.post(path, data="{}", content_type="application/json")
        assert response.status_code == 404, path
        assert response["Content-Type"].startswith("application/json")
        assert response.json()["code"] == "not_found"


def test_a_wrong_method_under_api_is_a_json_405(demo):
    response = Client().put("/api/v1/identify", data="{}", content_type="application/json")
    assert response.status_code == 405
    assert response.json()["code"] == "method_not_allowed"
    assert "POST" in response["Allow"]


def test_a_csrf_refusal_under_api_is_json_and_a_page_elsewhere(demo):
    factory = RequestFactory()

    def view(request):
        return HttpResponse("ok")

    middleware = CsrfViewMiddleware(view)
    for path, is_api in (("/api/v1/anything", True), ("/basket/", False)):
        response = middleware.process_view(factory.post(path, {}), view, (), {})
        assert response.status_code == 403
        assert response["Content-Type"].startswith("application/json") is is_api
        if is_api:
            assert json.loads(response.content)["code"] == "csrf_failed"


def test_a_disallowed_host_under_api_is_a_json_400(demo, settings):
    settings.ALLOWED_HOSTS = ["cerobio.example"]
    response = Client(raise_request_exception=False).get("/api/v1/products", HTTP_HOST="evil.example")
    assert response.status_code == 400
    assert response.json()["code"] == "bad_request"
