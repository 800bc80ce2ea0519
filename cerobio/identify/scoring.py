"""The scoring engine: plain functions from answers and a knowledge snapshot to ranked matches.

How a candidate (a milia type or a look-alike) is scored:
- **ruled out**: when the person chose places and every one is a place where the candidate is
  never found (its "never found on" sites), it does not appear at all.
- each answered question adds the strongest rule *for* the candidate among the chosen values
  plus the strongest rule *against* it, so one question adds between −3 and +3 and choosing
  many values cannot pile up points. A white dome with a dimple in the middle counts both ways.
- "Where are they?" is the exception: bumps can be in several places, so the strongest rule for
  the candidate wins, and a rule against counts only when no chosen place supports it.
- **needed answers**: a candidate with rules marked "needed" fits only when at least one of those
  answers was given; without one it is at most "less likely".
- fit: `strong` from STRONG points, `possible` from POSSIBLE, otherwise `weak` ("less likely"); a
  candidate scoring half of the best or less is "less likely" too.
- the result holds at most MAX_MATCHES best fits (`strong` or `possible`) and, apart, at most
  MAX_LESS_LIKELY "less likely" ones scoring at least LESS_LIKELY_MIN (LESS_LIKELY_UNMET_MIN
  without a needed answer); nothing pads either list.
Ties are broken by the number of supporting answers, then primary, secondary, look-alike, then
the classification order. Every word a reader sees comes from the knowledge base (rules' reasons,
care advice) or quotes the person's own answers. Nothing here touches the database, so it is fast
and safe to call with any combination of answers, including none.
"""

from dataclasses import dataclass, field

from .answers import BY_KEY, QUESTION_KEYS, Answers
from .red_flags import RedFlag, red_flags
from .snapshot import KIND_ORDER, Candidate, CareText, ProductRules, Snapshot

STRONG = 6
POSSIBLE = 3
MAX_MATCHES = 3
MAX_LESS_LIKELY = 3
LESS_LIKELY_MIN = 3  # points a "less likely" description needs
LESS_LIKELY_UNMET_MIN = 4  # points one without its needed answer needs (it would "might fit" with it)

# Who the product (a cosmetic exfoliating cream) suits, who it is not for, where it must not be used
# and from what age come from its page in the shop (`Snapshot.product`, editors manage them). These
# answers rule it out whatever the page says: they point to something a clinician should see.
PRODUCT_AVOID_LOOKS = frozenset(
    {"on_red_plaque", "red_inflamed", "pus", "clear_blisters", "translucent"}
)
PRODUCT_AVOID_HISTORY = frozenset({"blistering_disease", "radiotherapy", "genetic_skin_condition"})
PRODUCT_AVOID_SYMPTOMS = frozenset({"painful", "bleeding", "growing", "unwell"})

# History answers about the skin where the bumps are: quoted with the places ("on the hands, after a burn").
HISTORY_AT_THE_PLACE = frozenset(
    {
        "burn_or_injury",
        "skin_procedure",
        "radiotherapy",
        "blistering_disease",
        "steroid_cream",
        "pale_birthmark",
    }
)

# The care advice (by key, in the knowledge base) that every result carries.
NOT_A_DIAGNOSIS = "not-a-diagnosis"
SAFETY_NET_NEWBORN = ("safety-net-newborn-urgent", "safety-net-newborn-gp")
SAFETY_NET_EVERYONE = ("safety-net-changes", "safety-net-route")


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
    not_a_diagnosis: str = ""
    product_suggested: bool = False
    answers: Answers = field(default_factory=Answers)
    less_likely: tuple[Match, ...] = ()
    safety_net: tuple[CareText, ...] = ()

    @property
    def best(self) -> Match | None:
        return self.matches[0] if self.matches else None


BEST_ONLY = frozenset({"sites"})


@dataclass(frozen=True)
class Evidence:
    """One deciding rule: the answer it is about and its weight and reason."""

    key: str
    value: str
    weight: int
    reason: str


def _question_evidence(candidate: Candidate, key: str, values: tuple[str, ...]) -> list[Evidence]:
    """The rules that decide this question for this candidate (none, one or two)."""
    best_for = best_against = None
    for value in values:
        rule = candidate.rules.get((key, value))
        if rule is None:
            continue
        evidence = Evidence(key, value, rule.weight, rule.reason)
        if rule.weight > 0 and (best_for is None or rule.weight > best_for.weight):
            best_for = evidence
        elif rule.weight < 0 and (best_against is None or rule.weight < best_against.weight):
            best_against = evidence
    if key in BEST_ONLY and best_for is not None:
        return [best_for]
    return [e for e in (best_for, best_against) if e is not None]


def _answered(answers: Answers) -> list[tuple[str, tuple[str, ...]]]:
    """The answered questions with their values, worked out once per scoring."""
    out = []
    for key in QUESTION_KEYS:
        values = answers.values_of(key)
        if values:
            out.append((key, values))
    return out


def ruled_out(candidate: Candidate, answers: Answers) -> bool:
    """True when places were chosen and the candidate is never found on any of them."""
    return bool(answers.sites) and answers.sites <= candidate.never_sites


def requirement_met(candidate: Candidate, answers: Answers) -> bool:
    """True when the candidate needs nothing, or one of its needed answers was given."""
    return not candidate.required or any(
        value in answers.values_of(key) for key, value in candidate.required
    )


def score_candidate(
    candidate: Candidate, answers: Answers, answered=None
) -> tuple[int, int, list[Evidence]]:
    """(score, number of supporting answers, deciding evidence) for one candidate."""
    score = support = 0
    deciding = []
    for key, values in answered if answered is not None else _answered(answers):
        if not candidate.rules:
            break
        for evidence in _question_evidence(candidate, key, values):
            score += evidence.weight
            support += evidence.weight > 0
            deciding.append(evidence)
    return score, support, deciding


def _fit(score: int, best_score: int, met: bool) -> str:
    if not met or score * 2 <= best_score:
        return "weak"
    if score >= STRONG:
        return "strong"
    if score >= POSSIBLE:
        return "possible"
    return "weak"


def _said(
    answers: Answers, candidate: Candidate, evidence: Evidence, deciding: list[Evidence]
) -> str:
    """The person's answer as the reasons quote it; a history answer about the skin there gets the places."""
    said = BY_KEY[evidence.key].said_of(evidence.value)
    places_weigh = any(e.key == "sites" and e.weight > 0 for e in deciding)
    if evidence.key == "history" and evidence.value in HISTORY_AT_THE_PLACE and not places_weigh:
        places = [
            BY_KEY["sites"].said_of(s)
            for s in answers.values_of("sites")
            if s not in candidate.never_sites
        ]
        if places:
            return f"{_join(places, 'and')}, {said}"
    return said


def _join(items: list[str], word: str) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} {word} {items[-1]}"


def _reasons(
    answers: Answers, candidate: Candidate, deciding: list[Evidence], met: bool
) -> tuple[str, ...]:
    """Supporting reasons first (strongest first), then the ones against, then a missing needed answer.

    A rule with a reason gives its own line; the answers of rules without one are quoted together
    on one line ("you said: on the hands, after a burn or injury, a few").
    """
    lines: list[str] = []
    quoted: list[str] = []
    quote_at = None
    needed_first = lambda e: (-e.weight, (e.key, e.value) not in candidate.required)  # noqa: E731
    for evidence in sorted((e for e in deciding if e.weight > 0), key=needed_first):
        if evidence.reason:
            lines.append(evidence.reason)
        else:
            quote_at = len(lines) if quote_at is None else quote_at
            quoted.append(_said(answers, candidate, evidence, deciding))
    if quoted:
        lines.insert(quote_at, "you said: " + ", ".join(quoted))
    for evidence in sorted((e for e in deciding if e.weight < 0), key=lambda e: e.weight):
        text = evidence.reason or "you said: " + _said(answers, candidate, evidence, deciding)
        lines.append(text if text.lower().startswith("but") else "but " + text)
    if not met:
        needed = [
            BY_KEY[key].said_of(value)
            for key, value in sorted(candidate.required, key=_vocabulary_order)
        ]
        lines.append("but you did not say: " + _join(needed, "or"))
    seen: set[str] = set()
    return tuple(line for line in lines if line and not (line in seen or seen.add(line)))


def _vocabulary_order(pair: tuple[str, str]) -> tuple[int, int]:
    key, value = pair
    return QUESTION_KEYS.index(key), BY_KEY[key].values.index(value)


def rank(snapshot: Snapshot, answers: Answers) -> tuple[tuple[Match, ...], tuple[Match, ...]]:
    """(best fits, less likely): at most MAX_MATCHES and MAX_LESS_LIKELY, each best first."""
    scored = []
    answered = _answered(answers)
    for candidate in snapshot.candidates:
        if ruled_out(candidate, answers):
            continue
        score, support, deciding = score_candidate(candidate, answers, answered)
        if score > 0:
            scored.append(
                (score, support, candidate, deciding, requirement_met(candidate, answers))
            )
    scored.sort(key=lambda s: (-s[0], -s[1], KIND_ORDER.get(s[2].kind, 9), s[2].order))
    best_score = max((s[0] for s in scored if s[4]), default=0)
    best, less = [], []
    for score, _support, candidate, deciding, met in scored:
        fit = _fit(score, best_score, met)
        if fit != "weak" and len(best) < MAX_MATCHES:
            target = best
        elif score >= (LESS_LIKELY_MIN if met else LESS_LIKELY_UNMET_MIN) and len(less) < MAX_LESS_LIKELY:
            target, fit = less, "weak"
        else:
            continue
        target.append(
            Match(
                slug=candidate.slug,
                name=candidate.name,
                kind=candidate.kind,
                fit=fit,
                score=score,
                reasons=_reasons(answers, candidate, deciding, met),
                url=candidate.url,
            )
        )
    return tuple(best), tuple(less)


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


def advice_keys(answers: Answers, matches, flags) -> list[str]:
    """Which care advice makes up "What to do", in order (the words are in the knowledge base)."""
    keys = ["advice-red-flags-first"] if flags else []
    best = matches[0] if matches else None
    if best is None:
        keys.append("advice-nothing-answered" if answers.is_empty else "advice-no-fit")
    elif best.kind == "look-alike":
        keys.append("advice-look-alike")
    elif best.slug == "congenital-milia":
        keys.append("advice-newborn-milia")
    else:
        keys.append("advice-milia")
    if "genitals" in answers.sites:
        keys.append("advice-genitals")
    if answers.sites & {"eyelids", "around_eyes"}:
        keys.append("advice-near-eyes")
    if "unwell" in answers.symptoms and not any(f.care == "urgent" for f in flags):
        keys.append("advice-unwell")
    return keys


def safety_net_keys(answers: Answers) -> tuple[str, ...]:
    """The safety net every result carries: for a baby, when to get help; for everyone, what would change it."""
    baby = answers.age_group == "newborn" or (
        answers.age_group is None and answers.onset == "at_birth"
    )
    return (*SAFETY_NET_NEWBORN, *SAFETY_NET_EVERYONE) if baby else SAFETY_NET_EVERYONE


def identify(snapshot: Snapshot, answers: Answers) -> Result:
    """Score the answers against the snapshot: red flags, matches, advice, safety net and the product decision."""
    care = snapshot.care
    flags = tuple(red_flags(answers, care))
    matches, less_likely = rank(snapshot, answers)
    advice = " ".join(care[key].text for key in advice_keys(answers, matches, flags) if key in care)
    return Result(
        matches=matches,
        red_flags=flags,
        advice=advice,
        not_a_diagnosis=care[NOT_A_DIAGNOSIS].text if NOT_A_DIAGNOSIS in care else "",
        product_suggested=product_may_be_suggested(answers, matches, flags, snapshot.product),
        answers=answers,
        less_likely=less_likely,
        safety_net=tuple(care[key] for key in safety_net_keys(answers) if key in care),
    )
