"""Stripe Checkout end to end against a fake Stripe server, with genuinely signed webhooks."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from cerobio.shop.basket.models import Basket
from cerobio.shop.conftest import SKU, api_body, available_of, new_basket, stock_of
from cerobio.shop.orders.models import Order
from cerobio.shop.payments.models import Payment

from .fake_stripe import FakeStripe, signed_event

SECRET = "whsec_test_secret"
JSON = "application/json"


@pytest.fixture
def stripe_server(settings, shop):
    fake = FakeStripe()
    settings.PAYMENT_PROVIDER = "stripe"
    settings.STRIPE_SECRET_KEY = "sk_test_fake"
    settings.STRIPE_WEBHOOK_SECRET = SECRET
    settings.STRIPE_API_BASE = fake.url
    yield fake
    fake.stop()


def start_checkout(client, key="stripe-key-0001"):
    basket = new_basket(SKU, 1)
    body = api_body(payment={"method": "stripe"})
    response = client.post(f"/api/v1/baskets/{basket.token}/checkout", body, content_type=JSON, headers={"Idempotency-Key": key})
    assert response.status_code == 202, response.json()  # placed, waiting for the customer to pay at Stripe
    assert response.json()["code"] == "payment_pending"
    return basket, response.json()


def deliver(client, payload: bytes, signature: str):
    return client.post("/api/v1/payments/stripe/webhook", payload, content_type=JSON, headers={"Stripe-Signature": signature})


def test_checkout_sends_the_customer_to_stripe_with_stock_held(client, stripe_server):
    basket, data = start_checkout(client)
    assert data["status"] == "pending_payment" and data["redirect_url"].startswith("https://checkout.stripe.com/")
    (session,) = stripe_server.sessions.values()
    assert session["amount_total"] == 3250 and session["metadata"]["order_token"] == data["token"]
    assert stock_of(SKU) == 50 and available_of(SKU) == 49  # held, not yet sold
    assert Basket.objects.get(pk=basket.pk).status == Basket.Status.FROZEN


def test_return_from_stripe_asks_stripe_then_marks_paid(client, stripe_server, django_capture_on_commit_callbacks):
    _, data = start_checkout(client)
    (session,) = stripe_server.sessions.values()
    with django_capture_on_commit_callbacks(execute=True):
        unpaid = client.get(f"/checkout/stripe/return/?session_id={session['id']}")
    assert Order.objects.get(token=data["token"]).status == "pending_payment"  # the address alone proves nothing
    stripe_server.pay(session["id"])
    with django_capture_on_commit_callbacks(execute=True):
        paid = client.get(f"/checkout/stripe/return/?session_id={session['id']}")
    assert unpaid["Location"] == paid["Location"] == f"/checkout/complete/{data['token']}/"
    assert Order.objects.get(token=data["token"]).status == "paid" and stock_of(SKU) == 49
    assert len(mail.outbox) == 1


def test_webhook_twice_and_out_of_order_pays_once_and_sends_one_email(client, stripe_server, django_capture_on_commit_callbacks):
    _, data = start_checkout(client)
    (session,) = stripe_server.sessions.values()
    paid_session = stripe_server.pay(session["id"])
    completed = signed_event(SECRET, "evt_2_completed", "checkout.session.completed", paid_session, timestamp=None)
    expired = signed_event(SECRET, "evt_1_expired", "checkout.session.expired", {**session, "status": "expired", "payment_status": "unpaid"})
    answers = []
    for payload, signature in (completed, completed, expired):
        with django_capture_on_commit_callbacks(execute=True):
            answers.append(deliver(client, payload, signature))
    assert [r.status_code for r in answers] == [200, 200, 200]
    assert [r.json()["duplicate"] for r in answers] == [False, True, False]
    order = Order.objects.get(token=data["token"])
    assert order.status == "paid" and order.events.filter(kind="paid").count() == 1
    assert Payment.objects.filter(order=order, status="succeeded").count() == 1
    assert stock_of(SKU) == 49 and available_of(SKU) == 49
    # The customer's return after the webhook changes nothing either.
    with django_capture_on_commit_callbacks(execute=True):
        client.get(f"/checkout/stripe/return/?session_id={session['id']}")
    assert len(mail.outbox) == 1 and data["order_number"] in mail.outbox[0].subject


def test_expired_session_releases_the_stock_and_gives_the_basket_back(client, stripe_server):
    basket, data = start_checkout(client)
    (session,) = stripe_server.sessions.values()
    deliver(client, *signed_event(SECRET, "evt_exp", "checkout.session.expired", {**session, "status": "expired"}))
    assert Order.objects.get(token=data["token"]).status == "payment_failed"
    assert available_of(SKU) == 50
    assert Basket.objects.get(pk=basket.pk).status == Basket.Status.OPEN and basket.lines.count() == 1


def test_cancel_page_releases_the_stock(client, stripe_server):
    basket, data = start_checkout(client)
    response = client.get(f"/checkout/stripe/cancel/?order={data['token']}", follow=True)
    assert "nothing was charged" in response.content.decode()
    assert available_of(SKU) == 50 and Basket.objects.get(pk=basket.pk).is_open


def test_webhook_checks_the_signature_on_the_raw_body(client, stripe_server):
    """The signature is the webhook's credential (the OpenAPI document's security scheme): 401 without a good one."""
    _, _ = start_checkout(client)
    (session,) = stripe_server.sessions.values()
    payload, signature = signed_event(SECRET, "evt_x", "checkout.session.completed", stripe_server.pay(session["id"]))
    tampered = payload.replace(b'"amount_total": 3250', b'"amount_total": 1')
    assert deliver(client, tampered, signature).json()["code"] == "invalid_signature"
    wrong_secret = signed_event("whsec_other", "evt_x", "checkout.session.completed", session)
    assert deliver(client, *wrong_secret).status_code == 401
    missing = deliver(client, payload, "")
    assert missing.status_code == 401 and missing.json()["code"] == "unauthorised"
    stale = signed_event(SECRET, "evt_old", "checkout.session.completed", session, timestamp=1_000_000_000)
    assert deliver(client, *stale).status_code == 401
    assert not Order.objects.filter(status="paid").exists()


def test_webhook_refuses_to_run_without_a_secret(client, stripe_server, settings):
    settings.STRIPE_WEBHOOK_SECRET = ""
    response = deliver(client, b"{}", "t=1,v1=abc")
    assert response.status_code == 503 and response.json()["code"] == "webhook_not_configured"


def test_refund_goes_through_stripe(client, stripe_server, django_capture_on_commit_callbacks, admin_user):
    from cerobio.shop.orders.refunds import refund

    _, data = start_checkout(client)
    (session,) = stripe_server.sessions.values()
    stripe_server.pay(session["id"])
    client.get(f"/checkout/stripe/return/?session_id={session['id']}")
    order = Order.objects.get(token=data["token"])
    with django_capture_on_commit_callbacks(execute=True):
        done = refund(order.pk, amount="10.00", reason="Damaged jar", user=admin_user)
    assert done.status == "succeeded" and done.provider_reference.startswith("re_")
    assert stripe_server.refunds[0]["amount"] == 1000
    assert Order.objects.get(pk=order.pk).refunded_total == 10
    assert "refunded £10.00" in mail.outbox[-1].body


def _with_basket_cookie(client, basket):
    from django.core.signing import get_cookie_signer

    from cerobio.shop.basket.cookies import COOKIE, SALT

    client.cookies[COOKIE] = get_cookie_signer(salt=COOKIE + SALT).sign(basket.token)


def test_cancel_page_closes_the_stripe_session_so_a_stale_tab_cannot_pay(client, stripe_server):
    _, data = start_checkout(client)
    (session,) = stripe_server.sessions.values()
    client.get(f"/checkout/stripe/cancel/?order={data['token']}")
    assert session["status"] == "expired"  # Stripe was told: the old payment page no longer takes money
    assert ("POST", f"/v1/checkout/sessions/{session['id']}/expire") in stripe_server.requests
    assert Order.objects.get(token=data["token"]).status == "payment_failed"
    assert available_of(SKU) == 50


def test_a_payment_that_went_through_before_cancel_is_kept_not_released(client, stripe_server, django_capture_on_commit_callbacks):
    """The customer paid in one tab and pressed "back" in another: the order is placed, never released."""
    _, data = start_checkout(client)
    (session,) = stripe_server.sessions.values()
    stripe_server.pay(session["id"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.get(f"/checkout/stripe/cancel/?order={data['token']}")
    assert response["Location"] == f"/checkout/complete/{data['token']}/"
    assert Order.objects.get(token=data["token"]).status == "paid"
    assert stock_of(SKU) == 49 and len(mail.outbox) == 1


def test_stopping_the_payment_from_the_basket_closes_the_stripe_session(client, stripe_server):
    basket, _data = start_checkout(client)
    (session,) = stripe_server.sessions.values()
    _with_basket_cookie(client, basket)
    response = client.post("/basket/", {"action": "unfreeze"}, follow=True)
    assert "Payment stopped" in response.content.decode()
    assert session["status"] == "expired"
    assert Basket.objects.get(pk=basket.pk).is_open and available_of(SKU) == 50


def test_expired_holds_are_released_and_their_sessions_closed_by_the_command(client, stripe_server):
    from django.core.management import call_command

    from cerobio.shop.catalogue.models import Reservation

    _, data = start_checkout(client)
    (session,) = stripe_server.sessions.values()
    Reservation.objects.filter(order__token=data["token"]).update(expires_at="2020-01-01T00:00:00Z")
    call_command("release_unpaid_orders", stdout=__import__("io").StringIO())
    assert session["status"] == "expired"
    assert Order.objects.get(token=data["token"]).status == "payment_failed" and available_of(SKU) == 50


def test_stripe_unreachable_while_stopping_still_gives_the_basket_back(client, stripe_server, caplog):
    basket, data = start_checkout(client)
    stripe_server.stop()
    response = client.get(f"/checkout/stripe/cancel/?order={data['token']}", follow=True)
    assert "nothing was charged" in response.content.decode()
    assert available_of(SKU) == 50 and Basket.objects.get(pk=basket.pk).is_open
    assert "could not be expired" in caplog.text


def _repeat(client, basket, key="stripe-key-0001"):
    body = api_body(payment={"method": "stripe"})
    return client.post(f"/api/v1/baskets/{basket.token}/checkout", body, content_type=JSON, headers={"Idempotency-Key": key})


def _sessions_created(fake) -> int:
    return fake.requests.count(("POST", "/v1/checkout/sessions"))


@pytest.mark.parametrize("attempt_seconds", [30, 0], ids=["at-once", "after-the-attempt-lease"])
def test_a_repeated_checkout_sends_the_customer_back_to_the_same_stripe_page(client, stripe_server, settings, attempt_seconds):
    """A client that lost the first answer repeats the request: 202 with the same page, Stripe not asked again."""
    settings.PAYMENT_ATTEMPT_SECONDS = attempt_seconds
    basket = new_basket(SKU, 1)
    first = _repeat(client, basket)
    assert first.status_code == 202, first.json()
    assert first.json()["expires_at"] is not None
    for _ in range(2):
        again = _repeat(client, basket)
        assert again.status_code == 202, again.json()
        data = again.json()
        assert data["code"] == "payment_pending" and data["status"] == "pending_payment"
        assert (data["redirect_url"], data["expires_at"], data["order_number"]) == (
            first.json()["redirect_url"], first.json()["expires_at"], first.json()["order_number"]
        )
        assert data["retry_after"] is None and "Retry-After" not in again
    assert _sessions_created(stripe_server) == 1 and Order.objects.count() == 1
    assert available_of(SKU) == 49  # still held for the customer

    # The customer pays on that page; the next repeat is the paid order.
    (session,) = stripe_server.sessions.values()
    stripe_server.pay(session["id"])
    client.get(f"/checkout/stripe/return/?session_id={session['id']}")
    paid = _repeat(client, basket)
    assert paid.status_code == 201 and paid.json()["status"] == "paid"


def test_a_repeat_after_the_stripe_page_expired_gets_a_new_page_while_the_stock_is_held(client, stripe_server, settings):
    settings.PAYMENT_ATTEMPT_SECONDS = 0
    basket = new_basket(SKU, 1)
    first = _repeat(client, basket).json()
    # The page stopped taking the payment (its expiry passed) while the order's stock is still held.
    Payment.objects.update(expires_at=timezone.now() - datetime.timedelta(seconds=1))
    again = _repeat(client, basket)
    assert again.status_code == 202, again.json()
    data = again.json()
    assert data["redirect_url"].startswith("https://checkout.stripe.com/") and data["redirect_url"] != first["redirect_url"]
    assert _sessions_created(stripe_server) == 2 and Order.objects.count() == 1
    assert Payment.objects.filter(status="pending", redirect_url=data["redirect_url"]).exists()
    assert _repeat(client, basket).json()["redirect_url"] == data["redirect_url"]  # and that page from now on


def test_a_repeat_after_the_stripe_page_and_the_hold_expired_releases_the_stock(client, stripe_server):
    basket = new_basket(SKU, 1)
    _repeat(client, basket)
    past = timezone.now() - datetime.timedelta(seconds=1)
    Payment.objects.update(expires_at=past)
    Order.objects.get().reservations.update(expires_at=past)
    Order.objects.update(payment_attempted_at=past - datetime.timedelta(minutes=30))
    released = _repeat(client, basket)
    assert released.status_code == 402 and released.json()["code"] == "payment_declined"
    assert available_of(SKU) == 50 and _sessions_created(stripe_server) == 1
