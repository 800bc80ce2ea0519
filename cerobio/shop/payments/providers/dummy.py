"""Test-mode payments: no money moves. Two test cards decide the outcome, as with Stripe."""

import uuid

from cerobio.shop.money import Money

from .base import CancelResult, PaymentResult

SUCCEEDS = "4242424242424242"
DECLINED = "4000000000000002"
TEST_CARDS_HELP = "In test mode, use 4242 4242 4242 4242 to pay or 4000 0000 0000 0002 to see a declined card."


def card_digits(value) -> str:
    return "".join(ch for ch in str(value or "") if ch.isdigit())


class DummyProvider:
    """Pays with the card 4242 4242 4242 4242; declines 4000 0000 0000 0002 and any other number."""

    code = "dummy"
    test_mode = True
    takes_card_details = True

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

    def refund(self, order, amount: Money, idempotency_key: str) -> str:
        return f"dummy_refund_{uuid.uuid4().hex}"

    def cancel(self, order) -> CancelResult:
        return CancelResult("closed")  # a test card is charged at once or not at all
