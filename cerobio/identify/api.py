"""POST /api/v1/identify: the same engine as the HTML pages, as JSON.

Answers arrive in the request body, are scored in memory and are never stored or logged.
"""

from typing import Literal

from django.http import HttpRequest, HttpResponse
from ninja import Field, Router, Schema
from pydantic import ConfigDict

from cerobio.core.ratelimit import Throttle

from .answers import AGE_GROUP, COUNT, HISTORY, LOOK, ONSET, SITES, SYMPTOMS, Answers, literal
from .red_flags import CARE_LEVELS, CODES
from .scoring import identify
from .snapshot import current_snapshot

router = Router(tags=["identifier"])

AgeGroup = literal(AGE_GROUP.key)
Site = literal(SITES.key)
Look = literal(LOOK.key)
Count = literal(COUNT.key)
Onset = literal(ONSET.key)
History = literal(HISTORY.key)
Symptom = literal(SYMPTOMS.key)


def _described(question) -> str:
    return "; ".join(f"`{c.value}`: {c.label}" + (f" ({c.hint})" if c.hint else "") for c in question.choices)


class IdentifyIn(Schema):
    """The answers; every field is optional. Unknown fields or values are refused with a 422."""

    model_config = ConfigDict(extra="forbid")

    age_group: AgeGroup | None = Field(None, description=_described(AGE_GROUP))
    sites: list[Site] = Field(default_factory=list, max_length=len(SITES.choices), description=_described(SITES))
    look: list[Look] = Field(default_factory=list, max_length=len(LOOK.choices), description=_described(LOOK))
    count: Count | None = Field(None, description=_described(COUNT))
    onset: Onset | None = Field(None, description=_described(ONSET))
    history: list[History] = Field(
        default_factory=list, max_length=len(HISTORY.choices), description=_described(HISTORY)
    )
    symptoms: list[Symptom] = Field(
        default_factory=list, max_length=len(SYMPTOMS.choices), description=_described(SYMPTOMS)
    )


class MatchOut(Schema):
    slug: str
    name: str
    kind: Literal["primary", "secondary", "look-alike"]
    fit: Literal["strong", "possible", "weak"]
    reasons: list[str]
    url: str


class RedFlagOut(Schema):
    code: Literal[CODES]  # type: ignore[valid-type]
    care: Literal[CARE_LEVELS]  # type: ignore[valid-type]
    message: str


class IdentifyOut(Schema):
    matches: list[MatchOut] = Field(..., max_length=5, description="At most five, best first.")
    red_flags: list[RedFlagOut] = Field(..., description="Shown before the matches; most urgent first.")
    advice: str
    not_a_diagnosis: str
    product_suggested: bool = Field(
        ..., description="True only when the best fit suits the product and no red flag is raised."
    )


class ErrorItem(Schema):
    field: str
    message: str
    allowed: list[str] = Field(default_factory=list)


class ErrorOut(Schema):
    code: str
    message: str
    errors: list[ErrorItem] = Field(default_factory=list)


def result_as_dict(result) -> dict:
    """The engine's result in the API's shape (also used by the tests)."""
    return {
        "matches": [
            {"slug": m.slug, "name": m.name, "kind": m.kind, "fit": m.fit, "reasons": list(m.reasons), "url": m.url}
            for m in result.matches
        ],
        "red_flags": [{"code": f.code, "care": f.care, "message": f.message} for f in result.red_flags],
        "advice": result.advice,
        "not_a_diagnosis": result.not_a_diagnosis,
        "product_suggested": result.product_suggested,
    }


@router.post(
    "/identify",
    response={200: IdentifyOut, 400: ErrorOut, 422: ErrorOut},
    summary="Match answers to the milia types and look-alikes",
    description=(
        "Scores the answers against the guide's evidence rules and returns red flags (shown first), "
        "up to five matching descriptions with their fit and reasons, advice, and the statement that "
        "this is not a diagnosis. Answers are health data: they are never stored or logged."
    ),
    operation_id="identify",
    throttle=Throttle("identify", "IDENTIFY_RATE_LIMIT"),  # shared with the identifier pages
)
def identify_endpoint(request: HttpRequest, response: HttpResponse, payload: IdentifyIn):
    response["Cache-Control"] = "no-store, private"
    answers = Answers.from_mapping(payload.model_dump())
    result = identify(current_snapshot(), answers)
    return result_as_dict(result)
