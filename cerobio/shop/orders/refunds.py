"""Cancelling, refunding and putting sold units back on sale. No lock is held while the payment
provider is called:

1. under the order lock, check the amount and set it aside (refunded_total goes up, a pending
   Refund row is written), so two staff members can never refund more than was paid; units chosen
   to go back on sale are counted on their order lines at the same moment;
2. call the provider with no transaction open;
3. under the lock again, mark the refund done and put the units back in stock, or give the amount
   and the units back if the provider refused.

Each order line counts the units that went back on sale (`restocked_quantity`), and a constraint
keeps that at most what the line sold: across every refund, return and cancellation, a line can
never put back more than it sold.
"""

from __future__ import annotations

from decimal import Decimal

from django.db import transaction
from django.db.models import F

from cerobio.shop.catalogue.stock_actions import Need, release, restock
from cerobio.shop.money import Money, quantize
from cerobio.shop.payments.models import Refund
from cerobio.shop.payments.providers import PaymentError, get_provider

from .actions import OrderActionRefused, S, _event
from .emails import queue_email
from .lock_objects import order_for_update
from .models import Order, OrderEvent, OrderLine

REFUNDABLE = (S.PAID, S.DISPATCHED, S.DELIVERED, S.CANCELLED, S.REFUNDED)


def _set_aside(order_id: int, amount: Decimal, reason: str, user, units: dict[int, int]) -> Refund:
    with transaction.atomic():
        order = order_for_update(order_id)
        if order.paid_at is None or order.status not in REFUNDABLE:
            raise OrderActionRefused("Only paid orders can be refunded.")
        left = order.total - order.refunded_total
        if amount <= 0:
            raise OrderActionRefused("Enter an amount above £0.00.")
        if amount > left:
            raise OrderActionRefused(f"At most £{left} can still be refunded on this order.")
        if units and order.dispatched_at is not None:
            raise OrderActionRefused(
                "This order was sent, so a refund cannot put its items back on sale; record them as returned instead."
            )
        _count_restocked(order, units)
        Order.objects.filter(pk=order.pk).update(refunded_total=F("refunded_total") + amount)
        return Refund.objects.create(order=order, amount=amount, reason=reason, user=user)


def refund(order_id: int, *, amount, reason: str, user=None, restock_units: dict[int, int] | None = None) -> Refund:
    """Refund part or all of a paid order through its payment provider; emails the customer.

    `restock_units` maps order line ids to the units staff chose to put back on sale (an order
    that was never sent only); they go back once the provider has accepted the refund.
    """
    amount = quantize(amount)
    units = {line_id: n for line_id, n in (restock_units or {}).items() if n}
    pending = _set_aside(order_id, amount, reason, user, units)
    order = Order.objects.get(pk=order_id)
    try:
        reference = get_provider(order.payment_provider).refund(order, Money(amount), f"refund-{pending.pk}")
    except PaymentError as exc:
        with transaction.atomic():
            order = order_for_update(order_id)
            Order.objects.filter(pk=order.pk).update(refunded_total=F("refunded_total") - amount)
            for line_id, n in units.items():
                OrderLine.objects.filter(pk=line_id).update(restocked_quantity=F("restocked_quantity") - n)
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
        what = "Refunded in full" if full else "Partly refunded"
        _event(order, OrderEvent.Kind.REFUNDED, f"{what}: £{amount}. Reason: {reason}", user, amount=str(amount))
        _put_back(order, units, user, f"Refund: {reason}")
        queue_email(order, "refund", amount=str(amount))
    pending.refresh_from_db()
    return pending


def _count_restocked(order: Order, units: dict[int, int]) -> None:
    """Count units of the order's lines as going back on sale, or refuse (the caller holds the order's lock).

    Each line's count changes only while it stays within what the line sold, so no sequence of
    refunds, returns and cancellations can put back more than was sold.
    """
    for line_id, n in sorted(units.items()):
        if n < 0:
            raise OrderActionRefused("Enter 0 or more units to put back on sale.")
        counted = OrderLine.objects.filter(
            pk=line_id, order=order, restocked_quantity__lte=F("quantity") - n
        ).update(restocked_quantity=F("restocked_quantity") + n)
        if not counted:
            line = OrderLine.objects.filter(pk=line_id, order=order).first()
            if line is None:
                raise OrderActionRefused("That item is not part of this order.")
            raise OrderActionRefused(
                f"Only {line.restockable} of {line.sku} can still go back on sale on this order "
                f"({line.quantity} sold, {line.restocked_quantity} already back)."
            )


def _put_back(order: Order, units: dict[int, int], user, why: str) -> None:
    """Return counted units to stock, with a line in the stock trail and the order's history."""
    lines = {line.pk: line for line in order.lines.filter(pk__in=units)}
    needs = [
        Need(lines[line_id].variant_id, lines[line_id].sku, n)
        for line_id, n in units.items()
        if n and lines[line_id].variant_id
    ]
    if not needs:
        return
    restock(order, needs, user=user, note=why)
    what = ", ".join(f"{need.quantity} × {need.sku}" for need in sorted(needs, key=lambda n: n.sku))
    _event(order, OrderEvent.Kind.RESTOCKED, f"Back on sale: {what}. {why}"[:500], user)


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
            # Only what has not gone back on sale already (an earlier refund may have put some back).
            units = {line.pk: line.restockable for line in order.lines.all() if line.restockable}
            _count_restocked(order, units)
            _put_back(order, units, user, f"Order cancelled: {reason}")
        else:
            release(order)
        order.status = S.CANCELLED
        order.save(update_fields=["status"])
        _event(order, OrderEvent.Kind.CANCELLED, f"Cancelled. Reason: {reason}", user)
    left = order.total - order.refunded_total
    if was_paid and left > 0:
        refund(order_id, amount=left, reason=f"Order cancelled: {reason}", user=user)
    return Order.objects.get(pk=order_id)
