"""Units held for a customer who is paying are not on offer to anyone else until the hold expires.

Adding to a basket, the basket's view and every checkout count them; a mistake would show a
customer stock that someone else is paying for, or hide stock whose hold has run out.
"""

import datetime

import pytest
from django.utils import timezone

from cerobio.shop.basket import actions
from cerobio.shop.basket.fetch import view
from cerobio.shop.catalogue.models import Stock
from cerobio.shop.checkout.complete import place_order
from cerobio.shop.checkout.details import CheckoutRequest, check
from cerobio.shop.conftest import CREAM, SKU, address, new_basket, set_stock
from cerobio.shop.payments.providers import get_provider


def _hold(sku: str, quantity: int, key: str):
    """A checkout waiting for its payment: its reservation holds the units until it expires."""
    basket = new_basket(sku, quantity)
    req = CheckoutRequest(email="held@example.com", address=address(), shipping_method="uk-standard",
                          accept_terms=True, payment={"method": "dummy", "card_number": "4242424242424242"})  # fmt: skip
    order, created = place_order(basket, check(req, view(basket).subtotal, get_provider()), req, key, "dummy")
    assert created
    return order.reservations.get()


def test_units_held_count_only_live_holds_of_that_variant(shop):
    hold = _hold(SKU, 3, "held-1")
    kit, cream = Stock.objects.get(variant__sku=SKU), Stock.objects.get(variant__sku=CREAM)
    now = timezone.now()
    assert (kit.held(now), cream.held(now)) == (3, 0)
    assert kit.held(hold.expires_at + datetime.timedelta(seconds=1)) == 0  # the hold has run out
    assert kit.held(now, exclude_order=hold.order_id) == 0
    assert kit.available(now) == kit.quantity - 3


def test_a_basket_shows_what_is_left_after_other_customers_holds(shop):
    set_stock(SKU, 8)
    set_stock(CREAM, 6)
    mine = new_basket(SKU, 2)
    actions.add(mine, CREAM, 1)
    theirs = new_basket(CREAM, 4)
    _hold(SKU, 5, "held-2")  # someone else is paying for five kits

    shown = view(mine)
    assert [(line.sku, line.quantity, line.available) for line in shown.lines] == [(SKU, 2, 3), (CREAM, 1, 6)]
    assert shown.lines[0].url.endswith("/shop/cerobio-exfoliating-kit/")
    assert [(line.sku, line.quantity) for line in view(theirs).lines] == [(CREAM, 4)]


def test_adding_more_than_is_left_after_holds_is_refused(shop):
    set_stock(SKU, 6)
    _hold(SKU, 5, "held-3")
    basket = new_basket(SKU, 1)
    with pytest.raises(actions.BasketError) as refused:
        actions.add(basket, SKU, 1)
    assert (refused.value.code, refused.value.extra["available"]) == ("insufficient_stock", 1)
    assert basket.lines.get().quantity == 1


def test_adding_joins_the_existing_line_of_the_same_variant(shop):
    basket = new_basket(SKU, 1)
    actions.add(basket, CREAM, 1)
    actions.add(basket, SKU.lower(), 2)  # the code as a customer might type it
    assert sorted(basket.lines.values_list("variant__sku", "quantity")) == sorted([(SKU, 3), (CREAM, 1)])
