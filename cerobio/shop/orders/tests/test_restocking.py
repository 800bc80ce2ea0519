"""Units go back on sale only for the lines and quantities staff choose, and never more than were sold."""

from contextlib import suppress
from decimal import Decimal

import pytest
from django.core import mail
from django.db import IntegrityError, transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cerobio.shop.catalogue.models import StockMovement
from cerobio.shop.conftest import CREAM, SKU, api_body, new_basket, set_stock, stock_of
from cerobio.shop.orders import refunds
from cerobio.shop.orders.actions import OrderActionRefused
from cerobio.shop.orders.models import Order, OrderEvent, OrderLine
from cerobio.shop.payments.providers import PaymentError
from cerobio.shop.payments.providers.dummy import DummyProvider

JSON = "application/json"


def place(client, items: dict[str, int], key: str) -> Order:
    """A paid order for these SKUs and quantities, through the Store API."""
    from cerobio.shop.basket import actions

    basket = new_basket(*next(iter(items.items())))
    for sku, quantity in list(items.items())[1:]:
        actions.add(basket, sku, quantity)
    response = client.post(f"/api/v1/baskets/{basket.token}/checkout", api_body(), content_type=JSON,
                           headers={"Idempotency-Key": key})
    assert response.status_code == 201, response.content
    return Order.objects.get(token=response.json()["token"])


def line_of(order: Order, sku: str) -> OrderLine:
    return order.lines.get(sku=sku)


@pytest.fixture
def cream_order(client, shop):
    """The reported case: 3 × cream refill, leaving 97 in stock."""
    set_stock(CREAM, 100)
    order = place(client, {CREAM: 3}, "restock-cream")
    assert stock_of(CREAM) == 97
    return order


def test_partial_refund_then_cancel_puts_back_each_unit_once(cream_order, admin_user):
    line = line_of(cream_order, CREAM)
    refunds.refund(cream_order.pk, amount="19.00", reason="One jar broken", user=admin_user,
                   restock_units={line.pk: 1})
    assert stock_of(CREAM) == 98
    refunds.cancel(cream_order.pk, reason="Customer asked", user=admin_user)
    assert stock_of(CREAM) == 100  # 3 sold, 3 back: not 103
    line.refresh_from_db()
    assert line.restocked_quantity == 3
    movements = StockMovement.objects.filter(order=cream_order, reason="returned").order_by("pk")
    assert [(m.change, m.user) for m in movements] == [(1, admin_user), (2, admin_user)]
    assert "One jar broken" in movements[0].note and "Customer asked" in movements[1].note
    history = [e.message for e in cream_order.events.filter(kind=OrderEvent.Kind.RESTOCKED)]
    assert len(history) == 2 and f"1 × {CREAM}" in history[0] and f"2 × {CREAM}" in history[1]


def test_a_refund_without_chosen_units_puts_nothing_back(cream_order):
    refunds.refund(cream_order.pk, amount="19.00", reason="Goodwill")
    assert stock_of(CREAM) == 97
    assert not StockMovement.objects.filter(order=cream_order, reason="returned").exists()


def test_more_units_than_are_left_to_put_back_is_refused_and_changes_nothing(cream_order):
    line = line_of(cream_order, CREAM)
    refunds.refund(cream_order.pk, amount="19.00", reason="One jar broken", restock_units={line.pk: 2})
    with pytest.raises(OrderActionRefused, match="Only 1 of"):
        refunds.refund(cream_order.pk, amount="19.00", reason="Another", restock_units={line.pk: 2})
    cream_order.refresh_from_db()
    line.refresh_from_db()
    assert (stock_of(CREAM), line.restocked_quantity, cream_order.refunded_total) == (99, 2, Decimal("19.00"))
    assert cream_order.refunds.count() == 1


def test_a_line_of_another_order_is_refused(cream_order, client):
    other = place(client, {SKU: 1}, "restock-other")
    with pytest.raises(OrderActionRefused, match="not part of this order"):
        refunds.refund(cream_order.pk, amount="19.00", reason="x", restock_units={line_of(other, SKU).pk: 1})
    assert stock_of(CREAM) == 97 and stock_of(SKU) == 49


def test_a_sent_order_cannot_put_units_back_through_a_refund(cream_order, admin_user):
    from cerobio.shop.orders.actions import dispatch

    dispatch(cream_order.pk, carrier="Royal Mail", tracking_number="RM1", user=admin_user)
    with pytest.raises(OrderActionRefused, match="was sent"):
        refunds.refund(cream_order.pk, amount="19.00", reason="x",
                       restock_units={line_of(cream_order, CREAM).pk: 1})
    cream_order.refresh_from_db()
    assert stock_of(CREAM) == 97 and cream_order.refunded_total == 0


def test_a_refund_the_provider_refuses_puts_nothing_back(cream_order, monkeypatch):
    def refused(self, order, amount, key):
        raise PaymentError("card closed")

    monkeypatch.setattr(DummyProvider, "refund", refused)
    line = line_of(cream_order, CREAM)
    with pytest.raises(OrderActionRefused, match="did not go through"):
        refunds.refund(cream_order.pk, amount="19.00", reason="x", restock_units={line.pk: 1})
    line.refresh_from_db()
    assert stock_of(CREAM) == 97 and line.restocked_quantity == 0


def test_the_database_refuses_a_line_putting_back_more_than_it_sold(cream_order):
    with pytest.raises(IntegrityError), transaction.atomic():
        OrderLine.objects.filter(order=cream_order).update(restocked_quantity=4)


def test_staff_choose_units_per_line_in_the_admin(admin_client, client, shop, django_capture_on_commit_callbacks):
    set_stock(CREAM, 100)
    order = place(client, {CREAM: 3, SKU: 1}, "restock-admin")
    cream = line_of(order, CREAM)
    url = f"/admin/shop/orders/{order.pk}/refund/"
    page = admin_client.get(url).content.decode()
    assert f'name="back_{cream.pk}"' in page
    chosen = {f"units_{cream.pk}": "1", f"back_{cream.pk}": "1", "reason": "Broken jar", "refunded_before": "0.00"}
    with django_capture_on_commit_callbacks(execute=True):
        done = admin_client.post(url, {**chosen, "confirm": "yes"}, follow=True)
    assert "was refunded on order" in done.content.decode()
    assert (stock_of(CREAM), stock_of(SKU)) == (98, 49)
    too_many = admin_client.post(url, {**chosen, f"back_{cream.pk}": "3", "refunded_before": "19.00", "confirm": "yes"})
    assert too_many.status_code == 400 and "0 to 2" in too_many.content.decode()
    order.refresh_from_db()
    assert (stock_of(CREAM), order.refunded_total) == (98, Decimal("19.00"))
    assert sum("refunded you" in e.subject for e in mail.outbox) == 1  # the refused one sent nothing


# Random sequences of partial refunds by amount or by items (each putting back some units), the
# order being sent, returns (some units back on sale, some written off) and a cancellation, on one order.
ACTION = st.one_of(
    st.tuples(st.just("refund"), st.integers(0, 4), st.integers(0, 3)),
    st.tuples(st.just("items"), st.integers(0, 4), st.integers(0, 3)),
    st.tuples(st.just("dispatch"), st.just(0), st.just(0)),
    st.tuples(st.just("return"), st.integers(0, 4), st.integers(0, 3)),
    st.tuples(st.just("cancel"), st.just(0), st.just(0)),
)


def run_action(order, cream, kit, kind, cream_units, kit_units):
    from cerobio.shop.orders.actions import dispatch

    if kind == "cancel":
        refunds.cancel(order.pk, reason="property")
    elif kind == "dispatch":
        dispatch(order.pk, carrier="Royal Mail", tracking_number="RM1")
    elif kind == "refund":
        refunds.refund(order.pk, amount="1.00", reason="property",
                       restock_units={cream.pk: cream_units, kit.pk: kit_units})
    elif kind == "items":
        refunds.give_back(order.pk, refunds.Refunding(units={cream.pk: cream_units, kit.pk: kit_units},
                                                      back_on_sale={cream.pk: cream_units}), reason="property")
    else:  # a return: the cream units back on sale, the kit units written off
        refunds.give_back(order.pk, refunds.Refunding(units={cream.pk: cream_units, kit.pk: kit_units},
                                                      back_on_sale={cream.pk: cream_units},
                                                      written_off={kit.pk: kit_units}),
                          reason="property", returned=True)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(actions=st.lists(ACTION, min_size=1, max_size=6))
def test_no_sequence_of_refunds_returns_and_cancels_takes_back_more_than_was_sold(client, shop, actions):
    with transaction.atomic():
        set_stock(CREAM, 100)
        set_stock(SKU, 50)
        order = place(client, {CREAM: 3, SKU: 2}, "restock-property")
        cream, kit = line_of(order, CREAM), line_of(order, SKU)
        for action in actions:
            with suppress(OrderActionRefused):
                run_action(order, cream, kit, *action)
            for line, start in ((cream, 100), (kit, 50)):
                line.refresh_from_db()
                assert 0 <= line.restocked_quantity + line.written_off_quantity <= line.quantity
                assert 0 <= line.refunded_quantity <= line.quantity
                assert stock_of(line.sku) == start - line.quantity + line.restocked_quantity
            order.refresh_from_db()
            assert 0 <= order.refunded_total <= order.total
        transaction.set_rollback(True)
