"""A payment that is never finished gives its stock and basket back once the hold expires."""

import datetime

from django.core.management import call_command
from django.utils import timezone

from cerobio.shop.basket.models import Basket
from cerobio.shop.catalogue.models import Reservation
from cerobio.shop.conftest import SKU, api_body, available_of, new_basket
from cerobio.shop.orders.models import Order
from cerobio.shop.orders.stop import thaw_if_abandoned


def _pending_order(client, settings, monkeypatch):
    """A checkout left at the provider's page (a provider that only redirects, like Stripe)."""
    from cerobio.shop.payments.providers.base import PaymentResult
    from cerobio.shop.payments.providers.dummy import DummyProvider

    settings.PAYMENT_PROVIDER = "dummy"
    basket = new_basket(SKU, 2)
    monkeypatch.setattr(
        DummyProvider, "start", lambda self, order, payment, base: PaymentResult("redirect", f"wait_{order.pk}", redirect_url="/x")
    )
    response = client.post(f"/api/v1/baskets/{basket.token}/checkout", api_body(), content_type="application/json",
                           headers={"Idempotency-Key": "abandoned-0001"})
    assert response.status_code == 202 and response.json()["status"] == "pending_payment"
    return basket, Order.objects.get(token=response.json()["token"])


def test_expired_hold_frees_stock_without_any_job(client, shop, settings, monkeypatch):
    basket, order = _pending_order(client, settings, monkeypatch)
    assert available_of(SKU) == 48
    Reservation.objects.filter(order=order).update(expires_at=timezone.now() - datetime.timedelta(seconds=1))
    assert available_of(SKU) == 50  # expired holds no longer count
    basket = thaw_if_abandoned(Basket.objects.get(pk=basket.pk))
    assert basket.status == Basket.Status.OPEN and basket.lines.get().quantity == 2
    assert Order.objects.get(pk=order.pk).status == "payment_failed"


def test_release_command_tidies_abandoned_orders(client, shop, settings, monkeypatch):
    basket, order = _pending_order(client, settings, monkeypatch)
    call_command("release_unpaid_orders")
    assert Order.objects.get(pk=order.pk).status == "pending_payment"  # still within its hold
    Reservation.objects.filter(order=order).update(expires_at=timezone.now() - datetime.timedelta(seconds=1))
    call_command("release_unpaid_orders")
    assert Order.objects.get(pk=order.pk).status == "payment_failed"
    assert Basket.objects.get(pk=basket.pk).status == Basket.Status.OPEN
