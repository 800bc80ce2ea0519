"""Customer data rights: staff find, export and erase what is stored about an email address."""

import csv
import io
import json
from decimal import Decimal

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.db import connection
from django.db.models import Sum
from wagtail.log_actions import log

from cerobio.editorial.data_rights import email_hash
from cerobio.editorial.models import ContactMessage, CustomerDataLog
from cerobio.shop.catalogue.models import Stock
from cerobio.shop.conftest import SKU, address, api_body, new_basket
from cerobio.shop.orders import actions, refunds
from cerobio.shop.orders.models import Order, OrderLine

JSON = "application/json"
EMAIL = "Zoe.Quill@Example.org"  # stored as she typed it; staff search in any case
NAME, LINE1, POSTCODE = "Zoe Quillfeather", "17 Quillfeather Lane", "EH1 1YZ"
PERSONAL = [EMAIL, NAME, LINE1, POSTCODE, "Quillfeather"]
OTTO_EMAIL, OTTO_NAME = "otto@example.net", "Otto Otherbury"
SEARCH, EXPORT, ERASE = "/admin/customer-data/", "/admin/customer-data/export/", "/admin/customer-data/erase/"


def checkout(client, key, email=EMAIL, **where):
    basket = new_basket(SKU, 1)
    body = api_body(email=email, shipping_address=address(**where))
    response = client.post(f"/api/v1/baskets/{basket.token}/checkout", body, content_type=JSON,
                           headers={"Idempotency-Key": key})
    assert response.status_code == 201, response.content
    return Order.objects.get(token=response.json()["token"])


def delivered(order, user=None):
    actions.dispatch(order.pk, carrier="Royal Mail", tracking_number=f"RM{order.pk:09d}GB", user=user)
    return actions.mark_delivered(order.pk, user=user)


@pytest.fixture
def customers(demo, client, shop_user, django_capture_on_commit_callbacks):
    """Zoe: two delivered orders (emails sent, a refund whose reason names her), a contact message
    that Wagtail's history names her in. Otto: one delivered order and a message of his own."""
    zoe = {"name": NAME, "line1": LINE1, "city": "Edinburgh", "postcode": POSTCODE}
    with django_capture_on_commit_callbacks(execute=True):
        first = delivered(checkout(client, "rights-zoe-1", **zoe), shop_user)
        second = delivered(checkout(client, "rights-zoe-2", email=EMAIL.upper(), **zoe), shop_user)
        refunds.refund(second.pk, amount=Decimal("5.00"), reason=f"{NAME} says the box at {POSTCODE} was dented",
                       user=shop_user)
        otto = delivered(checkout(client, "rights-otto-1", email=OTTO_EMAIL, name=OTTO_NAME), shop_user)
    message = ContactMessage.objects.create(name=NAME, email=EMAIL.lower(), topic="privacy",
                                            order_number=first.number, message="Please delete my details.")
    log(instance=message, action="wagtail.edit", user=shop_user)  # staff marked it handled
    ContactMessage.objects.create(name=OTTO_NAME, email=OTTO_EMAIL, topic="order", message="Where is my parcel?")
    mail.outbox.clear()
    return {"zoe": [first, second], "otto": otto, "message": message}



def tables_mentioning(needles) -> set[tuple[str, str]]:
    """(table, needle) for every table with any column containing the text, whatever its capitals."""
    qn = connection.ops.quote_name
    hits = set()
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            columns = [c.name for c in connection.introspection.get_table_description(cursor, table)]
            where = " OR ".join(f"LOWER(CAST({qn(c)} AS TEXT)) LIKE %s" for c in columns)
            for needle in needles:
                cursor.execute(f"SELECT COUNT(*) FROM {qn(table)} WHERE {where}", [f"%{needle.lower()}%"] * len(columns))  # noqa: S608
                if cursor.fetchone()[0]:
                    hits.add((table, needle))
    return hits


def shop_figures() -> dict:
    return {
        "orders": Order.objects.count(),
        **Order.objects.aggregate(Sum("total"), Sum("subtotal"), Sum("vat_total"), Sum("shipping_price"), Sum("refunded_total")),
        **OrderLine.objects.aggregate(Sum("line_total"), Sum("vat_amount"), Sum("quantity")),
        "stock": list(Stock.objects.order_by("pk").values_list("quantity", flat=True)),
    }


def test_search_finds_the_customers_orders_and_messages_in_any_capitals(customers, as_shop):
    response = as_shop.post(SEARCH, {"email": "  zoe.QUILL@example.ORG "})
    html = response.content.decode()
    assert response.status_code == 200
    assert all(o.number in html for o in customers["zoe"]) and "Please delete my details." in html
    assert customers["otto"].number not in html and OTTO_NAME not in html and "Where is my parcel?" not in html
    assert "no-store" in response["Cache-Control"]
    entry = CustomerDataLog.objects.get()
    assert (entry.action, entry.orders, entry.contact_messages, entry.username) == ("search", 2, 1, "sam")


def test_export_is_a_json_download_of_this_customer_only(customers, as_shop):
    response = as_shop.post(EXPORT, {"email": EMAIL})
    assert response.status_code == 200 and response["Content-Type"].startswith(JSON)
    assert response["Content-Disposition"].startswith("attachment;") and ".json" in response["Content-Disposition"]
    assert "zoe" not in response["Content-Disposition"].lower()  # file names end up in logs and downloads folders
    assert "no-store" in response["Cache-Control"]
    document = json.loads(response.content)
    assert [o["number"] for o in document["orders"]] == [o.number for o in customers["zoe"]]
    first = document["orders"][0]
    assert first["delivery_address"]["name"] == NAME and first["delivery_address"]["postcode"] == POSTCODE
    assert first["items"][0]["sku"] == SKU and first["total"] == str(customers["zoe"][0].total)
    assert any(e["what"] == "Payment received" for e in first["history"])
    assert document["orders"][1]["refunds"][0]["amount"] == "5.00"
    assert [m["message"] for m in document["contact_messages"]] == ["Please delete my details."]
    text = response.content.decode()
    assert customers["otto"].number not in text and OTTO_EMAIL not in text and OTTO_NAME not in text
    entry = CustomerDataLog.objects.get()
    assert (entry.action, entry.orders, entry.contact_messages) == ("export", 2, 1)


def test_erasure_leaves_nothing_that_identifies_the_customer_and_keeps_the_accounts(
    customers, as_shop, admin_client, client
):
    zoe, otto = customers["zoe"], customers["otto"]
    before = tables_mentioning(PERSONAL)
    # The scan does see her everywhere she is stored, so a clean scan afterwards means something.
    assert {t for t, _ in before} >= {"orders_order", "orders_orderevent", "payments_refund",
                                      "editorial_contactmessage", "wagtailcore_modellogentry"}
    figures = shop_figures()
    otto_before = Order.objects.filter(pk=otto.pk).values().get()

    confirm = as_shop.post(ERASE, {"email": EMAIL})
    assert confirm.status_code == 200 and "Type the customer&#x27;s email address again" in confirm.content.decode()
    assert tables_mentioning(PERSONAL) == before  # the confirmation step changes nothing
    response = as_shop.post(ERASE, {"email": EMAIL, "confirm": f" {EMAIL.lower()} "}, follow=True)
    assert "Erased: 2 orders anonymised" in response.content.decode() and "1 contact message deleted" in response.content.decode()

    assert tables_mentioning(PERSONAL) == set()
    assert shop_figures() == figures  # totals, lines, VAT and stock untouched
    for order in zoe:
        kept = Order.objects.get(pk=order.pk)
        assert (kept.number, kept.total, kept.vat_total, kept.status, kept.created_at) == (
            order.number, order.total, order.vat_total, "delivered", order.created_at)
        assert kept.personal_data_erased and kept.payments.get().reference == order.payments.get().reference
        assert {e.kind for e in kept.events.all()} >= {"placed", "paid", "dispatched", "delivered", "email_sent", "note"}
    assert Order.objects.filter(pk=otto.pk).values().get() == otto_before
    assert ContactMessage.objects.filter(email=OTTO_EMAIL).exists() and not ContactMessage.objects.filter(name=NAME).exists()

    entry = CustomerDataLog.objects.get(action="erase")
    assert (entry.orders, entry.contact_messages, entry.username) == (2, 1, "sam")
    assert entry.email_hash == email_hash(EMAIL) and EMAIL.lower() not in entry.email_hash

    page = client.get(f"/orders/{zoe[0].token}/")
    html = page.content.decode()
    assert page.status_code == 200 and zoe[0].number in html and "deleted at your request" in html
    assert not any(p.lower() in html.lower() for p in PERSONAL)
    detail = admin_client.get(f"/admin/shop/orders/{zoe[0].pk}/").content.decode()
    assert "Personal data erased" in detail and NAME not in detail
    rows = list(csv.reader(io.StringIO(admin_client.get("/admin/shop/orders/export.csv").content.decode())))
    erased_row = next(r for r in rows if r[0] == zoe[0].number)
    assert erased_row[3].endswith("@erased.invalid") and erased_row[4] == "Erased" and erased_row[5] == ""
    assert erased_row[10] == str(zoe[0].total)


def test_no_email_goes_to_an_erased_order(customers, as_shop, django_capture_on_commit_callbacks):
    as_shop.post(ERASE, {"email": EMAIL, "confirm": EMAIL})
    order = customers["zoe"][0]
    with django_capture_on_commit_callbacks(execute=True):
        refunds.refund(order.pk, amount=Decimal("1.00"), reason="Goodwill")
    assert mail.outbox == []
    assert "the customer's personal data was erased" in order.events.order_by("-pk").first().message


def test_erasing_twice_or_an_unknown_address_says_there_is_nothing_to_erase(customers, as_shop):
    as_shop.post(ERASE, {"email": EMAIL, "confirm": EMAIL})
    figures = shop_figures()
    for email in (EMAIL, "nobody@example.com"):
        for data in ({"email": email}, {"email": email, "confirm": email}):
            response = as_shop.post(ERASE, data, follow=True)
            assert response.status_code == 200 and "Nothing to erase" in response.content.decode()
    assert shop_figures() == figures
    again = as_shop.post(SEARCH, {"email": EMAIL}).content.decode()
    assert "Nothing is stored for this address" in again and "Erased on" in again  # the log says when


def test_the_confirmation_must_match_and_get_or_bad_addresses_change_nothing(customers, as_shop):
    before = tables_mentioning(PERSONAL)
    wrong = as_shop.post(ERASE, {"email": EMAIL, "confirm": "zoe@example.org"})
    assert wrong.status_code == 400 and "the address you typed to confirm is not the same" in wrong.content.decode()
    empty = as_shop.post(ERASE, {"email": EMAIL, "confirm": ""})
    assert empty.status_code == 400
    for url in (ERASE, EXPORT):
        got = as_shop.get(url, {"email": EMAIL})
        assert got.status_code == 405 and got["Allow"] == "POST" and "Nothing was changed" in got.content.decode()
    for url in (SEARCH, EXPORT, ERASE):
        blank = as_shop.post(url, {"email": "   "})
        assert blank.status_code == 400 and "Enter the customer&#x27;s email address." in blank.content.decode()
        bad = as_shop.post(url, {"email": "zoe at example"})
        assert bad.status_code == 400 and "Enter a whole email address, like name@example.com." in bad.content.decode()
    assert tables_mentioning(PERSONAL) == before
    assert not CustomerDataLog.objects.exists()


def test_an_erase_without_the_forms_csrf_token_is_refused(customers, shop_user):
    from django.test import Client

    from .conftest import login

    strict = login(lambda: Client(enforce_csrf_checks=True), shop_user)
    response = strict.post(ERASE, {"email": EMAIL, "confirm": EMAIL})
    assert response.status_code == 403
    assert Order.objects.filter(email__iexact=EMAIL).count() == 2 and not CustomerDataLog.objects.exists()


def test_an_order_still_to_be_sent_is_not_erased_until_dispatched_or_cancelled(
    customers, client, as_shop, shop_user, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        open_order = checkout(client, "rights-zoe-3", name=NAME, postcode=POSTCODE, city="Edinburgh")
    confirm = as_shop.post(ERASE, {"email": EMAIL}).content.decode()
    assert f"Order {open_order.number} is paid and not yet dispatched" in confirm and "Erase now" not in confirm
    refused = as_shop.post(ERASE, {"email": EMAIL, "confirm": EMAIL})
    assert refused.status_code == 409 and "Nothing was erased" in refused.content.decode()
    assert "dispatch or cancel it first" in refused.content.decode()
    assert Order.objects.filter(email__iexact=EMAIL).count() == 3 and ContactMessage.objects.filter(name=NAME).exists()
    with django_capture_on_commit_callbacks(execute=True):
        refunds.cancel(open_order.pk, reason="Customer asked", user=shop_user)
    done = as_shop.post(ERASE, {"email": EMAIL, "confirm": EMAIL}, follow=True).content.decode()
    assert "Erased: 3 orders anonymised" in done


def test_only_shop_staff_and_administrators_reach_customer_data(customers, as_editor, as_reviewer, as_shop, admin_client):
    for staff in (as_editor, as_reviewer):
        assert staff.get(SEARCH).status_code == 403
        assert staff.post(SEARCH, {"email": EMAIL}).status_code == 403
        assert staff.post(EXPORT, {"email": EMAIL}).status_code == 403
        assert staff.post(ERASE, {"email": EMAIL, "confirm": EMAIL}).status_code == 403
        assert SEARCH not in staff.get("/admin/").content.decode()  # no menu item
    assert Order.objects.filter(email__iexact=EMAIL).count() == 2 and not CustomerDataLog.objects.exists()
    assert SEARCH in as_shop.get("/admin/").content.decode()
    assert as_shop.get(SEARCH).status_code == 200 and admin_client.get(SEARCH).status_code == 200
    # The log of who did what is for administrators.
    as_shop.post(SEARCH, {"email": EMAIL})
    assert as_shop.get("/admin/reports/customer-data-log/").status_code == 403
    report = admin_client.get("/admin/reports/customer-data-log/").content.decode()
    assert "Looked up" in report and "sam" in report and email_hash(EMAIL)[:16] in report and "zoe" not in report.lower()


def test_the_command_exports_and_erases_and_is_logged(customers, tmp_path):
    out = io.StringIO()
    call_command("customer_data", "find", EMAIL.upper(), stdout=out)
    assert "2 order(s), 1 contact message(s)" in out.getvalue()
    target = tmp_path / "zoe.json"
    call_command("customer_data", "export", EMAIL, "--output", str(target), stderr=io.StringIO())
    assert len(json.loads(target.read_text())["orders"]) == 2
    with pytest.raises(CommandError, match="Enter a whole email address"):
        call_command("customer_data", "erase", "not-an-address", "--yes")
    call_command("customer_data", "erase", EMAIL, "--yes", stdout=(out := io.StringIO()))
    assert "Erased: 2 order(s) anonymised" in out.getvalue()
    call_command("customer_data", "erase", EMAIL, "--yes", stdout=(out := io.StringIO()))
    assert "Nothing to erase" in out.getvalue()
    assert list(CustomerDataLog.objects.order_by("pk").values_list("action", "via", "orders")) == [
        ("search", "command", 2), ("export", "command", 2), ("erase", "command", 2), ("erase", "command", 0)]
    assert tables_mentioning(PERSONAL) == set()
