"""Real concurrency on PostgreSQL: threads, each with its own database connection, racing for stock.

Skipped (with the reason shown) when DATABASE_URL is not PostgreSQL; CI runs them on PostgreSQL.
"""

import threading
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.core import mail
from django.db import connection
from django.test import Client

from cerobio.shop.catalogue.models import Reservation, Stock
from cerobio.shop.conftest import SKU, api_body, new_basket, requires_postgres, set_stock, stock_of
from cerobio.shop.orders.models import Order
from cerobio.shop.payments.tests.fake_stripe import FakeStripe, signed_event

# After each transactional test the database is put back as built (conftest.py, restore_as_built).
pytestmark = [requires_postgres, pytest.mark.django_db(transaction=True)]
JSON = "application/json"


def race(n: int, work):
    """Run work(i) in n threads released together; each thread closes its own connection."""
    barrier = threading.Barrier(n)

    def run(i):
        try:
            barrier.wait(timeout=30)
            return work(i)
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=n) as pool:
        return list(pool.map(run, range(n)))


def checkout(token: str, key: str, body=None):
    response = Client().post(f"/api/v1/baskets/{token}/checkout", body or api_body(), content_type=JSON,
                             headers={"Idempotency-Key": key})
    return response.status_code, response.json()


def test_80_checkouts_for_the_last_50_units(demo):
    set_stock(SKU, 50)
    tokens = [new_basket(SKU, 1).token for _ in range(80)]
    results = race(80, lambda i: checkout(tokens[i], f"race-key-{i:04d}"))
    statuses = Counter(status for status, _ in results)
    assert statuses == {201: 50, 409: 30}, results
    assert all(body["code"] == "insufficient_stock" and body["sku"] == SKU for status, body in results if status == 409)
    assert len({body["order_number"] for status, body in results if status == 201}) == 50
    assert Order.objects.filter(status="paid").count() == 50
    assert stock_of(SKU) == 0
    assert not Stock.objects.filter(quantity__lt=0).exists()
    assert not Reservation.objects.filter(status="active").exists()
    assert len(mail.outbox) == 50


def test_same_idempotency_key_five_times_at_once_makes_one_order(demo):
    token = new_basket(SKU, 1).token
    results = race(5, lambda i: checkout(token, "same-key-for-all-five"))
    # One request pays; the others see the same order, paid (201) or still being paid (202, repeat shortly).
    assert 201 in {status for status, _ in results} and {status for status, _ in results} <= {201, 202}, results
    assert len({body["order_number"] for _, body in results}) == 1
    assert all(body["retry_after"] for status, body in results if status == 202)
    assert Order.objects.count() == 1 and stock_of(SKU) == 49
    status, body = checkout(token, "same-key-for-all-five")  # a repeat now: paid
    assert status == 201 and body["order_number"] == results[0][1]["order_number"]


def test_same_webhook_delivered_twice_at_once_pays_once(demo, settings):
    fake = FakeStripe()
    settings.PAYMENT_PROVIDER, settings.STRIPE_SECRET_KEY = "stripe", "sk_test_fake"
    settings.STRIPE_WEBHOOK_SECRET, settings.STRIPE_API_BASE = "whsec_race", fake.url
    try:
        token = new_basket(SKU, 1).token
        status, data = checkout(token, "stripe-race-key", api_body(payment={"method": "stripe"}))
        assert status == 202 and data["redirect_url"]  # waiting for the customer at Stripe
        session = fake.pay(next(iter(fake.sessions)))
        payload, signature = signed_event("whsec_race", "evt_race", "checkout.session.completed", session)
        results = race(2, lambda i: Client().post("/api/v1/payments/stripe/webhook", payload, content_type=JSON,
                                                  headers={"Stripe-Signature": signature}).json())
    finally:
        fake.stop()
    assert sorted(r["duplicate"] for r in results) == [False, True]
    order = Order.objects.get(token=data["token"])
    assert order.status == "paid" and order.events.filter(kind="paid").count() == 1
    assert len(mail.outbox) == 1 and stock_of(SKU) == 49


def test_declined_cards_hold_no_stock_under_load(demo):
    set_stock(SKU, 10)
    tokens = [new_basket(SKU, 1).token for _ in range(10)]

    def work(i):
        body = api_body(card="4000000000000002") if i % 2 else api_body()
        response = Client().post(f"/api/v1/baskets/{tokens[i]}/checkout", body, content_type=JSON,
                                 headers={"Idempotency-Key": f"mixed-{i:03d}"})
        return response.status_code

    statuses = Counter(race(10, work))
    assert statuses == {201: 5, 402: 5}
    assert stock_of(SKU) == 5 and Stock.objects.get(variant__sku=SKU).available() == 5
    assert not Reservation.objects.filter(status="active").exists()
    assert Order.objects.filter(status="payment_failed").count() == 5
