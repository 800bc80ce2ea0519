"""Delivery is priced once per checkout, and priced again when the basket changed under the lock.

The checked details carry the subtotal their delivery price was worked out for; placing the order
reuses that price only when the locked basket still comes to the same sum (UK standard delivery is
free over £40: one kit is £29 + £3.50 delivery, two kits £58 with free delivery).
"""

from decimal import Decimal

from django.db import connection
from django.test.utils import CaptureQueriesContext

from cerobio.shop.basket import actions
from cerobio.shop.basket.fetch import view
from cerobio.shop.checkout.complete import place_order
from cerobio.shop.checkout.details import CheckoutRequest, check
from cerobio.shop.conftest import SKU, address, new_basket
from cerobio.shop.payments.providers import get_provider


def _request():
    return CheckoutRequest(email="ann@example.com", address=address(), shipping_method="uk-standard",
                           accept_terms=True, payment={"method": "dummy", "card_number": "4242424242424242"})  # fmt: skip


def test_the_checked_delivery_price_is_used_without_asking_the_database_again(shop):
    basket = new_basket(SKU, 1)
    details = check(_request(), view(basket).subtotal, get_provider())
    with CaptureQueriesContext(connection) as queries:
        order, created = place_order(basket, details, _request(), "priced-once-1", "dummy")
    assert created and order.shipping_price == Decimal("3.50") and order.total == Decimal("32.50")
    assert not [q for q in queries.captured_queries if "FROM \"delivery_" in q["sql"]], "delivery was priced twice"


def test_a_basket_that_changed_after_the_check_is_priced_again(shop):
    basket = new_basket(SKU, 1)
    details = check(_request(), view(basket).subtotal, get_provider())  # £29: delivery £3.50
    actions.add(basket, SKU, 1)  # another tab adds a second kit: £58, over the free-delivery threshold
    order, created = place_order(basket, details, _request(), "priced-once-2", "dummy")
    assert created
    assert order.subtotal == Decimal("58.00")
    assert order.shipping_price == Decimal("0.00") and order.total == Decimal("58.00")
