"""Stripe: the Payment Element on our card step, or Stripe's hosted Checkout; card details never reach our server.

On the card step (the checkout page asks for it, and STRIPE_PUBLISHABLE_KEY is set) the order gets
one PaymentIntent: its amount in pence from the order's Decimal total (never float), the order's
currency, the order's token in the metadata, and an idempotency key made from the token, so a
repeated checkout finds the same intent. Without a publishable key, for the Store API, and as the
card step's no-JavaScript fallback, a Checkout Session carries the same details and expires when the
order's stock hold does. Our return pages and the webhook all end in `orders.actions.mark_paid`,
which is idempotent.
"""

from __future__ import annotations

import datetime
import logging
from decimal import Decimal

import stripe
from django.conf import settings
from django.utils import timezone

from cerobio.shop.money import Money

from .base import CancelResult, CardPagePayment, PaymentError, PaymentResult

log = logging.getLogger(__name__)

STRIPE_MIN_EXPIRY = datetime.timedelta(minutes=30)


def client() -> stripe.StripeClient:
    """A Stripe client for the configured secret key (and a fake server's address in tests)."""
    if not settings.STRIPE_SECRET_KEY:
        raise PaymentError("Stripe is not configured: set STRIPE_SECRET_KEY.")
    bases = {"api": settings.STRIPE_API_BASE} if settings.STRIPE_API_BASE else None
    return stripe.StripeClient(settings.STRIPE_SECRET_KEY, base_addresses=bases, max_network_retries=2)


def _line_items(order) -> list[dict]:
    items = [
        {
            "quantity": line.quantity,
            "price_data": {
                "currency": order.currency.lower(),
                "unit_amount": Money(line.unit_price).minor_units,
                "product_data": {"name": f"{line.product_name} – {line.variant_name}"},
            },
        }
        for line in order.lines.all()
    ]
    if order.shipping_price > 0:
        items.append(
            {
                "quantity": 1,
                "price_data": {
                    "currency": order.currency.lower(),
                    "unit_amount": Money(order.shipping_price).minor_units,
                    "product_data": {"name": f"Delivery: {order.shipping_name}"},
                },
            }
        )
    return items


NOT_CONFIRMED = "Your bank asked you to confirm this payment, and it was not confirmed. Nothing was charged. Try again."
DECLINED = "Your card was declined."
TRY_AGAIN = "Nothing was charged. Try again, or use another card."


def card_page_payment_from(intent: dict) -> CardPagePayment:
    """A PaymentIntent, as the API or a webhook event gives it, in the shop's words."""
    status = intent.get("status")
    paid = status == "succeeded"
    minor = intent.get("amount_received") if paid else intent.get("amount")
    common = {
        "reference": intent["id"], "amount": (Decimal(int(minor or 0)) / 100).quantize(Decimal("0.01")),
        "currency": str(intent.get("currency") or "").upper(), "client_secret": intent.get("client_secret") or "",
    }
    error = intent.get("last_payment_error") or {}
    if status in ("succeeded", "processing", "canceled"):
        return CardPagePayment(status=status, **common)
    if status == "requires_action":
        return CardPagePayment(status="failed", message=NOT_CONFIRMED, **common)
    if status == "requires_payment_method" and error:
        # Stripe writes card errors' messages for customers ("Your card has insufficient funds.").
        reason = error.get("message") if error.get("type") == "card_error" and error.get("message") else DECLINED
        return CardPagePayment(status="failed", message=f"{reason} {TRY_AGAIN}", **common)
    return CardPagePayment(status="open", **common)


class StripeProvider:
    """PaymentIntents for the card step, Checkout Sessions, refunds and look-ups."""

    code = "stripe"
    takes_card_details = False

    def card_problems(self, payment: dict) -> dict[str, str]:
        return {}  # the card is typed on Stripe's page, never on ours

    @property
    def test_mode(self) -> bool:
        return settings.STRIPE_SECRET_KEY.startswith("sk_test_")

    def start(self, order, payment: dict, return_base: str) -> PaymentResult:
        if payment.get("card_page") and settings.STRIPE_PUBLISHABLE_KEY:
            return self._start_intent(order)
        expires = max(
            timezone.now() + STRIPE_MIN_EXPIRY,
            max((r.expires_at for r in order.reservations.all()), default=timezone.now()),
        )
        params = {
            "mode": "payment",
            "customer_email": order.email,
            "client_reference_id": order.number,
            "metadata": {"order_token": order.token, "order_number": order.number},
            "line_items": _line_items(order),
            "expires_at": int(expires.timestamp()),
            "success_url": f"{return_base}/checkout/stripe/return/?session_id={{CHECKOUT_SESSION_ID}}",
            "cancel_url": f"{return_base}/checkout/stripe/cancel/?order={order.token}",
        }
        # One session per payment attempt (a repeat of the checkout whose session expired gets a new
        # one); the SDK's own retries of this call share the key, so they find the same session.
        attempt = int((order.payment_attempted_at or order.created_at).timestamp() * 1_000_000)
        try:
            session = client().v1.checkout.sessions.create(
                params=params, options={"idempotency_key": f"checkout-{order.token}-{attempt}"}
            )
        except stripe.StripeError as exc:
            raise PaymentError(f"Stripe did not create a checkout session: {exc.user_message or exc}") from exc
        expires_at = datetime.datetime.fromtimestamp(session.expires_at, tz=datetime.UTC) if session.expires_at else expires
        return PaymentResult("redirect", session.id, redirect_url=session.url, expires_at=expires_at)

    def _start_intent(self, order) -> PaymentResult:
        params = {
            "amount": Money(order.total, order.currency).minor_units,
            "currency": order.currency.lower(),
            "automatic_payment_methods": {"enabled": True},
            "description": f"Order {order.number}",
            "metadata": {"order_token": order.token, "order_number": order.number},
        }
        try:
            intent = client().v1.payment_intents.create(
                params=params, options={"idempotency_key": f"payment-intent-{order.token}"}
            )
        except stripe.StripeError as exc:
            raise PaymentError(f"Stripe did not create a payment: {exc.user_message or exc}") from exc
        return PaymentResult("card_page", intent.id)

    def card_page_payment(self, reference: str) -> CardPagePayment:
        if not reference.startswith("pi_"):
            raise PaymentError(f"{reference!r} is not a Stripe PaymentIntent.")
        try:
            intent = client().v1.payment_intents.retrieve(reference)
        except stripe.StripeError as exc:
            raise PaymentError(f"Stripe could not find that payment: {exc}") from exc
        return card_page_payment_from(intent.to_dict())

    def retrieve_session(self, session_id: str):
        try:
            return client().v1.checkout.sessions.retrieve(session_id)
        except stripe.StripeError as exc:
            raise PaymentError(f"Stripe could not find that payment: {exc}") from exc

    def refund(self, order, amount: Money, idempotency_key: str) -> str:
        payment = order.payments.filter(provider="stripe", status="succeeded").first()
        if payment is None:
            raise PaymentError("This order has no Stripe payment to refund.")
        if payment.reference.startswith("pi_"):  # paid on the card step
            intent = payment.reference
        else:
            intent = self.retrieve_session(payment.reference).payment_intent
        try:
            refund = client().v1.refunds.create(
                params={"payment_intent": intent, "amount": amount.minor_units},
                options={"idempotency_key": idempotency_key},
            )
        except stripe.StripeError as exc:
            raise PaymentError(f"Stripe refused the refund: {exc.user_message or exc}") from exc
        return refund.id

    def cancel(self, order) -> CancelResult:
        """Close the order's open payments (card-step intents and Checkout Sessions), so the customer
        cannot pay on a stale page.

        If Stripe says one was paid in the meantime, say so: the order is then paid, not released.
        If Stripe cannot be reached (or a bank is still deciding), say "unknown": the stock is
        released, a session still expires with the stock hold, and a late payment is recorded by the
        webhook (flagged if the stock has gone).
        """
        result = CancelResult("closed")
        for reference in order.payments.filter(provider=self.code, status="pending").values_list("reference", flat=True):
            closed = self._close_intent(reference) if reference.startswith("pi_") else self._close_session(reference)
            if closed.status == "paid":
                return closed
            if closed.status == "unknown":
                result = closed
        return result

    def _close_intent(self, reference: str) -> CancelResult:
        try:
            intent = client().v1.payment_intents.cancel(reference)
        except stripe.InvalidRequestError:
            try:  # succeeded, processing or already canceled: ask which
                intent = client().v1.payment_intents.retrieve(reference)
            except stripe.StripeError:
                log.warning("Stripe payment %s could not be checked while stopping a payment", reference)
                return CancelResult("unknown")
        except stripe.StripeError:
            log.warning("Stripe payment %s could not be canceled while stopping a payment", reference)
            return CancelResult("unknown")
        state = card_page_payment_from(intent.to_dict())
        if state.status == "succeeded":
            return CancelResult("paid", reference, state.amount)
        return CancelResult("unknown" if state.status == "processing" else "closed")

    def _close_session(self, reference: str) -> CancelResult:
        try:
            session = client().v1.checkout.sessions.expire(reference)
        except stripe.InvalidRequestError:
            try:  # already complete or expired: ask which
                session = client().v1.checkout.sessions.retrieve(reference)
            except stripe.StripeError:
                log.warning("Stripe session %s could not be checked while stopping a payment", reference)
                return CancelResult("unknown")
        except stripe.StripeError:
            log.warning("Stripe session %s could not be expired while stopping a payment", reference)
            return CancelResult("unknown")
        if session.payment_status in ("paid", "no_payment_required"):
            return CancelResult("paid", reference, Decimal(int(session.amount_total or 0)) / 100)
        return CancelResult("closed")
