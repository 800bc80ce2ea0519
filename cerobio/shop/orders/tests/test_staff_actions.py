"""Notes, messages to the customer, emails sent again and a new address, from the order's admin page."""

import pytest
from django.core import mail

from cerobio.shop.conftest import SKU
from cerobio.shop.orders.actions import dispatch
from cerobio.shop.orders.models import Order, OrderEvent
from cerobio.shop.orders.tests.test_restocking import place


@pytest.fixture
def order(client, shop):
    order = place(client, {SKU: 1}, "staff-actions")
    mail.outbox.clear()
    return order


def post(admin_client, order, action, data, capture):
    with capture(execute=True):
        return admin_client.post(f"/admin/shop/orders/{order.pk}/{action}/", data, follow=True).content.decode()


def test_an_internal_note_is_in_the_history_and_not_on_the_customers_page(admin_client, client, order, django_capture_on_commit_callbacks):
    page = post(admin_client, order, "note", {"note": "Customer rang: leave with neighbour at no. 3"}, django_capture_on_commit_callbacks)
    assert "Customer rang: leave with neighbour" in page and "Staff note" in page
    assert "neighbour" not in client.get(order.get_absolute_url()).content.decode()
    assert mail.outbox == []
    empty = post(admin_client, order, "note", {"note": "   "}, django_capture_on_commit_callbacks)
    assert "Nothing was changed" in empty and order.events.filter(kind=OrderEvent.Kind.STAFF_NOTE).count() == 1


def test_a_message_is_emailed_to_the_customer_and_kept(admin_client, order, admin_user, django_capture_on_commit_callbacks):
    page = post(admin_client, order, "message", {"message": "Your kit is back in stock on Friday; we will send it then."},
                django_capture_on_commit_callbacks)
    assert "being emailed" in page
    (email,) = mail.outbox
    assert email.to == [order.email] and order.number in email.subject and "back in stock on Friday" in email.body
    event = order.events.get(kind=OrderEvent.Kind.MESSAGE)
    assert "back in stock on Friday" in event.message and event.user == admin_user


def test_a_message_to_an_erased_customer_is_refused(admin_client, order, django_capture_on_commit_callbacks):
    Order.objects.filter(pk=order.pk).update(email="erased-crb-1@erased.invalid")
    page = admin_client.post(f"/admin/shop/orders/{order.pk}/message/", {"message": "Hello"}, follow=True).content.decode()
    assert "Nothing was changed" in page and "erased" in page
    assert mail.outbox == [] and not order.events.filter(kind=OrderEvent.Kind.MESSAGE).exists()


def test_confirmation_and_dispatch_emails_can_be_sent_again(admin_client, order, admin_user, django_capture_on_commit_callbacks):
    too_early = post(admin_client, order, "resend", {"email": "dispatched"}, django_capture_on_commit_callbacks)
    assert "has not been sent" in too_early and mail.outbox == []
    post(admin_client, order, "resend", {"email": "confirmation"}, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        dispatch(order.pk, carrier="Royal Mail", tracking_number="RM9", user=admin_user)
    post(admin_client, order, "resend", {"email": "dispatched"}, django_capture_on_commit_callbacks)
    assert [m.subject for m in mail.outbox] == [
        f"Your Cerobio order {order.number} is confirmed",
        f"Your Cerobio order {order.number} is on its way",
        f"Your Cerobio order {order.number} is on its way",
    ]
    nonsense = post(admin_client, order, "resend", {"email": "refund"}, django_capture_on_commit_callbacks)
    assert "Nothing was changed" in nonsense and len(mail.outbox) == 3


ADDRESS = {"address-name": "Ann Example", "address-line1": "22 Baker Street", "address-line2": "",
           "address-city": "London", "address-region": "", "address-postcode": "nw1 6xe"}


def test_the_address_can_change_before_dispatch_and_the_slip_shows_it(admin_client, order, django_capture_on_commit_callbacks):
    page = post(admin_client, order, "address", ADDRESS, django_capture_on_commit_callbacks)
    assert "delivery address of order" in page and "22 Baker Street" in page
    order.refresh_from_db()
    assert (order.ship_line1, order.ship_postcode, order.ship_country) == ("22 Baker Street", "NW1 6XE", "GB")
    assert "1 High Street" in order.events.get(kind=OrderEvent.Kind.ADDRESS_CHANGED).message  # the old one is kept
    assert "22 BAKER STREET" in admin_client.get(f"/admin/shop/orders/{order.pk}/packing-slip/").content.decode().upper()


def test_a_bad_address_or_one_after_dispatch_is_refused_and_nothing_changes(admin_client, order, admin_user, django_capture_on_commit_callbacks):
    bad = post(admin_client, order, "address", {**ADDRESS, "address-postcode": "NOT A POSTCODE"}, django_capture_on_commit_callbacks)
    assert "Nothing was changed" in bad
    missing = post(admin_client, order, "address", {**ADDRESS, "address-line1": ""}, django_capture_on_commit_callbacks)
    assert "Nothing was changed" in missing
    dispatch(order.pk, carrier="Royal Mail", tracking_number="RM9", user=admin_user)
    late = post(admin_client, order, "address", ADDRESS, django_capture_on_commit_callbacks)
    assert "only be changed before the order is sent" in late
    order.refresh_from_db()
    assert order.ship_line1 == "1 High Street" and not order.events.filter(kind=OrderEvent.Kind.ADDRESS_CHANGED).exists()
