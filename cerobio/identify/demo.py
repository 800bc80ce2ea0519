"""The default evidence rules, written from the fact sheet (sections 2, 4 and 6).

Each entry is (question, value, weight, reason). Weights run from −3 (strongly against) to +3
(strongly for). Reasons are shown to readers after "Why:"; a reason against is shown after "but".
`load_rules` adds the rules for a milia type or look-alike only while it has none, so an editor's
changes (including deleted rules) survive `load_demo`.
"""

from collections import Counter

from django.db import transaction

# Every milia type shares what milia look like: firm, white, dome-shaped, no opening, no redness.
MILIA_LOOK = [
    ("look", "white_dome", 2, "you said they are firm white or yellowish domes, which is what milia look like"),
    ("look", "central_dip", -3, "you said there is a dimple in the middle, and milia do not have one"),
    ("look", "central_pore", -2, "you said there is a pore or blackhead in the middle, and milia have no opening"),
    ("look", "red_inflamed", -2, "you said they are red, and milia are white with no redness around them"),
    ("look", "on_red_plaque", -2, "you said they sit on a red patch, and most milia have no redness around them"),
    ("look", "pus", -3, "you said they contain pus, and milia are solid"),
    ("look", "clear_blisters", -3, "you said they are clear blisters, and milia are solid, not filled with fluid"),
    ("look", "yellow_patch", -3, "you said it is a flat patch, and milia are raised bumps"),
    ("look", "flat_topped", -3, "you said they are flat-topped, and milia are dome-shaped"),
    ("look", "soft_yellow", -1, "you said they are soft, and milia are firm"),
    ("look", "translucent", -2, "you said the bump is see-through, and milia are solid white"),
]

NOT_NEWBORN = ("age_group", "newborn", -3, "you said it is a newborn baby, and in newborns milia are nearly always newborn milia")

TYPE_RULES: dict[str, list[tuple[str, str, int, str]]] = {
    "congenital-milia": [
        ("age_group", "newborn", 3, "you said it is a newborn baby: about 40 to 50 in every 100 newborns have milia"),
        ("age_group", "child", -1, "you said it is a child, and newborn milia usually clear in the first months"),
        ("age_group", "teen", -3, "you said it is a teenager, and newborn milia are only seen in babies"),
        ("age_group", "adult", -3, "you said it is an adult, and newborn milia are only seen in babies"),
        ("age_group", "older_adult", -3, "you said it is an older adult, and newborn milia are only seen in babies"),
        ("onset", "at_birth", 3, "you said they were there from birth or the first weeks"),
        ("onset", "gradual", -2, "you said they came slowly over months, and newborn milia are there from birth"),
        ("sites", "nose", 3, "you said they are on the nose, the most common place for newborn milia"),
        ("sites", "cheeks", 2, "you said they are on the cheeks, a common place for newborn milia"),
        ("sites", "eyelids", 1, "you said they are on the eyelids, where newborn milia can appear"),
        ("sites", "forehead", 1, "you said they are on the face, where newborn milia usually are"),
        ("sites", "chin", 1, "you said they are on the face, where newborn milia usually are"),
        ("sites", "scalp", 1, "you said they are on the scalp, where newborn milia sometimes appear"),
        ("sites", "chest_back", 1, "you said they are on the upper body, where newborn milia sometimes appear"),
        ("sites", "arms", 1, "you said they are on the arms, where newborn milia sometimes appear"),
        ("sites", "inside_mouth", -3, "you said they are inside the mouth: white bumps there in babies are mouth cysts, not skin milia"),
        ("count", "few", 1, "you said there are a few, and newborns can have a few or many"),
        ("count", "many", 1, "you said there are many, and newborns can have a few or many"),
        ("history", "burn_or_injury", -2, "you said there was an injury there, and newborn milia have no cause like that"),
        ("history", "skin_procedure", -3, "you said there was a skin treatment there, and newborn milia have no cause like that"),
    ],
    "benign-primary-milia": [
        NOT_NEWBORN,
        ("age_group", "child", 1, "you said it is a child, and milia like these are common in children and adults"),
        ("age_group", "teen", 1, "you said it is a teenager, and milia like these are common in teenagers and adults"),
        ("age_group", "adult", 1, "you said it is an adult, and milia like these are common in adults"),
        ("age_group", "older_adult", 1, "you said it is an older adult, and milia like these are common in adults"),
        ("onset", "gradual", 1, "you said they came slowly, as these milia usually do"),
        ("onset", "at_birth", -2, "you said they were there from birth, and these milia appear later in life"),
        ("onset", "sudden", -2, "you said many appeared within weeks, and these milia come slowly"),
        ("sites", "eyelids", 3, "you said they are on the eyelids, the most common place for these milia"),
        ("sites", "around_eyes", 3, "you said they are around the eyes, the most common place for these milia"),
        ("sites", "cheeks", 2, "you said they are on the cheeks, a common place for these milia"),
        ("sites", "forehead", 2, "you said they are on the forehead, a common place for these milia"),
        ("sites", "nose", 1, "you said they are on the nose, where these milia can appear"),
        ("sites", "genitals", 1, "you said they are on the genitals, where these milia can appear"),
        ("look", "white_dome", 3, "you said they are firm white domes, which is what milia look like"),
        ("count", "one", 1, "you said there is one, and there may be just one or a few"),
        ("count", "few", 1, "you said there are a few, which is usual for these milia"),
        ("history", "burn_or_injury", -3, "you said there was a burn or injury there, which points to milia after skin damage instead"),
        ("history", "skin_procedure", -3, "you said there was a skin treatment there, which points to milia after skin damage instead"),
        ("history", "radiotherapy", -3, "you said there was radiotherapy there, which points to milia after skin damage instead"),
        ("history", "blistering_disease", -3, "you said there were blisters there, which points to milia after a skin disease instead"),
        ("history", "steroid_cream", -3, "you said a steroid cream was used there, which points to milia from medicines instead"),
        ("history", "new_medicine", -1, "you said a new medicine was started, which can cause milia too"),
        ("history", "genetic_skin_condition", -2, "you said there is an inherited skin condition, which can cause milia too"),
        ("history", "pale_birthmark", -3, "you said they are in a pale birthmark, which is a different type"),
    ],
    "milia-en-plaque": [
        NOT_NEWBORN,
        ("look", "on_red_plaque", 3, "you said there are many bumps on a raised red patch, the sign of milia en plaque"),
        ("look", "red_inflamed", 1, "you said they look red, and milia en plaque sit on red, swollen skin"),
        ("look", "white_dome", 1, "you said they are white domes, as the bumps in milia en plaque are"),
        ("sites", "ears", 3, "you said they are on the ears: behind the ear is the classic place for milia en plaque"),
        ("sites", "eyelids", 1, "you said they are on the eyelids, where milia en plaque can appear"),
        ("sites", "around_eyes", 1, "you said they are around the eyes, where milia en plaque can appear"),
        ("sites", "nose", 1, "you said they are on the nose, where milia en plaque can appear"),
        ("sites", "neck", 1, "you said they are on the neck or jaw, where milia en plaque can appear"),
        ("sites", "arms", 1, "you said they are on the arms, where milia en plaque can appear"),
        ("sites", "legs", 1, "you said they are on the legs, where milia en plaque can appear"),
        ("age_group", "adult", 2, "you said it is an adult: milia en plaque are mostly seen in middle-aged adults"),
        ("age_group", "older_adult", 1, "you said it is an older adult, and milia en plaque are seen at any adult age"),
        ("age_group", "child", -1, "you said it is a child, and milia en plaque are rare in children"),
        ("count", "many", 1, "you said there are many, as there are in milia en plaque"),
        ("count", "one", -2, "you said there is only one, and milia en plaque are many bumps together"),
        ("onset", "at_birth", -2, "you said they were there from birth, and milia en plaque appear later"),
        ("symptoms", "itchy", 1, "you said they itch, which milia en plaque sometimes do"),
        ("history", "radiotherapy", 1, "you said there was radiotherapy there, and a few cases followed radiotherapy"),
    ],
    "nodular-grouped-milia": [
        NOT_NEWBORN,
        ("count", "many", 2, "you said there are many: in this rare type they are clustered in a group"),
        ("count", "one", -2, "you said there is only one, and this type is a cluster of milia"),
        ("look", "on_red_plaque", -3, "you said there is a red patch, which points to milia en plaque instead"),
    ],
    "multiple-eruptive-milia": [
        ("age_group", "newborn", -2, "you said it is a newborn baby, and in newborns milia are nearly always newborn milia"),
        ("onset", "sudden", 3, "you said many appeared within weeks, which is what eruptive milia do"),
        ("onset", "gradual", -1, "you said they came slowly, and eruptive milia appear within weeks"),
        ("onset", "at_birth", -2, "you said they were there from birth, and eruptive milia appear later"),
        ("count", "many", 3, "you said there are many: eruptive milia come in crops of about 10 to 100"),
        ("count", "few", -1, "you said there are only a few, and eruptive milia come in larger numbers"),
        ("count", "one", -3, "you said there is only one, and eruptive milia come in large numbers"),
        ("sites", "cheeks", 1, "you said they are on the face, where eruptive milia often are"),
        ("sites", "forehead", 1, "you said they are on the face, where eruptive milia often are"),
        ("sites", "neck", 1, "you said they are on the neck, where eruptive milia often are"),
        ("sites", "chest_back", 1, "you said they are on the upper body, where eruptive milia often are"),
        ("sites", "arms", 1, "you said they are on the arms, where eruptive milia can appear"),
        ("history", "new_medicine", 2, "you said a new medicine was started: some medicines can set off crops of milia"),
        ("history", "genetic_skin_condition", 1, "you said there is an inherited skin condition, and eruptive milia can run in families"),
        ("symptoms", "itchy", 1, "you said they itch, which eruptive milia sometimes do at first"),
    ],
    "genodermatosis-associated-milia": [
        ("history", "genetic_skin_condition", 3, "you said there is a known inherited skin condition, and several of these come with milia"),
        ("age_group", "newborn", 1, "you said it is a baby: milia with inherited conditions start from birth or childhood"),
        ("age_group", "child", 1, "you said it is a child: milia with inherited conditions start from birth or childhood"),
        ("count", "many", 1, "you said there are many, and milia with inherited conditions are often widespread"),
        ("onset", "at_birth", 1, "you said they were there from birth, which can happen with inherited conditions"),
    ],
    "nevus-depigmentosus-with-milia": [
        ("history", "pale_birthmark", 3, "you said the bumps are inside a pale birthmark"),
        ("sites", "chest_back", 2, "you said they are on the chest, tummy or back, where these pale birthmarks usually are"),
    ],
    "disease-associated-milia": [
        ("history", "blistering_disease", 3, "you said they are where blisters were, or there is a skin disease that causes blisters"),
        ("sites", "hands", 2, "you said they are on the hands: milia on the backs of the hands can follow blisters"),
        ("count", "many", 1, "you said there are many, as there often are where blisters have healed"),
        ("look", "white_dome", 3, "you said they are firm white domes, which is what milia look like"),
        ("count", "few", 1, "you said there are a few, as there can be where blisters have healed"),
    ],
    "medication-associated-milia": [
        ("history", "steroid_cream", 3, "you said a steroid cream was used on that skin, which can cause milia"),
        ("history", "new_medicine", 2, "you said a new medicine was started, and some medicines can cause milia"),
        ("look", "white_dome", 3, "you said they are firm white domes, which is what milia look like"),
        ("count", "few", 1, "you said there are a few, as there can be where a medicine was used"),
        ("count", "many", 1, "you said there are many, as there can be where a medicine was used"),
        ("sites", "neck", 1, "you said they are on the neck, where steroid creams have caused milia"),
        ("sites", "chest_back", 1, "you said they are on the chest, where steroid creams have caused milia"),
        ("sites", "arms", 1, "you said they are on the arms, where steroid creams have caused milia"),
        ("age_group", "older_adult", 1, "you said it is an older adult: long use of steroid creams on older skin can cause milia"),
        ("onset", "sudden", 1, "you said they appeared within weeks, as milia from medicines can after starting one"),
        ("onset", "at_birth", -2, "you said they were there from birth, before any medicine"),
    ],
    "trauma-associated-milia": [
        ("history", "burn_or_injury", 3, "you said they appeared after a burn or injury at that spot"),
        ("history", "skin_procedure", 3, "you said they appeared after a skin treatment such as laser, a peel or dermabrasion at that spot"),
        ("history", "radiotherapy", 3, "you said there was radiotherapy to that area, which can rarely leave milia"),
        ("look", "white_dome", 3, "you said they are firm white domes, which is what milia look like"),
        ("count", "few", 1, "you said there are a few, as there often are where skin has healed"),
        ("count", "many", 1, "you said there are many, as there can be where skin has healed"),
        ("onset", "at_birth", -2, "you said they were there from birth, before any injury"),
        ("age_group", "newborn", -1, "you said it is a newborn baby, and milia in newborns are nearly always newborn milia"),
    ],
}

LOOK_ALIKE_RULES: dict[str, list[tuple[str, str, int, str]]] = {
    "whiteheads": [
        ("history", "acne", 3, "you said there is acne: whiteheads come with other spots and blackheads"),
        ("look", "central_pore", 2, "you said there is a pore or blackhead, which goes with acne"),
        ("look", "red_inflamed", 1, "you said they look red, and whiteheads can become inflamed"),
        ("look", "pus", 1, "you said there is pus, which comes with acne spots"),
        ("sites", "forehead", 1, "you said they are on the forehead, an oily area where whiteheads are common"),
        ("sites", "chin", 2, "you said they are on the chin, an oily area where whiteheads are common"),
        ("sites", "cheeks", 1, "you said they are on the cheeks, where whiteheads are common"),
        ("age_group", "teen", 2, "you said it is a teenager, the age when acne is most common"),
        ("age_group", "adult", 1, "you said it is an adult, and adults can have acne too"),
        ("age_group", "newborn", -3, "you said it is a newborn baby, and newborns do not get whiteheads like this"),
        ("count", "many", 1, "you said there are many, as there often are with acne"),
        ("count", "one", -1, "you said there is only one, and acne usually means several spots"),
    ],
    "neonatal-acne": [
        ("age_group", "newborn", 2, "you said it is a newborn baby, and about 20 to 25 in every 100 newborns get baby acne"),
        ("age_group", "child", -1, "you said it is a child, and baby acne starts at 2 to 3 weeks of age"),
        ("age_group", "teen", -3, "you said it is a teenager, and baby acne is only seen in young babies"),
        ("age_group", "adult", -3, "you said it is an adult, and baby acne is only seen in young babies"),
        ("age_group", "older_adult", -3, "you said it is an older adult, and baby acne is only seen in young babies"),
        ("look", "red_inflamed", 3, "you said they are red: baby acne is red spots, while milia are white"),
        ("look", "pus", 2, "you said there is pus: baby acne has small pus spots, and milia do not"),
        ("look", "white_dome", -1, "you said they are white domes, which is how milia look, not baby acne"),
        ("sites", "cheeks", 2, "you said they are on the cheeks, where baby acne usually is"),
        ("sites", "forehead", 1, "you said they are on the forehead, where baby acne can be"),
        ("sites", "chin", 1, "you said they are on the chin, where baby acne can be"),
    ],
    "miliaria": [
        ("look", "clear_blisters", 3, "you said they are tiny clear blisters, which is how heat rash often looks"),
        ("look", "red_inflamed", 1, "you said they are red, and heat rash can be red"),
        ("look", "white_dome", -2, "you said they are firm white domes, and heat rash is fluid, not solid"),
        ("age_group", "newborn", 1, "you said it is a newborn baby, and heat rash is common in babies"),
        ("symptoms", "itchy", 1, "you said they itch, and heat rash can itch or prickle"),
        ("onset", "sudden", 1, "you said they came suddenly, as heat rash does"),
        ("sites", "neck", 1, "you said they are on the neck, where sweat collects"),
        ("sites", "chest_back", 1, "you said they are on the body, where sweat collects"),
    ],
    "epstein-pearls": [
        ("sites", "inside_mouth", 3, "you said they are inside the mouth: in babies these are Epstein pearls or gum cysts"),
        ("age_group", "newborn", 2, "you said it is a newborn baby, and most newborns have these small mouth cysts"),
        ("age_group", "teen", -3, "you said it is a teenager, and these mouth cysts are only seen in babies"),
        ("age_group", "adult", -3, "you said it is an adult, and these mouth cysts are only seen in babies"),
        ("age_group", "older_adult", -3, "you said it is an older adult, and these mouth cysts are only seen in babies"),
        ("look", "white_dome", 1, "you said they are small white bumps, as these cysts are"),
        ("onset", "at_birth", 1, "you said they were there from birth, as these cysts are"),
    ],
    "flat-warts": [
        ("look", "flat_topped", 3, "you said they are flat-topped and skin-coloured or brown, as flat warts are"),
        ("look", "white_dome", -2, "you said they are white domes, and flat warts are flat and not white"),
        ("sites", "hands", 2, "you said they are on the hands, where flat warts are common"),
        ("sites", "cheeks", 1, "you said they are on the face, where flat warts are common"),
        ("sites", "forehead", 1, "you said they are on the face, where flat warts are common"),
        ("sites", "chin", 1, "you said they are on the face, where flat warts are common"),
        ("age_group", "child", 2, "you said it is a child, and flat warts are most common in children and young adults"),
        ("age_group", "teen", 1, "you said it is a teenager, and flat warts are common in young people"),
        ("age_group", "newborn", -3, "you said it is a newborn baby, and flat warts are not seen in newborns"),
        ("count", "many", 1, "you said there are many, and flat warts spread into groups and lines"),
    ],
    "syringoma": [
        ("look", "flat_topped", 3, "you said they are flat-topped and skin-coloured, as syringomas are"),
        ("look", "soft_yellow", 1, "you said they are yellowish, and syringomas can be"),
        ("look", "white_dome", -1, "you said they are pearly white domes, and syringomas are not pearly white"),
        ("sites", "around_eyes", 3, "you said they are around or under the eyes, the usual place for syringomas"),
        ("sites", "eyelids", 2, "you said they are on the eyelids, especially the lower lids, where syringomas usually are"),
        ("sites", "cheeks", 1, "you said they are on the cheeks, where syringomas can spread to"),
        ("age_group", "adult", 2, "you said it is an adult: syringomas often appear in people in their 30s and 40s"),
        ("age_group", "teen", 1, "you said it is a teenager: syringomas can appear from puberty"),
        ("age_group", "child", -2, "you said it is a child, and syringomas usually appear from puberty"),
        ("age_group", "newborn", -3, "you said it is a newborn baby, and syringomas are not seen in babies"),
        ("count", "few", 1, "you said there are a few, and syringomas come in small groups"),
        ("count", "many", 1, "you said there are many, and syringomas come in groups on both sides"),
        ("onset", "gradual", 1, "you said they came slowly, as syringomas do"),
    ],
    "sebaceous-hyperplasia": [
        ("look", "soft_yellow", 3, "you said they are soft and yellowish, as enlarged oil glands are"),
        ("look", "central_dip", 2, "you said there is a dimple in the middle, which enlarged oil glands often have"),
        ("look", "white_dome", -1, "you said they are firm white domes, and enlarged oil glands are soft and yellow"),
        ("sites", "nose", 2, "you said they are on the nose, a common place for enlarged oil glands"),
        ("sites", "forehead", 1, "you said they are on the forehead, a common place for enlarged oil glands"),
        ("sites", "cheeks", 1, "you said they are on the cheeks, a common place for enlarged oil glands"),
        ("age_group", "older_adult", 2, "you said it is an older adult, and enlarged oil glands are common with age"),
        ("age_group", "adult", 1, "you said it is an adult, and enlarged oil glands appear in middle age"),
        ("age_group", "newborn", 2, "you said it is a newborn baby: tiny yellow spots on a baby's nose are often oil glands"),
        ("age_group", "child", -2, "you said it is a child, and enlarged oil glands are unusual in children"),
        ("age_group", "teen", -2, "you said it is a teenager, and enlarged oil glands are unusual at that age"),
        ("count", "few", 1, "you said there are a few, as there usually are"),
        ("onset", "gradual", 1, "you said they came slowly, as enlarged oil glands do"),
    ],
    "molluscum-contagiosum": [
        ("look", "central_dip", 3, "you said there is a dimple in the middle: that is typical of molluscum, and milia do not have one"),
        ("look", "white_dome", 1, "you said they are smooth domes, and molluscum are shiny domes"),
        ("look", "translucent", 1, "you said they are pearly, and molluscum can look pearly"),
        ("count", "few", 1, "you said there are a few, and molluscum spread to make more"),
        ("count", "many", 1, "you said there are many, and molluscum spread to make more"),
    ],
    "xanthelasma": [
        ("look", "yellow_patch", 3, "you said it is a flat yellow patch, which is how xanthelasma looks"),
        ("look", "soft_yellow", 1, "you said it is yellowish, as xanthelasma is"),
        ("look", "white_dome", -2, "you said they are white domes, and xanthelasma is a flat yellow patch"),
        ("sites", "around_eyes", 3, "you said it is near the eyes: xanthelasma is usually near the inner corner of the eye"),
        ("sites", "eyelids", 2, "you said it is on the eyelids, where xanthelasma usually is"),
        ("age_group", "adult", 1, "you said it is an adult, and xanthelasma is seen in adults"),
        ("age_group", "older_adult", 1, "you said it is an older adult, and xanthelasma is seen in adults"),
        ("age_group", "newborn", -3, "you said it is a newborn baby, and xanthelasma is not seen in babies"),
        ("age_group", "child", -3, "you said it is a child, and xanthelasma is seen in adults"),
        ("count", "many", -1, "you said there are many, and xanthelasma is usually one or two patches"),
    ],
    "colloid-milium": [
        ("look", "soft_yellow", 2, "you said they are yellowish, and colloid milium is golden or yellow bumps"),
        ("sites", "forehead", 2, "you said they are on the forehead or temples, where colloid milium usually is"),
        ("sites", "cheeks", 1, "you said they are on the cheeks, where colloid milium can be"),
        ("age_group", "older_adult", 2, "you said it is an older adult: colloid milium follows years of strong sun"),
        ("age_group", "adult", 1, "you said it is an adult: colloid milium follows years of strong sun"),
        ("age_group", "newborn", -3, "you said it is a newborn baby, and colloid milium is seen in adults"),
        ("age_group", "child", -3, "you said it is a child, and colloid milium is seen in adults"),
        ("count", "many", 2, "you said there are many, and colloid milium comes in groups"),
        ("onset", "gradual", 1, "you said they came slowly, as colloid milium does"),
    ],
    "epidermoid-cyst": [
        ("look", "central_pore", 3, "you said there is a pore in the middle, which is typical of an epidermoid cyst"),
        ("count", "one", 3, "you said there is just one: an epidermoid cyst is usually a single, bigger lump"),
        ("count", "many", -2, "you said there are many, and epidermoid cysts are usually single"),
        ("age_group", "teen", 1, "you said it is a teenager, and epidermoid cysts are common in young adults"),
        ("age_group", "adult", 1, "you said it is an adult, and epidermoid cysts are common in adults"),
        ("age_group", "newborn", -2, "you said it is a newborn baby, and epidermoid cysts are unusual in babies"),
    ],
}


def rules_for_type(slug: str) -> list[tuple[str, str, int, str]]:
    """The full demo rule list for a milia type: the shared milia look, then its own rules."""
    own = TYPE_RULES.get(slug, [])
    overridden = {(q, v) for q, v, _w, _r in own}
    return [r for r in MILIA_LOOK if (r[0], r[1]) not in overridden] + own


def demo_snapshot():
    """The snapshot the demo content gives, built without the database (tests and the benchmark)."""
    from types import MappingProxyType

    from cerobio.guide.demo.knowledge import LOOK_ALIKES, MILIA_TYPES
    from cerobio.shop.demo import AVOID_SITES, NOT_FOR, PRODUCT, SUITS

    from .snapshot import Candidate, ProductRules, Rule, Snapshot

    def rules(entries):
        return MappingProxyType({(q, v): Rule(w, r) for q, v, w, r in entries if w})

    candidates = [
        Candidate(t["slug"], t["name"], t["group"], f"/types/{t['slug']}/", i, rules(rules_for_type(t["slug"])))
        for i, t in enumerate(MILIA_TYPES)
    ]
    candidates += [
        Candidate(la["slug"], la["name"], "look-alike", f"/look-alikes/#{la['slug']}", 100 + i,
                  rules(LOOK_ALIKE_RULES.get(la["slug"], [])))
        for i, la in enumerate(LOOK_ALIKES)
    ]
    product = ProductRules.from_suitability(
        {"suits": SUITS, "not_for": NOT_FOR, "avoid_sites": AVOID_SITES, "minimum_age": PRODUCT["minimum_age"]}
    )
    return Snapshot(tuple(candidates), "demo", product)


def load_rules() -> dict[str, int]:
    """Create the demo rules for every type and look-alike that has no rules yet."""
    from cerobio.guide.models import LookAlike, MiliaType

    from .models import EvidenceRule

    created: Counter = Counter()
    with transaction.atomic():
        for milia_type in MiliaType.objects.all():
            if milia_type.evidence_rules.exists() or milia_type.slug not in TYPE_RULES:
                continue
            EvidenceRule.objects.bulk_create(
                EvidenceRule(milia_type=milia_type, question=q, value=v, weight=w, reason=r)
                for q, v, w, r in rules_for_type(milia_type.slug)
            )
            created["identifier rules"] += len(rules_for_type(milia_type.slug))
        for look_alike in LookAlike.objects.all():
            if look_alike.evidence_rules.exists() or look_alike.slug not in LOOK_ALIKE_RULES:
                continue
            rules = LOOK_ALIKE_RULES[look_alike.slug]
            EvidenceRule.objects.bulk_create(
                EvidenceRule(look_alike=look_alike, question=q, value=v, weight=w, reason=r)
                for q, v, w, r in rules
            )
            created["identifier rules"] += len(rules)
    if created:
        from .snapshot import invalidate

        invalidate()
    return dict(created)
