"""Answer sets written from the fact sheet, with what the identifier must say for each.

Each case: an id, the answers (API shape), the expected best match (NOTHING: no best fit at all;
None: no single answer is right), the red flags expected (exactly), descriptions that must not
appear anywhere (neither as a fit nor as "less likely"), and optionally one that must be listed
(as a fit or as "less likely"). Every milia type and look-alike is the expected best match at
least three times, in different ages and places. Fact sheet sections are in the comments (2: classification, 3: causes,
4: look-alikes, 6: red flags). `figures()` gives the figures docs/identifier.md states.
"""

from typing import NamedTuple

NOTHING = "(no match)"  # expect no best fit at all


class Case(NamedTuple):
    id: str
    answers: dict
    best: str | None
    flags: frozenset = frozenset()
    never: frozenset = frozenset()
    among: str | None = None


def case(id, answers, best, flags=(), never=(), among=None) -> Case:
    return Case(id, answers, best, frozenset(flags), frozenset(never), among)


SECONDARY = ("disease-associated-milia", "medication-associated-milia", "trauma-associated-milia")
NOT_FOR_BABIES = (*SECONDARY, "genodermatosis-associated-milia", "syringoma", "xanthelasma", "whiteheads")
MOUTH_ONLY = ("epstein-pearls",)

CASES = [
    # --- congenital (newborn) milia, section 2 ----------------------------------------------------
    case("newborn-nose-from-birth", {"age_group": "newborn", "sites": ["nose", "cheeks"], "look": ["white_dome"],
         "count": "many", "onset": "at_birth"}, "congenital-milia",
         never=(*SECONDARY, "syringoma", "xanthelasma", "whiteheads", *MOUTH_ONLY)),
    case("newborn-nose-only", {"age_group": "newborn", "sites": ["nose"]}, "congenital-milia",
         never=(*SECONDARY, *MOUTH_ONLY)),
    case("newborn-scalp-and-chest", {"age_group": "newborn", "sites": ["scalp", "chest_back"], "look": ["white_dome"],
         "onset": "at_birth"}, "congenital-milia", never=MOUTH_ONLY),
    case("newborn-eyelids-few", {"age_group": "newborn", "sites": ["eyelids"], "look": ["white_dome"], "count": "few"},
         "congenital-milia", never=("syringoma", "xanthelasma", *MOUTH_ONLY)),
    case("baby-age-skipped-from-birth", {"sites": ["nose"], "look": ["white_dome"], "onset": "at_birth"},
         "congenital-milia", never=MOUTH_ONLY),
    # --- benign primary milia of children and adults ----------------------------------------------
    case("adult-eyelids", {"age_group": "adult", "sites": ["eyelids"], "look": ["white_dome"], "count": "few",
         "onset": "gradual"}, "benign-primary-milia", never=("congenital-milia", *MOUTH_ONLY)),
    case("teen-single-on-cheek", {"age_group": "teen", "sites": ["cheeks"], "look": ["white_dome"], "count": "one"},
         "benign-primary-milia", never=MOUTH_ONLY),
    case("older-adult-around-eyes", {"age_group": "older_adult", "sites": ["around_eyes", "forehead"],
         "look": ["white_dome"], "onset": "gradual"}, "benign-primary-milia", never=("congenital-milia",)),
    case("child-forehead-slowly", {"age_group": "child", "sites": ["forehead"], "look": ["white_dome"],
         "count": "few", "onset": "gradual"}, "benign-primary-milia", never=(*SECONDARY, *MOUTH_ONLY)),
    case("adult-genitals", {"age_group": "adult", "sites": ["genitals"], "look": ["white_dome"], "count": "few"},
         "benign-primary-milia", never=("xanthelasma", "syringoma", *MOUTH_ONLY)),
    # --- milia en plaque ------------------------------------------------------------------------
    case("red-plaque-behind-ear", {"age_group": "adult", "sites": ["ears"], "look": ["on_red_plaque", "white_dome"],
         "count": "many", "onset": "gradual", "symptoms": ["itchy"]}, "milia-en-plaque", ["plaque"]),
    case("red-plaque-only", {"look": ["on_red_plaque"]}, "milia-en-plaque", ["plaque"]),
    case("older-adult-plaque-on-eyelid", {"age_group": "older_adult", "sites": ["eyelids"],
         "look": ["on_red_plaque"], "count": "many"}, "milia-en-plaque", ["plaque"], never=("xanthelasma",)),
    case("plaque-after-radiotherapy-on-ear", {"age_group": "adult", "sites": ["ears"], "look": ["on_red_plaque"],
         "history": ["radiotherapy"]}, "milia-en-plaque", ["plaque"]),
    # --- nodular grouped milia (section 2: only "a nodular cluster" is known) ---------------------
    case("white-cluster-many", {"age_group": "adult", "look": ["white_dome"], "count": "many", "onset": "gradual"},
         "benign-primary-milia", among="nodular-grouped-milia"),
    case("cluster-on-the-legs", {"age_group": "adult", "sites": ["legs"], "look": ["white_dome"], "count": "many"},
         "nodular-grouped-milia"),
    case("cluster-on-the-knees", {"age_group": "older_adult", "sites": ["knees_elbows"], "look": ["white_dome"],
         "count": "many", "onset": "gradual"}, "nodular-grouped-milia"),
    case("teen-cluster-on-the-back", {"age_group": "teen", "sites": ["chest_back"], "look": ["white_dome"],
         "count": "many"}, "nodular-grouped-milia", never=MOUTH_ONLY),
    # --- multiple eruptive milia ------------------------------------------------------------------
    case("sudden-crop-on-face-and-neck", {"age_group": "adult", "sites": ["cheeks", "neck"], "look": ["white_dome"],
         "count": "many", "onset": "sudden"}, "multiple-eruptive-milia", ["eruptive"]),
    case("sudden-crop-after-new-medicine", {"age_group": "teen", "count": "many", "onset": "sudden",
         "history": ["new_medicine"]}, "multiple-eruptive-milia", ["eruptive"], among="medication-associated-milia"),
    case("child-sudden-crop-family", {"age_group": "child", "sites": ["chest_back", "arms"], "look": ["white_dome"],
         "count": "many", "onset": "sudden", "symptoms": ["itchy"]}, "multiple-eruptive-milia", ["eruptive"]),
    # --- genodermatosis-associated milia ----------------------------------------------------------
    case("inherited-condition-child", {"age_group": "child", "look": ["white_dome"], "count": "many",
         "onset": "gradual", "history": ["genetic_skin_condition"]}, "genodermatosis-associated-milia"),
    case("adult-but-from-birth", {"age_group": "adult", "onset": "at_birth", "look": ["white_dome"],
         "history": ["genetic_skin_condition"]}, "genodermatosis-associated-milia"),
    case("baby-inherited-condition-legs", {"age_group": "newborn", "sites": ["legs"], "look": ["white_dome"],
         "count": "many", "history": ["genetic_skin_condition"]}, "genodermatosis-associated-milia"),
    # --- naevus depigmentosus with milia ----------------------------------------------------------
    case("inside-pale-birthmark", {"age_group": "child", "sites": ["chest_back"], "look": ["white_dome"],
         "count": "few", "history": ["pale_birthmark"]}, "nevus-depigmentosus-with-milia"),
    case("pale-birthmark-only", {"history": ["pale_birthmark"]}, "nevus-depigmentosus-with-milia"),
    case("adult-pale-birthmark-on-arm", {"age_group": "adult", "sites": ["arms"], "look": ["white_dome"],
         "history": ["pale_birthmark"]}, "nevus-depigmentosus-with-milia", never=("benign-primary-milia",)),
    # --- disease-associated milia (sections 2, 3) -------------------------------------------------
    case("where-blisters-were-on-hands", {"age_group": "adult", "sites": ["hands"], "look": ["white_dome"],
         "count": "many", "history": ["blistering_disease"]}, "disease-associated-milia", ["blistering"],
         never=("syringoma", *MOUTH_ONLY)),
    case("blistering-only", {"history": ["blistering_disease"]}, "disease-associated-milia", ["blistering"]),
    case("older-adult-blisters-on-arms", {"age_group": "older_adult", "sites": ["arms", "hands"],
         "look": ["white_dome"], "count": "few", "onset": "gradual", "history": ["blistering_disease"]},
         "disease-associated-milia", ["blistering"]),
    # --- medication-associated milia --------------------------------------------------------------
    case("steroid-cream-older-skin", {"age_group": "older_adult", "sites": ["neck", "chest_back"],
         "look": ["white_dome"], "count": "few", "history": ["steroid_cream"]}, "medication-associated-milia"),
    case("steroid-cream-only", {"history": ["steroid_cream"]}, "medication-associated-milia"),
    case("adult-steroid-cream-on-arms", {"age_group": "adult", "sites": ["arms"], "look": ["white_dome"],
         "count": "many", "onset": "gradual", "history": ["steroid_cream"]}, "medication-associated-milia",
         never=("trauma-associated-milia",)),
    # --- trauma-associated milia ------------------------------------------------------------------
    case("after-a-burn-on-the-hands", {"age_group": "adult", "sites": ["hands"], "look": ["white_dome"],
         "count": "few", "onset": "gradual", "history": ["burn_or_injury"]}, "trauma-associated-milia",
         never=("syringoma", "medication-associated-milia", *MOUTH_ONLY)),
    case("after-laser-resurfacing", {"age_group": "adult", "sites": ["cheeks"], "look": ["white_dome"],
         "history": ["skin_procedure"]}, "trauma-associated-milia", never=("medication-associated-milia",)),
    case("after-radiotherapy", {"age_group": "older_adult", "sites": ["chest_back"], "look": ["white_dome"],
         "history": ["radiotherapy"]}, "trauma-associated-milia"),
    case("child-after-a-graze-on-the-knee", {"age_group": "child", "sites": ["knees_elbows"],
         "look": ["white_dome"], "count": "few", "history": ["burn_or_injury"]}, "trauma-associated-milia",
         never=("syringoma", "sebaceous-hyperplasia")),
    # --- look-alikes (section 4) ------------------------------------------------------------------
    case("teen-acne-whiteheads", {"age_group": "teen", "sites": ["chin", "forehead"], "look": ["central_pore"],
         "count": "many", "history": ["acne"]}, "whiteheads"),
    case("adult-acne-on-cheeks", {"age_group": "adult", "sites": ["cheeks"], "look": ["white_dome"],
         "count": "many", "history": ["acne"]}, "whiteheads"),
    case("acne-only", {"history": ["acne"]}, "whiteheads"),
    case("baby-red-spots-cheeks", {"age_group": "newborn", "sites": ["cheeks"], "look": ["red_inflamed"],
         "count": "few"}, "neonatal-acne", never=("whiteheads",)),
    case("baby-red-spots-with-pus", {"age_group": "newborn", "sites": ["cheeks", "forehead"],
         "look": ["red_inflamed", "pus"], "count": "many"}, "neonatal-acne", ["infection"]),
    case("baby-red-spots-on-chin", {"age_group": "newborn", "sites": ["chin"], "look": ["red_inflamed"],
         "onset": "sudden"}, "neonatal-acne"),
    case("newborn-clear-blisters", {"age_group": "newborn", "sites": ["neck", "chest_back"],
         "look": ["clear_blisters"], "onset": "sudden"}, "miliaria", ["unwell_baby"]),
    case("child-heat-rash", {"age_group": "child", "sites": ["chest_back"], "look": ["clear_blisters"],
         "symptoms": ["itchy"]}, "miliaria"),
    case("clear-blisters-only", {"look": ["clear_blisters"]}, "miliaria"),
    case("newborn-mouth-cysts", {"age_group": "newborn", "sites": ["inside_mouth"], "look": ["white_dome"],
         "onset": "at_birth"}, "epstein-pearls", never=("congenital-milia", "benign-primary-milia")),
    case("mouth-only", {"sites": ["inside_mouth"]}, "epstein-pearls", never=("congenital-milia",)),
    case("newborn-gums-many", {"age_group": "newborn", "sites": ["inside_mouth"], "count": "many"}, "epstein-pearls"),
    case("child-flat-bumps-on-hands", {"age_group": "child", "sites": ["hands"], "look": ["flat_topped"],
         "count": "many"}, "flat-warts", never=("syringoma",)),
    case("teen-flat-bumps-on-forehead", {"age_group": "teen", "sites": ["forehead", "chin"],
         "look": ["flat_topped"], "count": "many"}, "flat-warts"),
    case("adult-flat-bumps-on-hands", {"age_group": "adult", "sites": ["hands"], "look": ["flat_topped"]},
         "flat-warts", never=("syringoma",)),
    case("adult-flat-bumps-under-eyes", {"age_group": "adult", "sites": ["around_eyes", "eyelids"],
         "look": ["flat_topped"], "count": "few", "onset": "gradual"}, "syringoma"),
    case("teen-skin-coloured-under-eyes", {"age_group": "teen", "sites": ["around_eyes"], "look": ["flat_topped"],
         "count": "many"}, "syringoma"),
    case("older-adult-flat-under-eyes", {"age_group": "older_adult", "sites": ["around_eyes", "cheeks"],
         "look": ["flat_topped"], "count": "many", "onset": "gradual"}, "syringoma"),
    case("older-adult-soft-yellow-dimple", {"age_group": "older_adult", "sites": ["nose", "forehead"],
         "look": ["soft_yellow", "central_dip"], "count": "few"}, "sebaceous-hyperplasia"),
    case("newborn-yellow-nose", {"age_group": "newborn", "sites": ["nose"], "look": ["soft_yellow"]},
         "sebaceous-hyperplasia", never=("colloid-milium", "xanthelasma")),
    case("adult-soft-yellow-on-nose", {"age_group": "adult", "sites": ["nose"], "look": ["soft_yellow"],
         "count": "few", "onset": "gradual"}, "sebaceous-hyperplasia", never=("xanthelasma",)),
    case("child-dimpled-domes", {"age_group": "child", "sites": ["chest_back"], "look": ["white_dome", "central_dip"],
         "count": "few"}, "molluscum-contagiosum"),
    case("dimple-only", {"look": ["central_dip"]}, "molluscum-contagiosum"),
    case("adult-dimpled-domes-on-legs", {"age_group": "adult", "sites": ["legs"], "look": ["central_dip"],
         "count": "many"}, "molluscum-contagiosum", never=("sebaceous-hyperplasia",)),
    case("yellow-patch-near-eye", {"age_group": "adult", "sites": ["around_eyes"], "look": ["yellow_patch"],
         "count": "one"}, "xanthelasma"),
    case("yellow-flat-patch-on-eyelid", {"age_group": "adult", "sites": ["eyelids"], "look": ["yellow_patch"]},
         "xanthelasma"),
    case("older-adult-yellow-patches", {"age_group": "older_adult", "sites": ["eyelids", "around_eyes"],
         "look": ["yellow_patch", "soft_yellow"], "count": "few", "onset": "gradual"}, "xanthelasma"),
    case("golden-bumps-on-temples", {"age_group": "older_adult", "sites": ["forehead", "cheeks"],
         "look": ["soft_yellow"], "count": "many", "onset": "gradual"}, "colloid-milium"),
    case("adult-golden-bumps-forehead", {"age_group": "adult", "sites": ["forehead"], "look": ["soft_yellow"],
         "count": "many"}, "colloid-milium", never=("xanthelasma",)),
    case("older-adult-yellow-on-cheeks", {"age_group": "older_adult", "sites": ["cheeks"], "look": ["soft_yellow"],
         "count": "many", "onset": "gradual"}, "colloid-milium"),
    case("single-lump-with-pore", {"age_group": "adult", "sites": ["chest_back"], "look": ["central_pore"],
         "count": "one"}, "epidermoid-cyst"),
    case("older-adult-lump-with-pore-neck", {"age_group": "older_adult", "sites": ["neck"],
         "look": ["central_pore"], "count": "one", "onset": "gradual"}, "epidermoid-cyst"),
    case("teen-single-lump-with-pore-scalp", {"age_group": "teen", "sites": ["scalp"], "look": ["central_pore"],
         "count": "one"}, "epidermoid-cyst"),
    # --- red flags (section 6) --------------------------------------------------------------------
    case("single-see-through-growing", {"age_group": "older_adult", "sites": ["nose"], "look": ["translucent"],
         "count": "one", "symptoms": ["growing"]}, None, ["possible_skin_cancer"]),
    case("bump-that-bleeds", {"age_group": "adult", "look": ["white_dome"], "count": "one", "symptoms": ["bleeding"]},
         "benign-primary-milia", ["possible_skin_cancer"]),
    case("unwell-newborn", {"age_group": "newborn", "sites": ["nose"], "look": ["white_dome"],
         "symptoms": ["unwell"]}, "congenital-milia", ["unwell_baby"]),
    case("adult-infected", {"age_group": "adult", "sites": ["chin"], "look": ["red_inflamed", "pus"],
         "symptoms": ["painful"]}, None, ["infection"]),
    case("child-infected-and-unwell", {"age_group": "child", "sites": ["arms"], "look": ["red_inflamed", "pus"],
         "symptoms": ["painful", "unwell"]}, None, ["infection"]),
    # --- partial, contradictory and empty answers -------------------------------------------------
    case("nothing-answered", {}, NOTHING),
    case("only-a-count", {"count": "few"}, NOTHING),
    case("only-an-age", {"age_group": "adult"}, NOTHING),
    case("contradictory-everything", {
        "age_group": "newborn", "onset": "gradual", "count": "one",
        "look": ["white_dome", "central_dip", "flat_topped", "yellow_patch", "translucent"],
        "history": ["burn_or_injury", "acne", "pale_birthmark", "genetic_skin_condition"],
        "sites": ["inside_mouth", "genitals", "knees_elbows"], "symptoms": ["itchy", "unwell"],
    }, None, ["unwell_baby", "possible_skin_cancer"]),
    case("adult-in-the-mouth", {"age_group": "adult", "sites": ["inside_mouth"], "look": ["white_dome"]}, NOTHING,
         never=("congenital-milia", "benign-primary-milia")),
    case("every-place-at-once", {"sites": [
        "eyelids", "around_eyes", "nose", "cheeks", "forehead", "lips", "chin", "ears", "inside_mouth", "scalp",
        "neck", "chest_back", "arms", "hands", "knees_elbows", "legs", "genitals"]}, None),
]


def figures(run) -> dict:
    """Top-1, top-3 and red-flag figures over the table; `run(answers)` gives (best slugs, flag codes)."""
    top1 = top3 = flags_right = flag_cases = 0
    expected = [c for c in CASES if c.best is not None]
    for c in CASES:
        slugs, codes = run(c.answers)
        if c.best is not None:
            top1 += (slugs[:1] == [c.best]) if c.best != NOTHING else (slugs == [])
            top3 += (c.best in slugs) if c.best != NOTHING else (slugs == [])
        if c.flags:
            flag_cases += 1
            flags_right += set(codes) == set(c.flags)
    return {
        "cases": len(CASES),
        "with_expected_best": len(expected),
        "top1": top1,
        "top3": top3,
        "red_flag_cases": flag_cases,
        "red_flags_right": flags_right,
    }
