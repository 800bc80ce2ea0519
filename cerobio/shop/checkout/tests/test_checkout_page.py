"""The one-page checkout in HTML: pay with the test card, declines, double submission, errors."""

import re

from django.core import mail

from cerobio.shop.basket.models import Basket
from cerobio.shop.catalogue.models import Reservation
from cerobio.shop.conftest import DECLINED_CARD, SKU, available_of, form_data, stock_of
from cerobio.shop.orders.models import Order


def _key(html: str) -> str:
    return re.search(r'name="idempotency_key" value="([^"]+)"', html).group(1)


def test_checkout_page_shows_everything_before_paying(shopper):
    html = shopper.get("/checkout/").content.decode()
    for text in ("Email address", "Delivery address", "UK standard (Royal Mail 48)", "UK tracked express",
                 "Arrives", "Includes VAT at 20%", "opened cream cannot be returned", "14 days",
                 "I accept the terms", "Test mode", "£32.50", 'autocomplete="postal-code"'):
        assert text in html, text


def test_changing_country_offers_that_countrys_delivery(shopper):
    html = shopper.post("/checkout/", {"action": "refresh", "country": "FR"}).content.decode()
    assert "Europe tracked" in html and "UK standard" not in html


def test_paying_with_the_test_card_places_one_paid_order(shopper, django_capture_on_commit_callbacks):
    key = _key(shopper.get("/checkout/").content.decode())
    with django_capture_on_commit_callbacks(execute=True):
        response = shopper.post("/checkout/", form_data(key))
    order = Order.objects.get(idempotency_key=key)
    assert response.status_code == 302 and response["Location"] == f"/checkout/complete/{order.token}/"
    assert order.status == "paid" and str(order.total) == "32.50" and str(order.vat_total) == "5.41"
    assert order.number == f"CRB-{order.pk:06d}"
    line = order.lines.get()
    assert (line.sku, line.product_name, line.variant_name, str(line.unit_price), str(line.vat_amount)) == (
        SKU, "Cerobio exfoliating kit", "Standard kit", "29.00", "4.83")
    assert stock_of(SKU) == 49
    assert order.basket.status == Basket.Status.SUBMITTED
    html = shopper.get(response["Location"]).content.decode()
    assert "Thank you, your order is confirmed" in html and order.number in html
    assert f'href="/orders/{order.token}/"' in html
    (email,) = mail.outbox
    assert email.to == ["ann@example.com"] and order.number in email.subject
    assert f"/orders/{order.token}/" in email.body and email.alternatives[0][1] == "text/html"
    # A new visit starts a new, empty basket.
    assert "Your basket is empty" in shopper.get("/basket/").content.decode()


def test_double_submission_never_makes_two_orders(shopper):
    data = form_data(_key(shopper.get("/checkout/").content.decode()))
    first = shopper.post("/checkout/", data)
    second = shopper.post("/checkout/", data)
    assert first["Location"] == second["Location"]
    assert Order.objects.filter(email="ann@example.com").count() == 1
    assert stock_of(SKU) == 49


def test_declined_card_shows_why_keeps_the_basket_and_holds_no_stock(shopper):
    key = _key(shopper.get("/checkout/").content.decode())
    response = shopper.post("/checkout/", form_data(key, card=DECLINED_CARD))
    html = response.content.decode()
    assert response.status_code == 402
    assert "There is a problem" in html and "Your card was declined. No money was taken." in html
    assert 'value="ann@example.com"' in html  # what they typed is kept
    assert _key(html) != key  # a new attempt gets a new key
    order = Order.objects.get(idempotency_key=key)
    assert order.status == "payment_failed"
    assert not order.reservations.filter(status=Reservation.Status.ACTIVE).exists()
    assert available_of(SKU) == stock_of(SKU) == 50
    assert "Standard kit" in shopper.get("/basket/").content.decode()
    # And the next try with the good card works from the same basket.
    retry = shopper.post("/checkout/", form_data(_key(html)))
    assert retry.status_code == 302 and stock_of(SKU) == 49


def test_missing_details_are_listed_against_each_field(shopper):
    data = form_data(email="not-an-email", postcode="NOPE", accept_terms="", card_number="")
    html = shopper.post("/checkout/", data).content.decode()
    assert "Enter an email address like name@example.com." in html
    assert "Enter a real postcode for United Kingdom" in html
    assert "Tick the box to accept the terms" in html
    assert "Enter the card number." in html
    assert 'href="#postcode"' in html and 'aria-invalid="true"' in html
    assert not Order.objects.exists()


def test_a_price_change_during_checkout_is_not_charged_silently(shopper):
    from cerobio.shop.catalogue.models import ProductVariant

    data = form_data(_key(shopper.get("/checkout/").content.decode()), expected_subtotal="29.00")
    ProductVariant.objects.filter(sku=SKU).update(price="31.00")
    html = shopper.post("/checkout/", data).content.decode()
    assert "Your basket now comes to £31.00" in html and not Order.objects.exists()


def test_empty_basket_goes_back_to_the_basket(client, shop):
    assert client.get("/checkout/")["Location"] == "/basket/"


def test_the_order_page_and_email_show_the_address_as_typed(shopper, django_capture_on_commit_callbacks):
    key = _key(shopper.get("/checkout/").content.decode())
    with django_capture_on_commit_callbacks(execute=True):
        shopper.post("/checkout/", form_data(key, city="London"))
    order = Order.objects.get(idempotency_key=key)
    page = shopper.get(f"/orders/{order.token}/").content.decode()
    (email,) = mail.outbox
    for text in (page, email.body, email.alternatives[0][0]):
        assert "London" in text and "LONDON" not in text and "United Kingdom" in text


def test_the_test_card_form_asks_for_what_a_real_one_does(shopper):
    html = shopper.get("/checkout/").content.decode()
    for field, autocomplete in (("card_number", "cc-number"), ("card_expiry", "cc-exp"),
                                ("card_cvc", "cc-csc"), ("card_name", "cc-name")):
        assert f'name="{field}"' in html and f'autocomplete="{autocomplete}"' in html
    assert "Test mode" in html and "no card is charged" in html


def test_card_details_with_mistakes_are_listed_and_never_shown_again(shopper):
    data = form_data(card_expiry="13/30", card_cvc="12", card_name=" ")
    response = shopper.post("/checkout/", data)
    html = response.content.decode()
    assert response.status_code == 422
    assert "Enter the expiry date as month and year, like 04/29." in html
    assert "The security code is 3 digits" in html
    assert "Enter the name as it is written on the card." in html
    assert 'href="#card_expiry"' in html and 'href="#card_cvc"' in html and 'href="#card_name"' in html
    assert "4242 4242 4242 4242" not in html  # the number is not typed back (the hint spells it with &nbsp;)
    assert 'value="13/30"' not in html and 'value="12"' not in html
    assert 'value="ann@example.com"' in html  # the rest of what was typed is kept
    assert not Order.objects.exists()
    expired = shopper.post("/checkout/", form_data(card_expiry="01/20")).content.decode()
    assert "This card has expired." in expired


def test_card_details_are_never_stored_or_logged(shopper, caplog, django_capture_on_commit_callbacks):
    import logging

    from django.db import connection

    caplog.set_level(logging.DEBUG)
    key = _key(shopper.get("/checkout/").content.decode())
    with django_capture_on_commit_callbacks(execute=True):
        response = shopper.post("/checkout/", form_data(key, card_expiry="07/39", card_cvc="987", card_name="Kay Cardholder"))
    assert response.status_code == 302 and Order.objects.filter(idempotency_key=key, status="paid").exists()
    secrets = ("4242424242424242", "4242 4242 4242 4242", "07/39", "987", "Kay Cardholder")
    assert not any(secret in caplog.text for secret in secrets)
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            columns = [c.name for c in connection.introspection.get_table_description(cursor, table)]
            quoted = connection.ops.quote_name(table)
            cursor.execute(f"SELECT * FROM {quoted}")  # noqa: S608 (table names from the database itself)
            for row in cursor.fetchall():
                text = " ".join(str(v) for v in row)
                assert not any(secret in text for secret in secrets[:2] + secrets[4:]), (table, columns)
