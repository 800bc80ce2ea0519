"""Answer sets written from the fact sheet, with what the identifier must say for each.

Each case: an id, the answers (API shape), the expected best match (None: no expectation;
NOTHING: no match at all), the red flags expected (exactly), and optionally a slug that must be among the matches.
Fact sheet sections are in the comments (2: classification, 4: look-alikes, 6: red flags).
"""

from typing import NamedTuple

NOTHING = "(no match)"  # expect no matches at all


class Case(NamedTuple):
    id: str
    answers: dict
    best: str | None
    flags: frozenset = frozenset()
    among: str | None = None


def case(id, answers, best, flags=(), among=None) -> Case:
    return Case(id, answers, best, frozenset(flags), among)


CASES = [
    # --- primary milia (section 2) ------------------------------------------------------------
    case("newborn-nose-from-birth", {"age_group": "newborn", "sites": ["nose", "cheeks"], "look": ["white_dome"],
         "count": "many", "onset": "at_birth"}, "congenital-milia"),
    case("newborn-nose-only", {"age_group": "newborn", "sites": ["nose"]}, "congenital-milia"),
    case("present-from-birth-only", {"onset": "at_birth"}, "congenital-milia"),
    case("newborn-scalp-and-chest", {"age_group": "newborn", "sites": ["scalp", "chest_back"], "look": ["white_dome"],
         "onset": "at_birth"}, "congenital-milia"),
    case("adult-eyelids", {"age_group": "adult", "sites": ["eyelids"], "look": ["white_dome"], "count": "few",
         "onset": "gradual"}, "benign-primary-milia"),
    case("teen-single-on-cheek", {"age_group": "teen", "sites": ["cheeks"], "look": ["white_dome"], "count": "one"},
         "benign-primary-milia"),
    case("older-adult-around-eyes", {"age_group": "older_adult", "sites": ["around_eyes", "forehead"],
         "look": ["white_dome"], "onset": "gradual"}, "benign-primary-milia"),
    case("red-plaque-behind-ear", {"age_group": "adult", "sites": ["ears"], "look": ["on_red_plaque", "white_dome"],
         "count": "many", "onset": "gradual", "symptoms": ["itchy"]}, "milia-en-plaque", ["plaque"]),
    case("red-plaque-only", {"look": ["on_red_plaque"]}, "milia-en-plaque", ["plaque"]),
    case("white-cluster-many", {"look": ["white_dome"], "count": "many", "onset": "gradual"},
         "benign-primary-milia", among="nodular-grouped-milia"),
    case("sudden-crop-on-face-and-neck", {"age_group": "adult", "sites": ["cheeks", "neck"], "look": ["white_dome"],
         "count": "many", "onset": "sudden"}, "multiple-eruptive-milia", ["eruptive"]),
    case("sudden-crop-after-new-medicine", {"age_group": "teen", "count": "many", "onset": "sudden",
         "history": ["new_medicine"]}, "multiple-eruptive-milia", ["eruptive"], among="medication-associated-milia"),
    case("inherited-condition-child", {"age_group": "child", "look": ["white_dome"], "count": "many",
         "onset": "gradual", "history": ["genetic_skin_condition"]}, "genodermatosis-associated-milia"),
    case("inside-pale-birthmark", {"age_group": "child", "sites": ["chest_back"], "look": ["white_dome"],
         "count": "few", "history": ["pale_birthmark"]}, "nevus-depigmentosus-with-milia"),
    case("pale-birthmark-only", {"history": ["pale_birthmark"]}, "nevus-depigmentosus-with-milia"),
    # --- secondary milia (sections 2 and 3) -----------------------------------------------------
    case("where-blisters-were-on-hands", {"age_group": "adult", "sites": ["hands"], "look": ["white_dome"],
         "count": "many", "history": ["blistering_disease"]}, "disease-associated-milia", ["blistering"]),
    case("blistering-only", {"history": ["blistering_disease"]}, "disease-associated-milia", ["blistering"]),
    case("steroid-cream-older-skin", {"age_group": "older_adult", "sites": ["neck", "chest_back"],
         "look": ["white_dome"], "count": "few", "history": ["steroid_cream"]}, "medication-associated-milia"),
    case("steroid-cream-only", {"history": ["steroid_cream"]}, "medication-associated-milia"),
    case("after-a-burn", {"age_group": "adult", "sites": ["hands"], "look": ["white_dome"], "count": "few",
         "history": ["burn_or_injury"]}, "trauma-associated-milia"),
    case("after-laser-resurfacing", {"age_group": "adult", "sites": ["cheeks"], "look": ["white_dome"],
         "history": ["skin_procedure"]}, "trauma-associated-milia"),
    case("after-radiotherapy", {"age_group": "older_adult", "sites": ["chest_back"], "look": ["white_dome"],
         "history": ["radiotherapy"]}, "trauma-associated-milia"),
    # --- look-alikes (section 4) --------------------------------------------------------------
    case("teen-acne-whiteheads", {"age_group": "teen", "sites": ["chin", "forehead"], "look": ["central_pore"],
         "count": "many", "history": ["acne"]}, "whiteheads"),
    case("baby-red-spots-cheeks", {"age_group": "newborn", "sites": ["cheeks"], "look": ["red_inflamed"],
         "count": "few"}, "neonatal-acne"),
    case("baby-red-spots-with-pus", {"age_group": "newborn", "sites": ["cheeks", "forehead"],
         "look": ["red_inflamed", "pus"], "count": "many"}, "neonatal-acne", ["infection"]),
    case("newborn-clear-blisters", {"age_group": "newborn", "sites": ["neck", "chest_back"],
         "look": ["clear_blisters"], "onset": "sudden"}, "miliaria", ["unwell_baby"]),
    case("child-heat-rash", {"age_group": "child", "sites": ["chest_back"], "look": ["clear_blisters"],
         "symptoms": ["itchy"]}, "miliaria"),
    case("newborn-mouth-cysts", {"age_group": "newborn", "sites": ["inside_mouth"], "look": ["white_dome"],
         "onset": "at_birth"}, "epstein-pearls"),
    case("child-flat-bumps-on-hands", {"age_group": "child", "sites": ["hands"], "look": ["flat_topped"],
         "count": "many"}, "flat-warts"),
    case("adult-flat-bumps-under-eyes", {"age_group": "adult", "sites": ["around_eyes", "eyelids"],
         "look": ["flat_topped"], "count": "few", "onset": "gradual"}, "syringoma"),
    case("older-adult-soft-yellow-dimple", {"age_group": "older_adult", "sites": ["nose", "forehead"],
         "look": ["soft_yellow", "central_dip"], "count": "few"}, "sebaceous-hyperplasia"),
    case("newborn-yellow-nose", {"age_group": "newborn", "sites": ["nose"], "look": ["soft_yellow"]},
         "sebaceous-hyperplasia", among="congenital-milia"),
    case("child-dimpled-domes", {"age_group": "child", "sites": ["chest_back"], "look": ["white_dome", "central_dip"],
         "count": "few"}, "molluscum-contagiosum"),
    case("dimple-only", {"look": ["central_dip"]}, "molluscum-contagiosum"),
    case("yellow-patch-near-eye", {"age_group": "adult", "sites": ["around_eyes"], "look": ["yellow_patch"],
         "count": "one"}, "xanthelasma"),
    case("golden-bumps-on-temples", {"age_group": "older_adult", "sites": ["forehead", "cheeks"],
         "look": ["soft_yellow"], "count": "many", "onset": "gradual"}, "colloid-milium"),
    case("single-lump-with-pore", {"age_group": "adult", "sites": ["chest_back"], "look": ["central_pore"],
         "count": "one"}, "epidermoid-cyst"),
    # --- red flags (section 6) ----------------------------------------------------------------
    case("single-see-through-growing", {"age_group": "older_adult", "sites": ["nose"], "look": ["translucent"],
         "count": "one", "symptoms": ["growing"]}, None, ["possible_skin_cancer"]),
    case("bump-that-bleeds", {"age_group": "adult", "look": ["white_dome"], "count": "one", "symptoms": ["bleeding"]},
         "benign-primary-milia", ["possible_skin_cancer"]),
    case("unwell-newborn", {"age_group": "newborn", "sites": ["nose"], "look": ["white_dome"],
         "symptoms": ["unwell"]}, "congenital-milia", ["unwell_baby"]),
    case("adult-infected", {"age_group": "adult", "sites": ["chin"], "look": ["red_inflamed", "pus"],
         "symptoms": ["painful"]}, None, ["infection"]),
    # --- partial and contradictory answers ----------------------------------------------------
    case("nothing-answered", {}, NOTHING),
    case("only-a-count", {"count": "few"}, None),
    case("contradictory-everything", {
        "age_group": "newborn", "onset": "gradual", "count": "one",
        "look": ["white_dome", "central_dip", "flat_topped", "yellow_patch", "translucent"],
        "history": ["burn_or_injury", "acne", "pale_birthmark", "genetic_skin_condition"],
        "sites": ["inside_mouth", "genitals", "knees_elbows"], "symptoms": ["itchy", "unwell"],
    }, None, ["unwell_baby", "possible_skin_cancer"]),
    case("adult-but-from-birth", {"age_group": "adult", "onset": "at_birth", "look": ["white_dome"],
         "history": ["genetic_skin_condition"]}, "genodermatosis-associated-milia"),
]
