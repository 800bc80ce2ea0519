"""Every change to an order's status. Each takes the order's row lock first (then basket, then
stock), checks the status under the lock, records an OrderEvent, and queues emails on commit.
"""

from __future__ import annotations

from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from cerobio.shop.basket.lock_objects import basket_for_update
from cerobio.shop.basket.models import Basket
from cerobio.shop.catalogue.stock_actions import Need, allocate, release
from cerobio.shop.money import quantize
from cerobio.shop.payments.models import Payment

from .emails import queue_email, queue_paid_order_emails
from .events import record as _event
from .lock_objects import order_for_update, orders_for_update
from .models import Order, OrderEvent
from .tracking import tracking_link

S = Order.Status
PAYABLE = (S.PENDING_PAYMENT, S.PAYMENT_FAILED)


class OrderActionRefused(Exception):
    """The order is not in a state that allows this; the message says why, for staff."""


def needs_for(order: Order) -> list[Need]:
    return [Need(line.variant_id, line.sku, line.quantity) for line in order.lines.all() if line.variant_id]


def mark_paid(
    order_id: int, *, provider: str, reference: str, amount: Decimal, message: str = "", needs: list[Need] | None = None
) -> Order | None:
    """Record a successful payment. Idempotent: only the call that marked the order paid gets it back
    (with its new status, paid_at and stock_problem); every other call gets None.

    Called by the dummy provider's result, Stripe's return page and Stripe's webhook alike. A payment
    this shop has not seen before is recorded here, in the same transaction, whether or not it can be
    accepted (a payment for a cancelled or already paid order stays on record, to be refunded).

    `needs` is the stock the order's lines need, where the caller has it at hand (the checkout that
    has just written the lines); without it, it is read from the order's lines.
    """
    with transaction.atomic():
        order = order_for_update(order_id)
        # Two calls for one payment get here one after the other (the order's lock): the second sees the first's row.
        accepted = order.paid_at is None and quantize(amount) == order.total and order.status in PAYABLE
        _record_payment(order, provider=provider, reference=reference, message=message, accepted=accepted)
        if not accepted:
            _note_refused_payment(order, amount, reference)
            return None
        if order.basket_id:
            # The basket is done with, unless a newer order was started from it (its payment failed, and
            # the customer checked out again). The update locks the basket row after the order's, as everywhere.
            Basket.objects.filter(pk=order.basket_id, status=Basket.Status.FROZEN).exclude(
                orders__pk__gt=order.pk
            ).update(status=Basket.Status.SUBMITTED)
        short = allocate(order, needs if needs is not None else needs_for(order))
        order.status, order.paid_at, order.stock_problem = S.PAID, timezone.now(), bool(short)
        order.save(update_fields=["status", "paid_at", "stock_problem"])
        _event(order, OrderEvent.Kind.PAID, f"Paid £{order.total} ({provider} {reference}).")
        if short:
            _event(
                order, OrderEvent.Kind.STOCK_PROBLEM,
                "Paid after its stock hold ran out, and these are no longer in stock: "
                + ", ".join(short) + ". Restock or refund.",
            )
        queue_paid_order_emails(order)
    return order


def _record_payment(order: Order, *, provider: str, reference: str, message: str, accepted: bool) -> Payment:
    """The provider's payment as this shop keeps it: recorded if new (pending if it cannot be accepted,
    so staff can refund it), marked succeeded if it is accepted now.

    The reference is unique per provider, so a payment reported for the wrong order is refused, and the
    caller's transaction then keeps nothing of the call.
    """
    # Inserted unless the reference is on record (ON CONFLICT DO NOTHING), then read back: the row this call
    # wrote or the one recorded before, in two statements and without get_or_create's savepoint.
    new = Payment(
        provider=provider, reference=reference, order=order, amount=order.total, message=message[:255],
        status=Payment.Status.SUCCEEDED if accepted else Payment.Status.PENDING,
    )  # fmt: skip
    Payment.objects.bulk_create([new], ignore_conflicts=True)
    payment = Payment.objects.get(provider=provider, reference=reference)
    if payment.order_id != order.pk:
        raise OrderActionRefused("That payment belongs to another order.")
    if accepted and payment.status != Payment.Status.SUCCEEDED:
        payment.status = Payment.Status.SUCCEEDED
        payment.save(update_fields=["status"])
    return payment


def _note_refused_payment(order: Order, amount: Decimal, reference: str) -> None:
    """Tell staff, in the order's history, why a payment was not accepted (a repeat for a paid order needs no note)."""
    if order.paid_at is not None:
        return
    if quantize(amount) != order.total:
        _event(order, OrderEvent.Kind.NOTE, f"Payment {reference} was for £{amount}, not £{order.total}; not accepted.")
    else:
        _event(order, OrderEvent.Kind.NOTE, f"Payment {reference} arrived for a {order.get_status_display()} order; refund it.")


def fail_payment(order_id: int, *, reason: str, abandoned: bool = False, provider: str = "", reference: str = "") -> bool:
    """A declined or abandoned payment: release the held stock and give the basket back."""
    with transaction.atomic():
        order = order_for_update(order_id)
        if reference:
            Payment.objects.filter(provider=provider, reference=reference, order=order, status=Payment.Status.PENDING).update(
                status=Payment.Status.EXPIRED if abandoned else Payment.Status.DECLINED, message=reason[:255]
            )
        if order.status != S.PENDING_PAYMENT:
            return False
        release(order)
        order.status = S.PAYMENT_FAILED
        order.save(update_fields=["status"])
        if order.basket_id:
            basket = basket_for_update(order.basket_id)
            if basket.status == Basket.Status.FROZEN:
                basket.status = Basket.Status.OPEN
                basket.save(update_fields=["status"])
        kind = OrderEvent.Kind.ABANDONED if abandoned else OrderEvent.Kind.PAYMENT_FAILED
        _event(order, kind, reason)
    return True


def dispatch(order_id: int, *, carrier: str, tracking_number: str, tracking_url: str = "", user=None) -> Order:
    """Mark a paid order as sent, with the carrier and tracking number; emails the customer.

    The tracking link is made from the carrier and the number (SHOP_CARRIERS) unless one is given.
    """
    with transaction.atomic():
        order = order_for_update(order_id)
        if order.status != S.PAID:
            raise OrderActionRefused(f"Only paid orders can be dispatched; {order.number} is '{order.get_status_display()}'.")
        link = tracking_url.strip() or tracking_link(carrier, tracking_number)
        order.carrier, order.tracking_number, order.tracking_url = carrier.strip(), tracking_number.strip(), link
        order.status, order.dispatched_at = S.DISPATCHED, timezone.now()
        order.save(update_fields=["carrier", "tracking_number", "tracking_url", "status", "dispatched_at"])
        _event(order, OrderEvent.Kind.DISPATCHED, f"Sent with {order.carrier}, tracking number {order.tracking_number}.", user)
        queue_email(order, "dispatched")
    return order


def dispatch_many(tracking_numbers: dict[int, str], *, carrier: str, user=None) -> list[Order]:
    """Mark several paid orders as sent with one carrier, each with its tracking number: all of them,
    or (if any cannot be) none."""
    with transaction.atomic():
        orders = orders_for_update(tracking_numbers)
        if len(orders) != len(tracking_numbers):
            raise OrderActionRefused("Some of the chosen orders no longer exist.")
        not_paid = [f"{o.number} ({o.get_status_display()})" for o in orders if o.status != S.PAID]
        if not_paid:
            raise OrderActionRefused("Only paid orders can be dispatched; not these: " + ", ".join(not_paid) + ".")
        return [dispatch(o.pk, carrier=carrier, tracking_number=tracking_numbers[o.pk], user=user) for o in orders]


def mark_delivered(order_id: int, *, user=None) -> Order:
    with transaction.atomic():
        order = order_for_update(order_id)
        if order.status != S.DISPATCHED:
            raise OrderActionRefused("Only dispatched orders can be marked delivered.")
        order.status, order.delivered_at = S.DELIVERED, timezone.now()
        order.save(update_fields=["status", "delivered_at"])
        _event(order, OrderEvent.Kind.DELIVERED, "Delivered.", user)
    return order
