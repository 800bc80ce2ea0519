"""Shared shop test fixtures: demo stock, baskets, checkout bodies, and the database in use."""

import os
import uuid

import pytest
from django.db import connection

SKU = "CRB-KIT-STD"
CREAM = "CRB-CREAM-30"
GOOD_CARD = "4242 4242 4242 4242"
DECLINED_CARD = "4000 0000 0000 0002"


def on_postgres() -> bool:
    return connection.vendor == "postgresql"


requires_postgres = pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")),
    reason="Needs PostgreSQL for real row locks between connections: set DATABASE_URL=postgres://... (CI runs it)",
)


def address(**changes) -> dict:
    return {"name": "Ann Example", "line1": "1 High Street", "line2": "", "city": "London",
            "postcode": "SW1A 1AA", "country": "GB", **changes}


def api_body(card: str = "4242424242424242", **changes) -> dict:
    body = {
        "email": "ann@example.com",
        "shipping_address": address(),
        "shipping_method": "uk-standard",
        "accept_terms": True,
        "payment": {"method": "dummy", "card_number": card},
    }
    body.update(changes)
    return body


def form_data(key: str | None = None, card: str = GOOD_CARD, **changes) -> dict:
    return {
        "idempotency_key": key or uuid.uuid4().hex, "email": "ann@example.com", **address(),
        "shipping_method": "uk-standard", "accept_terms": "yes", "card_number": card, "card_expiry": "12/34",
        "card_cvc": "123", "card_name": "Ann Example", "action": "pay", **changes,
    }


def set_stock(sku: str, quantity: int):
    from cerobio.shop.catalogue.models import ProductVariant
    from cerobio.shop.catalogue.stock_actions import count_stock

    return count_stock(ProductVariant.objects.get(sku=sku), counted=quantity)


def stock_of(sku: str) -> int:
    from cerobio.shop.catalogue.models import Stock

    return Stock.objects.get(variant__sku=sku).quantity


def available_of(sku: str) -> int:
    from cerobio.shop.catalogue.models import Stock

    return Stock.objects.get(variant__sku=sku).available()


def new_basket(sku: str = SKU, quantity: int = 1):
    from cerobio.shop.basket import actions
    from cerobio.shop.basket.models import Basket

    basket = Basket.objects.create()
    actions.add(basket, sku, quantity)
    return basket


@pytest.fixture
def shop(demo):
    """The demo shop (product, variants, stock, delivery zones) inside the demo site."""
    return demo


@pytest.fixture
def shopper(client, shop):
    """A browser-like client with one standard kit in its basket (via the HTML form)."""
    response = client.post("/basket/", {"action": "add", "sku": SKU, "quantity": "1"})
    assert response.status_code == 302
    return client
