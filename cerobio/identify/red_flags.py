"""Red flags: answers that mean someone should get help, whatever the bumps turn out to be.

They come from the fact sheet's "When to see a doctor" section and override everything else:
they are shown first, and while any is raised the product is never suggested.
"""

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
    title: str
    message: str

    @property
    def care_label(self) -> str:
        return CARE_LABELS[self.care]


def _unwell_baby(a: Answers) -> RedFlag | None:
    if a.age_group != "newborn":
        return None
    if "unwell" in a.symptoms or "clear_blisters" in a.look or "blistering_disease" in a.history:
        return RedFlag(
            "unwell_baby",
            URGENT,
            "A young baby who seems unwell or has blisters needs checking today",
            "Contact your GP surgery or out-of-hours service today and say how old your baby is. "
            "If your baby is very unwell, call the emergency number. "
            "Do not put creams on the skin before a doctor has seen it.",
        )
    return None


def _possible_skin_cancer(a: Answers) -> RedFlag | None:
    if "translucent" in a.look or "bleeding" in a.symptoms or "growing" in a.symptoms:
        return RedFlag(
            "possible_skin_cancer",
            GP,
            "A see-through bump, or one that grows or bleeds, needs a doctor to look at it",
            "Book a GP appointment in the next 2 weeks. Most bumps like this are harmless, but a "
            "doctor needs to rule out a kind of skin cancer called basal cell carcinoma. "
            "Do not try to squeeze, cut or remove it yourself.",
        )
    return None


def _blistering(a: Answers) -> RedFlag | None:
    if "blistering_disease" in a.history:
        return RedFlag(
            "blistering",
            GP,
            "Bumps where blisters were should be checked by a doctor",
            "Book a GP appointment in the next few weeks, or sooner if new blisters keep coming. "
            "Milia where blisters have healed can be a sign of a skin disease that causes blisters, "
            "which a doctor can test for and treat.",
        )
    return None


def _eruptive(a: Answers) -> RedFlag | None:
    # A newborn's milia all appear within weeks of birth, so "sudden" means something else then.
    if a.onset == "sudden" and a.count != "one" and a.age_group != "newborn":
        return RedFlag(
            "eruptive",
            GP,
            "Many bumps appearing within weeks should be checked by a doctor",
            "Book a GP appointment in the next few weeks. Tell them about any medicine started "
            "recently and whether anyone in the family has had the same. Do not stop a prescribed "
            "medicine without talking to the doctor who prescribed it.",
        )
    return None


def _plaque(a: Answers) -> RedFlag | None:
    if "on_red_plaque" in a.look:
        return RedFlag(
            "plaque",
            GP,
            "Bumps on a raised red patch need a doctor to look at them",
            "Book a GP appointment in the next few weeks. A red, swollen patch with bumps in it "
            "may be milia en plaque, but a doctor, often a skin specialist (dermatologist), needs "
            "to rule out other conditions. Do not squeeze the bumps.",
        )
    return None


def _infection(a: Answers) -> RedFlag | None:
    signs = sum(("pus" in a.look, "red_inflamed" in a.look, "painful" in a.symptoms))
    if signs < 2:
        return None
    if a.age_group in ("newborn", "child") or "unwell" in a.symptoms:
        return RedFlag(
            "infection",
            GP,
            "Red, painful bumps with pus may be infected",
            "Contact your GP surgery today or tomorrow. Keep the area clean and do not squeeze it. "
            "If the redness spreads quickly or the person seems very unwell, get urgent help.",
        )
    return RedFlag(
        "infection",
        PHARMACIST,
        "Red, painful bumps with pus may be infected",
        "Speak to a pharmacist in the next day or two: they can tell you whether you need to see "
        "a GP. Keep the area clean and do not squeeze it. See a GP if the redness spreads, it gets "
        "worse, or you feel unwell.",
    )


CHECKS = (_unwell_baby, _possible_skin_cancer, _blistering, _eruptive, _plaque, _infection)


def red_flags(answers: Answers) -> list[RedFlag]:
    """Every red flag the answers raise, most urgent first."""
    flags = [flag for check in CHECKS if (flag := check(answers)) is not None]
    return sorted(flags, key=lambda f: CARE_ORDER[f.care])
