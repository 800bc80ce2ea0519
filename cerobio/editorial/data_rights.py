"""Customer data rights: find everything stored about an email address, export it, erase it.

What holds a customer's personal data (baskets do not: they carry only a random token and items):

- `orders.Order`: email, name and delivery address, repeated in free text in its history, payments
  and refunds; the shop's own part (`cerobio.shop.orders.customer_data`) finds, exports and erases it,
  keeping what UK tax law needs for 6 years;
- `editorial.ContactMessage`: name, email and message; Wagtail's log names the sender in its label.
  Erasing deletes them.
Every look-up, export and erasure is recorded in `CustomerDataLog` under a salted hash of the
address, never the address itself.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac

from cerobio.core.redaction import personal_pattern, redact_log_entries
from cerobio.shop.orders import customer_data as customer_orders
from cerobio.shop.orders.models import ERASED_EMAIL_DOMAIN, Order

from .models import ContactMessage, CustomerDataLog

HASH_SALT = "cerobio.editorial.data_rights"
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


def find_customer(email: str) -> CustomerData:
    """Orders (with lines, history, payments, refunds) and contact messages from this address, any capitals."""
    messages = ContactMessage.objects.filter(email__iexact=email)
    return CustomerData(email=email, orders=customer_orders.orders_of(email),
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


def export_document(found: CustomerData) -> dict:
    """A copy of everything stored under the address, as the customer may ask for it."""
    return {
        "about": f"Personal data Cerobio holds for {found.email}",
        "exported_at": timezone.now(),
        "email": found.email,
        "orders": [customer_orders.order_document(o) for o in found.orders],
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


def erase_customer(email: str, *, user=None, via: str = CustomerDataLog.Via.ADMIN) -> Erasure:
    """Anonymise the address's orders and delete its contact messages, in one transaction, and log it.

    Totals, lines, VAT, stock and payment references are not touched. Raises ErasureRefused (and
    changes nothing) while an order still needs the address to be paid for or sent.
    """
    with transaction.atomic():
        orders = customer_orders.lock_orders_of(email)
        refused = customer_orders.refusal(orders)
        if refused:
            raise ErasureRefused(f"Nothing was erased. {refused}")
        messages = list(ContactMessage.objects.filter(email__iexact=email))
        if orders or messages:
            names, values = customer_orders.personal_values(orders)
            pattern = personal_pattern(email, names | {m.name for m in messages}, values)
            customer_orders.erase_orders(orders, pattern, user)
            redact_log_entries(ContactMessage, messages, pattern)
            ContactMessage.objects.filter(pk__in=[m.pk for m in messages]).delete()
        record(CustomerDataLog.Action.ERASE, email, orders=len(orders), contact_messages=len(messages),
               user=user, via=via)
    return Erasure(orders=len(orders), contact_messages=len(messages))
