"""An editor's change to delivery (a price, a method, a zone, a closed day, the cut-off) is used from
the next request after it is saved, at checkout too."""

import datetime
from decimal import Decimal

import pytest

from cerobio.shop.conftest import SKU, api_body, new_basket
from cerobio.shop.delivery.fetch import options_for
from cerobio.shop.delivery.models import ClosedDay, ShippingMethod, ShippingZone
from cerobio.shop.money import Money

MONDAY = datetime.date(2026, 11, 30)


def uk(subtotal="29.00", now=None) -> dict:
    return {o.code: o for o in options_for("GB", Money(subtotal), now or datetime.datetime.combine(MONDAY, datetime.time(9)))}


@pytest.fixture
def saved(django_capture_on_commit_callbacks):
    """Run the block's on-commit callbacks, as the editor's request would once it commits."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def test_a_new_price_is_charged_from_the_next_request(shop, saved, client):
    assert uk()["uk-standard"].price == Money("3.50")
    with saved():
        method = ShippingMethod.objects.get(code="uk-standard")
        method.price = Decimal("4.25")
        method.save()
    assert uk()["uk-standard"].price == Money("4.25")
    basket = new_basket(SKU, 1)
    response = client.post(f"/api/v1/baskets/{basket.token}/checkout", api_body(), content_type="application/json",
                           headers={"Idempotency-Key": "delivery-change-1"})  # fmt: skip
    assert response.status_code == 201, response.content
    assert response.json()["total"]["amount"] == "33.25"


def test_a_method_switched_off_or_deleted_is_no_longer_offered(shop, saved):
    assert "uk-express" in uk()
    with saved():
        ShippingMethod.objects.get(code="uk-express").delete()
    assert "uk-express" not in uk()
    with saved():
        method = ShippingMethod.objects.get(code="uk-standard")
        method.active = False
        method.save()
    assert uk() == {}


def test_a_new_zone_is_used_at_once(shop, saved):
    assert [o.code for o in options_for("JP", Money("29.00"))] == ["world-tracked"]
    with saved():
        zone = ShippingZone.objects.create(name="Japan", countries="JP", sort_order=0)
        ShippingMethod.objects.create(zone=zone, code="jp-air", name="Japan Post air", price=Decimal("12.00"))
    assert [o.code for o in options_for("JP", Money("29.00"))] == ["jp-air"]


def test_a_closed_day_added_in_the_admin_moves_the_dates_at_once(shop, saved, admin_client):
    before = uk()["uk-express"]
    assert before.earliest == datetime.date(2026, 12, 1)
    with saved():
        response = admin_client.post(
            "/admin/snippets/delivery/closedday/add/", {"date": "2026-12-01", "reason": "Stocktake"}
        )
    assert response.status_code == 302
    assert ClosedDay.objects.filter(date=datetime.date(2026, 12, 1)).exists()
    after = uk()["uk-express"]
    assert (after.earliest, after.latest) == (datetime.date(2026, 12, 2), datetime.date(2026, 12, 3))


def test_a_new_cut_off_saved_in_the_admin_is_used_at_once(shop, saved, admin_client):
    from wagtail.models import Site

    afternoon = datetime.datetime.combine(MONDAY, datetime.time(15))
    uk(now=afternoon)
    assert uk(now=afternoon)["uk-express"].earliest == datetime.date(2026, 12, 2)  # after the 14:00 cut-off
    site = Site.objects.get(is_default_site=True)
    with saved():
        response = admin_client.post(f"/admin/settings/delivery/deliverysettings/{site.pk}/", {"dispatch_cutoff": "16:00"})
    assert response.status_code == 302
    assert uk(now=afternoon)["uk-express"].earliest == datetime.date(2026, 12, 1)




@pytest.mark.parametrize("model", ["delivery.DeliverySettings", "delivery.ShippingZone", "shop.ShopSettings"])
def test_a_delivery_or_shop_settings_edit_refreshes_every_cached_page(shop, settings, django_capture_on_commit_callbacks, model):
    """Every page shows these (the delivery page's table, the product's shipping details, the footer)."""
    from django.apps import apps
    from wagtail.models import Site

    from cerobio.core.purge import content_version, refresh_every_page

    model = apps.get_model(model)
    record = model.for_site(Site.objects.get(is_default_site=True)) if hasattr(model, "for_site") else model.objects.first()
    settings.WAGTAILFRONTENDCACHE = {"nginx": {"BACKEND": "cerobio.core.frontend_cache.NginxCacheBackend"}}
    before = content_version()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        record.save()
    assert refresh_every_page in callbacks
    assert content_version() != before  # the cached fragments are out of date too
