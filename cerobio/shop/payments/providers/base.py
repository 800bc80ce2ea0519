"""The interface every payment provider implements.

A provider is called with no database lock held and outside any transaction: it may be slow or
fail, and the order it is paying for was committed (with its stock held) before the call.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal, Protocol

from cerobio.shop.money import Money


class PaymentError(Exception):
    """The provider could not be reached or refused a request (not a declined card)."""


@dataclass(frozen=True)
class PaymentResult:
    """What happened when we asked for payment.

    `redirect`: send the customer to `redirect_url` (Stripe's hosted Checkout); `card_page`: the
    customer pays on our own card step, in the provider's form (Stripe's Payment Element), for the
    payment `reference`.
    """

    status: Literal["succeeded", "declined", "redirect", "card_page"]
    reference: str
    message: str = ""
    redirect_url: str = ""
    expires_at: datetime.datetime | None = None  # "redirect": when the provider's page stops taking the payment


@dataclass(frozen=True)
class CancelResult:
    """What happened when we asked the provider to close an unfinished payment.

    `closed`: nothing can be paid any more; `paid`: the customer paid after all (reference and
    amount say what); `unknown`: the provider could not be asked (the payment may still complete;
    a late payment is recorded by the webhook).
    """

    status: Literal["closed", "paid", "unknown"]
    reference: str = ""
    amount: object = None  # Decimal, for "paid"


@dataclass(frozen=True)
class CardPagePayment:
    """Where a payment made on our card step stands, as the provider says now (never as the browser says).

    `open`: waiting for the card; `failed`: the last try was declined or not confirmed (the customer
    may try again; `message` says why); `processing`: the bank has not answered yet; `succeeded`:
    paid (`amount` received, in `currency`); `canceled`: closed, it can no longer be paid.
    """

    reference: str
    status: Literal["open", "failed", "processing", "succeeded", "canceled"]
    amount: Decimal
    currency: str  # ISO code, upper case
    client_secret: str = ""  # for the provider's script on the card step; never logged or stored
    message: str = ""


class PaymentProvider(Protocol):
    code: str
    test_mode: bool
    takes_card_details: bool  # True when the card form is on our page (dummy only)

    def card_problems(self, payment: dict) -> dict[str, str]:
        """What is wrong with the card form's fields, by field name ({} when fine, or no card form)."""

    def start(self, order, payment: dict, return_base: str) -> PaymentResult:
        """Take payment for an order, or say where to send the customer to pay.

        `payment["card_page"]` is true when the caller can show our card step (the checkout page);
        a provider with a form for that page then answers `card_page` instead of `redirect`.
        """

    def card_page_payment(self, reference: str) -> CardPagePayment:
        """Ask the provider where a card-step payment stands; raises PaymentError if it cannot say."""

    def refund(self, order, amount: Money, idempotency_key: str) -> str:
        """Give money back; returns the provider's refund reference or raises PaymentError."""

    def cancel(self, order) -> CancelResult:
        """Close any payment still open for this order, so it can no longer be paid."""
