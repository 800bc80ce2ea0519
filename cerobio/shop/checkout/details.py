"""Checking what the customer typed at checkout: email, address, delivery, terms, card."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from cerobio.shop.delivery.address import clean_address
from cerobio.shop.delivery.countries import COUNTRY_NAMES
from cerobio.shop.delivery.fetch import DeliveryOption, delivery_setup, option, zone_for
from cerobio.shop.money import Money

KEY_PATTERN = re.compile(r"^[A-Za-z0-9_\-:.]{8,128}$")
# An email address as Django's validator accepts it, written so the Store API's OpenAPI document can
# say exactly what is refused: a dot-atom local part and a domain of letters, digits and hyphens with a
# top-level domain of letters; white space around it is dropped.
EMAIL_PATTERN = re.compile(
    r"^\s*[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
    r"@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}\s*$"
)


class CheckoutError(Exception):
    """Checkout cannot go ahead. `code` for machines, `message` for people, `errors` per field."""

    def __init__(self, code: str, message: str, status: int, errors: list | None = None, **extra):
        self.code, self.message, self.status, self.errors, self.extra = code, message, status, errors or [], extra
        super().__init__(message)

    def body(self) -> dict:
        return {"code": self.code, "message": self.message, "errors": self.errors, **self.extra}


@dataclass
class CheckoutRequest:
    """The customer's checkout details as submitted (form or API)."""

    email: str
    address: dict
    shipping_method: str
    accept_terms: bool
    payment: dict = field(default_factory=dict)
    expected_subtotal: Decimal | None = None


@dataclass(frozen=True)
class CheckedDetails:
    email: str
    address: dict
    delivery: DeliveryOption
    subtotal: Money | None = None  # the basket subtotal `delivery` was priced for


def check_key(key: str | None) -> str:
    if not key or not KEY_PATTERN.match(key):
        raise CheckoutError(
            "invalid_idempotency_key",
            "Send an Idempotency-Key header: 8 to 128 letters, digits, '-', '_', ':' or '.', new for each checkout.",
            422,
            [{"field": "Idempotency-Key", "message": "Required: 8 to 128 letters, digits, '-', '_', ':' or '.'."}],
        )
    return key


def check(req: CheckoutRequest, subtotal: Money | None, provider) -> CheckedDetails:
    """Validate every field; raise one CheckoutError (422) listing each problem.

    With the basket's `subtotal` the delivery is priced for it; with None (`complete_checkout`) the method
    is only checked to be offered, and placing the order prices it from the basket it has locked.
    """
    errors: list[dict] = []
    email = (req.email or "").strip()
    try:
        validate_email(email)
        if not EMAIL_PATTERN.match(req.email or ""):
            raise ValidationError("not in the pattern")
    except ValidationError:
        errors.append({"field": "email", "message": "Enter an email address like name@example.com."})
    address, address_errors = clean_address(req.address or {})
    errors += [{"field": f"shipping_address.{k}", "message": v} for k, v in address_errors.items()]
    delivery = None
    country = address.get("country", "")
    if "country" not in address_errors:
        setup = delivery_setup()
        zone = zone_for(country.upper(), setup.zones)
        if zone is None:
            errors.append({"field": "shipping_address.country", "message": f"Sorry, we do not deliver to {COUNTRY_NAMES.get(country, country)}."})
        else:
            delivery = option(country, req.shipping_method or "", subtotal or Money.zero(), zone=zone, setup=setup)
            if delivery is None:
                errors.append({"field": "shipping_method", "message": "Choose one of the delivery methods offered for your country."})
    if req.accept_terms is not True:
        errors.append({"field": "accept_terms", "message": "Tick the box to accept the terms of sale and the returns rule."})
    method = (req.payment or {}).get("method") or provider.code
    if method != provider.code:
        errors.append({"field": "payment.method", "message": f"Payment method '{method}' is not available; use '{provider.code}'."})
    elif provider.takes_card_details:
        problems = provider.card_problems(req.payment or {})
        errors += [{"field": f"payment.{field}", "message": message} for field, message in problems.items()]
    if errors:
        raise CheckoutError("invalid_details", "Some details need correcting; see errors.", 422, errors)
    return CheckedDetails(email=email, address=address, delivery=delivery, subtotal=subtotal)
