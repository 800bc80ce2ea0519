"""Request and response shapes of the Store API. Money is a string amount with a currency."""

from __future__ import annotations

import datetime
from typing import Literal

from django.conf import settings
from ninja import Field, Schema
from pydantic import ConfigDict, field_validator

from cerobio.api.errors import NO_NUL, ErrorOut
from cerobio.shop.basket.models import MAX_QUANTITY
from cerobio.shop.checkout.details import EMAIL_PATTERN
from cerobio.shop.delivery.countries import COUNTRY_CODES_EITHER_CASE
from cerobio.shop.payments.providers.dummy import CARD_CVC, CARD_EXPIRY

# Basket and order tokens (secrets.token_urlsafe): anything else is no basket or order (404).
TOKEN_PATTERN = r"^[A-Za-z0-9_-]{1,64}$"  # noqa: S105 (a pattern, not a secret)
# What the OpenAPI document says of text. The checks that apply these patterns are the checkout's own
# (checkout/details.py, delivery/address.py, payments/providers/dummy.py), so a refusal keeps its code
# (422 `invalid_details`, per field) and its message; the document only states them (`_shown`).
NOT_BLANK = r"^[^\x00]*[^\x00\s][^\x00]*$"  # some character other than white space


def _shown(pattern: str) -> dict:
    """A pattern for the OpenAPI document, checked by the checkout rather than by pydantic."""
    return {"pattern": pattern}


def _no_nul_in_schema(schema: dict) -> None:
    """Every text property of a request body says it may not hold a NUL character (refused below)."""
    for prop in schema.get("properties", {}).values():
        if prop.get("type") == "string" and "pattern" not in prop and "enum" not in prop:
            prop["pattern"] = NO_NUL


def _configured_payment_method(schema: dict) -> None:
    """The one payment method this site takes (settings.PAYMENT_PROVIDER), read when the document is made."""
    schema["enum"] = [settings.PAYMENT_PROVIDER]


def _payment_schema(schema: dict) -> None:
    """The test-mode provider needs a card number (the others take the card on their own page)."""
    _no_nul_in_schema(schema)
    if settings.PAYMENT_PROVIDER == "dummy":
        schema.setdefault("required", []).append("card_number")


class InputSchema(Schema):
    """Request bodies: text may not contain NUL characters (PostgreSQL cannot store them), so
    they are refused with a 422 like any other invalid value instead of failing in the database
    (and the OpenAPI document says so, with a pattern on each text property).

    Whole numbers are `strict=True`: only a JSON number with no fraction (2 or 2.0, as JSON Schema's
    integer), since pydantic would otherwise read `false`/`true` as 0/1 (a PATCH with `"quantity":
    false` removed the line) and "3" as 3."""

    model_config = ConfigDict(json_schema_extra=_no_nul_in_schema)

    @field_validator("*", mode="before")
    @classmethod
    def _no_nul(cls, value):
        if isinstance(value, str) and "\x00" in value:
            raise ValueError("Text may not contain NUL characters.")
        return value

    @field_validator("*", mode="before")
    @classmethod
    def _whole_number_written_as_decimal(cls, value, info):
        """8.0 is the integer 8 in JSON Schema (and so in the OpenAPI document): accept it as 8."""
        field = cls.model_fields.get(info.field_name)
        if field is not None and field.annotation is int and isinstance(value, float) and value.is_integer():
            return int(value)
        return value


class MoneyOut(Schema):
    amount: str = Field(..., description="Pounds and pence as a decimal string, e.g. '29.00'.", examples=["29.00"])
    currency: Literal["GBP"]


class VariantOut(Schema):
    sku: str
    name: str
    price: MoneyOut
    available: bool


class ProductOut(Schema):
    slug: str
    name: str
    url: str
    variants: list[VariantOut]


class BasketCreatedOut(Schema):
    token: str


class LineIn(InputSchema):
    model_config = ConfigDict(extra="forbid")

    sku: str = Field(..., min_length=1, max_length=40, examples=["CRB-KIT-STD"])
    quantity: int = Field(
        1, ge=1, le=MAX_QUANTITY, strict=True,
        description="A whole number: 8 or 8.0 (JSON Schema's integer); 8.5, \"8\" and true are refused with 422 `invalid_request`.",
    )


class QuantityIn(InputSchema):
    model_config = ConfigDict(extra="forbid")

    quantity: int = Field(
        ..., ge=0, le=MAX_QUANTITY, strict=True,
        description="0 removes the line. A whole number: 8 or 8.0 (JSON Schema's integer); 8.5, \"8\" and true are refused with 422 `invalid_request`.",
    )


class LineOut(Schema):
    id: int
    sku: str
    product: str
    name: str
    quantity: int
    unit_price: MoneyOut
    line_total: MoneyOut
    available: int


class ChangeOut(Schema):
    sku: str
    message: str


class BasketOut(Schema):
    token: str
    status: Literal["open", "frozen", "submitted"]
    lines: list[LineOut]
    item_count: int
    subtotal: MoneyOut
    vat: MoneyOut = Field(..., description="The VAT included in the subtotal.")
    changes: list[ChangeOut] = Field(default_factory=list, description="What changed since the last look.")


class EstimateOut(Schema):
    min_days: int
    max_days: int
    earliest: datetime.date
    latest: datetime.date


class ShippingMethodOut(Schema):
    code: str
    name: str
    price: MoneyOut
    tracked: bool
    estimated_delivery: EstimateOut


class AddressIn(InputSchema):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(..., max_length=200, json_schema_extra=_shown(NOT_BLANK))
    line1: str = Field(..., max_length=200, json_schema_extra=_shown(NOT_BLANK))
    line2: str = Field("", max_length=200)
    city: str = Field(..., max_length=120, description="Required where the country's post needs it (most countries).")
    region: str = Field(
        "", max_length=120,
        description="County, state or province, where the country needs one (one of its own list, for some).",
    )
    postcode: str = Field("", max_length=20, description="Required, and in the country's own format, where it has one.")
    country: str = Field(
        ..., min_length=2, max_length=2, examples=["GB"], json_schema_extra={"enum": COUNTRY_CODES_EITHER_CASE},
        description=(
            "ISO 3166-1 two-letter code, upper or lower case (`GB`, `gb`). A country the shop does not deliver "
            "to (GET /api/v1/shipping-methods lists them) is refused with 422 `invalid_details` naming "
            "`shipping_address.country`."
        ),
    )


class PaymentIn(InputSchema):
    model_config = ConfigDict(extra="forbid", json_schema_extra=_payment_schema)

    method: Literal["dummy", "stripe"] = Field(
        ..., json_schema_extra=_configured_payment_method,
        description="The site's payment provider: `dummy` in test mode, `stripe` in production.",
    )
    card_number: str = Field(
        "", max_length=30, json_schema_extra=_shown(r"^[^\x00]*[0-9][^\x00]*$"),
        description="Dummy provider only: its digits; 4242424242424242 pays, any other number is declined (402).",
    )
    card_expiry: str = Field(
        "", max_length=9, json_schema_extra=_shown(CARD_EXPIRY.pattern),
        description="Dummy provider only, checked when sent: MM/YY (or MM/YYYY), not in the past (422 `invalid_details`).",
    )
    card_cvc: str = Field("", max_length=4, json_schema_extra=_shown(CARD_CVC.pattern), description="Dummy provider only, checked when sent: 3 or 4 digits.")
    card_name: str = Field("", max_length=200, json_schema_extra=_shown(NOT_BLANK), description="Dummy provider only, checked when sent: the name on the card.")


class CheckoutIn(InputSchema):
    model_config = ConfigDict(extra="forbid")

    email: str = Field(..., max_length=254, json_schema_extra=_shown(EMAIL_PATTERN.pattern), examples=["ann@example.com"])
    shipping_address: AddressIn
    shipping_method: str = Field(
        ..., max_length=40, examples=["uk-standard"],
        description="One of the codes GET /api/v1/shipping-methods lists for the address's country.",
    )
    accept_terms: bool = Field(..., json_schema_extra={"enum": [True]}, description="Must be true: the terms of sale and the returns rule.")
    payment: PaymentIn


class OrderCreatedOut(Schema):
    """201: the order is placed and paid."""

    order_number: str
    token: str
    status: str = Field(..., description="`paid` (or where a paid order has got to since: `dispatched`, ...).")
    total: MoneyOut
    redirect_url: None = Field(None, description="Always null for a paid order.")


class PaymentPendingOut(Schema):
    """202: the order is placed, its stock held, and it is not paid yet."""

    code: Literal["payment_pending"]
    message: str
    order_number: str
    token: str = Field(..., description="GET /api/v1/orders/{token} shows the order's status.")
    status: Literal["pending_payment"]
    total: MoneyOut
    redirect_url: str | None = Field(
        None,
        description=(
            "Where the customer pays (Stripe Checkout): the same page for every repeat with this Idempotency-Key "
            "while it is open. Null while another request is taking the payment."
        ),
    )
    expires_at: datetime.datetime | None = Field(
        None, description="With redirect_url: when that page stops taking the payment and the stock hold ends."
    )
    retry_after: int | None = Field(
        None, description="Seconds after which repeating the request with the same Idempotency-Key finishes the payment."
    )


# Answers any operation with a body or a rate limit may give (cerobio/core/request_guard.py, ratelimit.py).
LIMIT_ERRORS = {413: ErrorOut, 429: ErrorOut}


class OrderLineOut(Schema):
    sku: str
    product: str
    name: str
    quantity: int
    unit_price: MoneyOut
    line_total: MoneyOut
    vat_rate: str
    vat: MoneyOut


class TrackingOut(Schema):
    carrier: str
    number: str
    url: str


class OrderOut(Schema):
    order_number: str
    status: str
    status_message: str
    created_at: datetime.datetime
    lines: list[OrderLineOut]
    subtotal: MoneyOut
    shipping: MoneyOut
    total: MoneyOut
    vat: MoneyOut
    refunded: MoneyOut
    shipping_method: str
    estimated_delivery: EstimateOut
    tracking: TrackingOut | None


class WebhookOut(Schema):
    received: bool
    duplicate: bool
