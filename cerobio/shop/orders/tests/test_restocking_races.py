"""Two staff members refunding, taking back or cancelling one order at the same moment, on PostgreSQL.

Each thread has its own database connection, so the order's row lock and the line constraint are
what keep the count right. Skipped with the reason shown when DATABASE_URL is not PostgreSQL.
"""

import pytest
from django.test import Client

from cerobio.shop.checkout.tests.test_concurrency import race
from cerobio.shop.conftest import CREAM, requires_postgres, set_stock, stock_of
from cerobio.shop.orders import refunds
from cerobio.shop.orders.actions import OrderActionRefused
from cerobio.shop.orders.tests.test_restocking import line_of, place

pytestmark = [requires_postgres, pytest.mark.django_db(transaction=True)]
# Each race runs a few times, on a new order each time: an interleaving that breaks the count shows
# up in one of the rounds. The rounds share one test because a transactional test costs a flush and
# a reload of the demo content.
ROUNDS = 3


def attempt(work):
    try:
        work()
    except OrderActionRefused as exc:
        return str(exc)
    return "done"


def test_two_refunds_putting_back_two_of_three_at_once_put_back_at_most_three(demo):
    for round_ in range(ROUNDS):
        two_refunds_putting_back_two_of_three_at_once_put_back_at_most_three(round_)


def two_refunds_putting_back_two_of_three_at_once_put_back_at_most_three(round_):
    set_stock(CREAM, 100)
    order = place(Client(), {CREAM: 3}, f"race-refunds-{round_}")
    line = line_of(order, CREAM)
    results = race(2, lambda i: attempt(lambda: refunds.refund(
        order.pk, amount="19.00", reason=f"staff {i}", restock_units={line.pk: 2}
    )))
    assert results.count("done") == 1 and any("Only 1 of" in r for r in results), results
    line.refresh_from_db()
    assert line.restocked_quantity == 2 and stock_of(CREAM) == 99


def test_a_partial_refund_and_a_cancel_at_once_put_back_exactly_what_was_sold(demo):
    for round_ in range(ROUNDS):
        a_partial_refund_and_a_cancel_at_once_put_back_exactly_what_was_sold(round_)


def a_partial_refund_and_a_cancel_at_once_put_back_exactly_what_was_sold(round_):
    set_stock(CREAM, 100)
    order = place(Client(), {CREAM: 3}, f"race-cancel-{round_}")
    line = line_of(order, CREAM)

    def work(i):
        if i == 0:
            return attempt(lambda: refunds.refund(order.pk, amount="19.00", reason="one broken",
                                                  restock_units={line.pk: 1}))
        return attempt(lambda: refunds.cancel(order.pk, reason="customer asked"))

    results = race(2, work)
    line.refresh_from_db()
    order.refresh_from_db()
    assert results[1] == "done", results  # the cancellation always goes through
    assert order.status == "cancelled" and order.refunded_total == order.total
    # Whichever came first, the line put back the 3 it sold, once: not 4.
    assert line.restocked_quantity == 3 and stock_of(CREAM) == 100


def test_two_returns_of_two_of_three_at_once_take_back_at_most_three(demo):
    for round_ in range(ROUNDS):
        two_returns_of_two_of_three_at_once_take_back_at_most_three(round_)


def two_returns_of_two_of_three_at_once_take_back_at_most_three(round_):
    from cerobio.shop.orders.actions import dispatch

    set_stock(CREAM, 100)
    order = place(Client(), {CREAM: 3}, f"race-returns-{round_}")
    dispatch(order.pk, carrier="Royal Mail", tracking_number="RM1")
    line = line_of(order, CREAM)
    chosen = refunds.Refunding(units={line.pk: 2}, back_on_sale={line.pk: 1}, written_off={line.pk: 1})
    results = race(2, lambda i: attempt(lambda: refunds.give_back(order.pk, chosen, reason=f"staff {i}", returned=True)))
    assert results.count("done") == 1, results
    line.refresh_from_db()
    order.refresh_from_db()
    assert (line.restocked_quantity, line.written_off_quantity, line.refunded_quantity) == (1, 1, 2)
    assert stock_of(CREAM) == 98 and order.refunded_total == 2 * line.unit_price


def test_a_refund_by_items_and_a_cancel_at_once_never_refund_or_put_back_more_than_sold(demo):
    for round_ in range(ROUNDS):
        a_refund_by_items_and_a_cancel_at_once_never_refund_or_put_back_more_than_sold(round_)


def a_refund_by_items_and_a_cancel_at_once_never_refund_or_put_back_more_than_sold(round_):
    set_stock(CREAM, 100)
    order = place(Client(), {CREAM: 3}, f"race-items-cancel-{round_}")
    line = line_of(order, CREAM)

    def work(i):
        if i == 0:
            chosen = refunds.Refunding(units={line.pk: 2}, back_on_sale={line.pk: 2})
            return attempt(lambda: refunds.give_back(order.pk, chosen, reason="two broken"))
        return attempt(lambda: refunds.cancel(order.pk, reason="customer asked"))

    results = race(2, work)
    line.refresh_from_db()
    order.refresh_from_db()
    assert results[1] == "done", results
    assert order.status == "cancelled" and order.refunded_total == order.total
    assert line.restocked_quantity == 3 and stock_of(CREAM) == 100
