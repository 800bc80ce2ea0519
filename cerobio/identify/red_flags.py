"""Red flags: answers that mean someone should get help, whatever the bumps turn out to be.

They come from the fact sheet's "When to see a doctor" section and override everything else:
they are shown first, and while any is raised the product is never suggested. This module decides
*which* flags the answers raise and how urgent each is; the words come from the knowledge base
(care advice `red-flag-<code>`, editable by clinicians), passed in as `texts`.
"""

from collections.abc import Mapping
from dataclasses import dataclass

from .answers import Answers

URGENT = "urgent"  # get help today
GP = "gp"  # book a GP appointment
PHARMACIST = "pharmacist"  # speak to a pharmacist first

CARE_LEVELS = (URGENT, GP, PHARMACIST)
CARE_ORDER = {URGENT: 0, GP: 1, PHARMACIST: 2}
CARE_LABELS = {
    URGENT: "Urgent: get help today",
    GP: "See a GP",
    PHARMACIST: "Speak to a pharmacist",
}

CODES = ("possible_skin_cancer", "unwell_baby", "blistering", "eruptive", "plaque", "infection")


@dataclass(frozen=True)
class RedFlag:
    code: str
    care: str
    key: str  # the care advice that holds its words
    title: str = ""
    message: str = ""

    @property
    def care_label(self) -> str:
        return CARE_LABELS[self.care]


def _flag(code: str, care: str, key: str | None = None) -> RedFlag:
    return RedFlag(code, care, key or "red-flag-" + code.replace("_", "-"))


def _unwell_baby(a: Answers) -> RedFlag | None:
    if a.age_group != "newborn":
        return None
    if "unwell" in a.symptoms or "clear_blisters" in a.look or "blistering_disease" in a.history:
        return _flag("unwell_baby", URGENT)
    return None


def _possible_skin_cancer(a: Answers) -> RedFlag | None:
    if "translucent" in a.look or "bleeding" in a.symptoms or "growing" in a.symptoms:
        return _flag("possible_skin_cancer", GP)
    return None


def _blistering(a: Answers) -> RedFlag | None:
    return _flag("blistering", GP) if "blistering_disease" in a.history else None


def _eruptive(a: Answers) -> RedFlag | None:
    # A newborn's milia all appear within weeks of birth, so "sudden" means something else then.
    if a.onset == "sudden" and a.count != "one" and a.age_group != "newborn":
        return _flag("eruptive", GP)
    return None


def _plaque(a: Answers) -> RedFlag | None:
    return _flag("plaque", GP) if "on_red_plaque" in a.look else None


def _infection(a: Answers) -> RedFlag | None:
    signs = sum(("pus" in a.look, "red_inflamed" in a.look, "painful" in a.symptoms))
    if signs < 2:
        return None
    if a.age_group in ("newborn", "child") or "unwell" in a.symptoms:
        return _flag("infection", GP, "red-flag-infection-gp")
    return _flag("infection", PHARMACIST)


CHECKS = (_unwell_baby, _possible_skin_cancer, _blistering, _eruptive, _plaque, _infection)
KEYS = (*(f"red-flag-{code.replace('_', '-')}" for code in CODES), "red-flag-infection-gp")


def red_flags(answers: Answers, texts: Mapping | None = None) -> list[RedFlag]:
    """Every red flag the answers raise, most urgent first, with its words from `texts` (by key)."""
    texts = texts or {}
    flags = []
    for check in CHECKS:
        flag = check(answers)
        if flag is not None:
            text = texts.get(flag.key)
            if text is not None:
                flag = RedFlag(flag.code, flag.care, flag.key, text.heading, text.text)
            flags.append(flag)
    return sorted(flags, key=lambda f: CARE_ORDER[f.care])
