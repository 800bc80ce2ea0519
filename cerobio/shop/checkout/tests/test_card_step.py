"""The card step with Stripe: the Payment Element on our page for a server-made PaymentIntent, paid
only on Stripe's word (signed webhook, or asked on return), with hosted Checkout as the no-JS fallback.

The real Stripe SDK talks to a fake Stripe server (`payments/tests/fake_stripe.py`): only Stripe's
side is faked.
"""

import re

import pytest
from django.core import mail

from cerobio.shop.basket.models import Basket
from cerobio.shop.conftest import SKU, available_of, form_data, stock_of
from cerobio.shop.orders.models import Order, OrderEvent
from cerobio.shop.payments.models import Payment
from cerobio.shop.payments.tests.fake_stripe import FakeStripe, signed_event

SECRET = "whsec_test_secret"
PUBLISHABLE = "pk_test_fake_publishable"


@pytest.fixture
def stripe_server(settings, shop):
    fake = FakeStripe()
    settings.PAYMENT_PROVIDER = "stripe"
    settings.STRIPE_SECRET_KEY = "sk_test_fake"
    settings.STRIPE_PUBLISHABLE_KEY = PUBLISHABLE
    settings.STRIPE_WEBHOOK_SECRET = SECRET
    settings.STRIPE_API_BASE = fake.url
    settings.SITE_URL = "https://shop.example"
    yield fake
    fake.stop()


def _key(html: str) -> str:
    return re.search(r'name="idempotency_key" value="([^"]+)"', html).group(1)


def place(shopper, **changes):
    """Check out with the form, as the page sends it; returns (order, response)."""
    key = _key(shopper.get("/checkout/").content.decode())
    data = {k: v for k, v in form_data(key, **changes).items() if not k.startswith("card_")}
    response = shopper.post("/checkout/", data)
    return Order.objects.get(idempotency_key=key), response, data


def only_intent(fake: FakeStripe) -> dict:
    (intent,) = fake.intents.values()
    return intent


def deliver(client, payload: bytes, signature: str):
    return client.post(
        "/api/v1/payments/stripe/webhook",
        payload,
        content_type="application/json",
        headers={"Stripe-Signature": signature},
    )


def csp(response) -> dict[str, str]:
    parts = (p.strip().split(" ", 1) for p in response["Content-Security-Policy"].split(";"))
    return {p[0]: (p[1] if len(p) > 1 else "") for p in parts}


def test_checkout_makes_one_payment_intent_for_the_order_and_holds_the_stock(
    shopper, stripe_server
):
    order, response, data = place(shopper)
    assert response.status_code == 302 and response["Location"] == f"/checkout/pay/{order.token}/"
    intent = only_intent(stripe_server)
    assert (intent["amount"], intent["currency"]) == (3250, "gbp") and str(order.total) == "32.50"
    assert intent["metadata"] == {"order_token": order.token, "order_number": order.number}
    assert intent["automatic_payment_methods"] == {"enabled": True}
    assert (
        "/v1/payment_intents",
        f"payment-intent-{order.token}",
    ) in stripe_server.idempotency_keys
    assert not stripe_server.sessions  # no hosted session unless the customer asks for one
    assert Payment.objects.get(order=order).reference == intent["id"]
    assert order.status == "pending_payment" and stock_of(SKU) == 50 and available_of(SKU) == 49
    # The same form sent again (a double click) finds the same order and the same card step.
    again = shopper.post("/checkout/", data)
    assert again["Location"] == response["Location"] and len(stripe_server.intents) == 1
    assert Order.objects.count() == 1


def test_the_card_step_mounts_the_payment_element_and_keeps_a_button_to_stripes_page(
    shopper, stripe_server
):
    order, response, _ = place(shopper)
    page = shopper.get(response["Location"])
    html = page.content.decode()
    intent = only_intent(stripe_server)
    assert page.status_code == 200 and page["Cache-Control"] == "no-store, private"
    assert '<script src="https://js.stripe.com/v3/" defer></script>' in html
    assert re.search(r'<script src="/static/js/card-step\.js" defer></script>', html)
    assert (
        f'data-publishable-key="{PUBLISHABLE}"' in html
        and f'data-client-secret="{intent["client_secret"]}"' in html
    )
    assert f'data-return-url="https://shop.example/checkout/complete/{order.token}/"' in html
    assert '<form class="card-step__form" id="card-form" hidden' in html  # shown by the script only
    # Without JavaScript the customer still has a way to pay: a plain form to Stripe's hosted page.
    assert f'<form method="post" action="/checkout/pay/{order.token}/stripe/">' in html
    assert "Continue to Stripe’s page" in html and "£32.50" in html


def test_stripes_origins_are_allowed_on_the_card_step_only(shopper, stripe_server, client):
    order, response, _ = place(shopper)
    policy = csp(shopper.get(response["Location"]))
    assert policy["script-src"] == "'self' https://js.stripe.com https://*.js.stripe.com"
    assert (
        policy["frame-src"]
        == "https://js.stripe.com https://*.js.stripe.com https://hooks.stripe.com"
    )
    assert policy["connect-src"] == "'self' https://api.stripe.com"
    assert (
        policy["default-src"] == "'self'"
        and policy["style-src"] == "'self'"
        and policy["frame-ancestors"] == "'none'"
    )
    for path in ("/", "/basket/", f"/checkout/complete/{order.token}/", "/shop/"):
        other = client.get(path)
        assert "stripe" not in other["Content-Security-Policy"].replace(
            "https://checkout.stripe.com", ""
        ), path
        assert "frame-src" not in csp(other), path


def test_without_a_publishable_key_checkout_goes_to_stripes_page_and_nothing_loads_stripe_js(
    shopper, stripe_server, settings
):
    settings.STRIPE_PUBLISHABLE_KEY = ""
    assert "Stripe’s secure page" in shopper.get("/checkout/").content.decode()
    order, response, _ = place(shopper)
    assert (
        response["Location"].startswith("https://checkout.stripe.com/")
        and not stripe_server.intents
    )
    page = shopper.get(f"/checkout/pay/{order.token}/")  # reached anyway: the button, no Stripe.js
    html = page.content.decode()
    assert page.status_code == 200 and "js.stripe.com" not in html and "card-step.js" not in html
    assert (
        "Continue to Stripe’s page" in html
        and "js.stripe.com" not in page["Content-Security-Policy"]
    )


def test_the_no_javascript_button_pays_the_same_order_on_stripes_page(
    shopper, stripe_server, django_capture_on_commit_callbacks
):
    order, _, _ = place(shopper)
    first = shopper.post(f"/checkout/pay/{order.token}/stripe/")
    # Back from Stripe's page (the browser's back button), pressed again: the same open session.
    second = shopper.post(f"/checkout/pay/{order.token}/stripe/")
    (session,) = stripe_server.sessions.values()
    assert first["Location"] == second["Location"] == session["url"]
    assert [r for r in stripe_server.requests if "/checkout/sessions" in r[1]] == [
        ("POST", "/v1/checkout/sessions")
    ]
    assert session["amount_total"] == 3250 and session["metadata"]["order_token"] == order.token
    stripe_server.pay(session["id"])
    with django_capture_on_commit_callbacks(execute=True):
        back = shopper.get(f"/checkout/stripe/return/?session_id={session['id']}")
    assert back["Location"] == f"/checkout/complete/{order.token}/"
    order.refresh_from_db()
    assert order.status == "paid" and stock_of(SKU) == 49 and len(mail.outbox) == 1
    assert (
        shopper.get(f"/checkout/pay/{order.token}/")["Location"]
        == f"/checkout/complete/{order.token}/"
    )


def test_the_return_from_stripe_asks_stripe_and_pays_once(
    shopper, stripe_server, django_capture_on_commit_callbacks
):
    order, _, _ = place(shopper)
    intent = only_intent(stripe_server)
    stripe_server.set_intent(intent["id"], "succeeded")
    address = f"/checkout/complete/{order.token}/?payment_intent={intent['id']}&payment_intent_client_secret=x&redirect_status=succeeded"
    with django_capture_on_commit_callbacks(execute=True):
        back = shopper.get(address)
        shopper.get(address)  # reloaded
    # The client secret leaves the address bar.
    assert back["Location"] == f"/checkout/complete/{order.token}/"
    order.refresh_from_db()
    assert order.status == "paid" and order.events.filter(kind=OrderEvent.Kind.PAID).count() == 1
    assert Payment.objects.get(order=order).status == "succeeded" and stock_of(SKU) == 49
    assert len(mail.outbox) == 1
    assert "Thank you, your order is confirmed" in shopper.get(back["Location"]).content.decode()


def test_the_return_address_alone_proves_nothing(
    shopper, stripe_server, django_capture_on_commit_callbacks
):
    order, _, _ = place(shopper)
    intent = only_intent(stripe_server)
    with django_capture_on_commit_callbacks(execute=True):
        back = shopper.get(
            f"/checkout/complete/{order.token}/?payment_intent={intent['id']}&redirect_status=succeeded"
        )
    # Stripe says it is not paid: back to the card step.
    assert back["Location"] == f"/checkout/pay/{order.token}/"
    # An intent that is not this order's is not even asked about.
    before = len(stripe_server.requests)
    shopper.get(
        f"/checkout/complete/{order.token}/?payment_intent=pi_someone_else&redirect_status=succeeded"
    )
    assert len(stripe_server.requests) == before
    order.refresh_from_db()
    assert order.status == "pending_payment" and not mail.outbox


def test_a_payment_the_bank_is_still_processing_shows_the_waiting_page(shopper, stripe_server):
    order, _, _ = place(shopper)
    intent = stripe_server.set_intent(only_intent(stripe_server)["id"], "processing")
    back = shopper.get(
        f"/checkout/complete/{order.token}/?payment_intent={intent['id']}&redirect_status=processing"
    )
    html = shopper.get(back["Location"]).content.decode()
    assert (
        "We are confirming your payment" in html
        and "We email you as soon as the payment is confirmed" in html
    )
    assert Order.objects.get(pk=order.pk).status == "pending_payment" and available_of(SKU) == 49
    # Going back to the card step does not offer the card form again while the bank decides.
    assert (
        shopper.get(f"/checkout/pay/{order.token}/")["Location"]
        == f"/checkout/complete/{order.token}/"
    )


@pytest.mark.parametrize(
    ("outcome", "message"),
    [
        (
            "declined",
            "Your card has insufficient funds. Nothing was charged. Try again, or use another card.",
        ),
        (
            "requires_action",
            "Your bank asked you to confirm this payment, and it was not confirmed.",
        ),
    ],
)
def test_a_failed_payment_comes_back_to_the_card_step_saying_why(
    shopper, stripe_server, outcome, message
):
    order, _, _ = place(shopper)
    intent = stripe_server.set_intent(only_intent(stripe_server)["id"], outcome)
    back = shopper.get(
        f"/checkout/complete/{order.token}/?payment_intent={intent['id']}&redirect_status=failed"
    )
    assert back["Location"] == f"/checkout/pay/{order.token}/"
    html = shopper.get(back["Location"]).content.decode()
    assert 'role="alert"' in html and message in html
    assert 'id="card-form"' in html  # the same intent, tried again
    order.refresh_from_db()
    # Still held for the next try.
    assert order.status == "pending_payment" and available_of(SKU) == 49


def test_the_webhook_marks_the_order_paid_exactly_once(
    client, shopper, stripe_server, django_capture_on_commit_callbacks
):
    order, _, _ = place(shopper)
    paid = stripe_server.set_intent(only_intent(stripe_server)["id"], "succeeded")
    event = signed_event(SECRET, "evt_pi_1", "payment_intent.succeeded", paid)
    other_delivery = signed_event(SECRET, "evt_pi_2", "payment_intent.succeeded", paid)
    answers = []
    for payload, signature in (event, event, other_delivery):
        with django_capture_on_commit_callbacks(execute=True):
            answers.append(deliver(client, payload, signature))
    assert [r.status_code for r in answers] == [200, 200, 200]
    assert [r.json()["duplicate"] for r in answers] == [False, True, False]
    order.refresh_from_db()
    assert order.status == "paid" and order.events.filter(kind=OrderEvent.Kind.PAID).count() == 1
    assert Payment.objects.filter(order=order, status="succeeded").count() == 1
    assert stock_of(SKU) == 49 and len(mail.outbox) == 1


def test_the_webhook_refuses_a_wrong_amount_or_currency_and_ignores_an_unknown_intent(
    client, shopper, stripe_server, django_capture_on_commit_callbacks
):
    order, _, _ = place(shopper)
    intent = only_intent(stripe_server)
    short = {**intent, "status": "succeeded", "amount": 100, "amount_received": 100}
    euros = {**intent, "status": "succeeded", "amount_received": 3250, "currency": "eur"}
    stranger = {**intent, "id": "pi_not_ours", "status": "succeeded", "amount_received": 3250}
    with django_capture_on_commit_callbacks(execute=True):
        answers = [
            deliver(client, *signed_event(SECRET, "evt_short", "payment_intent.succeeded", short)),
            deliver(client, *signed_event(SECRET, "evt_eur", "payment_intent.succeeded", euros)),
            deliver(
                client, *signed_event(SECRET, "evt_stranger", "payment_intent.succeeded", stranger)
            ),
        ]
    assert [r.status_code for r in answers] == [200, 200, 200]
    order.refresh_from_db()
    assert order.status == "pending_payment" and not mail.outbox and stock_of(SKU) == 50
    notes = list(order.events.filter(kind=OrderEvent.Kind.NOTE).values_list("message", flat=True))
    assert any("was for £1.00, not £32.50; not accepted" in n for n in notes)
    assert any("was 32.50 EUR, not GBP; not accepted" in n for n in notes)
    assert not Payment.objects.filter(reference="pi_not_ours").exists()


def test_stopping_the_payment_cancels_the_intent_and_gives_the_basket_back(shopper, stripe_server):
    order, _, _ = place(shopper)
    intent = only_intent(stripe_server)
    response = shopper.post("/basket/", {"action": "unfreeze"}, follow=True)
    assert "Payment stopped" in response.content.decode()
    assert intent["status"] == "canceled"  # the card form can no longer take money
    assert Basket.objects.get(pk=order.basket_id).is_open and available_of(SKU) == 50
    back = shopper.get(f"/checkout/pay/{order.token}/", follow=True)
    assert "nothing was charged" in back.content.decode()


def test_a_payment_made_just_before_stopping_is_kept(
    shopper, stripe_server, django_capture_on_commit_callbacks
):
    order, _, _ = place(shopper)
    stripe_server.set_intent(only_intent(stripe_server)["id"], "succeeded")
    with django_capture_on_commit_callbacks(execute=True):
        shopper.post("/basket/", {"action": "unfreeze"})
    order.refresh_from_db()
    assert order.status == "paid" and stock_of(SKU) == 49 and len(mail.outbox) == 1


def test_a_card_step_payment_is_refunded_through_its_intent(shopper, stripe_server, admin_user):
    from cerobio.shop.orders.refunds import refund

    order, _, _ = place(shopper)
    intent = stripe_server.set_intent(only_intent(stripe_server)["id"], "succeeded")
    shopper.get(f"/checkout/complete/{order.token}/?payment_intent={intent['id']}")
    done = refund(order.pk, amount="5.00", reason="Damaged jar", user=admin_user)
    assert done.status == "succeeded" and stripe_server.refunds[0]["amount"] == 500


def test_the_card_step_copes_with_stripe_unreachable_and_odd_addresses(
    shopper, stripe_server, client
):
    order, response, _ = place(shopper)
    stripe_server.stop()
    page = shopper.get(response["Location"])
    html = page.content.decode()
    assert (
        page.status_code == 200
        and "could not be loaded just now" in html
        and "js.stripe.com" not in html
    )
    fallback = shopper.post(f"/checkout/pay/{order.token}/stripe/", follow=True)
    assert (
        fallback.status_code == 200
        and "could not reach Stripe’s payment page" in fallback.content.decode()
    )
    assert Order.objects.get(pk=order.pk).status == "pending_payment"  # nothing half-done
    assert client.get("/checkout/pay/no-such-order/").status_code == 404
    assert client.post(f"/checkout/pay/{order.token}/").status_code == 405
    assert client.get(f"/checkout/pay/{order.token}/stripe/").status_code == 405
