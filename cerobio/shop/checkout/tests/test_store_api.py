"""The Store API: products, baskets, shipping methods, checkout with an Idempotency-Key, orders."""

import re

import pytest

from cerobio.shop.catalogue.models import Reservation
from cerobio.shop.conftest import CREAM, SKU, api_body, available_of, set_stock, stock_of
from cerobio.shop.orders.models import Order

JSON = "application/json"


@pytest.fixture
def api_basket(client, shop):
    token = client.post("/api/v1/baskets").json()["token"]
    response = client.post(f"/api/v1/baskets/{token}/lines", {"sku": SKU, "quantity": 1}, content_type=JSON)
    assert response.status_code == 201
    return token


def checkout(client, token, key="checkout-key-0001", **body):
    return client.post(f"/api/v1/baskets/{token}/checkout", api_body(**body), content_type=JSON,
                       headers={"Idempotency-Key": key} if key else {})


def test_products(client, shop):
    (product,) = client.get("/api/v1/products").json()
    assert product["slug"] == "cerobio-exfoliating-kit" and product["url"] == "/shop/cerobio-exfoliating-kit/"
    assert product["variants"][0] == {"sku": SKU, "name": "Standard kit", "price": {"amount": "29.00", "currency": "GBP"}, "available": True}


def test_basket_lines_lifecycle(client, api_basket):
    basket = client.get(f"/api/v1/baskets/{api_basket}").json()
    assert basket["subtotal"] == {"amount": "29.00", "currency": "GBP"} and basket["vat"]["amount"] == "4.83"
    line_id = basket["lines"][0]["id"]
    patched = client.patch(f"/api/v1/baskets/{api_basket}/lines/{line_id}", {"quantity": 2}, content_type=JSON).json()
    assert patched["item_count"] == 2 and patched["subtotal"]["amount"] == "58.00"
    client.post(f"/api/v1/baskets/{api_basket}/lines", {"sku": CREAM}, content_type=JSON)
    deleted = client.delete(f"/api/v1/baskets/{api_basket}/lines/{line_id}").json()
    assert [line["sku"] for line in deleted["lines"]] == [CREAM]


@pytest.mark.parametrize(
    ("path", "method", "body", "status", "code"),
    [
        ("/api/v1/baskets/nope", "get", None, 404, "basket_not_found"),
        ("/api/v1/baskets/{t}/lines", "post", {"sku": "NOPE"}, 404, "unknown_sku"),
        ("/api/v1/baskets/{t}/lines", "post", {"sku": SKU, "quantity": 11}, 422, "invalid_request"),
        ("/api/v1/baskets/{t}/lines", "post", {"sku": SKU, "quantity": 60}, 422, "invalid_request"),
        ("/api/v1/baskets/{t}/lines/999999", "patch", {"quantity": 1}, 404, "unknown_line"),
        ("/api/v1/orders/nope", "get", None, 404, "order_not_found"),
        ("/api/v1/shipping-methods?country=ZZ", "get", None, 422, "unknown_country"),
    ],
)
def test_errors_have_a_code_and_a_message(client, api_basket, path, method, body, status, code):
    call = getattr(client, method)
    response = call(path.format(t=api_basket), body, content_type=JSON) if body else call(path.format(t=api_basket))
    assert response.status_code == status
    assert response.json()["code"] == code and response.json()["message"]


def test_adding_more_than_in_stock_is_a_409_naming_the_sku(client, api_basket):
    set_stock(SKU, 3)
    response = client.post(f"/api/v1/baskets/{api_basket}/lines", {"sku": SKU, "quantity": 5}, content_type=JSON)
    assert response.status_code == 409 and response.json()["code"] == "insufficient_stock" and response.json()["sku"] == SKU


def test_shipping_methods(client, shop):
    methods = client.get("/api/v1/shipping-methods?country=GB").json()
    standard = next(m for m in methods if m["code"] == "uk-standard")
    assert standard["price"] == {"amount": "3.50", "currency": "GBP"}
    assert standard["estimated_delivery"]["min_days"] == 2 and standard["estimated_delivery"]["max_days"] == 4
    free = client.get("/api/v1/shipping-methods?country=GB&subtotal=40").json()
    assert next(m for m in free if m["code"] == "uk-standard")["price"]["amount"] == "0.00"


def test_checkout_pays_and_the_same_key_returns_the_same_order(client, api_basket):
    first = checkout(client, api_basket)
    assert first.status_code == 201
    data = first.json()
    assert data["status"] == "paid" and data["total"] == {"amount": "32.50", "currency": "GBP"}
    assert data["order_number"].startswith("CRB-")
    again = checkout(client, api_basket)
    assert again.status_code == 201 and again.json()["order_number"] == data["order_number"]
    assert Order.objects.count() == 1 and stock_of(SKU) == 49
    order = client.get(f"/api/v1/orders/{data['token']}").json()
    assert order["status"] == "paid" and order["lines"][0]["sku"] == SKU and order["tracking"] is None


def test_same_key_for_another_basket_is_refused(client, api_basket, shop):
    checkout(client, api_basket)
    other = client.post("/api/v1/baskets").json()["token"]
    client.post(f"/api/v1/baskets/{other}/lines", {"sku": SKU}, content_type=JSON)
    response = checkout(client, other)
    assert response.status_code == 409 and response.json()["code"] == "idempotency_key_reused"


def test_declined_card_is_402_and_holds_no_stock(client, api_basket):
    response = checkout(client, api_basket, card="4000000000000002")
    assert response.status_code == 402 and response.json()["code"] == "payment_declined"
    assert available_of(SKU) == 50 and not Reservation.objects.filter(status="active").exists()
    basket = client.get(f"/api/v1/baskets/{api_basket}").json()
    assert basket["status"] == "open" and basket["lines"][0]["sku"] == SKU


def test_insufficient_stock_is_a_clean_409(client, api_basket):
    set_stock(SKU, 0)
    response = checkout(client, api_basket)
    assert response.status_code == 409 and response.json() | {"message": ""} == {
        "code": "insufficient_stock", "message": "", "errors": [], "sku": SKU, "available": 0}
    assert not Order.objects.exists()


def test_invalid_details_are_422_per_field(client, api_basket):
    response = checkout(client, api_basket, email="x", accept_terms=False,
                        shipping_address={"name": "A", "line1": "1 St", "city": "London", "postcode": "bad", "country": "GB"})
    assert response.status_code == 422
    fields = {e["field"] for e in response.json()["errors"]}
    assert {"email", "accept_terms", "shipping_address.postcode"} <= fields


def test_missing_idempotency_key_is_422(client, api_basket):
    response = checkout(client, api_basket, key=None)
    assert response.status_code == 422 and response.json()["code"] == "invalid_request"
    assert [e["field"] for e in response.json()["errors"]] == ["Idempotency-Key"]


def test_text_with_a_nul_character_is_refused_not_a_server_error(client, db):
    """Found by fuzzing on PostgreSQL, which cannot store NUL in text (refused before the view: 400)."""
    token = client.post("/api/v1/baskets", content_type="application/json").json()["token"]
    response = client.post(
        f"/api/v1/baskets/{token}/lines", {"sku": "CRB-KIT-STD\x00", "quantity": 1}, content_type="application/json"
    )
    assert response.status_code == 400
    assert response.json()["code"]


NOT_WHOLE_NUMBERS = [False, True, "2", 1.5, None]


@pytest.mark.parametrize("quantity", NOT_WHOLE_NUMBERS, ids=repr)
def test_a_quantity_that_is_not_a_json_integer_leaves_the_line_alone(client, api_basket, quantity):
    """`false` used to be read as 0 (the line vanished), `true` and "2" as numbers. (2.0 is JSON Schema's
    integer 2, and is accepted: test_checkout_retry.py.)"""
    line_id = client.get(f"/api/v1/baskets/{api_basket}").json()["lines"][0]["id"]
    response = client.patch(f"/api/v1/baskets/{api_basket}/lines/{line_id}", {"quantity": quantity}, content_type=JSON)
    assert response.status_code == 422
    assert response.json()["code"] == "invalid_request"
    assert [e["field"] for e in response.json()["errors"]] == ["quantity"]
    lines = client.get(f"/api/v1/baskets/{api_basket}").json()["lines"]
    assert [(line["id"], line["quantity"]) for line in lines] == [(line_id, 1)]


@pytest.mark.parametrize("quantity", NOT_WHOLE_NUMBERS, ids=repr)
def test_adding_with_a_quantity_that_is_not_a_json_integer_adds_nothing(client, api_basket, quantity):
    response = client.post(f"/api/v1/baskets/{api_basket}/lines", {"sku": CREAM, "quantity": quantity}, content_type=JSON)
    assert response.status_code == 422
    assert response.json()["code"] == "invalid_request"
    assert [e["field"] for e in response.json()["errors"]] == ["quantity"]
    assert [line["sku"] for line in client.get(f"/api/v1/baskets/{api_basket}").json()["lines"]] == [SKU]


def test_the_test_cards_other_fields_are_checked_when_sent(client, api_basket):
    body = {"method": "dummy", "card_number": "4242424242424242", "card_expiry": "1/2", "card_cvc": "12"}
    refused = checkout(client, api_basket, key="checkout-key-card-1", payment=body)
    assert refused.status_code == 422
    fields = {e["field"] for e in refused.json()["errors"]}
    assert fields == {"payment.card_expiry", "payment.card_cvc"}
    assert not Order.objects.exists()
    # Without them (as before the card form had them), the number alone still pays.
    assert checkout(client, api_basket, key="checkout-key-card-2").status_code == 201


def test_adding_to_a_line_past_the_limit_is_a_409_about_the_basket(client, api_basket):
    """8 is a quantity the document allows; with 5 already in the basket the line would pass 10: the basket's
    state is in the way (409, as out of stock is), not the request."""
    client.post(f"/api/v1/baskets/{api_basket}/lines", {"sku": SKU, "quantity": 4}, content_type=JSON)
    response = client.post(f"/api/v1/baskets/{api_basket}/lines", {"sku": SKU, "quantity": 8}, content_type=JSON)
    assert response.status_code == 409 and response.json()["code"] == "invalid_quantity"
    assert "already has 5" in response.json()["message"]
    assert client.get(f"/api/v1/baskets/{api_basket}").json()["item_count"] == 5


@pytest.mark.parametrize(
    ("query", "code"),
    [("country=Gb", "unknown_country"), ("country=GB&subtotal=%2029", "invalid_request"), ("country=GB&subtotal=1e3", "invalid_request")],
)
def test_shipping_methods_refuse_what_the_document_refuses(client, shop, query, code):
    response = client.get(f"/api/v1/shipping-methods?{query}")
    assert response.status_code == 422 and response.json()["code"] == code


def test_the_openapi_document_states_each_rule_a_request_is_refused_for(client, shop):
    spec = client.get("/api/v1/openapi.json").json()
    schemas = spec["components"]["schemas"]
    for name in ("LineIn", "QuantityIn", "CheckoutIn", "AddressIn", "PaymentIn"):
        for field, prop in schemas[name]["properties"].items():
            if prop.get("type") == "string" and "enum" not in prop:
                assert re.search(prop["pattern"], "\x00") is None, (name, field)  # no NUL (a 400 anywhere)
    assert schemas["CheckoutIn"]["properties"]["accept_terms"]["enum"] == [True]
    assert schemas["PaymentIn"]["properties"]["method"]["enum"] == ["dummy"]  # this site's provider
    assert "card_number" in schemas["PaymentIn"]["required"]
    token = spec["paths"]["/api/v1/orders/{token}"]["get"]["parameters"][0]["schema"]
    assert token["pattern"] == "^[A-Za-z0-9_-]{1,64}$"
    assert client.get("/api/v1/orders/not!a-token").status_code == 404
    webhook = spec["paths"]["/api/v1/payments/stripe/webhook"]["post"]
    assert webhook["security"] == [{"StripeSignature": []}] and "401" in webhook["responses"]
    assert spec["components"]["securitySchemes"]["StripeSignature"] == {"type": "apiKey", "in": "header", "name": "Stripe-Signature"}
