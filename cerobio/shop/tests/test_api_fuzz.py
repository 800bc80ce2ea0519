"""Fuzzing the Store API from its own OpenAPI document with every schemathesis check.

Schemathesis builds valid (positive) and invalid (negative) requests for each shop operation and
checks each response: never a server error; documented status codes, content types and bodies;
invalid data refused, and valid data accepted (`positive_data_acceptance`): every rule one field
obeys on its own (no NUL character, token and card formats, quantities, country codes, a true
accept_terms, the site's payment method) is in the document, so a request it allows is never
refused as invalid.

Two kinds of answer are not a refusal of the data, and the check is told so, as schemathesis
advises for rules a schema cannot express: 402 `payment_declined` (a card the provider declines;
like 409 out of stock, an outcome) for the checkout. And the rules that join fields to the shop's
own data or to the date (the postcode and region in the country's format, a country the shop
delivers to and a delivery method offered there, a card expiry not yet past) are in the
operation's description; valid requests take those values from the demo shop, as half of them
take a real basket token, SKU and the paying test card, so they reach past the 404 and the decline.
Bounded to run in about a minute. The webhook is fuzzed with a signing secret set, as deployed.
"""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.config import SchemathesisConfig

from cerobio.shop.conftest import SKU, new_basket
from cerobio.wsgi import application

OPERATIONS = [
    ("/api/v1/products", "GET"),
    ("/api/v1/shipping-methods", "GET"),
    ("/api/v1/baskets", "POST"),
    ("/api/v1/baskets/{token}", "GET"),
    ("/api/v1/baskets/{token}/lines", "POST"),
    ("/api/v1/baskets/{token}/lines/{line_id}", "PATCH"),
    ("/api/v1/baskets/{token}/lines/{line_id}", "DELETE"),
    ("/api/v1/baskets/{token}/checkout", "POST"),
    ("/api/v1/orders/{token}", "GET"),
    ("/api/v1/payments/stripe/webhook", "POST"),
]
EXAMPLES = {GenerationMode.POSITIVE: 25, GenerationMode.NEGATIVE: 20}
# Operations with no parameters and no body have no invalid request to build.
NO_NEGATIVE = {("/api/v1/products", "GET"), ("/api/v1/baskets", "POST")}
CASES = [
    pytest.param(path, method, mode, id=f"{method} {path} {mode.value}")
    for path, method in OPERATIONS
    for mode in EXAMPLES
    if not (mode is GenerationMode.NEGATIVE and (path, method) in NO_NEGATIVE)
]
# positive_data_acceptance's own list (schemathesis 4), and 402 for the checkout: a declined card.
ACCEPTED = ["2xx", "3xx", "401", "403", "404", "409", "429", "5xx"]
CONFIG = {
    "operations": [
        {
            "include-operation-id": "checkout_basket",
            "checks": {"positive_data_acceptance": {"expected-statuses": [*ACCEPTED, "402"]}},
        }
    ]
}
CHECKOUT = "/api/v1/baskets/{token}/checkout"
PAYING_CARD = "4242424242424242"


def with_the_shops_own_values(case, real: bool):
    """A valid checkout body gets what depends on the shop's data and the date: a delivered-to address
    in its country's format, a delivery method offered there and a card expiry not yet past."""
    body = case.body
    address = body.get("shipping_address")
    if isinstance(address, dict):
        country = "GB" if str(address.get("country", "GB")).isupper() else "gb"  # either case, as generated
        address.update(country=country, city="London", region="", postcode="SW1A 1AA")
    body["shipping_method"] = "uk-standard"
    payment = body.get("payment")
    if isinstance(payment, dict):
        if "card_expiry" in payment:
            payment["card_expiry"] = "12/34"
        if real:
            payment["card_number"] = PAYING_CARD
    return case


@pytest.fixture
def schema(db, settings):
    """The OpenAPI document. Calling the WSGI app directly fires request_started/finished, which
    would close the test's connection (and its transaction) on PostgreSQL; the test client avoids
    that the same way."""
    # The webhook is fuzzed as deployed, with a signing secret (without one it answers 503 by design).
    settings.STRIPE_WEBHOOK_SECRET = "whsec_fuzz"
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield schemathesis.openapi.from_wsgi(
        "/api/v1/openapi.json", application, config=SchemathesisConfig.from_dict(CONFIG)
    )
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.mark.parametrize(("path", "method", "mode"), CASES)
def test_store_api_survives_fuzzing(schema, shop, path, method, mode):
    basket = new_basket(SKU, 1)
    line_id = basket.lines.get().pk
    operation = schema[path][method]

    def with_real_ids(case, use_real):
        if use_real and case.path_parameters:
            if "token" in case.path_parameters:
                case.path_parameters["token"] = basket.token
            if "line_id" in case.path_parameters:
                case.path_parameters["line_id"] = line_id
            if path == "/api/v1/baskets/{token}/lines" and mode is GenerationMode.POSITIVE and isinstance(case.body, dict):
                case.body["sku"] = SKU
        if path == CHECKOUT and mode is GenerationMode.POSITIVE:
            with_the_shops_own_values(case, use_real)
        return case

    strategy = st.tuples(operation.as_strategy(generation_mode=mode), st.booleans()).map(lambda pair: with_real_ids(*pair))

    @given(case=strategy)
    @settings(max_examples=EXAMPLES[mode], deadline=None, database=None, suppress_health_check=list(HealthCheck))
    def fuzz(case):
        if path == CHECKOUT and case.path_parameters.get("token") == basket.token:
            case.path_parameters["token"] = new_basket(SKU, 1).token  # each checkout its own open basket
        case.call_and_validate()

    fuzz()
