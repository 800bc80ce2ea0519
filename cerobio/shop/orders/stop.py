"""Stopping a payment the customer did not finish: close it at the provider, then release the stock.

Used when the customer leaves Stripe's page, stops the payment to change the basket, or the hold
expires (`thaw_if_abandoned`, on the next look at the basket). Closing the payment first means the customer cannot pay on a stale Stripe tab after the
stock went back on sale; if the provider says they paid after all, the order is marked paid
instead of released.
"""

from __future__ import annotations

import logging

from django.utils import timezone

from cerobio.shop.basket.models import Basket
from cerobio.shop.payments.providers import CancelResult, PaymentError, get_provider

from .actions import fail_payment, mark_paid
from .models import Order

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


def thaw_if_abandoned(basket: Basket | None, now=None) -> Basket | None:
    """A basket left frozen by a payment that was never finished is given back once its hold expires."""
    if basket is None or basket.status != Basket.Status.FROZEN:
        return basket
    order = basket.orders.order_by("-pk").first()
    now = now or timezone.now()
    if order is None or order.status != Order.Status.PENDING_PAYMENT:
        Basket.objects.filter(pk=basket.pk, status=Basket.Status.FROZEN).update(status=Basket.Status.OPEN)
    elif not order.reservations.filter(expires_at__gt=now).exists():
        stop_payment(order, reason="The payment was not completed in time; the stock hold expired.")
    basket.refresh_from_db()
    return basket
