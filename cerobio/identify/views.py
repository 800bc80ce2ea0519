"""The identifier pages at /identify/: an introduction, one question per step, and the result.

Answers are health data. They travel only in the body of POST requests (never in the address, so
they cannot reach server logs, browser history or referrers), are scored in memory, and are never
written to the database, the session, the logs or analytics. Every response says no-store.
"""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_http_methods

from .answers import BY_KEY, QUESTIONS, Answers
from .bodymap import map_views
from .forms import INTRO, RESULT, TOTAL_STEPS, StepForm, hidden_fields, step_number
from .red_flags import CARE_LABELS
from .scoring import identify as run_identify
from .snapshot import current_snapshot

PRIVACY = (
    "Your answers are used only to show this page. They are never stored, never written to our "
    "logs, never sent to anyone else or used for analytics, and never attached to a basket or an "
    "order. When you close the page, they are gone."
)
CARE_CARD_LEVEL = {"urgent": "urgent", "gp": "gp", "pharmacist": "gp"}
KIND_LABELS = {"primary": "Primary milia", "secondary": "Secondary milia", "look-alike": "Look-alike: not milia"}
FIT_LABELS = {"strong": "Fits your answers well", "possible": "Might fit", "weak": "Less likely"}


def _no_store(response: HttpResponse, index: bool = False) -> HttpResponse:
    """Never cached; kept out of search results too unless `index` (the introduction, which holds no answers)."""
    response["Cache-Control"] = "no-store, private"
    response["Pragma"] = "no-cache"
    if not index:
        response["X-Robots-Tag"] = "noindex"
    return response


def _summary(answers: Answers):
    return [
        {"question": q, "labels": labels, "step": step_number(q.key)} for q, labels in answers.summary()
    ]


def _intro(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "identify/intro.html",
        {
            "title": "Identify your bumps",
            "description": "Answer a few short questions about small white bumps on the skin and see which kinds "
            "of milia or look-alikes fit, why, and when to get help. Your answers are never stored.",
            "questions": QUESTIONS, "total": TOTAL_STEPS, "privacy": PRIVACY,
        },
    )


def _step(request: HttpRequest, key: str, answers: Answers) -> HttpResponse:
    question = BY_KEY[key]
    chosen = set(answers.values_of(key))
    number = step_number(key)
    context = {
        "title": f"{question.title} (step {number} of {TOTAL_STEPS}) | Identify your bumps",
        "question": question,
        "choices": [{"choice": c, "checked": c.value in chosen} for c in question.choices],
        "number": number,
        "total": TOTAL_STEPS,
        "percent": round(100 * (number - 1) / TOTAL_STEPS),
        "hidden": hidden_fields(answers, except_key=key),
        "summary": [row for row in _summary(answers) if row["labels"] and row["question"].key != key],
        "privacy": PRIVACY,
    }
    if key == "sites":
        context["map_views"] = [
            {"view": v, "details": mark_safe(v.details)}  # fixed geometry from the guide
            for v in map_views(chosen)
        ]
    return render(request, "identify/step.html", context)


def _shown(match) -> dict:
    return {"match": match, "kind_label": KIND_LABELS.get(match.kind, match.kind), "fit_label": FIT_LABELS[match.fit]}


def _result(request: HttpRequest, answers: Answers) -> HttpResponse:
    result = run_identify(current_snapshot(), answers)
    flags = [
        {"flag": f, "level": CARE_CARD_LEVEL[f.care], "care_label": CARE_LABELS[f.care]} for f in result.red_flags
    ]
    return render(
        request,
        "identify/result.html",
        {
            "title": "Your results | Identify your bumps",
            "description": "Which descriptions of milia in our guide fit your answers, why, and when to get help.",
            "result": result,
            "flags": flags,
            "matches": [_shown(m) for m in result.matches],
            "less_likely": [_shown(m) for m in result.less_likely],
            "hidden": hidden_fields(answers),
            "summary": _summary(answers),
            "privacy": PRIVACY,
            "total": TOTAL_STEPS,
        },
    )


@require_http_methods(["GET", "HEAD", "POST"])
def identify(request: HttpRequest) -> HttpResponse:
    """GET shows the introduction; each POST carries the answers so far and the button pressed."""
    if request.method != "POST":
        return _no_store(_intro(request), index=True)  # the way in, which search engines may list
    form = StepForm(request.POST)
    target, answers = form.target(form.answers())
    if target == INTRO:
        response = _intro(request)
    elif target == RESULT:
        response = _result(request, answers)
    else:
        response = _step(request, target, answers)
    return _no_store(response)
