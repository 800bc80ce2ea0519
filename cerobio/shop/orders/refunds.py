"""Refunds, returns, cancelling, and putting sold units back on sale. No lock is held while the
payment provider is called:

1. under the order lock, check what staff chose and set it aside: `refunded_total` goes up, a pending
   Refund row is written, and each order line counts the units refunded, put back on sale or
   written off, so two staff members can never refund or take back more than was sold or paid;
2. call the provider with no transaction open;
3. under the lock again, mark the refund done and put the units back in stock, or give every count
   back if the provider refused.

Each order line keeps its counts (`refunded_quantity`, `restocked_quantity`, `written_off_quantity`),
and constraints keep units refunded, and units back (on sale or written off), at most what the line
sold: across every refund, return and cancellation, a line can never take back more than it sold.
"""

from __future__ import annotations

from contextlib import suppress
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import transaction
from django.db.models import F

from cerobio.shop.catalogue.stock_actions import Need, release, restock
from cerobio.shop.money import Money, quantize
from cerobio.shop.payments.models import Refund
from cerobio.shop.payments.providers import PaymentError, get_provider

from .actions import OrderActionRefused, S, _event
from .emails import queue_email
from .fetch import amount_for
from .lock_objects import order_for_update
from .models import Order, OrderEvent, OrderLine

REFUNDABLE = (S.PAID, S.DISPATCHED, S.DELIVERED, S.CANCELLED, S.REFUNDED)


class NothingToRefund(OrderActionRefused):
    """The refund would come to £0.00."""


@dataclass(frozen=True)
class Refunding:
    """What staff chose to give back. Maps are order line id → units.

    `units`: units whose price is refunded; `back_on_sale`: units going back into stock (before
    dispatch, or returned after it); `written_off`: returned units that cannot be sold again;
    `delivery`: refund the delivery charge; `goodwill`: a free amount on top; `rest`: refund whatever
    is left to refund (a cancellation).
    """

    units: dict[int, int] = field(default_factory=dict)
    back_on_sale: dict[int, int] = field(default_factory=dict)
    written_off: dict[int, int] = field(default_factory=dict)
    delivery: bool = False
    goodwill: Decimal = Decimal("0.00")
    rest: bool = False

    def __post_init__(self):
        for name in ("units", "back_on_sale", "written_off"):
            counts = getattr(self, name)
            if any(n < 0 for n in counts.values()):
                raise OrderActionRefused("Enter 0 or more units.")
            object.__setattr__(self, name, {line_id: n for line_id, n in counts.items() if n})
        if self.goodwill < 0:
            raise OrderActionRefused("An extra amount cannot be below £0.00.")
        object.__setattr__(self, "goodwill", quantize(self.goodwill))


def refund(order_id: int, *, amount, reason: str, user=None, restock_units: dict[int, int] | None = None) -> Refund:
    """Refund an amount of a paid order, putting chosen units back on sale (an order not sent only)."""
    return give_back(order_id, Refunding(goodwill=quantize(amount), back_on_sale=restock_units or {}),
                     reason=reason, user=user)


def give_back(order_id: int, refunding: Refunding, *, reason: str, user=None, returned: bool = False,
              refunded_before: Decimal | None = None) -> Refund:
    """Refund what staff chose through the payment provider, put units back, and email the customer.

    `returned`: the customer sent items back after dispatch (a return). `refunded_before`: what had
    been refunded when staff saw the summary; if another refund happened since, nothing is done.
    """
    pending, amount = _set_aside(order_id, refunding, reason, user, returned, refunded_before)
    order = Order.objects.get(pk=order_id)
    try:
        reference = get_provider(order.payment_provider).refund(order, Money(amount), f"refund-{pending.pk}")
    except PaymentError as exc:
        _give_counts_back(order_id, pending, refunding, amount, user, exc)
        raise OrderActionRefused(f"The refund did not go through: {exc}") from exc
    with transaction.atomic():
        order = order_for_update(order_id)
        Refund.objects.filter(pk=pending.pk).update(status=Refund.Status.SUCCEEDED, provider_reference=reference)
        full = order.refunded_total >= order.total
        if full and order.status != S.CANCELLED:
            order.status = S.REFUNDED
            order.save(update_fields=["status"])
        what = "Refunded in full" if full else "Partly refunded"
        details = _describe(order, refunding)
        _event(order, OrderEvent.Kind.REFUNDED, f"{what}: £{amount}{details}. Reason: {reason}"[:500], user,
               amount=str(amount), reference=reference)
        if returned:
            _record_return(order, refunding, user, reason)
        _put_back(order, refunding.back_on_sale, user, f"{'Returned' if returned else 'Refund'}: {reason}")
        queue_email(order, "refund", amount=str(amount))
    pending.refresh_from_db()
    return pending


def _set_aside(order_id, refunding: Refunding, reason, user, returned, refunded_before) -> tuple[Refund, Decimal]:
    with transaction.atomic():
        order = order_for_update(order_id)
        if order.paid_at is None or order.status not in REFUNDABLE:
            raise OrderActionRefused("Only paid orders can be refunded.")
        if refunded_before is not None and order.refunded_total != refunded_before:
            raise OrderActionRefused(
                "Another refund was made on this order since the summary was shown. Check the order and try again."
            )
        _check_return(order, refunding, returned)
        left = order.total - order.refunded_total
        amount = left if refunding.rest else amount_for(order, refunding)
        if amount <= 0:
            raise NothingToRefund("Choose items, the delivery charge or an amount to refund: the refund comes to £0.00.")
        if amount > left:
            raise OrderActionRefused(f"At most £{left} can still be refunded on this order; this comes to £{amount}.")
        _count(order, refunding.units, refunded=1)
        _count(order, refunding.back_on_sale, restocked=1)
        _count(order, refunding.written_off, written_off=1)
        if refunding.delivery and not Order.objects.filter(
            pk=order.pk, delivery_refunded=False, shipping_price__gt=0
        ).update(delivery_refunded=True):
            raise OrderActionRefused("The delivery charge was free or has already been refunded.")
        Order.objects.filter(pk=order.pk).update(refunded_total=F("refunded_total") + amount)
        return Refund.objects.create(order=order, amount=amount, reason=reason[:255], user=user), amount


def _check_return(order: Order, refunding: Refunding, returned: bool) -> None:
    sent = order.dispatched_at is not None
    if returned and not sent:
        raise OrderActionRefused(
            "This order has not been sent, so nothing can be returned; refund it and put its items back on sale instead."
        )
    if refunding.back_on_sale and sent and not returned:
        raise OrderActionRefused(
            "This order was sent, so a refund cannot put its items back on sale; record them as returned instead."
        )
    if refunding.written_off and not returned:
        raise OrderActionRefused("Only items sent back by the customer can be written off.")


# Which count each kind of units changes, and what to tell staff when a line has too few left.
COUNTS = {
    "refunded": ("refunded_quantity", "Only {left} of {sku} can still be refunded on this order ({sold} sold, {done} refunded)."),
    "restocked": ("restocked_quantity", "Only {left} of {sku} can still go back on sale on this order ({sold} sold, {done} already back)."),
    "written_off": ("written_off_quantity", "Only {left} of {sku} can still come back on this order ({sold} sold, {done} already back)."),
}


def _count(order: Order, units: dict[int, int], **which) -> None:
    """Add units to one count of the order's lines, or refuse (the caller holds the order's lock).

    Each count changes only while the line stays within what it sold (the database's constraints
    say the same), so no sequence of refunds, returns and cancellations can take back more than was sold.
    """
    (kind,) = which
    column, problem = COUNTS[kind]
    for line_id, n in sorted(units.items()):
        lines = OrderLine.objects.filter(pk=line_id, order=order)
        if kind == "refunded":
            room = lines.filter(refunded_quantity__lte=F("quantity") - n)
        else:
            room = lines.filter(restocked_quantity__lte=F("quantity") - F("written_off_quantity") - n)
        if not room.update(**{column: F(column) + n}):
            line = lines.first()
            if line is None:
                raise OrderActionRefused("That item is not part of this order.")
            done = line.refunded_quantity if kind == "refunded" else line.restocked_quantity + line.written_off_quantity
            raise OrderActionRefused(problem.format(left=line.quantity - done, sku=line.sku, sold=line.quantity, done=done))


def _give_counts_back(order_id: int, pending: Refund, refunding: Refunding, amount: Decimal, user, exc) -> None:
    """The provider refused: undo everything `_set_aside` counted, and say so in the history."""
    with transaction.atomic():
        order = order_for_update(order_id)
        Order.objects.filter(pk=order.pk).update(refunded_total=F("refunded_total") - amount)
        if refunding.delivery:
            Order.objects.filter(pk=order.pk).update(delivery_refunded=False)
        for kind, units in (("refunded", refunding.units), ("restocked", refunding.back_on_sale),
                            ("written_off", refunding.written_off)):
            column = COUNTS[kind][0]
            for line_id, n in units.items():
                OrderLine.objects.filter(pk=line_id).update(**{column: F(column) - n})
        Refund.objects.filter(pk=pending.pk).update(status=Refund.Status.FAILED)
        _event(order, OrderEvent.Kind.NOTE, f"Refund of £{amount} failed: {exc}", user)


def _describe(order: Order, refunding: Refunding) -> str:
    skus = {line.pk: line.sku for line in order.lines.all()}
    parts = [f"{n} × {skus[line_id]}" for line_id, n in sorted(refunding.units.items())]
    if refunding.delivery:
        parts.append(f"delivery £{order.shipping_price}")
    if refunding.goodwill and parts:
        parts.append(f"£{refunding.goodwill} extra")
    return f" ({', '.join(parts)})" if parts else ""


def _record_return(order: Order, refunding: Refunding, user, reason: str) -> None:
    skus = {line.pk: line.sku for line in order.lines.all()}
    back = [f"{n} × {skus[i]} back on sale" for i, n in sorted(refunding.back_on_sale.items())]
    lost = [f"{n} × {skus[i]} written off" for i, n in sorted(refunding.written_off.items())]
    _event(order, OrderEvent.Kind.RETURNED, f"Returned: {', '.join(back + lost) or 'no items'}. {reason}"[:500], user)


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
            _count(order, units, restocked=1)
            _put_back(order, units, user, f"Order cancelled: {reason}")
        else:
            release(order)
        order.status = S.CANCELLED
        order.save(update_fields=["status"])
        _event(order, OrderEvent.Kind.CANCELLED, f"Cancelled. Reason: {reason}", user)
    if was_paid:
        with suppress(NothingToRefund):  # refunded in full already
            give_back(order_id, Refunding(rest=True), reason=f"Order cancelled: {reason}", user=user)
    return Order.objects.get(pk=order_id)
