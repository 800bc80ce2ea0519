"""A checkout repeated with the same Idempotency-Key finishes what the first request started.

The first request is cut off after its order was committed and before the payment was recorded
(the database connection drops: mark_paid raises OperationalError). The order then waits for payment
with its stock held. A repeat with the same key takes the payment (201, paid) or releases the stock
(402); it never answers 201 for an unpaid order, and never makes a second order.
"""

import datetime

import pytest
from django.core import mail
from django.db.utils import OperationalError
from django.test import Client
from django.utils import timezone

from cerobio.shop.basket.models import Basket
from cerobio.shop.catalogue.models import Reservation
from cerobio.shop.checkout import complete
from cerobio.shop.checkout.details import KEY_PATTERN
from cerobio.shop.conftest import (
    DECLINED_CARD,
    SKU,
    address,
    api_body,
    available_of,
    form_data,
    new_basket,
    stock_of,
)
from cerobio.shop.orders.models import Order

JSON = "application/json"


def checkout(client, basket, key, body=None):
    return client.post(
        f"/api/v1/baskets/{basket.token}/checkout", body or api_body(), content_type=JSON, headers={"Idempotency-Key": key}
    )


@pytest.fixture
def cut_off(monkeypatch, settings):
    """The next checkout loses the database right after the provider took the payment."""
    real = complete.mark_paid

    def lose_the_database(*args, **kwargs):
        monkeypatch.setattr(complete, "mark_paid", real)
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(complete, "mark_paid", lose_the_database)
    settings.PAYMENT_ATTEMPT_SECONDS = 0  # a repeat may take over at once (the lease is tested below)


def test_a_repeat_after_a_cut_off_checkout_takes_the_payment(shop, cut_off, django_capture_on_commit_callbacks):
    basket = new_basket(SKU, 2)
    client = Client(raise_request_exception=False)
    first = checkout(client, basket, "cut-off-0001")
    assert first.status_code == 503, first.content
    order = Order.objects.get(idempotency_key="cut-off-0001")
    assert order.status == "pending_payment" and available_of(SKU) == 48  # held, not sold

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        again = checkout(client, basket, "cut-off-0001")
    assert again.status_code == 201, again.content
    assert again.json()["status"] == "paid" and again.json()["order_number"] == order.number
    assert Order.objects.count() == 1 and Order.objects.get().is_paid
    assert stock_of(SKU) == 48 and Basket.objects.get(pk=basket.pk).status == Basket.Status.SUBMITTED
    assert len(mail.outbox) == 1 and order.number in mail.outbox[0].subject

    # And a third time: the same paid answer, nothing more.
    third = checkout(client, basket, "cut-off-0001")
    assert third.status_code == 201 and Order.objects.count() == 1 and stock_of(SKU) == 48 and len(mail.outbox) == 1


def test_a_repeat_while_the_first_may_still_be_paying_answers_202_with_when_to_repeat(shop, cut_off, settings):
    basket = new_basket(SKU, 1)
    client = Client(raise_request_exception=False)
    assert checkout(client, basket, "cut-off-0002").status_code == 503
    settings.PAYMENT_ATTEMPT_SECONDS = 30  # the first attempt started moments ago

    again = checkout(client, basket, "cut-off-0002")
    assert again.status_code == 202, again.content
    body = again.json()
    assert body["code"] == "payment_pending" and body["status"] == "pending_payment"
    assert 1 <= body["retry_after"] <= 2 and again["Retry-After"] == str(body["retry_after"])
    assert body["token"] == Order.objects.get().token and body["redirect_url"] is None
    assert not Order.objects.get().is_paid

    Order.objects.update(payment_attempted_at=timezone.now() - datetime.timedelta(seconds=31))
    assert checkout(client, basket, "cut-off-0002").status_code == 201
    assert Order.objects.get().is_paid


def test_a_repeat_after_the_hold_ran_out_releases_the_stock_and_says_so(shop, cut_off):
    basket = new_basket(SKU, 2)
    client = Client(raise_request_exception=False)
    assert checkout(client, basket, "cut-off-0003").status_code == 503
    Reservation.objects.update(expires_at=timezone.now() - datetime.timedelta(seconds=1))

    again = checkout(client, basket, "cut-off-0003")
    assert again.status_code == 402, again.content
    assert again.json()["code"] == "payment_declined"
    order = Order.objects.get()
    assert order.status == "payment_failed" and not order.is_paid
    assert available_of(SKU) == 50 and Basket.objects.get(pk=basket.pk).status == Basket.Status.OPEN
    # The basket is free again: a new key checks it out (no 409 basket_not_open).
    assert checkout(client, basket, "cut-off-0003-new").status_code == 201


def test_a_repeat_whose_card_is_declined_releases_the_stock(shop, cut_off):
    basket = new_basket(SKU, 1)
    client = Client(raise_request_exception=False)
    assert checkout(client, basket, "cut-off-0004").status_code == 503
    # The repeat carries another card (card details are not part of what must match): it is declined.
    body = api_body(card=DECLINED_CARD.replace(" ", ""))
    again = checkout(client, basket, "cut-off-0004", body)
    assert again.status_code == 402
    assert Order.objects.get().status == "payment_failed" and available_of(SKU) == 50


def test_the_same_key_with_a_different_body_is_refused(shop):
    basket = new_basket(SKU, 1)
    client = Client()
    assert checkout(client, basket, "same-key-0001").status_code == 201
    changed = api_body(shipping_address=address(line1="2 Other Street"))
    refused = checkout(client, basket, "same-key-0001", changed)
    assert refused.status_code == 409 and refused.json()["code"] == "idempotency_key_reused"
    assert Order.objects.count() == 1 and Order.objects.get().ship_line1 == "1 High Street"
    # Card details are not part of the comparison (they are never kept): the same request with them is a replay.
    assert checkout(client, basket, "same-key-0001", api_body(card="4242 4242 4242 4242")).status_code == 201


@pytest.mark.parametrize("key", [None, "short", "has spaces in it", "x" * 129, "emoji-☃-key"])
def test_an_idempotency_key_is_required_with_its_pattern(shop, key):
    basket = new_basket(SKU, 1)
    headers = {} if key is None else {"Idempotency-Key": key}
    response = Client().post(f"/api/v1/baskets/{basket.token}/checkout", api_body(), content_type=JSON, headers=headers)
    assert response.status_code == 422, response.content
    assert any("Idempotency-Key" in e["field"] or "idempotency" in e["field"].lower() for e in response.json()["errors"])
    assert not Order.objects.exists()


def test_the_openapi_document_describes_the_checkout_states(shop):
    spec = Client().get("/api/v1/openapi.json").json()
    operation = spec["paths"]["/api/v1/baskets/{token}/checkout"]["post"]
    (header,) = [p for p in operation["parameters"] if p["in"] == "header"]
    assert header["name"] == "Idempotency-Key" and header["required"] is True
    assert header["schema"]["pattern"] == KEY_PATTERN.pattern
    responses = operation["responses"]
    assert {"201", "202", "400", "402", "409", "413", "422", "429", "503"} <= set(responses)
    assert "Retry-After" in responses["429"]["headers"]
    pending = spec["components"]["schemas"]["PaymentPendingOut"]["properties"]
    assert pending["code"]["const"] == "payment_pending" and {"redirect_url", "expires_at", "retry_after", "token"} <= set(pending)
    assert "idempotency_key_reused" in operation["description"]
    line = spec["components"]["schemas"]["LineIn"]["properties"]["quantity"]
    assert "8.0" in line["description"]
    country = spec["components"]["schemas"]["AddressIn"]["properties"]["country"]
    assert {"GB", "gb"} <= set(country["enum"]) and "Gb" not in country["enum"] and "422" in country["description"]


@pytest.mark.parametrize("country", ["GB", "gb"])
def test_a_country_code_in_either_case_is_accepted(shop, country):
    basket = new_basket(SKU, 1)
    body = api_body(shipping_address=address(country=country))
    assert checkout(Client(), basket, f"country-{country}-01", body).status_code == 201


@pytest.mark.parametrize("country", ["XX", "G1", "ZZ", "Gb"])
def test_a_country_that_is_not_one_or_not_delivered_to_is_a_422(shop, country):
    basket = new_basket(SKU, 1)
    response = checkout(Client(), basket, f"country-{country}-01", api_body(shipping_address=address(country=country)))
    assert response.status_code == 422
    assert any(e["field"].endswith("country") for e in response.json()["errors"])


def test_a_whole_number_written_as_a_decimal_is_that_number_and_a_fraction_is_a_422(demo):
    """8.0 is an integer in JSON Schema, so the API accepts what its own OpenAPI document allows."""
    token = Client().post("/api/v1/baskets").json()["token"]
    added = Client().post(f"/api/v1/baskets/{token}/lines", {"sku": SKU, "quantity": 8.0}, content_type=JSON)
    assert added.status_code == 201 and added.json()["lines"][0]["quantity"] == 8
    refused = Client().post(f"/api/v1/baskets/{token}/lines", {"sku": SKU, "quantity": 1.5}, content_type=JSON)
    assert refused.status_code == 422 and refused.json()["errors"][0]["field"] == "quantity"


def test_the_checkout_page_resubmitted_after_a_cut_off_finishes_the_payment(shop, cut_off):
    client = Client(raise_request_exception=False)
    client.post("/basket/", {"action": "add", "sku": SKU, "quantity": "1"})
    data = form_data(key="page-cut-off-0001")
    assert client.post("/checkout/", data).status_code == 503
    assert Order.objects.get().status == "pending_payment"
    again = client.post("/checkout/", data)
    order = Order.objects.get()
    assert again.status_code == 302 and again["Location"] == f"/checkout/complete/{order.token}/"
    assert order.is_paid
