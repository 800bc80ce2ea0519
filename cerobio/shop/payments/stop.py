"""Stopping a payment the customer did not finish: close it at the provider, then release the stock.

Used when the customer leaves Stripe's page, stops the payment to change the basket, or the hold
expires. Closing the payment first means the customer cannot pay on a stale Stripe tab after the
stock went back on sale; if the provider says they paid after all, the order is marked paid
instead of released.
"""

from __future__ import annotations

import logging

from cerobio.shop.orders.actions import fail_payment, mark_paid
from cerobio.shop.orders.models import Order

from .providers import CancelResult, PaymentError, get_provider

log = logging.getLogger(__name__)


def stop_payment(order: Order, *, reason: str) -> str:
    """Returns "released" (stock and basket given back), "paid" (it was paid after all) or "nothing"."""
    if order.status != Order.Status.PENDING_PAYMENT:
        return "nothing"
    try:
        result = get_provider(order.payment_provider).cancel(order)
    except PaymentError as exc:
        log.warning("Payment for order %s could not be closed at the provider: %s", order.number, exc)
        result = CancelResult("unknown")
    if result.status == "paid":
        mark_paid(order.pk, provider=order.payment_provider, reference=result.reference, amount=result.amount)
        return "paid"
    return "released" if fail_payment(order.pk, reason=reason, abandoned=True) else "nothing"
