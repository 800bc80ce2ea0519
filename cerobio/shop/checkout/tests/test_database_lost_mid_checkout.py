"""The database connection dies half-way through placing an order: nothing half-written is left behind.

PostgreSQL only (like test_concurrency.py): right after the stock is held, inside the transaction
that writes the order, a second connection terminates the checkout's backend with
pg_terminate_backend. The customer gets a clean 503 with Retry-After, and the database holds no
order, no line, no hold and no stock change; the basket is as it was, and trying again works.
"""

import psycopg
import pytest
from django.db import connection
from django.test import Client

from cerobio.shop.basket.models import Basket
from cerobio.shop.catalogue.models import Reservation, Stock
from cerobio.shop.checkout import complete
from cerobio.shop.conftest import (
    SKU,
    api_body,
    form_data,
    new_basket,
    requires_postgres,
    set_stock,
    stock_of,
)
from cerobio.shop.orders.models import Order, OrderEvent, OrderLine

pytestmark = [requires_postgres, pytest.mark.django_db(transaction=True)]


def terminate(pid: int) -> None:
    """From a second connection, end the checkout's PostgreSQL backend and wait until it is gone."""
    db = connection.settings_dict
    params = {
        "dbname": db["NAME"],
        "user": db["USER"],
        "password": db["PASSWORD"],
        "host": db["HOST"],
        "port": db["PORT"],
    }
    with psycopg.connect(**{k: v for k, v in params.items() if v}, autocommit=True) as other:
        assert other.execute("SELECT pg_terminate_backend(%s, 5000)", [pid]).fetchone()[0] is True


@pytest.fixture
def connection_killed_after_stock_is_held(monkeypatch):
    """Wrap the stock hold inside place_order's transaction: hold, then lose the connection."""
    killed = []
    real_reserve = complete.reserve

    def reserve_then_lose_the_database(order, needs, *args, **kwargs):
        real_reserve(order, needs, *args, **kwargs)
        assert connection.in_atomic_block  # still inside the order's transaction
        terminate(connection.connection.info.backend_pid)
        killed.append(order.number)

    monkeypatch.setattr(complete, "reserve", reserve_then_lose_the_database)
    return killed


def assert_nothing_half_written(basket_pk: int, stock_before: int, lines_before: list):
    connection.close()  # the test thread shares the killed connection; start a fresh one
    assert not Order.objects.exists()
    assert not OrderLine.objects.exists() and not OrderEvent.objects.exists()
    assert not Reservation.objects.exists()
    assert (
        stock_of(SKU) == stock_before
        and Stock.objects.get(variant__sku=SKU).available() == stock_before
    )
    basket = Basket.objects.get(pk=basket_pk)
    assert basket.status == Basket.Status.OPEN
    assert list(basket.lines.values_list("variant__sku", "quantity")) == lines_before


def test_store_api_checkout_that_loses_the_database_leaves_no_order_and_can_be_retried(
    demo, connection_killed_after_stock_is_held, monkeypatch
):
    set_stock(SKU, 5)
    basket = new_basket(SKU, 2)
    lines = list(basket.lines.values_list("variant__sku", "quantity"))
    client = Client(raise_request_exception=False)

    response = client.post(
        f"/api/v1/baskets/{basket.token}/checkout",
        api_body(),
        content_type="application/json",
        headers={"Idempotency-Key": "lost-connection-1"},
    )

    assert connection_killed_after_stock_is_held, "the backend was terminated mid-transaction"
    assert response.status_code == 503, response.content
    assert response["Retry-After"] == "30"
    assert response.json()["code"] == "service_unavailable"
    assert_nothing_half_written(basket.pk, 5, lines)

    monkeypatch.undo()  # the database stays up this time
    retry = Client().post(
        f"/api/v1/baskets/{basket.token}/checkout",
        api_body(),
        content_type="application/json",
        headers={"Idempotency-Key": "lost-connection-1"},
    )
    assert retry.status_code == 201, retry.content  # the same key, and this time it goes through
    assert Order.objects.get().status == "paid" and stock_of(SKU) == 3


def test_checkout_page_that_loses_the_database_shows_the_friendly_503(
    demo, connection_killed_after_stock_is_held
):
    set_stock(SKU, 5)
    client = Client(raise_request_exception=False)
    assert (
        client.post("/basket/", {"action": "add", "sku": SKU, "quantity": "1"}).status_code == 302
    )
    basket = Basket.objects.get()
    lines = list(basket.lines.values_list("variant__sku", "quantity"))

    response = client.post("/checkout/", form_data())

    assert connection_killed_after_stock_is_held
    assert response.status_code == 503 and response["Retry-After"] == "30"
    html = response.content.decode()
    assert "Sorry, the site is not working right now" in html and "Traceback" not in html
    assert_nothing_half_written(basket.pk, 5, lines)
