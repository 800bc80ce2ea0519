"""The delivery setup kept in the cache (DELIVERY_CACHE, cerobio/shop/delivery/fetch.py).

Checkout prices delivery without asking the database once the setup is stored, and every change an
editor makes (a price, a method, a zone, a closed day, the cut-off) is used from the next request
after it is saved, on every app server: the cache is the shared one, as in production.
"""

import datetime
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from cerobio.core.tests.outages import closed_port
from cerobio.shop.conftest import SKU, api_body, new_basket
from cerobio.shop.delivery import fetch
from cerobio.shop.delivery.fetch import delivery_setup, options_for
from cerobio.shop.delivery.models import ClosedDay, ShippingMethod, ShippingZone
from cerobio.shop.money import Money

MONDAY = datetime.date(2026, 11, 30)
DELIVERY_TABLES = ('FROM "delivery_', 'FROM "shop_shopsettings"')


def delivery_queries(queries) -> list[str]:
    return [q["sql"] for q in queries.captured_queries if any(t in q["sql"] for t in DELIVERY_TABLES)]


def uk(subtotal="29.00", now=None) -> dict:
    return {o.code: o for o in options_for("GB", Money(subtotal), now or datetime.datetime.combine(MONDAY, datetime.time(9)))}


@pytest.fixture
def cached(shop, settings):
    settings.DELIVERY_CACHE = True
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def saved(django_capture_on_commit_callbacks):
    """Run the block's on-commit callbacks, as the editor's request would once it commits."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def test_once_stored_delivery_is_priced_without_the_database(cached):
    first = uk()
    uk()  # the first request made the generation; this one stores the setup
    with CaptureQueriesContext(connection) as queries:
        again = uk()
    assert delivery_queries(queries) == []
    assert again == first
    assert again["uk-standard"].price == Money("3.50")


def test_an_api_checkout_asks_the_database_nothing_about_delivery(cached, client):
    delivery_setup()
    delivery_setup()  # today's setup, stored
    basket = new_basket(SKU, 1)
    with CaptureQueriesContext(connection) as queries:
        response = client.post(f"/api/v1/baskets/{basket.token}/checkout", api_body(), content_type="application/json",
                               headers={"Idempotency-Key": "delivery-cache-1"})  # fmt: skip
    assert response.status_code == 201, response.content
    assert response.json()["total"]["amount"] == "32.50"
    assert delivery_queries(queries) == []


def test_a_new_price_is_charged_from_the_next_request(cached, saved, client):
    uk()
    assert uk()["uk-standard"].price == Money("3.50")
    with saved():
        method = ShippingMethod.objects.get(code="uk-standard")
        method.price = Decimal("4.25")
        method.save()
    assert uk()["uk-standard"].price == Money("4.25")
    basket = new_basket(SKU, 1)
    response = client.post(f"/api/v1/baskets/{basket.token}/checkout", api_body(), content_type="application/json",
                           headers={"Idempotency-Key": "delivery-cache-2"})  # fmt: skip
    assert response.status_code == 201, response.content
    assert response.json()["total"]["amount"] == "33.25"


def test_a_method_switched_off_or_deleted_is_no_longer_offered(cached, saved):
    uk()
    assert "uk-express" in uk()
    with saved():
        ShippingMethod.objects.get(code="uk-express").delete()
    assert "uk-express" not in uk()
    with saved():
        method = ShippingMethod.objects.get(code="uk-standard")
        method.active = False
        method.save()
    assert uk() == {}


def test_a_new_zone_is_used_at_once(cached, saved):
    assert [o.code for o in options_for("JP", Money("29.00"))] == ["world-tracked"]
    options_for("JP", Money("29.00"))
    with saved():
        zone = ShippingZone.objects.create(name="Japan", countries="JP", sort_order=0)
        ShippingMethod.objects.create(zone=zone, code="jp-air", name="Japan Post air", price=Decimal("12.00"))
    assert [o.code for o in options_for("JP", Money("29.00"))] == ["jp-air"]


def test_a_closed_day_added_in_the_admin_moves_the_dates_at_once(cached, saved, admin_client):
    before = uk()["uk-express"]
    assert before.earliest == datetime.date(2026, 12, 1)
    uk()
    with saved():
        response = admin_client.post(
            "/admin/snippets/delivery/closedday/add/", {"date": "2026-12-01", "reason": "Stocktake"}
        )
    assert response.status_code == 302
    assert ClosedDay.objects.filter(date=datetime.date(2026, 12, 1)).exists()
    after = uk()["uk-express"]
    assert (after.earliest, after.latest) == (datetime.date(2026, 12, 2), datetime.date(2026, 12, 3))


def test_a_new_cut_off_is_used_at_once(cached, saved):
    from wagtail.models import Site

    from cerobio.shop.catalogue.models import ShopSettings

    afternoon = datetime.datetime.combine(MONDAY, datetime.time(15))
    uk(now=afternoon)
    assert uk(now=afternoon)["uk-express"].earliest == datetime.date(2026, 12, 2)  # after the 14:00 cut-off
    with saved():
        shop_settings = ShopSettings.for_site(Site.objects.get(is_default_site=True))
        shop_settings.dispatch_cutoff = datetime.time(16, 0)
        shop_settings.save()
    assert uk(now=afternoon)["uk-express"].earliest == datetime.date(2026, 12, 1)


def test_a_setup_worked_out_before_a_change_is_never_used_after_it(cached, saved):
    """A request that read the database just before an editor's change, and stored what it read just
    after, must not hand out the old prices."""
    uk()
    stale_generation = cache.get(fetch.GENERATION_KEY)
    stale = delivery_setup(MONDAY)
    with saved():
        method = ShippingMethod.objects.get(code="uk-standard")
        method.price = Decimal("5.00")
        method.save()
    cache.set(fetch.SETUP_KEY, (stale_generation, stale))  # the slow request stores what it read
    assert uk()["uk-standard"].price == Money("5.00")


def test_a_setup_is_worked_out_again_for_a_new_day(cached):
    delivery_setup(MONDAY)
    delivery_setup(MONDAY)
    with CaptureQueriesContext(connection) as queries:
        tuesday = delivery_setup(MONDAY + datetime.timedelta(days=1))
    assert tuesday.day == MONDAY + datetime.timedelta(days=1)
    assert delivery_queries(queries) != []


def test_with_redis_down_delivery_is_priced_from_the_database(shop, settings):
    settings.DELIVERY_CACHE = True
    backend = {"default": {"BACKEND": "cerobio.core.cache.FailOpenRedisCache", "LOCATION": f"redis://127.0.0.1:{closed_port()}/0"}}
    with override_settings(CACHES=backend):
        options = uk()
        assert options["uk-standard"].price == Money("3.50")
        assert options["uk-express"].earliest == datetime.date(2026, 12, 1)
