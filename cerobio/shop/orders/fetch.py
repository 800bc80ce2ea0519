"""Read-side orders: what the customer's order page, emails and the API show."""

from __future__ import annotations

from dataclasses import dataclass

from cerobio.shop.delivery.address import format_lines
from cerobio.shop.money import Money

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
