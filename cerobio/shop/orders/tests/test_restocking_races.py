"""Two staff members putting units back on sale for one order at the same moment, on PostgreSQL.

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

pytestmark = [requires_postgres, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def attempt(work):
    try:
        work()
    except OrderActionRefused as exc:
        return str(exc)
    return "done"


@pytest.mark.parametrize("round_", range(3))
def test_two_refunds_putting_back_two_of_three_at_once_put_back_at_most_three(demo, round_):
    set_stock(CREAM, 100)
    order = place(Client(), {CREAM: 3}, f"race-refunds-{round_}")
    line = line_of(order, CREAM)
    results = race(2, lambda i: attempt(lambda: refunds.refund(
        order.pk, amount="19.00", reason=f"staff {i}", restock_units={line.pk: 2}
    )))
    assert results.count("done") == 1 and any("Only 1 of" in r for r in results), results
    line.refresh_from_db()
    assert line.restocked_quantity == 2 and stock_of(CREAM) == 99


@pytest.mark.parametrize("round_", range(3))
def test_a_partial_refund_and_a_cancel_at_once_put_back_exactly_what_was_sold(demo, round_):
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
