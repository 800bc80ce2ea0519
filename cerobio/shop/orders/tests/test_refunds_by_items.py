"""Refunds by items and quantities with a summary before money moves, returns after dispatch, and an
order page whose payment status tells the truth."""

import re
from decimal import Decimal

import pytest
from django.core import mail

from cerobio.shop.catalogue.models import StockMovement
from cerobio.shop.conftest import (
    CREAM,
    DECLINED_CARD,
    SKU,
    api_body,
    new_basket,
    set_stock,
    stock_of,
)
from cerobio.shop.orders import refunds
from cerobio.shop.orders.actions import OrderActionRefused, dispatch
from cerobio.shop.orders.models import Order
from cerobio.shop.orders.tests.test_restocking import line_of, place
from cerobio.shop.payments.models import Refund
from cerobio.shop.payments.providers import PaymentError
from cerobio.shop.payments.providers.dummy import DummyProvider


@pytest.fixture
def order(client, shop):
    """3 × cream refill and 1 kit, paid, not sent."""
    set_stock(CREAM, 100)
    return place(client, {CREAM: 3, SKU: 1}, "by-items")


def refund_url(order, kind="refund"):
    return f"/admin/shop/orders/{order.pk}/{kind}/"


def test_refund_one_item_of_three_shows_a_summary_then_refunds_its_price(admin_client, order, django_capture_on_commit_callbacks):
    cream = line_of(order, CREAM)
    form = admin_client.get(refund_url(order)).content.decode()
    assert f'name="units_{cream.pk}"' in form
    assert 'name="goodwill" value' not in form and f'name="units_{cream.pk}" id="id_units_{cream.pk}" min="0" max="3" value=""' in form
    chosen = {f"units_{cream.pk}": "1", "reason": "Jar arrived cracked", "refunded_before": "0.00"}
    summary = admin_client.post(refund_url(order), chosen).content.decode()
    assert "Check the refund before it is sent" in summary and f"Refund £{cream.unit_price} now" in summary
    assert not Refund.objects.filter(order=order).exists()  # nothing moved yet
    change = admin_client.post(refund_url(order), {**chosen, "confirm": "no"}).content.decode()
    assert "Show the refund summary" in change and f'name="units_{cream.pk}" id="id_units_{cream.pk}" min="0" max="3" value="1"' in change
    carried = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', summary))
    assert carried["refunded_before"] == "0.00" and carried[f"units_{cream.pk}"] == "1"
    with django_capture_on_commit_callbacks(execute=True):
        done = admin_client.post(refund_url(order), {**carried, "confirm": "yes"}, follow=True).content.decode()
    assert f"£{cream.unit_price} was refunded" in done
    order.refresh_from_db()
    cream.refresh_from_db()
    assert order.refunded_total == cream.unit_price and cream.refunded_quantity == 1 and order.status == "paid"
    assert stock_of(CREAM) == 97  # not put back: staff did not ask for it
    assert [e.subject for e in mail.outbox if "refunded" in e.subject] == [f"We have refunded you for order {order.number}"]
    page = admin_client.get(f"/admin/shop/orders/{order.pk}/").content.decode()
    refund = Refund.objects.get(order=order)
    assert refund.provider_reference in page and "Partly refunded" in page and f"1 × {CREAM}" in page


@pytest.fixture
def small_order(client, shop):
    """One cream refill: below the free delivery threshold, so delivery was charged."""
    set_stock(CREAM, 100)
    return place(client, {CREAM: 1}, "by-items-small")


def test_delivery_is_its_own_line_and_is_refunded_once(admin_client, small_order):
    order = small_order
    assert order.shipping_price > 0
    refunds.give_back(order.pk, refunds.Refunding(delivery=True), reason="Late")
    order.refresh_from_db()
    assert order.refunded_total == order.shipping_price and order.delivery_refunded
    with pytest.raises(OrderActionRefused, match="already been refunded"):
        refunds.give_back(order.pk, refunds.Refunding(delivery=True, goodwill=Decimal("1.00")), reason="Again")
    order.refresh_from_db()
    assert order.refunded_total == order.shipping_price  # the goodwill of the refused refund did not go through
    assert 'name="delivery"' not in admin_client.get(refund_url(order)).content.decode()


def test_items_delivery_and_goodwill_add_up(small_order, order):
    cream = line_of(small_order, CREAM)
    both = refunds.give_back(small_order.pk, refunds.Refunding(units={cream.pk: 1}, delivery=True), reason="All wrong")
    assert both.amount == cream.unit_price + small_order.shipping_price == small_order.total
    cream, kit = line_of(order, CREAM), line_of(order, SKU)
    extra = refunds.Refunding(units={cream.pk: 2, kit.pk: 1}, goodwill=Decimal("2.50"))
    assert refunds.give_back(order.pk, extra, reason="Sorry").amount == 2 * cream.unit_price + kit.unit_price + Decimal("2.50")
    too_much = refunds.Refunding(units={cream.pk: 1}, goodwill=order.total)
    with pytest.raises(OrderActionRefused, match="At most"):
        refunds.give_back(order.pk, too_much, reason="x")


def test_a_return_after_dispatch_puts_back_what_can_be_sold_writes_off_the_rest_and_refunds_both(
    admin_client, order, admin_user, django_capture_on_commit_callbacks
):
    dispatch(order.pk, carrier="Royal Mail", tracking_number="RM1", user=admin_user)
    cream = line_of(order, CREAM)
    chosen = {f"back_{cream.pk}": "1", f"lost_{cream.pk}": "1", "reason": "Changed mind; one opened", "refunded_before": "0.00"}
    summary = admin_client.post(refund_url(order, "return"), chosen).content.decode()
    assert f"Refund £{2 * cream.unit_price} now" in summary
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(refund_url(order, "return"), {**chosen, "confirm": "yes"})
    cream.refresh_from_db()
    order.refresh_from_db()
    assert (cream.restocked_quantity, cream.written_off_quantity, cream.refunded_quantity) == (1, 1, 2)
    assert order.refunded_total == 2 * cream.unit_price and stock_of(CREAM) == 98
    movement = StockMovement.objects.get(order=order, reason="returned")
    assert movement.change == 1 and movement.user == admin_user
    history = admin_client.get(f"/admin/shop/orders/{order.pk}/").content.decode()
    assert f"1 × {CREAM} back on sale" in history and f"1 × {CREAM} written off" in history
    # Only one unit is left to come back now.
    again = admin_client.post(refund_url(order, "return"), {**chosen, "refunded_before": str(order.refunded_total)})
    assert again.status_code == 400 and "Only 1 of" in again.content.decode()


def test_a_return_before_dispatch_is_refused_and_changes_nothing(admin_client, order):
    cream = line_of(order, CREAM)
    response = admin_client.post(refund_url(order, "return"), {f"back_{cream.pk}": "1", "reason": "x",
                                                               "refunded_before": "0.00", "confirm": "yes"}, follow=True)
    assert "has not been sent" in response.content.decode()
    with pytest.raises(OrderActionRefused, match="has not been sent"):
        refunds.give_back(order.pk, refunds.Refunding(units={cream.pk: 1}, back_on_sale={cream.pk: 1}),
                          reason="x", returned=True)
    order.refresh_from_db()
    cream.refresh_from_db()
    assert order.refunded_total == 0 and cream.restocked_quantity == 0 and stock_of(CREAM) == 97


def test_refunding_more_units_than_are_left_is_refused(admin_client, order):
    cream = line_of(order, CREAM)
    refunds.give_back(order.pk, refunds.Refunding(units={cream.pk: 2}), reason="two broken")
    with pytest.raises(OrderActionRefused, match="Only 1 of"):
        refunds.give_back(order.pk, refunds.Refunding(units={cream.pk: 2}), reason="again")
    response = admin_client.post(refund_url(order), {f"units_{cream.pk}": "2", "reason": "again",
                                                     "refunded_before": str(2 * cream.unit_price)})
    assert response.status_code == 400 and "0 to 1" in response.content.decode()
    cream.refresh_from_db()
    assert cream.refunded_quantity == 2 and Refund.objects.filter(order=order).count() == 1


def test_a_refund_of_nothing_is_refused(admin_client, order):
    response = admin_client.post(refund_url(order), {"reason": "nothing", "refunded_before": "0.00"})
    assert response.status_code == 400 and "comes to £0.00" in response.content.decode()
    assert not Refund.objects.filter(order=order).exists()


def test_confirming_a_summary_after_someone_else_refunded_changes_nothing(admin_client, order):
    cream = line_of(order, CREAM)
    chosen = {f"units_{cream.pk}": "1", "reason": "Cracked", "refunded_before": "0.00"}
    admin_client.post(refund_url(order), chosen)  # staff member A sees the summary...
    refunds.give_back(order.pk, refunds.Refunding(units={cream.pk: 1}), reason="B was quicker")
    response = admin_client.post(refund_url(order), {**chosen, "confirm": "yes"}, follow=True)  # ...and confirms
    assert "Nothing was refunded" in response.content.decode()
    assert "Another refund was made" in response.content.decode()
    order.refresh_from_db()
    assert order.refunded_total == cream.unit_price and Refund.objects.filter(order=order).count() == 1


def test_a_refund_the_provider_refuses_gives_every_count_back(order, admin_user, monkeypatch):
    dispatch(order.pk, carrier="DPD", tracking_number="D1", user=admin_user)

    def refused(self, order, amount, key):
        raise PaymentError("card closed")

    monkeypatch.setattr(DummyProvider, "refund", refused)
    cream = line_of(order, CREAM)
    choice = refunds.Refunding(units={cream.pk: 2}, back_on_sale={cream.pk: 1}, written_off={cream.pk: 1}, goodwill=Decimal("1.00"))
    with pytest.raises(OrderActionRefused, match="did not go through"):
        refunds.give_back(order.pk, choice, reason="x", returned=True)
    cream.refresh_from_db()
    order.refresh_from_db()
    assert (cream.refunded_quantity, cream.restocked_quantity, cream.written_off_quantity) == (0, 0, 0)
    assert order.refunded_total == 0 and not order.delivery_refunded and stock_of(CREAM) == 97
    assert Refund.objects.get(order=order).status == "failed"


def test_a_fully_refunded_order_does_not_say_paid(admin_client, order):
    refunds.give_back(order.pk, refunds.Refunding(rest=True), reason="all")
    page = admin_client.get(f"/admin/shop/orders/{order.pk}/").content.decode()
    assert "Refunded in full" in page and f"Paid £{order.total}." not in page


def test_a_declined_order_never_says_paid_in_test_mode(admin_client, client, shop):
    basket = new_basket(SKU, 1)
    response = client.post(f"/api/v1/baskets/{basket.token}/checkout", api_body(card=DECLINED_CARD.replace(" ", "")),
                           content_type="application/json", headers={"Idempotency-Key": "declined-status"})
    assert response.status_code == 402
    order = Order.objects.get(basket=basket)
    page = admin_client.get(f"/admin/shop/orders/{order.pk}/").content.decode()
    assert "Not paid: the card was declined" in page
    assert "test mode" not in page.lower() and "Paid £" not in page
    assert order.payments.get().reference in page
    assert client.get(refund_url(order)).status_code in (302, 403)  # not staff at all
    refused = admin_client.get(refund_url(order), follow=True).content.decode()
    assert "Nothing can be refunded" in refused


def test_staff_who_may_only_look_cannot_refund(client, django_user_model, order):
    from django.contrib.auth.models import Permission

    from cerobio.twofactor.testing import verified_login

    viewer = django_user_model.objects.create_user("viewer", password="x")
    viewer.user_permissions.add(*Permission.objects.filter(codename__in=["access_admin", "view_order"]))
    verified_login(client, viewer)
    assert client.get(f"/admin/shop/orders/{order.pk}/").status_code == 200
    assert client.post(refund_url(order), {"goodwill": "5.00", "reason": "x", "refunded_before": "0.00",
                                           "confirm": "yes"}).status_code in (302, 403)
    order.refresh_from_db()
    assert order.refunded_total == 0
