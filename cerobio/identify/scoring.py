"""The scoring engine: plain functions from answers and a rules snapshot to ranked matches.

How a candidate (a milia type or a look-alike) is scored:
- each answered question adds the strongest rule *for* the candidate among the chosen values
  plus the strongest rule *against* it, so one question adds between −3 and +3 and choosing
  many values cannot pile up points. A white dome with a dimple in the middle counts both ways.
- "Where are they?" is the exception: bumps can be in several places, so the strongest rule for
  the candidate wins, and a rule against counts only when no chosen place supports it (bumps on
  the nose and in the mouth still count for newborn milia).
- the score is the sum over questions; candidates scoring 0 or less are left out.
- fit: `strong` from STRONG points, `possible` from POSSIBLE, otherwise `weak`; a candidate
  scoring less than half of the best is never more than `weak`.
Ties are broken by the number of supporting answers, then primary, secondary, look-alike, then
the classification order. Nothing here touches the database, so it is fast and safe to call
with any combination of answers, including none.
"""

from dataclasses import dataclass, field

from .answers import QUESTION_KEYS, Answers
from .red_flags import RedFlag, red_flags
from .snapshot import KIND_ORDER, Candidate, ProductRules, Snapshot

STRONG = 7
POSSIBLE = 4
MAX_MATCHES = 5

# Who the product (a cosmetic exfoliating cream) suits, who it is not for, where it must not be used
# and from what age come from its page in the shop (`Snapshot.product`, editors manage them). These
# answers rule it out whatever the page says: they point to something a clinician should see.
PRODUCT_AVOID_LOOKS = frozenset({"on_red_plaque", "red_inflamed", "pus", "clear_blisters", "translucent"})
PRODUCT_AVOID_HISTORY = frozenset({"blistering_disease", "radiotherapy", "genetic_skin_condition"})
PRODUCT_AVOID_SYMPTOMS = frozenset({"painful", "bleeding", "growing", "unwell"})

NOT_A_DIAGNOSIS = (
    "This is not a diagnosis. It shows which descriptions in our guide fit your answers. "
    "Only a doctor, nurse or pharmacist who looks at the skin can tell you what it is."
)


@dataclass(frozen=True)
class Match:
    slug: str
    name: str
    kind: str
    fit: str
    score: int
    reasons: tuple[str, ...]
    url: str


@dataclass(frozen=True)
class Result:
    matches: tuple[Match, ...]
    red_flags: tuple[RedFlag, ...]
    advice: str
    not_a_diagnosis: str = NOT_A_DIAGNOSIS
    product_suggested: bool = False
    answers: Answers = field(default_factory=Answers)

    @property
    def best(self) -> Match | None:
        return self.matches[0] if self.matches else None


BEST_ONLY = frozenset({"sites"})


def _question_evidence(candidate: Candidate, key: str, values: tuple[str, ...]) -> list:
    """The rules that decide this question for this candidate (none, one or two)."""
    best_for = best_against = None
    for value in values:
        rule = candidate.rules.get((key, value))
        if rule is None:
            continue
        if rule.weight > 0 and (best_for is None or rule.weight > best_for.weight):
            best_for = rule
        elif rule.weight < 0 and (best_against is None or rule.weight < best_against.weight):
            best_against = rule
    if key in BEST_ONLY and best_for is not None:
        return [best_for]
    return [r for r in (best_for, best_against) if r is not None]


def _answered(answers: Answers) -> list[tuple[str, tuple[str, ...]]]:
    """The answered questions with their values, worked out once per scoring."""
    out = []
    for key in QUESTION_KEYS:
        values = answers.values_of(key)
        if values:
            out.append((key, values))
    return out


def score_candidate(candidate: Candidate, answers: Answers, answered=None) -> tuple[int, int, list]:
    """(score, number of supporting answers, deciding rules) for one candidate."""
    score = support = 0
    deciding = []
    for key, values in answered if answered is not None else _answered(answers):
        if not candidate.rules:
            break
        for rule in _question_evidence(candidate, key, values):
            score += rule.weight
            support += rule.weight > 0
            deciding.append(rule)
    return score, support, deciding


def _fit(score: int, best_score: int) -> str:
    if score * 2 < best_score:
        return "weak"
    if score >= STRONG:
        return "strong"
    if score >= POSSIBLE:
        return "possible"
    return "weak"


def _reasons(deciding: list) -> tuple[str, ...]:
    """Supporting reasons first (strongest first), then the reasons against."""
    ordered = sorted(deciding, key=lambda r: (r.weight < 0, -abs(r.weight)))
    seen, out = set(), []
    for rule in ordered:
        text = rule.reason
        if rule.weight < 0 and text and not text.lower().startswith("but"):
            text = "but " + text
        if text and text not in seen:
            seen.add(text)
            out.append(text)
    return tuple(out)


def rank(snapshot: Snapshot, answers: Answers, limit: int = MAX_MATCHES) -> tuple[Match, ...]:
    """The best-fitting candidates, best first, at most `limit`."""
    scored = []
    answered = _answered(answers)
    for candidate in snapshot.candidates:
        score, support, deciding = score_candidate(candidate, answers, answered)
        if score > 0:
            scored.append((score, support, candidate, deciding))
    scored.sort(key=lambda s: (-s[0], -s[1], KIND_ORDER.get(s[2].kind, 9), s[2].order))
    best_score = scored[0][0] if scored else 0
    return tuple(
        Match(
            slug=c.slug,
            name=c.name,
            kind=c.kind,
            fit=_fit(score, best_score),
            score=score,
            reasons=_reasons(deciding),
            url=c.url,
        )
        for score, _support, c, deciding in scored[: max(0, limit)]
    )


def product_may_be_suggested(answers: Answers, matches, flags, product: ProductRules) -> bool:
    """True only when the best fit suits the product and nothing in the answers rules it out."""
    if flags or not matches:
        return False
    best = matches[0]
    return (
        best.slug in product.suits
        and best.slug not in product.not_for
        and best.fit in ("strong", "possible")
        and answers.age_group in product.age_groups
        and not answers.sites & product.avoid_sites
        and not answers.look & PRODUCT_AVOID_LOOKS
        and not answers.history & PRODUCT_AVOID_HISTORY
        and not answers.symptoms & PRODUCT_AVOID_SYMPTOMS
        and answers.onset != "sudden"
    )


def _advice(answers: Answers, matches, flags) -> str:
    """What to do next, in plain words."""
    parts = []
    if flags:
        parts.append("Follow the advice in the red flag box first: it matters more than which type this is.")
    best = matches[0] if matches else None
    if best is None:
        if answers.is_empty:
            parts.append("You did not answer any questions, so nothing can be matched yet.")
        else:
            parts.append(
                "Nothing in our guide fits these answers well. If you are worried about the bumps, "
                "ask a pharmacist or GP to look at them."
            )
    elif best.kind == "look-alike":
        parts.append(
            "Your answers fit something that can look like milia but is not. The guide page explains "
            "how to tell them apart. If you are not sure, ask a pharmacist or GP."
        )
    elif best.slug == "congenital-milia":
        parts.append(
            "Milia in newborn babies are harmless and clear by themselves, usually within weeks. "
            "Do not squeeze them or put creams on them."
        )
    else:
        parts.append(
            "Milia are harmless and do not need treatment. Do not squeeze or pick them: it can cause "
            "infection and scars. A GP or skin specialist can remove them if they bother you."
        )
    if "genitals" in answers.sites:
        parts.append("Bumps on the genitals should be looked at by a GP or sexual health clinic.")
    if answers.sites & {"eyelids", "around_eyes"}:
        parts.append("Near the eyes, only a clinician should remove milia.")
    if "unwell" in answers.symptoms and not any(f.care == "urgent" for f in flags):
        parts.append("If the person seems unwell, speak to a GP or pharmacist.")
    return " ".join(parts)


def identify(snapshot: Snapshot, answers: Answers) -> Result:
    """Score the answers against the snapshot: red flags, matches, advice and the product decision."""
    flags = tuple(red_flags(answers))
    matches = rank(snapshot, answers)
    return Result(
        matches=matches,
        red_flags=flags,
        advice=_advice(answers, matches, flags),
        product_suggested=product_may_be_suggested(answers, matches, flags, snapshot.product),
        answers=answers,
    )
