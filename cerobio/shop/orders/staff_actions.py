"""What staff do on an order besides moving money: notes, messages to the customer, emails sent
again, and a new delivery address before the parcel goes. Each is recorded in the order's history."""

from __future__ import annotations

from django.db import transaction

from cerobio.shop.delivery.address import clean_address, format_lines

from .actions import OrderActionRefused, S
from .emails import SUBJECTS, queue_email
from .events import record
from .lock_objects import order_for_update
from .models import Order, OrderEvent

RESENDABLE = {
    "confirmation": ((S.PAID, S.DISPATCHED, S.DELIVERED), "paid"),
    "dispatched": ((S.DISPATCHED, S.DELIVERED), "sent"),
}
ADDRESS_FIELDS = {"name": "ship_name", "line1": "ship_line1", "line2": "ship_line2", "city": "ship_city",
                  "region": "ship_region", "postcode": "ship_postcode"}


def add_note(order_id: int, text: str, *, user) -> OrderEvent:
    """An internal note in the order's history; the customer never sees it."""
    text = text.strip()
    if not text:
        raise OrderActionRefused("Write the note first.")
    return record(Order.objects.get(pk=order_id), OrderEvent.Kind.STAFF_NOTE, text[:500], user)


def message_customer(order_id: int, text: str, *, user) -> OrderEvent:
    """Email the customer a message about their order; the message is kept in the order's history."""
    text = text.strip()
    if not text:
        raise OrderActionRefused("Write the message first.")
    with transaction.atomic():
        order = order_for_update(order_id)
        _check_reachable(order)
        event = record(order, OrderEvent.Kind.MESSAGE, text[:500], user)
        queue_email(order, "message", message=text[:500])
    return event


def resend_email(order_id: int, kind: str, *, user) -> None:
    """Send the order confirmation or the dispatch email again (the customer lost it)."""
    if kind not in RESENDABLE:
        raise OrderActionRefused("Choose the confirmation or the dispatch email.")
    statuses, state = RESENDABLE[kind]
    with transaction.atomic():
        order = order_for_update(order_id)
        if order.status not in statuses:
            raise OrderActionRefused(f"This order has not been {state}, so there is no such email to send again.")
        _check_reachable(order)
        subject = SUBJECTS[kind].format(number=order.number)
        record(order, OrderEvent.Kind.NOTE, f"Sent again at staff request: {subject}", user)
        queue_email(order, kind, again=True)


def change_address(order_id: int, data: dict, *, user) -> Order:
    """Change where an order not yet sent goes, within the same country (its delivery price and VAT
    depend on the country). Returns the order, or raises with the problems found."""
    with transaction.atomic():
        order = order_for_update(order_id)
        if order.dispatched_at is not None or order.status not in (S.PAID, S.PENDING_PAYMENT):
            raise OrderActionRefused("The address can only be changed before the order is sent.")
        if order.personal_data_erased:
            raise OrderActionRefused("This customer's personal data was erased.")
        cleaned, errors = clean_address({**data, "country": order.ship_country})
        if errors:
            raise OrderActionRefused(" ".join(errors.values()))
        before = ", ".join(format_lines(order.address))
        for ours, column in ADDRESS_FIELDS.items():
            setattr(order, column, cleaned[ours])
        order.save(update_fields=list(ADDRESS_FIELDS.values()))
        after = ", ".join(format_lines(order.address))
        if before == after:
            raise OrderActionRefused("That is the address the order already has.")
        record(order, OrderEvent.Kind.ADDRESS_CHANGED, f"From: {before}. To: {after}."[:500], user)
    return order


def _check_reachable(order: Order) -> None:
    if order.personal_data_erased:
        raise OrderActionRefused("This customer's personal data was erased, so they cannot be emailed.")
