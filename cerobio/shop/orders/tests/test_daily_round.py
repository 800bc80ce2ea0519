"""The daily round in the admin: finding orders, the list at a glance, orders to pack, packing slips
and dispatch in bulk, tracking links made from the carrier, and the stock history."""

import pytest
from django.core import mail
from django.test import override_settings

from cerobio.shop.catalogue.models import ProductVariant
from cerobio.shop.catalogue.stock_actions import change_stock
from cerobio.shop.conftest import CREAM, SKU, address, api_body, new_basket, set_stock
from cerobio.shop.orders import refunds
from cerobio.shop.orders.actions import dispatch
from cerobio.shop.orders.models import Order
from cerobio.shop.orders.tests.test_restocking import line_of

JSON = "application/json"


def place_for(client, key, sku=SKU, quantity=1, **changes):
    basket = new_basket(sku, quantity)
    response = client.post(f"/api/v1/baskets/{basket.token}/checkout", api_body(**changes), content_type=JSON,
                           headers={"Idempotency-Key": key})
    assert response.status_code == 201, response.content
    return Order.objects.get(token=response.json()["token"])


@pytest.fixture
def orders(client, shop):
    """Three paid orders: Ann's kit in London, Bob's creams in Leeds, Cy's kit in Edinburgh."""
    set_stock(CREAM, 100)
    ann = place_for(client, "round-ann")
    bob = place_for(client, "round-bob", CREAM, 2, email="bob@example.org",
                    shipping_address=address(name="Bob Brown", line1="3 Park Row", city="Leeds", postcode="LS1 5HD"))
    cy = place_for(client, "round-cy", email="cy@example.net",
                   shipping_address=address(name="Cy Young", line1="9 Rose Street", city="Edinburgh", postcode="EH2 2PR"))
    mail.outbox.clear()
    return ann, bob, cy


def found(admin_client, **query):
    html = admin_client.get("/admin/shop/orders/", query).content.decode()
    return html


def test_find_an_order_by_number_email_name_postcode_or_sku(admin_client, orders):
    ann, bob, cy = orders
    digits = bob.number.removeprefix("CRB-")
    for q in (bob.number, bob.number.lower(), digits, str(int(digits)), "bob@example.org", "bob brown",
              "LS1 5HD", "ls15hd", "LS1", CREAM, CREAM.lower()):
        html = found(admin_client, q=q)
        assert bob.number in html and ann.number not in html and cy.number not in html, q
    kits = found(admin_client, q=SKU)
    assert ann.number in kits and cy.number in kits and bob.number not in kits
    assert "No orders match" in found(admin_client, q="ZZ9 9ZZ")


def test_the_list_shows_items_delivery_and_refunds_and_sorts(admin_client, orders):
    bob = orders[1]
    refunds.refund(bob.pk, amount="5.00", reason="late")
    html = found(admin_client)
    assert f"2 × {CREAM}" in html and f"1 × {SKU}" in html and bob.shipping_name in html and "£5.00" in html
    by_total = found(admin_client, sort="total_low")
    ordered = sorted(orders, key=lambda o: (o.total, o.pk))
    positions = [by_total.index(o.number) for o in ordered]
    assert positions == sorted(positions)
    assert "Check the filter" in found(admin_client, sort="nonsense")


def test_the_dashboard_shows_the_orders_to_pack(admin_client, orders, admin_user):
    dispatch(orders[0].pk, carrier="Royal Mail", tracking_number="RM1", user=admin_user)
    dashboard = admin_client.get("/admin/").content.decode()
    assert "Shop: orders to pack" in dashboard and "2 paid orders" in dashboard
    assert orders[1].number in dashboard and orders[0].number not in dashboard


def test_packing_slips_for_several_orders_print_as_one_document(admin_client, orders):
    ann, bob, cy = orders
    refunds.refund(bob.pk, amount="19.00", reason="one jar out", restock_units={line_of(bob, CREAM).pk: 1})
    response = admin_client.get("/admin/shop/orders/packing-slips/", {"order": [ann.pk, bob.pk, cy.pk]})
    html = response.content.decode()
    assert response.status_code == 200 and html.count('class="slip"') == 3
    assert all(o.number in html for o in orders) and "EDINBURGH" in html and "LEEDS" in html
    bob_slip = html[html.index(f"packing slip {bob.number}"):html.index(f"packing slip {cy.number}")]
    assert "<strong>1</strong>" in bob_slip  # the unit put back on sale is not packed
    none = admin_client.get("/admin/shop/orders/packing-slips/", follow=True).content.decode()
    assert "Tick the orders" in none


def test_bulk_dispatch_marks_each_order_sent_with_a_tracking_link_from_the_carrier(admin_client, orders, django_capture_on_commit_callbacks):
    ann, bob, cy = orders
    form = admin_client.get("/admin/shop/orders/dispatch/", {"order": [ann.pk, bob.pk]}).content.decode()
    assert f'name="tracking_{ann.pk}"' in form and f'name="tracking_{bob.pk}"' in form and cy.number not in form
    with django_capture_on_commit_callbacks(execute=True):
        done = admin_client.post("/admin/shop/orders/dispatch/", {
            "order": [ann.pk, bob.pk], "all-carrier": "Royal Mail",
            f"tracking_{ann.pk}": "RM 123456785GB", f"tracking_{bob.pk}": "RM987654321GB",
        }, follow=True).content.decode()
    assert "2 orders are marked dispatched" in done
    ann.refresh_from_db()
    assert ann.status == "dispatched" and ann.carrier == "Royal Mail"
    assert ann.tracking_url == "https://www.royalmail.com/track-your-item#/tracking-results/RM%20123456785GB"
    assert sorted(m.to[0] for m in mail.outbox) == ["ann@example.com", "bob@example.org"]
    assert all("on its way" in m.subject and "royalmail.com" in m.body for m in mail.outbox)


def test_bulk_dispatch_dispatches_none_if_any_cannot_be(admin_client, orders):
    ann, bob, cy = orders
    refunds.cancel(cy.pk, reason="asked")
    base = {"order": [ann.pk, cy.pk], "all-carrier": "DPD", f"tracking_{ann.pk}": "D1", f"tracking_{cy.pk}": "D2"}
    refused = admin_client.post("/admin/shop/orders/dispatch/", base)
    assert refused.status_code == 400 and "Nothing was changed" in refused.content.decode() and cy.number in refused.content.decode()
    missing = admin_client.post("/admin/shop/orders/dispatch/", {**base, "order": [ann.pk, bob.pk], f"tracking_{bob.pk}": ""})
    assert missing.status_code == 400 and f"tracking number (letters, digits, spaces, dashes) for {bob.number}" in missing.content.decode()
    carrier = admin_client.post("/admin/shop/orders/dispatch/", {**base, "order": [ann.pk], "all-carrier": "Pigeon"})
    assert carrier.status_code == 400
    assert set(Order.objects.values_list("status", flat=True)) == {"paid", "cancelled"} and mail.outbox == []


@override_settings(SHOP_CARRIERS={"Royal Mail": "https://rm.example/t/{number}", "Courier Co": "https://cc.example/?n={number}"})
def test_the_carriers_are_a_setting(admin_client, orders, django_capture_on_commit_callbacks):
    page = admin_client.get(f"/admin/shop/orders/{orders[0].pk}/").content.decode()
    assert '<option value="Courier Co">' in page and "DPD" not in page
    admin_client.post(f"/admin/shop/orders/{orders[0].pk}/dispatch/", {"carrier": "Courier Co", "tracking_number": "CC/1"})
    orders[0].refresh_from_db()
    assert orders[0].status == "paid"  # "/" is not on a label: refused
    admin_client.post(f"/admin/shop/orders/{orders[0].pk}/dispatch/", {"carrier": "Courier Co", "tracking_number": "CC 1"})
    orders[0].refresh_from_db()
    assert orders[0].tracking_url == "https://cc.example/?n=CC%201"


def test_stock_history_is_paged_and_filtered_by_item_and_reason(admin_client, admin_user, shop):
    kit, cream = ProductVariant.objects.get(sku=SKU), ProductVariant.objects.get(sku=CREAM)
    for i in range(55):
        change_stock(kit, units=1, reason="received", note=f"delivery {i}", user=admin_user)
    change_stock(cream, units=2, reason="damaged", note="dropped", user=admin_user)
    first = admin_client.get("/admin/shop/stock/").content.decode()
    assert "Page 1 of 2" in first and "dropped" in first and "delivery 54" in first and "delivery 0<" not in first
    older = admin_client.get("/admin/shop/stock/", {"p": 2}).content.decode()
    assert "delivery 0<" in older
    damaged = admin_client.get("/admin/shop/stock/", {"reason": "damaged"}).content.decode()
    assert "dropped" in damaged and "delivery 54" not in damaged
    creams = admin_client.get("/admin/shop/stock/", {"sku": CREAM}).content.decode()
    assert "dropped" in creams and "delivery 5" not in creams
    nonsense = admin_client.get("/admin/shop/stock/", {"reason": "stolen-by-elves"}).content.decode()
    assert "No changes match" in nonsense
