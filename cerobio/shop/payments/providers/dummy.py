"""Test-mode payments: no money moves. Two test cards decide the outcome, as with Stripe.

The checkout shows the fields a real card form has (number, expiry date, security code, name on
the card) so the journey looks like the real one. What is typed there is checked, passed to
`start` and forgotten: it is never stored, logged or shown again.
"""

import datetime
import re
import uuid

from django.utils import timezone

from cerobio.shop.money import Money

from .base import CancelResult, CardPagePayment, PaymentError, PaymentResult

SUCCEEDS = "4242424242424242"
DECLINED = "4000000000000002"
TEST_CARDS_HELP = "In test mode, use 4242 4242 4242 4242 to pay or 4000 0000 0000 0002 to see a declined card."
# The Store API's OpenAPI document uses these same patterns for the card fields.
CARD_EXPIRY = re.compile(r"^ *(0[1-9]|1[0-2]) *[/-]? *([0-9]{2}|[0-9]{4}) *$")  # 04/29, 04 / 2029, 0429
CARD_CVC = re.compile(r"^ *[0-9]{3,4} *$")


def card_digits(value) -> str:
    """The digits 0-9 in what was typed ('4242 4242 4242 4242' -> '4242424242424242')."""
    return "".join(ch for ch in str(value or "") if ch in "0123456789")


def expiry_month(value, today: datetime.date | None = None) -> tuple[int, int] | None:
    """'04/29', '04 / 2029', '04-29' or '0429' -> (2029, 4); None when it is not a month and year."""
    match = CARD_EXPIRY.match(str(value or ""))
    if match is None:
        return None
    month, year = int(match.group(1)), int(match.group(2))
    if year < 100:
        year += 2000
    return year, month


def card_problems(payment: dict, today: datetime.date | None = None) -> dict[str, str]:
    """What is wrong with the test card form, by field; {} when it can be tried.

    The card number is always needed; the expiry date, security code and name are checked when
    they are sent (the page always sends them; the Store API may leave them out).
    """
    today = today or timezone.localdate()
    problems = {}
    if not card_digits(payment.get("card_number")):
        problems["card_number"] = "Enter the card number."
    if "card_expiry" in payment:
        month = expiry_month(payment["card_expiry"])
        if not str(payment["card_expiry"] or "").strip():
            problems["card_expiry"] = "Enter the expiry date, as on the card: month and year, like 04/29."
        elif month is None:
            problems["card_expiry"] = "Enter the expiry date as month and year, like 04/29."
        elif month < (today.year, today.month):
            problems["card_expiry"] = "This card has expired. Check the date or use another card."
    if "card_cvc" in payment:
        cvc = str(payment["card_cvc"] or "").strip()
        if not cvc:
            problems["card_cvc"] = "Enter the security code: the last 3 digits on the back of the card."
        elif not CARD_CVC.match(str(payment["card_cvc"])):
            problems["card_cvc"] = "The security code is 3 digits (4 on the front of an American Express card)."
    if "card_name" in payment and not str(payment["card_name"] or "").strip():
        problems["card_name"] = "Enter the name as it is written on the card."
    return problems


class DummyProvider:
    """Pays with the card 4242 4242 4242 4242; declines 4000 0000 0000 0002 and any other number."""

    code = "dummy"
    test_mode = True
    takes_card_details = True

    def card_problems(self, payment: dict) -> dict[str, str]:
        return card_problems(payment)

    def start(self, order, payment: dict, return_base: str) -> PaymentResult:
        number = card_digits(payment.get("card_number"))
        reference = f"dummy_{uuid.uuid4().hex}"
        if number == SUCCEEDS:
            return PaymentResult("succeeded", reference)
        if number == DECLINED:
            return PaymentResult(
                "declined", reference, "Your card was declined. No money was taken. Try another card."
            )
        return PaymentResult("declined", reference, "This card number was not accepted. " + TEST_CARDS_HELP)

    def card_page_payment(self, reference: str) -> CardPagePayment:
        raise PaymentError("The test provider takes the card on the checkout page itself; it has no card step.")

    def refund(self, order, amount: Money, idempotency_key: str) -> str:
        return f"dummy_refund_{uuid.uuid4().hex}"

    def cancel(self, order) -> CancelResult:
        return CancelResult("closed")  # a test card is charged at once or not at all
