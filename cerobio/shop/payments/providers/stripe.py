"""Stripe Checkout: the customer pays on Stripe's page; card details never reach our server.

The session carries the order's token, its amounts in pence (from Decimal, never float), and
expires when the order's stock hold does. Our return page and the webhook both end in
`orders.actions.mark_paid`, which is idempotent.
"""

from __future__ import annotations

import datetime
import logging
from decimal import Decimal

import stripe
from django.conf import settings
from django.utils import timezone

from cerobio.shop.money import Money

from .base import CancelResult, PaymentError, PaymentResult

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


class StripeProvider:
    """Stripe Checkout sessions, refunds and session look-ups."""

    code = "stripe"
    takes_card_details = False

    def card_problems(self, payment: dict) -> dict[str, str]:
        return {}  # the card is typed on Stripe's page, never on ours

    @property
    def test_mode(self) -> bool:
        return settings.STRIPE_SECRET_KEY.startswith("sk_test_")

    def start(self, order, payment: dict, return_base: str) -> PaymentResult:
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
        try:
            session = client().v1.checkout.sessions.create(
                params=params, options={"idempotency_key": f"checkout-{order.token}"}
            )
        except stripe.StripeError as exc:
            raise PaymentError(f"Stripe did not create a checkout session: {exc.user_message or exc}") from exc
        return PaymentResult("redirect", session.id, redirect_url=session.url)

    def retrieve_session(self, session_id: str):
        try:
            return client().v1.checkout.sessions.retrieve(session_id)
        except stripe.StripeError as exc:
            raise PaymentError(f"Stripe could not find that payment: {exc}") from exc

    def refund(self, order, amount: Money, idempotency_key: str) -> str:
        payment = order.payments.filter(provider="stripe", status="succeeded").first()
        if payment is None:
            raise PaymentError("This order has no Stripe payment to refund.")
        session = self.retrieve_session(payment.reference)
        try:
            refund = client().v1.refunds.create(
                params={"payment_intent": session.payment_intent, "amount": amount.minor_units},
                options={"idempotency_key": idempotency_key},
            )
        except stripe.StripeError as exc:
            raise PaymentError(f"Stripe refused the refund: {exc.user_message or exc}") from exc
        return refund.id

    def cancel(self, order) -> CancelResult:
        """Expire the order's open Checkout Sessions, so the customer cannot pay on a stale page.

        If Stripe says a session was paid in the meantime, say so: the order is then paid, not
        released. If Stripe cannot be reached, the session still expires with the stock hold, and
        a late payment is recorded by the webhook (flagged if the stock has gone).
        """
        result = CancelResult("closed")
        for reference in order.payments.filter(provider=self.code, status="pending").values_list("reference", flat=True):
            try:
                session = client().v1.checkout.sessions.expire(reference)
            except stripe.InvalidRequestError:
                try:  # already complete or expired: ask which
                    session = client().v1.checkout.sessions.retrieve(reference)
                except stripe.StripeError:
                    log.warning("Stripe session %s could not be checked while stopping a payment", reference)
                    result = CancelResult("unknown")
                    continue
            except stripe.StripeError:
                log.warning("Stripe session %s could not be expired while stopping a payment", reference)
                result = CancelResult("unknown")
                continue
            if session.payment_status in ("paid", "no_payment_required"):
                return CancelResult("paid", reference, Decimal(int(session.amount_total or 0)) / 100)
        return result
