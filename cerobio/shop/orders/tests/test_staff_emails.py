"""The shop is emailed once for each new paid order, and once when an item falls to its low-stock level."""

import pytest
from django.core import mail
from django.core.mail import EmailMultiAlternatives
from django.test import override_settings

from cerobio.shop.catalogue.models import ProductVariant
from cerobio.shop.catalogue.stock_actions import change_stock
from cerobio.shop.conftest import CREAM, DECLINED_CARD, SKU, api_body, new_basket, set_stock
from cerobio.shop.orders.actions import mark_paid
from cerobio.shop.orders.emails import send_new_order_to_shop
from cerobio.shop.orders.models import Order
from cerobio.shop.orders.tests.test_restocking import place

SHOP = "shop@cerobio.example"
pytestmark = pytest.mark.usefixtures("shop")


def to_shop():
    return [m for m in mail.outbox if m.to == [SHOP]]


@override_settings(SHOP_STAFF_EMAIL=SHOP)
def test_a_new_paid_order_emails_the_shop_once(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        order = place(client, {SKU: 1}, "staff-new")
    (email,) = to_shop()
    assert order.number in email.subject and SKU in email.body and f"/admin/shop/orders/{order.pk}/" in email.body
    # The same payment reported again (a webhook after the return page), and the task run again
    # (a worker retrying it), tell the shop nothing more.
    payment = order.payments.get()
    with django_capture_on_commit_callbacks(execute=True):
        assert mark_paid(order.pk, provider=payment.provider, reference=payment.reference, amount=order.total) is None
    send_new_order_to_shop.call(order_id=order.pk)
    assert len(to_shop()) == 1
    order.refresh_from_db()
    assert order.staff_notified_at is not None


@override_settings(SHOP_STAFF_EMAIL=SHOP)
def test_an_email_that_could_not_be_sent_is_sent_when_the_task_runs_again(client, monkeypatch, django_capture_on_commit_callbacks):
    send = EmailMultiAlternatives.send

    def shop_mail_down(self, fail_silently=False):
        if self.to == [SHOP]:
            raise ConnectionRefusedError("mail server down")
        return send(self, fail_silently)

    monkeypatch.setattr(EmailMultiAlternatives, "send", shop_mail_down)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            order = place(client, {SKU: 1}, "staff-retry")
    except ConnectionRefusedError:
        order = Order.objects.latest("pk")
    order.refresh_from_db()
    assert order.status == "paid" and order.staff_notified_at is None and to_shop() == []  # not marked: not sent
    monkeypatch.setattr(EmailMultiAlternatives, "send", send)
    send_new_order_to_shop.call(order_id=order.pk)
    assert len(to_shop()) == 1


def test_without_a_shop_address_nothing_is_sent_to_the_shop(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        order = place(client, {SKU: 1}, "staff-none")
    assert [m.to for m in mail.outbox] == [[order.email]]


@override_settings(SHOP_STAFF_EMAIL=SHOP)
def test_a_declined_payment_tells_the_shop_nothing(client, django_capture_on_commit_callbacks):
    basket = new_basket(SKU, 1)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/api/v1/baskets/{basket.token}/checkout", api_body(card=DECLINED_CARD.replace(" ", "")),
                               content_type="application/json", headers={"Idempotency-Key": "staff-declined"})
    assert response.status_code == 402 and to_shop() == []


@override_settings(SHOP_STAFF_EMAIL=SHOP)
def test_low_stock_emails_once_when_the_level_is_crossed_and_again_after_a_delivery(
    client, admin_user, django_capture_on_commit_callbacks
):
    set_stock(CREAM, 12)  # the warning level is 10
    variant = ProductVariant.objects.get(sku=CREAM)
    with django_capture_on_commit_callbacks(execute=True):
        place(client, {CREAM: 1}, "low-stock-1")  # 11: above the level
    assert [m for m in to_shop() if "Low stock" in m.subject] == []
    with django_capture_on_commit_callbacks(execute=True):
        place(client, {CREAM: 1}, "low-stock-2")  # 10: crossed
        place(client, {CREAM: 2}, "low-stock-3")  # 8: still low, no second email
    low = [m for m in to_shop() if "Low stock" in m.subject]
    assert len(low) == 1 and CREAM in low[0].subject and "10 left" in low[0].subject
    with django_capture_on_commit_callbacks(execute=True):
        change_stock(variant, units=20, reason="received", user=admin_user)  # 28: above again
        change_stock(variant, units=18, reason="damaged", user=admin_user)  # 10: crossed again
    low = [m for m in to_shop() if "Low stock" in m.subject]
    assert [m.subject for m in low] == [f"Low stock: {CREAM} has 10 left"] * 2
