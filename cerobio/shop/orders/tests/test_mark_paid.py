"""Recording a payment (orders/actions.py `mark_paid`): what staff and customers see afterwards.

A checkout paid at once records its payment in the transaction that marks the order paid; a
payment that cannot be accepted (a second one, a wrong amount, a cancelled order) is still kept on
record for staff to refund, and changes nothing else.
"""

import datetime
from decimal import Decimal

import pytest
from django.core import mail
from django.utils import timezone

from cerobio.shop.basket.fetch import view
from cerobio.shop.basket.models import Basket
from cerobio.shop.checkout.complete import place_order
from cerobio.shop.checkout.details import CheckoutRequest, check
from cerobio.shop.conftest import SKU, address, api_body, new_basket, set_stock, stock_of
from cerobio.shop.orders.actions import OrderActionRefused, fail_payment, mark_paid
from cerobio.shop.orders.models import Order, OrderEvent
from cerobio.shop.payments.models import Payment
from cerobio.shop.payments.providers import get_provider

JSON = "application/json"


def _placed(key: str, basket=None) -> Order:
    """An order waiting for its payment, with its stock held (as before the customer pays)."""
    basket = basket or new_basket(SKU, 1)
    req = CheckoutRequest(email="ann@example.com", address=address(), shipping_method="uk-standard",
                          accept_terms=True, payment={"method": "dummy", "card_number": "4242424242424242"})  # fmt: skip
    order, created = place_order(basket, check(req, view(basket).subtotal, get_provider()), req, key, "dummy")
    assert created
    return order


def test_a_paid_checkout_has_one_succeeded_payment_and_a_submitted_basket(client, shop, django_capture_on_commit_callbacks):
    basket = new_basket(SKU, 1)
    before = stock_of(SKU)
    with django_capture_on_commit_callbacks(execute=True):
            response = client.post(f"/api/v1/baskets/{basket.token}/checkout", api_body(), content_type=JSON,
                               headers={"Idempotency-Key": "mark-paid-1"})  # fmt: skip
    assert response.status_code == 201, response.content
    assert response.json()["status"] == "paid"
    order = Order.objects.get(token=response.json()["token"])
    (payment,) = order.payments.all()
    assert (payment.status, payment.amount, payment.provider) == ("succeeded", order.total, "dummy")
    assert order.paid_at is not None and not order.stock_problem
    assert Basket.objects.get(pk=basket.pk).status == Basket.Status.SUBMITTED
    assert stock_of(SKU) == before - 1
    assert len(mail.outbox) == 1


def test_the_same_payment_reported_twice_marks_the_order_paid_once(shop, django_capture_on_commit_callbacks):
    order = _placed("mark-paid-2")
    before = stock_of(SKU)
    with django_capture_on_commit_callbacks(execute=True):
        first = mark_paid(order.pk, provider="dummy", reference="dummy_twice", amount=order.total)
        second = mark_paid(order.pk, provider="dummy", reference="dummy_twice", amount=order.total)
    assert first is not None and first.status == Order.Status.PAID
    assert second is None
    assert Payment.objects.filter(reference="dummy_twice").count() == 1
    assert stock_of(SKU) == before - 1
    assert OrderEvent.objects.filter(order=order, kind=OrderEvent.Kind.PAID).count() == 1
    assert len(mail.outbox) == 1


def test_a_second_payment_for_a_paid_order_is_kept_for_a_refund_and_changes_nothing(
    shop, django_capture_on_commit_callbacks
):
    order = _placed("mark-paid-3")
    with django_capture_on_commit_callbacks(execute=True):
        mark_paid(order.pk, provider="dummy", reference="dummy_first", amount=order.total)
    stock = stock_of(SKU)
    with django_capture_on_commit_callbacks(execute=True):
        assert mark_paid(order.pk, provider="dummy", reference="dummy_second", amount=order.total) is None
    second = Payment.objects.get(reference="dummy_second")
    assert second.status == Payment.Status.PENDING and second.order_id == order.pk
    assert stock_of(SKU) == stock
    assert len(mail.outbox) == 1


def test_a_payment_for_the_wrong_amount_is_recorded_but_not_accepted(shop):
    order = _placed("mark-paid-4")
    assert mark_paid(order.pk, provider="dummy", reference="dummy_short", amount=order.total - Decimal("1")) is None
    order.refresh_from_db()
    assert order.status == Order.Status.PENDING_PAYMENT and order.paid_at is None
    assert Payment.objects.get(reference="dummy_short").status == Payment.Status.PENDING
    note = OrderEvent.objects.get(order=order, kind=OrderEvent.Kind.NOTE)
    assert "not accepted" in note.message
    assert mail.outbox == []


def test_a_payment_for_a_cancelled_order_is_flagged_for_a_refund(shop):
    order = _placed("mark-paid-5")
    Order.objects.filter(pk=order.pk).update(status=Order.Status.CANCELLED)
    assert mark_paid(order.pk, provider="dummy", reference="dummy_late", amount=order.total) is None
    assert Payment.objects.get(reference="dummy_late").status == Payment.Status.PENDING
    assert "refund it" in OrderEvent.objects.get(order=order, kind=OrderEvent.Kind.NOTE).message
    assert Order.objects.get(pk=order.pk).status == Order.Status.CANCELLED


def test_a_late_payment_for_an_older_order_leaves_the_basket_with_its_newer_order(shop):
    """The first payment failed, the customer started again from the same basket, then the first
    payment arrived after all: the older order is paid, the basket stays with the newer one."""
    old = _placed("mark-paid-6a")
    fail_payment(old.pk, reason="Card declined.")
    basket = Basket.objects.get(pk=old.basket_id)
    assert basket.status == Basket.Status.OPEN
    new = _placed("mark-paid-6b", basket=basket)
    assert mark_paid(old.pk, provider="dummy", reference="dummy_old", amount=old.total) is not None
    assert Basket.objects.get(pk=basket.pk).status == Basket.Status.FROZEN
    assert mark_paid(new.pk, provider="dummy", reference="dummy_new", amount=new.total) is not None
    assert Basket.objects.get(pk=basket.pk).status == Basket.Status.SUBMITTED


def test_a_payment_reference_of_another_order_is_refused(shop):
    first, second = _placed("mark-paid-7a"), _placed("mark-paid-7b")
    mark_paid(first.pk, provider="dummy", reference="dummy_shared", amount=first.total)
    with pytest.raises(OrderActionRefused):
        mark_paid(second.pk, provider="dummy", reference="dummy_shared", amount=second.total)
    assert Order.objects.get(pk=second.pk).paid_at is None
    # Nothing of the refused call is kept: the payment stays the first order's, no event was added.
    assert list(Payment.objects.filter(reference="dummy_shared").values_list("order_id", "status")) == [
        (first.pk, Payment.Status.SUCCEEDED)
    ]
    assert list(OrderEvent.objects.filter(order=second).values_list("kind", flat=True)) == [OrderEvent.Kind.PLACED]


def test_a_payment_recorded_while_pending_is_marked_succeeded_when_it_is_accepted(shop):
    """A provider's payment first seen as pending (a redirect), then reported paid: one row, now succeeded."""
    order = _placed("mark-paid-8")
    Payment.objects.create(provider="dummy", reference="dummy_redirect", order=order, amount=order.total)
    assert mark_paid(order.pk, provider="dummy", reference="dummy_redirect", amount=order.total) is not None
    assert list(Payment.objects.filter(reference="dummy_redirect").values_list("status", flat=True)) == ["succeeded"]
    assert Order.objects.get(pk=order.pk).status == Order.Status.PAID


def test_a_payment_after_its_hold_ran_out_takes_free_units_or_flags_a_stock_problem(shop):
    """A hold that lapsed before the payment arrived: the units are sold if they are still free (not held
    for anyone else); if someone else's live hold has them now, the order is paid with a stock problem."""
    set_stock(SKU, 5)
    late = _placed("lapsed-free")
    late.reservations.update(expires_at=timezone.now() - datetime.timedelta(minutes=1))
    paid = mark_paid(late.pk, provider="dummy", reference="dummy_lapsed_free", amount=late.total)
    assert paid is not None and paid.status == Order.Status.PAID and not paid.stock_problem
    assert stock_of(SKU) == 4 and late.reservations.get().status == "allocated"

    set_stock(SKU, 1)
    short = _placed("lapsed-taken")
    short.reservations.update(expires_at=timezone.now() - datetime.timedelta(minutes=1))
    _placed("holds-the-last-one", new_basket(SKU, 1))  # the last unit is held for another customer now
    paid = mark_paid(short.pk, provider="dummy", reference="dummy_lapsed_taken", amount=short.total)
    assert paid is not None and paid.status == Order.Status.PAID and paid.stock_problem
    assert stock_of(SKU) == 1 and short.reservations.get().status == "allocated"
    assert OrderEvent.objects.filter(order=short, kind=OrderEvent.Kind.STOCK_PROBLEM).exists()
