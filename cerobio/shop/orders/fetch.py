"""Read-side orders: what the customer's order page, emails and the API show."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from cerobio.shop.delivery.address import format_lines
from cerobio.shop.money import Money, quantize

from .models import Order, OrderEvent

STEPS = [
    (Order.Status.PAID, "Paid"),
    (Order.Status.DISPATCHED, "Dispatched"),
    (Order.Status.DELIVERED, "Delivered"),
]
CUSTOMER_MESSAGES = {
    Order.Status.PENDING_PAYMENT: "We are waiting for your payment to be confirmed.",
    Order.Status.PAYMENT_FAILED: "The payment did not go through, so this order was not placed. Nothing was charged.",
    Order.Status.PAID: "We have your order and are getting it ready to send.",
    Order.Status.DISPATCHED: "Your order is on its way.",
    Order.Status.DELIVERED: "Your order has been delivered.",
    Order.Status.CANCELLED: "This order was cancelled.",
    Order.Status.REFUNDED: "This order was refunded.",
}


@dataclass(frozen=True)
class LineSummary:
    product: str
    name: str
    sku: str
    quantity: int
    unit_price: Money
    line_total: Money
    vat: Money
    vat_percent: str


@dataclass(frozen=True)
class OrderSummary:
    order: Order
    lines: tuple[LineSummary, ...]
    subtotal: Money
    shipping: Money
    total: Money
    vat: Money
    refunded: Money
    address_lines: list[str]
    status_message: str
    steps: list[tuple[str, bool]]
    history: list[OrderEvent]


def order_summary(order: Order, *, history: bool = True) -> OrderSummary:
    """Everything a customer may see about their order (`history=False`: without its history, which
    emails do not show, saving a query)."""
    c = order.currency
    lines = tuple(
        LineSummary(
            product=line.product_name, name=line.variant_name, sku=line.sku, quantity=line.quantity,
            unit_price=Money(line.unit_price, c), line_total=Money(line.line_total, c),
            vat=Money(line.vat_amount, c), vat_percent=line.vat_percent,
        )
        for line in order.lines.all()
    )
    reached = {
        Order.Status.PAID: order.paid_at is not None,
        Order.Status.DISPATCHED: order.dispatched_at is not None,
        Order.Status.DELIVERED: order.delivered_at is not None,
    }
    return OrderSummary(
        order=order,
        lines=lines,
        subtotal=Money(order.subtotal, c),
        shipping=Money(order.shipping_price, c),
        total=Money(order.total, c),
        vat=Money(order.vat_total, c),
        refunded=Money(order.refunded_total, c),
        address_lines=format_lines(order.address),
        status_message=CUSTOMER_MESSAGES.get(order.status, ""),
        steps=[(label, reached[status]) for status, label in STEPS],
        history=[e for e in order.events.all() if e.kind in OrderEvent.CUSTOMER_KINDS] if history else [],
    )


@dataclass(frozen=True)
class RefundRow:
    sku: str
    name: str
    units: int
    unit_price: Money
    amount: Money
    back_on_sale: int
    written_off: int


@dataclass(frozen=True)
class RefundSummary:
    """What a refund staff are about to send comes to, line by line, before any money moves."""

    rows: list[RefundRow]
    delivery: Money | None
    goodwill: Money | None
    total: Money


def amount_for(order: Order, refunding) -> Decimal:
    """The money a `refunds.Refunding`'s chosen units, delivery and goodwill come to (without `rest`)."""
    prices = {line.pk: line.unit_price for line in order.lines.all()}
    goods = sum((prices.get(line_id, Decimal(0)) * n for line_id, n in refunding.units.items()), Decimal(0))
    delivery = order.shipping_price if refunding.delivery else Decimal(0)
    return quantize(goods + delivery + refunding.goodwill)


def refund_summary(order: Order, refunding) -> RefundSummary:
    """The confirmation step's summary of a `refunds.Refunding` for this order."""
    c = order.currency
    rows = []
    for line in order.lines.all():
        units = refunding.units.get(line.pk, 0)
        back, lost = refunding.back_on_sale.get(line.pk, 0), refunding.written_off.get(line.pk, 0)
        if units or back or lost:
            rows.append(RefundRow(line.sku, f"{line.product_name} – {line.variant_name}", units,
                                  Money(line.unit_price, c), Money(line.unit_price * units, c), back, lost))
    return RefundSummary(
        rows=rows,
        delivery=Money(order.shipping_price, c) if refunding.delivery else None,
        goodwill=Money(refunding.goodwill, c) if refunding.goodwill else None,
        total=Money(amount_for(order, refunding), c),
    )


def payment_status(order: Order, *, test_mode: bool = False) -> str:
    """The money side of an order in one truthful sentence for staff: paid, refunded (part or all),
    or not paid and why. "Test mode" is said only of money that was (not really) taken."""
    if order.paid_at is None:
        declined = [p for p in order.payments.all() if p.status == "declined"]
        if order.status == Order.Status.PENDING_PAYMENT:
            return "Not paid yet: waiting for the payment to be confirmed."
        if declined:
            return "Not paid: the card was declined. Nothing was taken."
        if order.status == Order.Status.PAYMENT_FAILED:
            return "Not paid: the payment was not completed. Nothing was taken."
        return "Not paid. Nothing was taken."
    total, refunded = Money(order.total, order.currency), Money(order.refunded_total, order.currency)
    if order.refunded_total >= order.total:
        text = f"Refunded in full: {total} paid, {refunded} refunded."
    elif order.refunded_total > 0:
        kept = Money(order.total - order.refunded_total, order.currency)
        text = f"Partly refunded: {total} paid, {refunded} refunded, {kept} kept."
    else:
        text = f"Paid {total}."
    pending = [r for r in order.refunds.all() if r.status == "pending"]
    if pending:
        text += f" {len(pending)} refund{'s' if len(pending) > 1 else ''} being sent."
    if test_mode:
        text += " Test mode: no real money was taken."
    return text
