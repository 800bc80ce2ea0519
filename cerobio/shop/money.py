"""Money: Decimal amounts in one currency, prices with VAT included.

Floats never appear: amounts are built from strings or Decimals and rounded to the penny with
ROUND_HALF_UP, the rounding HMRC accepts for VAT on a line.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

CURRENCY = "GBP"
PENNY = Decimal("0.01")
STANDARD_VAT_RATE = Decimal("0.20")
SYMBOLS = {"GBP": "£"}


def to_decimal(value) -> Decimal:
    """A Decimal from a Decimal, int or string; floats are refused so they can never leak in."""
    if isinstance(value, float):
        raise TypeError("Money is never built from a float; pass a string or a Decimal.")
    return Decimal(value)


def quantize(amount) -> Decimal:
    """Round to the penny, half up."""
    return to_decimal(amount).quantize(PENNY, rounding=ROUND_HALF_UP)


def vat_included(gross, rate=STANDARD_VAT_RATE) -> Decimal:
    """The VAT inside a VAT-inclusive amount: gross × rate / (1 + rate), to the penny."""
    gross, rate = to_decimal(gross), to_decimal(rate)
    if rate == 0:
        return Decimal("0.00")
    return quantize(gross * rate / (1 + rate))


@dataclass(frozen=True, order=True)
class Money:
    """An amount in a currency; arithmetic only with the same currency."""

    amount: Decimal
    currency: str = CURRENCY

    def __post_init__(self):
        object.__setattr__(self, "amount", quantize(self.amount))

    @classmethod
    def zero(cls, currency: str = CURRENCY) -> Money:
        return cls(Decimal("0"), currency)

    def _check(self, other: Money) -> None:
        if not isinstance(other, Money) or other.currency != self.currency:
            raise TypeError("Money can only be combined with money in the same currency.")

    def __add__(self, other: Money) -> Money:
        self._check(other)
        return Money(self.amount + other.amount, self.currency)

    def __sub__(self, other: Money) -> Money:
        self._check(other)
        return Money(self.amount - other.amount, self.currency)

    def __mul__(self, quantity: int) -> Money:
        if not isinstance(quantity, int) or isinstance(quantity, bool):
            raise TypeError("Money is multiplied only by a whole quantity.")
        return Money(self.amount * quantity, self.currency)

    __rmul__ = __mul__

    def __str__(self) -> str:
        symbol = SYMBOLS.get(self.currency)
        return f"{symbol}{self.amount:,.2f}" if symbol else f"{self.amount:,.2f} {self.currency}"

    def as_dict(self) -> dict:
        """The API's shape: {"amount": "29.00", "currency": "GBP"}."""
        return {"amount": f"{self.amount:.2f}", "currency": self.currency}

    @property
    def minor_units(self) -> int:
        """Pence, for payment providers (exact: the amount is already quantized)."""
        return int(self.amount * 100)


def total(amounts, currency: str = CURRENCY) -> Money:
    """The sum of Money values (zero for none)."""
    result = Money.zero(currency)
    for amount in amounts:
        result = result + amount
    return result
