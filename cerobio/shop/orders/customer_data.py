"""A customer's orders, found by email address: the orders' part of the customer data rights.

Erasing keeps what UK tax law needs for 6 years (order number, dates, lines, totals, VAT, payment
references, status history) and replaces the name, email and delivery address; the history, payments
and refunds may repeat them in free text (the "email sent → address" line, a refund reason staff
typed), so those are blanked too. The search, export, log and contact messages are editorial's
(`cerobio.editorial.data_rights`), which calls these inside its own transaction.
"""

from __future__ import annotations

import re

from cerobio.core.redaction import redact_log_entries, redact_rows
from cerobio.shop.payments.models import Payment, Refund

from .lock_objects import orders_for_update
from .models import ERASED_EMAIL_DOMAIN, Order, OrderEvent

ERASED_NAME = "Erased"
# Orders whose address is still needed to finish them: wait (pending) or dispatch/cancel (paid).
OPEN_STATUSES = {Order.Status.PENDING_PAYMENT: "waiting for payment", Order.Status.PAID: "paid and not yet dispatched"}


def orders_of(email: str) -> list[Order]:
    """The address's orders (any capitals) with lines, history, payments and refunds, oldest first."""
    orders = Order.objects.filter(email__iexact=email).prefetch_related("lines", "events", "payments", "refunds")
    return list(orders.order_by("created_at", "pk"))


def lock_orders_of(email: str) -> list[Order]:
    """The address's orders, locked for the rest of the transaction (in primary-key order)."""
    return orders_for_update(Order.objects.filter(email__iexact=email).values_list("pk", flat=True))


def refusal(orders) -> str:
    """Why these orders cannot be erased yet (an address still needed to finish one), or ""."""
    still_open = [o for o in orders if o.status in OPEN_STATUSES]
    if not still_open:
        return ""
    its, it = ("Its delivery address is", "it") if len(still_open) == 1 else ("Their delivery addresses are", "them")
    return (
        " ".join(f"Order {o.number} is {OPEN_STATUSES[o.status]}." for o in still_open)
        + f" {its} still needed: dispatch or cancel {it} first (an unpaid order is released automatically "
        "when its payment time runs out), then erase."
    )


def personal_values(orders) -> tuple[set[str], set[str]]:
    """(names, other values: streets and postcodes) the orders hold, for blanking them out of free text."""
    names = {o.ship_name for o in orders}
    values = {o.ship_line1 for o in orders} | {o.ship_line2 for o in orders} | {o.ship_postcode for o in orders}
    return names, values


def order_document(order: Order) -> dict:
    """Everything stored about one order, as the customer may ask for it."""
    return {
        "number": order.number,
        "status": order.get_status_display(),
        "placed": order.created_at,
        "paid": order.paid_at,
        "dispatched": order.dispatched_at,
        "delivered": order.delivered_at,
        "email": order.email,
        "delivery_address": order.address,
        "delivery": {"method": order.shipping_name, "price": order.shipping_price,
                     "expected_from": order.delivery_earliest, "expected_by": order.delivery_latest,
                     "carrier": order.carrier, "tracking_number": order.tracking_number,
                     "tracking_url": order.tracking_url},
        "currency": order.currency,
        "goods_total": order.subtotal,
        "total": order.total,
        "vat_included": order.vat_total,
        "refunded": order.refunded_total,
        "items": [
            {"product": line.product_name, "variant": line.variant_name, "sku": line.sku, "quantity": line.quantity,
             "unit_price": line.unit_price, "vat_rate": line.vat_rate, "line_total": line.line_total,
             "vat": line.vat_amount}
            for line in order.lines.all()
        ],
        "payments": [
            {"provider": p.provider, "reference": p.reference, "status": p.get_status_display(), "amount": p.amount,
             "at": p.created_at, "message": p.message}
            for p in order.payments.all()
        ],
        "refunds": [
            {"amount": r.amount, "reason": r.reason, "status": r.get_status_display(), "at": r.created_at}
            for r in order.refunds.all()
        ],
        "history": [{"at": e.created_at, "what": e.get_kind_display(), "details": e.message} for e in order.events.all()],
    }


def erase_orders(orders, pattern: re.Pattern, user=None) -> None:
    """Blank `pattern` out of the orders' history, payments, refunds and admin log, then anonymise them.

    Call with the orders locked (`lock_orders_of`) and `refusal` empty; totals, lines, VAT, stock and
    payment references are not touched.
    """
    order_ids = [o.pk for o in orders]
    redact_rows(OrderEvent.objects.filter(order_id__in=order_ids), ["message", "data"], pattern)
    redact_rows(Refund.objects.filter(order_id__in=order_ids), ["reason"], pattern)
    redact_rows(Payment.objects.filter(order_id__in=order_ids), ["message"], pattern)
    redact_log_entries(Order, orders, pattern)
    for order in orders:
        _anonymise(order, user)


def _anonymise(order: Order, user) -> None:
    order.email = f"erased-{(order.number or str(order.pk)).lower()}@{ERASED_EMAIL_DOMAIN}"
    order.ship_name = ERASED_NAME
    order.ship_line1 = order.ship_line2 = order.ship_city = order.ship_region = order.ship_postcode = ""
    order.save(update_fields=["email", "ship_name", "ship_line1", "ship_line2", "ship_city", "ship_region",
                              "ship_postcode"])
    OrderEvent.objects.create(
        order=order, kind=OrderEvent.Kind.NOTE, user=user if user and user.is_authenticated else None,
        message="Personal data erased at the customer's request: name, email address and delivery address.",
    )
