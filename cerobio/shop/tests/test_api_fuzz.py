"""Fuzzing the Store API from its own OpenAPI document: no 5xx, and every response as documented.

Schemathesis builds valid (positive) and invalid (negative) requests for each shop operation and
checks each response: never a server error; documented status codes, content types and bodies.
Half the generated requests use a real basket token so they reach past the 404. `positive_data_
acceptance` is left out because a request of the right shape can still be refused for a business
reason (409 out of stock, 422 a postcode that does not exist). Bounded to run in about a minute.
The webhook is fuzzed with a signing secret set, as deployed.
"""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.specs.openapi.checks import positive_data_acceptance

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
# Operations whose only parameters are free strings have no invalid request to build.
NO_NEGATIVE = {"/api/v1/products", "/api/v1/baskets", "/api/v1/baskets/{token}", "/api/v1/orders/{token}",
               "/api/v1/payments/stripe/webhook"}
CASES = [
    pytest.param(path, method, mode, id=f"{method} {path} {mode.value}")
    for path, method in OPERATIONS
    for mode in EXAMPLES
    if not (mode is GenerationMode.NEGATIVE and path in NO_NEGATIVE and method != "DELETE")
]


@pytest.fixture
def schema(db, settings):
    """The OpenAPI document. Calling the WSGI app directly fires request_started/finished, which
    would close the test's connection (and its transaction) on PostgreSQL; the test client avoids
    that the same way."""
    # The webhook is fuzzed as deployed, with a signing secret (without one it answers 503 by design).
    settings.STRIPE_WEBHOOK_SECRET = "whsec_fuzz"
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)
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
        return case

    strategy = st.tuples(operation.as_strategy(generation_mode=mode), st.booleans()).map(lambda pair: with_real_ids(*pair))

    @given(case=strategy)
    @settings(max_examples=EXAMPLES[mode], deadline=None, database=None, suppress_health_check=list(HealthCheck))
    def fuzz(case):
        case.call_and_validate(excluded_checks=[positive_data_acceptance])

    fuzz()
