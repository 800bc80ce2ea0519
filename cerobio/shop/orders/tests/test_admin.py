"""Shop staff in the Wagtail admin: find orders, dispatch with tracking, refund, cancel, stock."""

import csv
import io

import pytest
from django.core import mail

from cerobio.shop.catalogue.models import ProductVariant, StockMovement
from cerobio.shop.conftest import SKU, api_body, new_basket, stock_of
from cerobio.shop.orders.models import Order
from cerobio.twofactor.testing import verified_login

JSON = "application/json"


@pytest.fixture
def paid_order(client, shop, django_capture_on_commit_callbacks):
    basket = new_basket(SKU, 2)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/api/v1/baskets/{basket.token}/checkout", api_body(), content_type=JSON,
                               headers={"Idempotency-Key": "admin-test-key"})
    assert response.status_code == 201
    mail.outbox.clear()
    return Order.objects.get(token=response.json()["token"])


def test_orders_are_listed_and_filtered(admin_client, paid_order):
    html = admin_client.get("/admin/shop/orders/").content.decode()
    assert paid_order.number in html and "1 paid order to pack" in html
    assert paid_order.number in admin_client.get("/admin/shop/orders/?status=paid").content.decode()
    assert paid_order.number not in admin_client.get("/admin/shop/orders/?status=dispatched").content.decode()
    assert paid_order.number not in admin_client.get("/admin/shop/orders/?date_from=2099-01-01").content.decode()
    assert paid_order.number in admin_client.get(f"/admin/shop/orders/?q={paid_order.email}").content.decode()


def test_staff_dispatch_with_tracking_shows_on_the_order_page_and_in_the_email(admin_client, client, paid_order, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            f"/admin/shop/orders/{paid_order.pk}/dispatch/",
            {"carrier": "Royal Mail", "tracking_number": "RM123456785GB", "tracking_url": "https://www.royalmail.com/track-your-item#/tracking-results/RM123456785GB"},
            follow=True,
        )
    assert "is marked dispatched" in response.content.decode()
    order = Order.objects.get(pk=paid_order.pk)
    assert order.status == "dispatched" and order.tracking_number == "RM123456785GB"
    page = client.get(f"/orders/{order.token}/").content.decode()
    assert "Your order is on its way" in page and "RM123456785GB" in page and "Royal Mail" in page
    (email,) = mail.outbox
    assert "on its way" in email.subject and "RM123456785GB" in email.body and "royalmail.com" in email.body
    assert f"/orders/{order.token}/" in email.body
    assert client.get(f"/api/v1/orders/{order.token}").json()["tracking"]["number"] == "RM123456785GB"
    history = admin_client.get(f"/admin/shop/orders/{order.pk}/").content.decode()
    assert "Sent with Royal Mail, tracking number RM123456785GB" in history and "admin" in history


def test_dispatch_needs_a_tracking_number_and_a_paid_order(admin_client, paid_order):
    response = admin_client.post(f"/admin/shop/orders/{paid_order.pk}/dispatch/", {"carrier": "DPD"}, follow=True)
    assert "Nothing was changed" in response.content.decode()
    Order.objects.filter(pk=paid_order.pk).update(status="cancelled")
    response = admin_client.post(f"/admin/shop/orders/{paid_order.pk}/dispatch/", {"carrier": "DPD", "tracking_number": "X1"}, follow=True)
    assert "Only paid orders can be dispatched" in response.content.decode()


def test_partial_then_full_refund(admin_client, paid_order, django_capture_on_commit_callbacks):
    url = f"/admin/shop/orders/{paid_order.pk}/refund/"
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(url, {"goodwill": "10.00", "reason": "Late delivery", "refunded_before": "0.00", "confirm": "yes"})
    order = Order.objects.get(pk=paid_order.pk)
    assert order.status == "paid" and str(order.refunded_total) == "10.00"
    too_much = admin_client.post(url, {"goodwill": "99.00", "reason": "x", "refunded_before": "10.00", "confirm": "yes"})
    assert too_much.status_code == 400 and "at most £48.00 can still be refunded" in too_much.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(url, {"goodwill": "48.00", "reason": "Customer returned it", "refunded_before": "10.00",
                                "confirm": "yes"})
    order.refresh_from_db()
    assert order.status == "refunded" and order.refunded_total == order.total
    assert [e.subject for e in mail.outbox] == [f"We have refunded you for order {order.number}"] * 2


def test_cancel_puts_stock_back_and_refunds(admin_client, paid_order, django_capture_on_commit_callbacks):
    assert stock_of(SKU) == 48
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(f"/admin/shop/orders/{paid_order.pk}/cancel/", {"reason": "Customer asked"})
    order = Order.objects.get(pk=paid_order.pk)
    assert order.status == "cancelled" and order.refunded_total == order.total
    assert stock_of(SKU) == 50
    assert StockMovement.objects.filter(order=order, reason="returned", change=2).exists()


def test_packing_slip_and_csv_export(admin_client, paid_order):
    slip = admin_client.get(f"/admin/shop/orders/{paid_order.pk}/packing-slip/").content.decode()
    assert paid_order.number in slip and SKU in slip and "SW1A 1AA" in slip
    assert "LONDON" in slip  # the label follows the post's rules; the customer's pages say "London"
    response = admin_client.get("/admin/shop/orders/export.csv?status=paid")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][0] == "Order number" and rows[1][0] == paid_order.number and rows[1][7] == f"2 x {SKU}"


def test_stock_edits_are_recorded_and_low_stock_warns_on_the_dashboard(admin_client, admin_user, shop):
    variant = ProductVariant.objects.get(sku=SKU)
    admin_client.post(f"/admin/shop/stock/{variant.pk}/", {"units": "4", "reason": "count", "note": "Shelf count"})
    assert stock_of(SKU) == 4
    movement = StockMovement.objects.filter(variant=variant).first()
    assert (movement.change, movement.quantity_after, movement.user, movement.note) == (-46, 4, admin_user, "Shelf count")
    assert "Shelf count" in admin_client.get("/admin/shop/stock/").content.decode()
    dashboard = admin_client.get("/admin/").content.decode()
    assert "Shop: low stock" in dashboard and "CRB-KIT-STD" in dashboard
    refused = admin_client.post(f"/admin/shop/stock/{variant.pk}/", {"units": "-1", "reason": "count"}, follow=True)
    assert "was not changed" in refused.content.decode() and stock_of(SKU) == 4


def test_a_delivery_or_a_loss_changes_the_level_without_losing_a_sale_made_meanwhile(admin_client, client, shop):
    variant = ProductVariant.objects.get(sku=SKU)
    assert stock_of(SKU) == 50
    admin_client.get("/admin/shop/stock/")  # staff open the page at 50...
    basket = new_basket(SKU, 1)  # ...a customer buys one while they type...
    sold = client.post(f"/api/v1/baskets/{basket.token}/checkout", api_body(), content_type=JSON,
                       headers={"Idempotency-Key": "sold-meanwhile"})
    assert sold.status_code == 201 and stock_of(SKU) == 49
    admin_client.post(f"/admin/shop/stock/{variant.pk}/", {"units": "20", "reason": "received", "note": "PO 7"})
    assert stock_of(SKU) == 69  # the sale is kept: 50 - 1 + 20
    admin_client.post(f"/admin/shop/stock/{variant.pk}/", {"units": "2", "reason": "damaged"})
    assert stock_of(SKU) == 67
    changes = [(m.change, m.reason) for m in StockMovement.objects.filter(variant=variant)[:2]]
    assert changes == [(-2, "damaged"), (20, "received")]


def test_taking_away_more_than_is_in_stock_is_refused(admin_client, shop):
    variant = ProductVariant.objects.get(sku=SKU)
    before = StockMovement.objects.count()
    refused = admin_client.post(f"/admin/shop/stock/{variant.pk}/", {"units": "51", "reason": "damaged"}, follow=True)
    page = refused.content.decode()
    assert "was not changed" in page and "only 50 in stock" in page
    nothing = admin_client.post(f"/admin/shop/stock/{variant.pk}/", {"units": "0", "reason": "received"}, follow=True)
    assert "was not changed" in nothing.content.decode()
    assert stock_of(SKU) == 50 and StockMovement.objects.count() == before


def test_orders_are_for_shop_staff_only(client, django_user_model, paid_order):
    from django.contrib.auth.models import Permission

    editor = django_user_model.objects.create_user("editor", password="x")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    verified_login(client, editor)
    assert client.get("/admin/shop/orders/").status_code in (302, 403)
    assert client.post(f"/admin/shop/orders/{paid_order.pk}/cancel/", {"reason": "x"}).status_code in (302, 403)
    assert Order.objects.get(pk=paid_order.pk).status == "paid"


def test_shop_editing_screens_open(admin_client, shop):
    from cerobio.shop.catalogue.models import ProductPage

    page = ProductPage.objects.get(slug="cerobio-exfoliating-kit")
    edit = admin_client.get(f"/admin/pages/{page.pk}/edit/")
    assert edit.status_code == 200 and "Stock levels are changed in" in edit.content.decode()
    assert admin_client.get("/admin/snippets/delivery/shippingzone/").status_code == 200
    assert "Shop" in admin_client.get("/admin/").content.decode()
