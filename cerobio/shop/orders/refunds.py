"""Cancelling and refunding. No lock is held while the payment provider is called:

1. under the order lock, check the amount and set it aside (refunded_total goes up, a pending
   Refund row is written), so two staff members can never refund more than was paid;
2. call the provider with no transaction open;
3. under the lock again, mark the refund done, or give the amount back if the provider refused.
"""

from __future__ import annotations

from decimal import Decimal

from django.db import transaction
from django.db.models import F

from cerobio.shop.catalogue.stock_actions import release, restock
from cerobio.shop.money import Money, quantize
from cerobio.shop.payments.models import Refund
from cerobio.shop.payments.providers import PaymentError, get_provider

from .actions import OrderActionRefused, S, _event, needs_for
from .emails import queue_email
from .lock_objects import order_for_update
from .models import Order, OrderEvent

REFUNDABLE = (S.PAID, S.DISPATCHED, S.DELIVERED, S.CANCELLED, S.REFUNDED)


def _set_aside(order_id: int, amount: Decimal, reason: str, user) -> Refund:
    with transaction.atomic():
        order = order_for_update(order_id)
        if order.paid_at is None or order.status not in REFUNDABLE:
            raise OrderActionRefused("Only paid orders can be refunded.")
        left = order.total - order.refunded_total
        if amount <= 0:
            raise OrderActionRefused("Enter an amount above £0.00.")
        if amount > left:
            raise OrderActionRefused(f"At most £{left} can still be refunded on this order.")
        Order.objects.filter(pk=order.pk).update(refunded_total=F("refunded_total") + amount)
        return Refund.objects.create(order=order, amount=amount, reason=reason, user=user)


def refund(order_id: int, *, amount, reason: str, user=None, restock_items: bool = False) -> Refund:
    """Refund part or all of a paid order through its payment provider; emails the customer."""
    amount = quantize(amount)
    pending = _set_aside(order_id, amount, reason, user)
    order = Order.objects.get(pk=order_id)
    try:
        reference = get_provider(order.payment_provider).refund(order, Money(amount), f"refund-{pending.pk}")
    except PaymentError as exc:
        with transaction.atomic():
            order = order_for_update(order_id)
            Order.objects.filter(pk=order.pk).update(refunded_total=F("refunded_total") - amount)
            Refund.objects.filter(pk=pending.pk).update(status=Refund.Status.FAILED)
            _event(order, OrderEvent.Kind.NOTE, f"Refund of £{amount} failed: {exc}", user)
        raise OrderActionRefused(f"The refund did not go through: {exc}") from exc
    with transaction.atomic():
        order = order_for_update(order_id)
        Refund.objects.filter(pk=pending.pk).update(status=Refund.Status.SUCCEEDED, provider_reference=reference)
        full = order.refunded_total >= order.total
        if full and order.status != S.CANCELLED:
            order.status = S.REFUNDED
            order.save(update_fields=["status"])
        if restock_items and order.dispatched_at is None:
            restock(order, needs_for(order), user=user)
        what = "Refunded in full" if full else "Partly refunded"
        _event(order, OrderEvent.Kind.REFUNDED, f"{what}: £{amount}. Reason: {reason}", user, amount=str(amount))
        queue_email(order, "refund", amount=str(amount))
    pending.refresh_from_db()
    return pending


def cancel(order_id: int, *, reason: str, user=None) -> Order:
    """Cancel an order that has not been dispatched: stock goes back on sale; a paid order is refunded."""
    with transaction.atomic():
        order = order_for_update(order_id)
        if order.status in (S.DISPATCHED, S.DELIVERED, S.REFUNDED, S.CANCELLED):
            raise OrderActionRefused(
                f"A {order.get_status_display().lower()} order cannot be cancelled; use a refund instead."
            )
        was_paid = order.paid_at is not None
        if was_paid:
            restock(order, needs_for(order), user=user)
        else:
            release(order)
        order.status = S.CANCELLED
        order.save(update_fields=["status"])
        _event(order, OrderEvent.Kind.CANCELLED, f"Cancelled. Reason: {reason}", user)
    left = order.total - order.refunded_total
    if was_paid and left > 0:
        refund(order_id, amount=left, reason=f"Order cancelled: {reason}", user=user)
    return Order.objects.get(pk=order_id)
