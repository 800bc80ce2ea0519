"""Logs: one JSON object per line, the request id on every line, no personal data, no query strings.

The lines are read from the console handler that settings.LOGGING configures (its filters are the
real ones), switched to the JSON formatter that LOG_FORMAT=json selects in production.
"""

import io
import logging
import re
import sys
from datetime import datetime, timedelta

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cerobio.core.logs import PlainFormatter, mask_text
from cerobio.core.tests.log_capture import console_handler, json_lines
from cerobio.shop.conftest import SKU, form_data

log = logging.getLogger("cerobio.tests")


@pytest.fixture
def json_log():
    with json_lines() as lines:
        yield lines


def test_every_handler_masks_personal_data_and_stamps_the_request():
    for name, handler in settings.LOGGING["handlers"].items():
        assert {"request_context", "mask_personal_data"} <= set(handler.get("filters", [])), name


def test_the_request_id_from_the_proxy_is_on_the_response_and_every_line(demo, client, json_log):
    response = client.get("/no-such-page/?q=secret+search", HTTP_X_REQUEST_ID="nginx-7f3a9c01.b")
    assert response.status_code == 404
    assert response["X-Request-ID"] == "nginx-7f3a9c01.b"
    records = json_log.records()
    assert records, "the capture works"
    mine = [r for r in records if r["request_id"] == "nginx-7f3a9c01.b"]
    assert {r["logger"] for r in mine} >= {
        "cerobio.request",
        "django.request",
    }  # Django's own "Not Found" too
    access = next(r for r in mine if r["logger"] == "cerobio.request")
    assert (
        access["level"] == "INFO"
        and access["method"] == "GET"
        and access["path"] == "/no-such-page/"
    )
    assert access["status"] == 404 and isinstance(access["duration_ms"], float)
    assert datetime.fromisoformat(access["time"]).utcoffset() == timedelta(0)  # ISO 8601, UTC
    assert "secret" not in json_log.text  # no query string anywhere


@pytest.mark.parametrize(
    "given", ["short", "has spaces in it", "x" * 129, "semi;colon-12345", "new\nline-12345"]
)
def test_a_bad_request_id_is_replaced_with_a_new_one(demo, client, given):
    response = client.get("/healthz", HTTP_X_REQUEST_ID=given)
    assert re.fullmatch(r"[0-9a-f]{32}", response["X-Request-ID"])


def test_each_request_gets_its_own_id(demo, client):
    ids = {client.get("/healthz")["X-Request-ID"] for _ in range(3)}
    assert len(ids) == 3


def test_exceptions_are_one_json_line_with_the_traceback_as_a_string(json_log):
    try:
        raise ValueError("order for jo.bloggs@example.com failed")
    except ValueError:
        log.exception("checkout failed")
    (record,) = [r for r in json_log.records() if r["logger"] == "cerobio.tests"]
    assert record["level"] == "ERROR" and record["message"] == "checkout failed"
    assert record["request_id"] is None  # outside a request
    assert "Traceback" in record["exc_info"] and "ValueError" in record["exc_info"]
    assert "jo.bloggs@example.com" not in json_log.text and "j***@example.com" in record["exc_info"]


def test_emails_postcodes_and_personal_extra_fields_are_masked(json_log):
    log.warning(
        "Order for Jo.Bloggs@Example.co.uk to SW1A 1AA and ec1a1bb, see /orders/Tok3nSecret/ and /api/v1/baskets/abc123/lines",
        extra={
            "email": "jo@example.com",
            "phone": "07700 900123",
            "shipping_address": {"line1": "1 High St"},
            "customer": {"name": "Jo Bloggs", "postcode": "M1 1AE", "sku": "CRB-KIT-STD"},
            "sku": "CRB-KIT-STD",
        },
    )
    (record,) = [r for r in json_log.records() if r["logger"] == "cerobio.tests"]
    assert record["message"] == (
        "Order for J***@Example.co.uk to [postcode] and [postcode], see /orders/[token]/ and /api/v1/baskets/[token]/lines"
    )
    assert record["email"] == "[redacted]" and record["phone"] == "[redacted]"
    assert "shipping_address" not in record or record["shipping_address"] == "[redacted]"
    assert record["sku"] == "CRB-KIT-STD"
    for secret in (
        "jo@example.com",
        "07700",
        "High St",
        "Jo Bloggs",
        "M1 1AE",
        "Tok3nSecret",
        "abc123",
    ):
        assert secret not in json_log.text, secret


def test_masking_leaves_ordinary_text_alone():
    text = "GET /types/milia-en-plaque/ 200 12.5ms request 9d33897c2e99430baab0ed4bc4d5a064 sku CRB-KIT-STD v1.2"
    assert mask_text(text) == text


def test_a_checkout_writes_no_email_or_postcode_to_the_logs_even_at_debug(demo, client, json_log):
    """Even with SQL logging on (LOG_LEVEL=DEBUG), the customer's email and postcode never reach the log."""
    sql_log = logging.getLogger("django.db.backends")
    old = sql_log.level
    sql_log.setLevel(logging.DEBUG)
    logging.getLogger().setLevel(logging.DEBUG)
    try:
        assert (
            client.post("/basket/", {"action": "add", "sku": SKU, "quantity": "1"}).status_code
            == 302
        )
        with CaptureQueriesContext(connection):  # turns Django's SQL logging on
            response = client.post(
                "/checkout/", form_data(email="ann.customer@example.com", postcode="EC1A 1BB")
            )
    finally:
        sql_log.setLevel(old)
    assert response.status_code == 302 and response["Location"].startswith("/checkout/complete/")
    text = json_log.text
    assert "a***@example.com" in text, "the capture saw the order being written"
    assert "ann.customer@example.com" not in text and "ann.customer" not in text
    assert "EC1A 1BB" not in text and "EC1A1BB" not in text
    for record in json_log.records():
        assert record["request_id"] is None or re.fullmatch(r"[0-9a-f]{32}", record["request_id"])


def test_order_tokens_in_addresses_stay_out_of_the_access_log(demo, client, json_log):
    """/checkout/complete/<token>/ and /orders/<token>/ open an order (name, address) to whoever has the token."""
    client.post("/basket/", {"action": "add", "sku": SKU, "quantity": "1"})
    response = client.post("/checkout/", form_data())
    token = response["Location"].split("/")[3]
    assert client.get(response["Location"]).status_code == 200
    assert client.get(f"/orders/{token}/").status_code == 200
    paths = [r["path"] for r in json_log.records() if r["logger"] == "cerobio.request"]
    assert "/checkout/complete/[token]/" in paths and "/orders/[token]/" in paths
    assert token not in json_log.text


def test_plain_format_carries_the_request_id_too(demo, client):
    handler, stream = console_handler(), io.StringIO()
    old_stream, old_formatter = handler.setStream(stream), handler.formatter
    handler.setFormatter(PlainFormatter())
    try:
        response = client.get("/what-is-milia/?q=hidden")
    finally:
        handler.setFormatter(old_formatter)
        handler.setStream(old_stream or sys.stderr)
    line = next(line for line in stream.getvalue().splitlines() if "cerobio.request" in line)
    assert f"[{response['X-Request-ID']}] GET /what-is-milia/ 200" in line and "hidden" not in line
