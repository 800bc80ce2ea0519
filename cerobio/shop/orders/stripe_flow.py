"""Stripe's two ways of telling us about a payment: the customer's return and the webhook.

Both end in the same idempotent `mark_paid`, for a hosted Checkout Session or for the card step's
PaymentIntent alike; neither believes the browser: the return asks Stripe, the webhook is signed.
A PaymentIntent counts only if this shop recorded it for the order (so a Checkout Session's own
intent, or another shop's, changes nothing), and only for the order's amount in the order's currency. The webhook checks Stripe's signature on the raw
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
from django.utils import timezone

from cerobio.shop.payments.models import Payment, ProviderEvent
from cerobio.shop.payments.providers import CardPagePayment, PaymentError, PaymentResult
from cerobio.shop.payments.providers.stripe import StripeProvider, card_page_payment_from

from .actions import fail_payment, mark_paid
from .events import record as record_event
from .models import Order, OrderEvent

log = logging.getLogger(__name__)

PAID_EVENTS = {"checkout.session.completed", "checkout.session.async_payment_succeeded"}
FAILED_EVENTS = {"checkout.session.expired", "checkout.session.async_payment_failed"}
# A card-step payment that fails (a declined card) stays open: the customer may try again on the
# card step, so only success and cancellation change the order.
INTENT_EVENTS = {"payment_intent.succeeded", "payment_intent.canceled"}


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


def _intent_payment(reference: str) -> Payment | None:
    """The card-step payment this shop recorded under a PaymentIntent id, if any."""
    if not reference.startswith("pi_"):
        return None
    return Payment.objects.filter(provider="stripe", reference=reference).select_related("order").first()


def _apply_intent(state: CardPagePayment) -> Order | None:
    """Act on a card-step payment's state: succeeded → mark_paid; canceled → release (if still unpaid)."""
    payment = _intent_payment(state.reference)
    if payment is None:
        return None
    order = payment.order
    if state.status == "succeeded":
        if state.currency != order.currency:  # never for an intent we created; said, not accepted
            record_event(
                order, OrderEvent.Kind.NOTE,
                f"Payment {state.reference} was {state.amount} {state.currency}, not {order.currency}; not accepted.",
            )
            return order
        mark_paid(order.pk, provider="stripe", reference=state.reference, amount=state.amount)
    elif state.status == "canceled":
        fail_payment(
            order.pk, reason="The Stripe payment was canceled.", abandoned=True, provider="stripe", reference=state.reference
        )
    return order


def confirm_intent(order: Order, reference: str) -> CardPagePayment | None:
    """The customer is back from the card step: ask Stripe about the order's own PaymentIntent
    (never the address's word for it), record a payment, and say where it stands (None: we cannot tell)."""
    payment = _intent_payment(reference or "")
    if payment is None or payment.order_id != order.pk:
        return None
    try:
        state = StripeProvider().card_page_payment(reference)
    except PaymentError:
        log.warning("Stripe payment %s could not be retrieved", reference)
        return None
    if state.status in ("succeeded", "canceled"):
        _apply_intent(state)
    return state


def card_page_payment(order: Order) -> CardPagePayment | None:
    """The order's open card-step payment as Stripe sees it now (None: there is none, or Stripe cannot say).

    A payment Stripe reports as succeeded is recorded on the way, so a customer who paid in another
    tab is shown the confirmation, not the card form again.
    """
    reference = (
        order.payments.filter(provider="stripe", status=Payment.Status.PENDING, reference__startswith="pi_")
        .values_list("reference", flat=True)
        .last()
    )
    return confirm_intent(order, reference) if reference else None


def start_hosted_checkout(order: Order, return_base: str) -> str:
    """The card step's fallback (no JavaScript, or Stripe.js did not load): a Checkout Session for the
    same order, recorded as waiting (with its address and expiry) before the customer is sent to it;
    returns its address. A session of the order's that is still open is used again, without asking
    Stripe. Raises PaymentError if Stripe cannot be reached; the order and its stock hold stay as they are.
    """
    earlier = (
        order.payments.filter(provider="stripe", status=Payment.Status.PENDING, expires_at__gt=timezone.now())
        .exclude(redirect_url="")
        .order_by("-pk")
        .first()
    )
    if earlier is not None:
        return earlier.redirect_url
    result: PaymentResult = StripeProvider().start(order, {}, return_base)
    try:
        with transaction.atomic():
            Payment.objects.create(
                provider="stripe", reference=result.reference, order=order, amount=order.total,
                status=Payment.Status.PENDING, redirect_url=result.redirect_url, expires_at=result.expires_at,
            )
    except IntegrityError:
        pass  # the same session again (its idempotency key): already recorded
    return result.redirect_url


def handle_webhook(payload: bytes, signature: str | None) -> dict:
    """Verify and handle one webhook delivery; raises WebhookRefused for a bad or unsigned one."""
    secret = settings.STRIPE_WEBHOOK_SECRET
    if not secret:
        raise WebhookRefused(503, "webhook_not_configured", "Stripe webhooks are not configured (STRIPE_WEBHOOK_SECRET).")
    try:
        event = stripe.Webhook.construct_event(payload, signature, secret)
    except stripe.SignatureVerificationError as exc:
        raise WebhookRefused(401, "invalid_signature", "The Stripe-Signature header does not match this body.") from exc
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
    if kind in INTENT_EVENTS:
        _apply_intent(card_page_payment_from(event["data"]["object"].to_dict()))
        return
    session = event["data"]["object"].to_dict()
    if kind in PAID_EVENTS:
        _apply(session, session.get("payment_status") in ("paid", "no_payment_required") or None)
    elif kind in FAILED_EVENTS:
        _apply(session, False)
