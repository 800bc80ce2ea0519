"""Stripe's two ways of telling us about a payment: the customer's return and the webhook.

Both end in the same idempotent `mark_paid`. The webhook checks Stripe's signature on the raw
request body, refuses to run without a secret, and records each event id under a unique
constraint so a second delivery does nothing. Events can arrive in any order: `mark_paid`
and `fail_payment` look at the order's state under its lock, so a late "expired" cannot undo a
payment and a late "completed" still records one.
"""

from __future__ import annotations

import logging
from decimal import Decimal

import stripe
from django.conf import settings
from django.db import IntegrityError, transaction

from cerobio.shop.payments.models import Payment, ProviderEvent
from cerobio.shop.payments.providers import PaymentError
from cerobio.shop.payments.providers.stripe import StripeProvider

from .actions import fail_payment, mark_paid
from .models import Order

log = logging.getLogger(__name__)

PAID_EVENTS = {"checkout.session.completed", "checkout.session.async_payment_succeeded"}
FAILED_EVENTS = {"checkout.session.expired", "checkout.session.async_payment_failed"}


class WebhookRefused(Exception):
    def __init__(self, status: int, code: str, message: str):
        self.status, self.code, self.message = status, code, message
        super().__init__(message)


def _order_for_session(session) -> Order | None:
    payment = Payment.objects.filter(provider="stripe", reference=session["id"]).select_related("order").first()
    if payment is not None:
        return payment.order
    token = (session.get("metadata") or {}).get("order_token")
    return Order.objects.filter(token=token).first() if token else None


def _apply(session, paid: bool | None) -> Order | None:
    """Act on a Checkout Session's state: paid → mark_paid; failed/expired → release."""
    order = _order_for_session(session)
    if order is None:
        return None
    if paid:
        amount = Decimal(int(session["amount_total"] or 0)) / 100
        mark_paid(order.pk, provider="stripe", reference=session["id"], amount=amount)
    elif paid is False:
        fail_payment(
            order.pk, reason="The Stripe payment was not completed.", abandoned=True,
            provider="stripe", reference=session["id"],
        )
    return order


def confirm_session(session_id: str) -> Order | None:
    """The customer is back from Stripe: ask Stripe (never trust the address) and act on it."""
    if not session_id or not session_id.startswith("cs_"):
        return None
    try:
        session = StripeProvider().retrieve_session(session_id)
    except PaymentError:
        log.warning("Stripe session %s could not be retrieved", session_id)
        return None
    session = session.to_dict()
    paid = session["payment_status"] in ("paid", "no_payment_required")
    return _apply(session, True if paid else None)


def handle_webhook(payload: bytes, signature: str | None) -> dict:
    """Verify and handle one webhook delivery; raises WebhookRefused for a bad or unsigned one."""
    secret = settings.STRIPE_WEBHOOK_SECRET
    if not secret:
        raise WebhookRefused(503, "webhook_not_configured", "Stripe webhooks are not configured (STRIPE_WEBHOOK_SECRET).")
    try:
        event = stripe.Webhook.construct_event(payload, signature, secret)
    except stripe.SignatureVerificationError as exc:
        raise WebhookRefused(400, "invalid_signature", "The Stripe-Signature header does not match this body.") from exc
    except (ValueError, UnicodeDecodeError) as exc:
        raise WebhookRefused(400, "invalid_payload", "The body is not a Stripe event.") from exc
    with transaction.atomic():
        try:
            with transaction.atomic():
                ProviderEvent.objects.create(provider="stripe", event_id=event["id"], event_type=event["type"])
        except IntegrityError:
            return {"received": True, "duplicate": True}
        _dispatch(event)  # an error here rolls the event record back, so Stripe's retry is handled
    return {"received": True, "duplicate": False}


def _dispatch(event) -> None:
    kind = event["type"]
    session = event["data"]["object"].to_dict()
    if kind in PAID_EVENTS:
        _apply(session, session.get("payment_status") in ("paid", "no_payment_required") or None)
    elif kind in FAILED_EVENTS:
        _apply(session, False)
