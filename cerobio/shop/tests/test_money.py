"""Money never touches float: totals and VAT are Decimal arithmetic, to the penny, half up."""

from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cerobio.shop.money import Money, quantize, total, vat_included

prices = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("9999.99"), places=2, allow_nan=False, allow_infinity=False)
rates = st.sampled_from([Decimal("0.20"), Decimal("0.05"), Decimal("0")])
quantities = st.integers(min_value=1, max_value=10)
lines = st.lists(st.tuples(prices, quantities, rates), min_size=1, max_size=6)


@given(prices, rates)
def test_vat_inside_a_price_is_the_exact_fraction_rounded_half_up(gross, rate):
    vat = vat_included(gross, rate)
    exact = gross * rate / (1 + rate)
    assert isinstance(vat, Decimal) and vat.as_tuple().exponent == -2
    assert abs(vat - exact) <= Decimal("0.005")
    assert vat == exact.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    assert Decimal("0") <= vat < gross or vat == gross == 0


@given(lines, prices)
def test_order_totals_add_up_to_the_penny(basket, shipping):
    line_totals = [Money(price) * quantity for price, quantity, _ in basket]
    goods = total(line_totals)
    grand = goods + Money(shipping)
    assert grand.amount == sum((price * quantity for price, quantity, _ in basket), Decimal("0")) + shipping
    vat = sum((vat_included(t.amount, rate) for t, (_, _, rate) in zip(line_totals, basket, strict=True)), Decimal("0"))
    assert Decimal("0") <= vat <= goods.amount
    assert all(isinstance(x.amount, Decimal) for x in [*line_totals, goods, grand])
    assert grand.minor_units == int(grand.amount * 100)  # pence are exact
    assert grand.as_dict() == {"amount": f"{grand.amount:.2f}", "currency": "GBP"}


def test_money_refuses_float_anywhere():
    with pytest.raises(TypeError):
        Money(29.0)
    with pytest.raises(TypeError):
        vat_included(29.0)
    with pytest.raises(TypeError):
        Money("1") * 1.5
    with pytest.raises(TypeError):
        Money("1") + Money("1", "EUR")


def test_standard_rate_vat_on_the_kit():
    assert vat_included(Decimal("29.00")) == Decimal("4.83")
    assert vat_included(Decimal("3.50")) == Decimal("0.58")
    assert str(Money("1234.5")) == "£1,234.50"
    assert quantize("0.005") == Decimal("0.01")
