"""Fuzzing POST /api/v1/identify from its own OpenAPI document: no 5xx, no response that breaks it.

Schemathesis builds valid requests (positive) and invalid ones (negative) from the schema and
checks every response: never a server error, always the documented status codes, bodies and
content types; invalid data refused, valid data accepted. Bounded so it runs in well under a
minute on the CI machine.
"""

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode

from cerobio.wsgi import application

EXAMPLES = {GenerationMode.POSITIVE: 150, GenerationMode.NEGATIVE: 100}


@pytest.mark.parametrize("mode", list(EXAMPLES), ids=lambda m: m.value)
def test_identify_api_survives_fuzzing(mode, demo_db):
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
