"""Write-side stock operations: reserve, allocate, release, restock and staff adjustments.

Each function expects to run inside `transaction.atomic()` and takes its locks through
`lock_objects`, re-checking quantities under the lock.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from .alerts import save_level
from .lock_objects import stock_for_update
from .models import ProductVariant, Reservation, Stock, StockMovement, low_stock_level


class InsufficientStock(Exception):
    """Not enough units to sell; carries the SKU and how many are left."""

    def __init__(self, sku: str, available: int, requested: int):
        self.sku, self.available, self.requested = sku, available, requested
        super().__init__(f"{sku}: {available} available, {requested} requested")


@dataclass(frozen=True)
class Need:
    variant_id: int
    sku: str
    quantity: int


def reservation_expiry(now=None) -> datetime.datetime:
    return (now or timezone.now()) + datetime.timedelta(minutes=settings.RESERVATION_MINUTES)


def reserve(order, needs: list[Need], now=None) -> None:
    """Hold stock for an order while its customer pays, or raise InsufficientStock.

    Locks the stock rows (variant id order), then checks quantity − live holds under the lock.
    """
    now = now or timezone.now()
    stocks = {s.variant_id: s for s in stock_for_update([n.variant_id for n in needs])}
    expires = reservation_expiry(now)
    for need in sorted(needs, key=lambda n: n.variant_id):
        stock = stocks.get(need.variant_id)
        available = stock.available(now) if stock else 0
        if available < need.quantity:
            raise InsufficientStock(need.sku, available, need.quantity)
    Reservation.objects.bulk_create(
        Reservation(order=order, variant_id=n.variant_id, quantity=n.quantity, expires_at=expires) for n in needs
    )


def allocate(order, needs: list[Need], now=None) -> list[str]:
    """Turn an order's holds into sales (stock goes down). Returns SKUs that could not be covered.

    Normally every line is covered by its own live hold. If a hold expired before the payment
    arrived, the units are taken only if they are still free; otherwise the SKU is returned so
    staff can refund or restock (the constraint stops stock going below zero either way).
    """
    now = now or timezone.now()
    stocks = {s.variant_id: s for s in stock_for_update([n.variant_id for n in needs])}
    # The live holds become sales in one statement. reserve() made one hold per need, so when every need's
    # hold was live that is all of them; otherwise the holds are read to tell which ones had lapsed.
    holds = order.reservations.filter(status=Reservation.Status.ACTIVE)
    all_live = holds.filter(expires_at__gt=now).update(status=Reservation.Status.ALLOCATED) == len(needs)
    live = (
        {n.variant_id for n in needs}
        if all_live
        else set(order.reservations.filter(status=Reservation.Status.ALLOCATED).values_list("variant_id", flat=True))
    )
    level = low_stock_level()
    short = []
    for need in sorted(needs, key=lambda n: n.variant_id):
        stock = stocks.get(need.variant_id)
        # Units held for other orders matter only when this order's own hold has lapsed (read under the lock).
        if (
            stock is None
            or stock.quantity < need.quantity
            or (need.variant_id not in live and stock.available(now, exclude_order=order.pk) < need.quantity)
        ):
            short.append(need.sku)
            continue
        stock.quantity -= need.quantity
        save_level(stock, level)
        StockMovement.objects.create(
            variant_id=need.variant_id, sku=need.sku, change=-need.quantity, quantity_after=stock.quantity,
            reason=StockMovement.Reason.SOLD, order=order,
        )
    if not all_live:
        holds.update(status=Reservation.Status.ALLOCATED)  # the lapsed ones too: the order is paid
    return short


def release(order) -> int:
    """Give back an unpaid order's holds. Returns how many reservations were released."""
    return order.reservations.filter(status=Reservation.Status.ACTIVE).update(status=Reservation.Status.RELEASED)


def restock(order, needs: list[Need], *, user=None, note: str = "") -> None:
    """Put units of a paid order back on sale, recording who and why in the stock trail.

    The caller decides how many units of which line may come back (the orders app keeps that count
    per order line, so no line can ever return more than it sold) and holds the order's lock.
    """
    stocks = {s.variant_id: s for s in stock_for_update([n.variant_id for n in needs])}
    level = low_stock_level()
    for need in sorted(needs, key=lambda n: n.variant_id):
        stock = stocks.get(need.variant_id)
        if stock is None or need.quantity <= 0:
            continue
        stock.quantity += need.quantity
        save_level(stock, level)
        StockMovement.objects.create(
            variant_id=need.variant_id, sku=need.sku, change=need.quantity, quantity_after=stock.quantity,
            reason=StockMovement.Reason.RETURNED, order=order, user=user, note=note[:250],
        )


class StockChangeRefused(Exception):
    """A staff change that would take stock below zero, or that changes nothing."""


# Staff changes: deliveries add, damage and losses take away, a count sets the level it found.
ADDING = (StockMovement.Reason.RECEIVED,)
TAKING = (StockMovement.Reason.DAMAGED,)


def change_stock(variant: ProductVariant, *, units: int, reason: str, note: str = "", user=None) -> StockMovement:
    """Add (a delivery) or take away (damaged, lost) `units`, applied to the level under its row lock.

    A change, not a new level: a sale made while staff were typing is never lost.
    """
    if units <= 0:
        raise StockChangeRefused("Enter a number of units of 1 or more.")
    if reason not in (*ADDING, *TAKING):
        raise StockChangeRefused("Choose why the stock changed.")
    change = units if reason in ADDING else -units
    with transaction.atomic():
        stock = _locked_stock(variant)
        if stock.quantity + change < 0:
            raise StockChangeRefused(
                f"{variant.sku} has only {stock.quantity} in stock, so {units} cannot be taken away."
            )
        return _record(stock, variant, change, reason, note, user)


def count_stock(variant: ProductVariant, *, counted: int, note: str = "", user=None) -> StockMovement:
    """Set the level to what a stock count found; the difference is recorded as the change."""
    if counted < 0:
        raise StockChangeRefused("A count cannot be below zero.")
    with transaction.atomic():
        stock = _locked_stock(variant)
        return _record(stock, variant, counted - stock.quantity, StockMovement.Reason.COUNT, note, user)


def _locked_stock(variant: ProductVariant) -> Stock:
    Stock.objects.get_or_create(variant=variant)
    (stock,) = stock_for_update([variant.pk])
    return stock


def _record(stock: Stock, variant: ProductVariant, change: int, reason: str, note: str, user) -> StockMovement:
    stock.quantity += change
    save_level(stock, low_stock_level())
    return StockMovement.objects.create(
        variant=variant, sku=variant.sku, change=change, quantity_after=stock.quantity,
        reason=reason, note=note, user=user,
    )
