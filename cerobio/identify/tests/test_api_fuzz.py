"""Fuzzing POST /api/v1/identify from its own OpenAPI document: no 5xx, no response that breaks it.

Schemathesis builds valid requests (positive) and invalid ones (negative) from the schema and
checks every response: never a server error, always the documented status codes, bodies and
content types; invalid data refused, valid data accepted. Bounded so it runs in well under a
minute on the CI machine.
"""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode

from cerobio.wsgi import application

EXAMPLES = {GenerationMode.POSITIVE: 150, GenerationMode.NEGATIVE: 100}


@pytest.fixture
def keep_test_connection():
    """Calling the WSGI app directly fires request_finished, which would close the test's database
    connection (and its open transaction) on PostgreSQL; Django's own test client avoids this the
    same way."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.mark.parametrize("mode", list(EXAMPLES), ids=lambda m: m.value)
def test_identify_api_survives_fuzzing(mode, demo_db, keep_test_connection):
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)
    operation = schema["/api/v1/identify"]["POST"]

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(
        max_examples=EXAMPLES[mode],
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def fuzz(case):
        case.call_and_validate()

    fuzz()
