"""Customer data rights: find everything stored about an email address, export it, erase it.

What holds a customer's personal data (baskets do not: they carry only a random token and items):

- `orders.Order`: email, name and delivery address; its events, payments and refunds may repeat
  them in free text (the "email sent → address" history line, a refund reason staff typed);
- `editorial.ContactMessage`: name, email and message; Wagtail's log names the sender in its label.

Erasing keeps what UK tax law needs for 6 years (order number, dates, lines, totals, VAT, payment
references, status history) and replaces the personal fields; contact messages are deleted.
Every look-up, export and erasure is recorded in `CustomerDataLog` under a salted hash of the
address, never the address itself.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac

from cerobio.shop.orders.lock_objects import orders_for_update
from cerobio.shop.orders.models import ERASED_EMAIL_DOMAIN, Order, OrderEvent
from cerobio.shop.payments.models import Payment, Refund

from .models import ContactMessage, CustomerDataLog

HASH_SALT = "cerobio.editorial.data_rights"
ERASED_NAME = "Erased"
ERASED_MARK = "[erased]"
# Orders whose address is still needed to finish them: wait (pending) or dispatch/cancel (paid).
OPEN_STATUSES = {Order.Status.PENDING_PAYMENT: "waiting for payment", Order.Status.PAID: "paid and not yet dispatched"}
NOT_STORED = (
    "Answers to the identifier are never stored. Page feedback is kept without any name, email "
    "address or IP address, so it cannot be linked to a person. Card details go straight to the "
    "payment provider and never reach Cerobio."
)


class ErasureRefused(Exception):
    """Erasing now would stop an order being finished; the message says which and what to do."""


def clean_email(raw) -> str:
    """The address staff typed, trimmed and lower-cased; ValidationError with a plain message if not one."""
    email = str(raw or "").strip()
    if not email:
        raise ValidationError("Enter the customer's email address.", code="required")
    try:
        validate_email(email)
    except ValidationError:
        raise ValidationError("Enter a whole email address, like name@example.com.", code="invalid") from None
    if email.lower().endswith("@" + ERASED_EMAIL_DOMAIN):
        raise ValidationError("That is the placeholder left by an earlier erasure, not a customer's address.",
                              code="placeholder")
    return email.lower()


def email_hash(email: str) -> str:
    """Salted SHA-256 (HMAC with SECRET_KEY) of the normalised address: the same address, the same hash."""
    return salted_hmac(HASH_SALT, email.strip().lower(), algorithm="sha256").hexdigest()


@dataclass
class CustomerData:
    """Everything stored under one email address."""

    email: str
    orders: list[Order] = field(default_factory=list)
    messages: list[ContactMessage] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not self.orders and not self.messages


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


def find_customer(email: str) -> CustomerData:
    """Orders (with lines, history, payments, refunds) and contact messages from this address, any capitals."""
    orders = Order.objects.filter(email__iexact=email).prefetch_related("lines", "events", "payments", "refunds")
    messages = ContactMessage.objects.filter(email__iexact=email)
    return CustomerData(email=email, orders=list(orders.order_by("created_at", "pk")),
                        messages=list(messages.order_by("created_at", "pk")))


def record(action: str, email: str, *, orders: int, contact_messages: int, user=None,
           via: str = CustomerDataLog.Via.ADMIN) -> CustomerDataLog:
    """Write one log row: the hash of the address, never the address."""
    return CustomerDataLog.objects.create(
        action=action, email_hash=email_hash(email), user=user if user and user.is_authenticated else None,
        username=user.get_username() if user and user.is_authenticated else "", via=via,
        orders=orders, contact_messages=contact_messages,
    )


def earlier_actions(email: str):
    """What staff already did for this address (newest first), found through its hash."""
    return CustomerDataLog.objects.filter(email_hash=email_hash(email)).select_related("user")


def _order_document(order: Order) -> dict:
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


def export_document(found: CustomerData) -> dict:
    """A copy of everything stored under the address, as the customer may ask for it."""
    return {
        "about": f"Personal data Cerobio holds for {found.email}",
        "exported_at": timezone.now(),
        "email": found.email,
        "orders": [_order_document(o) for o in found.orders],
        "contact_messages": [
            {"sent": m.created_at, "name": m.name, "email": m.email, "topic": m.get_topic_display(),
             "order_number": m.order_number, "message": m.message, "answered": m.handled}
            for m in found.messages
        ],
        "not_stored": NOT_STORED,
    }


def export_json(found: CustomerData) -> str:
    """The export document as JSON: amounts as strings ("12.50"), times in ISO 8601."""
    return json.dumps(export_document(found), cls=DjangoJSONEncoder, indent=2, ensure_ascii=False)


@dataclass(frozen=True)
class Erasure:
    """What an erasure changed."""

    orders: int
    contact_messages: int

    @property
    def nothing(self) -> bool:
        return not self.orders and not self.contact_messages


def _pattern(found_orders, found_messages, email: str) -> re.Pattern:
    """Every piece of personal text to blank out of free-text history: address, names, street, postcode."""
    values = {email}
    names = {o.ship_name for o in found_orders} | {m.name for m in found_messages}
    values |= {n for n in names if n.strip()}
    values |= {part for n in names for part in n.split() if len(part) >= 3}
    values |= {o.ship_line1 for o in found_orders} | {o.ship_line2 for o in found_orders}
    values |= {o.ship_postcode for o in found_orders}
    values = sorted((v.strip() for v in values if len(v.strip()) >= 3), key=len, reverse=True)
    return re.compile("|".join(rf"(?<!\w){re.escape(v)}(?!\w)" for v in values), re.IGNORECASE)


def _redact(value, pattern: re.Pattern):
    """The value with every match replaced, walking through JSON lists and objects."""
    if isinstance(value, str):
        return pattern.sub(ERASED_MARK, value)
    if isinstance(value, list):
        return [_redact(v, pattern) for v in value]
    if isinstance(value, dict):
        return {k: _redact(v, pattern) for k, v in value.items()}
    return value


def _redact_rows(queryset, fields: list[str], pattern: re.Pattern) -> None:
    for row in queryset:
        changed = [f for f in fields if _redact(getattr(row, f), pattern) != getattr(row, f)]
        for name in changed:
            setattr(row, name, _redact(getattr(row, name), pattern))
        if changed:
            row.save(update_fields=changed)


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


def _redact_wagtail_log(messages, orders, pattern: re.Pattern) -> None:
    """Wagtail's history names a contact message by its sender ("… from Ann"): blank those labels."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import ModelLogEntry

    for model, objects in ((ContactMessage, messages), (Order, orders)):
        entries = ModelLogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(model), object_id__in=[str(o.pk) for o in objects]
        )
        for entry in entries:
            entry.label = pattern.sub(ERASED_MARK, entry.label)
            entry.data = _redact(entry.data, pattern)
            entry.save(update_fields=["label", "data"])


def erase_customer(email: str, *, user=None, via: str = CustomerDataLog.Via.ADMIN) -> Erasure:
    """Anonymise the address's orders and delete its contact messages, in one transaction, and log it.

    Totals, lines, VAT, stock and payment references are not touched. Raises ErasureRefused (and
    changes nothing) while an order still needs the address to be paid for or sent.
    """
    with transaction.atomic():
        ids = Order.objects.filter(email__iexact=email).values_list("pk", flat=True)
        orders = orders_for_update(ids)
        refused = refusal(orders)
        if refused:
            raise ErasureRefused(f"Nothing was erased. {refused}")
        messages = list(ContactMessage.objects.filter(email__iexact=email))
        if orders or messages:
            pattern = _pattern(orders, messages, email)
            order_ids = [o.pk for o in orders]
            _redact_rows(OrderEvent.objects.filter(order_id__in=order_ids), ["message", "data"], pattern)
            _redact_rows(Refund.objects.filter(order_id__in=order_ids), ["reason"], pattern)
            _redact_rows(Payment.objects.filter(order_id__in=order_ids), ["message"], pattern)
            _redact_wagtail_log(messages, orders, pattern)
            for order in orders:
                _anonymise(order, user)
            ContactMessage.objects.filter(pk__in=[m.pk for m in messages]).delete()
        record(CustomerDataLog.Action.ERASE, email, orders=len(orders), contact_messages=len(messages),
               user=user, via=via)
    return Erasure(orders=len(orders), contact_messages=len(messages))
