"""POST /api/v1/identify: the same engine as the HTML pages, as JSON.

Answers arrive in the request body, are scored in memory and are never stored or logged.
"""

from typing import Literal

from django.http import HttpRequest, HttpResponse
from ninja import Field, Router, Schema
from pydantic import ConfigDict

from cerobio.api.errors import ErrorOut
from cerobio.core.ratelimit import RETRY_AFTER_DOC, Throttle

from .answers import AGE_GROUP, COUNT, HISTORY, LOOK, ONSET, SITES, SYMPTOMS, Answers, literal
from .red_flags import CARE_LEVELS, CODES
from .scoring import MAX_LESS_LIKELY, MAX_MATCHES, identify
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


class SafetyNetOut(Schema):
    key: str = Field(..., description="The care advice it comes from, e.g. `safety-net-newborn-urgent`.")
    level: Literal["urgent", "gp", "pharmacist", "self-care", "info"]
    heading: str
    text: str = Field(..., description="Plain text; list items are lines starting with `- `.")


class IdentifyOut(Schema):
    matches: list[MatchOut] = Field(
        ...,
        max_length=MAX_MATCHES,
        description=(
            "The best fits, at most three, best first; each `strong` or `possible`. A description "
            "with a needed answer (e.g. a steroid cream or a new medicine for milia from medicines) "
            "is here only when one was given, and one never found on every place chosen is left out."
        ),
    )
    less_likely: list[MatchOut] = Field(
        default_factory=list,
        max_length=MAX_LESS_LIKELY,
        description=(
            "The less likely descriptions: they fit only a little. At most three, best first, each "
            "with `fit` `weak`, shown apart from (and after) the matches. Their reasons end with "
            "what speaks against them, such as a needed answer that was not given. A field added "
            "after the first release; clients that ignore it lose nothing."
        ),
    )
    red_flags: list[RedFlagOut] = Field(..., description="Shown before the matches; most urgent first.")
    advice: str
    safety_net: list[SafetyNetOut] = Field(
        default_factory=list,
        description=(
            "On every result: for a newborn, when to get help; for everyone, what would change the "
            "advice and where to get help (999, NHS 111, GP). The same words as the guide's pages."
        ),
    )
    not_a_diagnosis: str
    product_suggested: bool = Field(
        ..., description="True only when the best fit suits the product and no red flag is raised."
    )


def _match(m) -> dict:
    return {"slug": m.slug, "name": m.name, "kind": m.kind, "fit": m.fit, "reasons": list(m.reasons), "url": m.url}


def result_as_dict(result) -> dict:
    """The engine's result in the API's shape (also used by the tests)."""
    return {
        "matches": [_match(m) for m in result.matches],
        "less_likely": [_match(m) for m in result.less_likely],
        "red_flags": [{"code": f.code, "care": f.care, "message": f.message} for f in result.red_flags],
        "advice": result.advice,
        "safety_net": [{"key": c.key, "level": c.level, "heading": c.heading, "text": c.text} for c in result.safety_net],
        "not_a_diagnosis": result.not_a_diagnosis,
        "product_suggested": result.product_suggested,
    }


@router.post(
    "/identify",
    response={200: IdentifyOut, 400: ErrorOut, 413: ErrorOut, 422: ErrorOut, 429: ErrorOut},
    summary="Match answers to the milia types and look-alikes",
    description=(
        "Scores the answers against the guide's evidence rules and returns red flags (shown first), "
        "up to three best-fitting descriptions with their fit and reasons, up to three 'less likely' "
        "ones apart, advice, the safety net (when to get help) and the statement that this is not a "
        "diagnosis. Answers are health data: they are never stored or logged."
    ),
    operation_id="identify",
    throttle=Throttle("identify", "IDENTIFY_RATE_LIMIT"),  # shared with the identifier pages
    openapi_extra=RETRY_AFTER_DOC,
)
def identify_endpoint(request: HttpRequest, response: HttpResponse, payload: IdentifyIn):
    response["Cache-Control"] = "no-store, private"
    answers = Answers.from_mapping(payload.model_dump())
    result = identify(current_snapshot(), answers)
    return result_as_dict(result)
