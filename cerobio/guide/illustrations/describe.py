"""Words for the pictures: alt text and long descriptions, written from the same appearance data.

The alt text says what matters for telling milia from look-alikes: how many, colour, size,
how they are grouped, what sits in the middle and whether there is redness.
"""

import math
from dataclasses import dataclass
from decimal import Decimal

# The close-up never draws more bumps than this (a 1 cm patch with 100 milia is unreadable).
MAX_BUMPS = 30

COLOURS = ("white", "white-yellow", "yellow", "skin", "pink", "red", "clear", "golden")
SHAPES = ("dome", "flat", "blister", "patch")
CENTRES = ("none", "dimple", "pore")
GROUPINGS = ("scattered", "cluster", "nodule", "plaque", "line", "single", "patch", "birthmark")

COLOUR_WORDS = {
    "white": "pearly white",
    "white-yellow": "white to yellowish",
    "yellow": "yellow",
    "skin": "skin-coloured",
    "pink": "pink or tan",
    "red": "red",
    "clear": "clear",
    "golden": "golden",
}
NOUNS = {  # shape -> (one, many)
    "dome": ("dome", "domes"),
    "flat": ("flat-topped bump", "flat-topped bumps"),
    "blister": ("fluid blister", "fluid blisters"),
    "patch": ("flat patch", "flat patches"),
}
GROUPING_PHRASES = {
    "scattered": "scattered",
    "cluster": "clustered together",
    "nodule": "clustered on a raised lump",
    "plaque": "clustered on a raised red patch",
    "line": "in a line",
    "single": "",
    "patch": "forming a flat patch",
    "birthmark": "inside a pale patch of skin",
}

# Plain names of the body map's sites, by code (BodySite.code).
SITE_LABELS = {
    "eyelids": "Eyelids",
    "around_eyes": "Around the eyes",
    "nose": "Nose",
    "cheeks": "Cheeks",
    "forehead": "Forehead",
    "lips": "Lips",
    "chin": "Chin",
    "ears": "Ears",
    "inside_mouth": "Inside the mouth",
    "scalp": "Scalp",
    "neck": "Neck",
    "chest_back": "Chest and back",
    "arms": "Arms",
    "hands": "Hands",
    "knees_elbows": "Knees and elbows",
    "legs": "Legs",
    "genitals": "Genitals",
}



@dataclass(frozen=True)
class Look:
    """The appearance fields of a milia type or look-alike, cleaned up for drawing and wording."""

    slug: str
    name: str
    colour: str
    shape: str
    centre: str
    grouping: str
    size_min: float
    size_max: float
    count: int
    red_base: bool
    surface: str = "skin"  # "skin", or "mouth" for something found only inside the mouth

    @property
    def on_skin(self) -> bool:
        """Drawn on skin (so the reader's skin tone applies), not on the lining of the mouth."""
        return self.surface != "mouth"

    @property
    def surface_words(self) -> str:
        """What the square shows: "skin" or "the lining of the mouth"."""
        return "skin" if self.on_skin else "the lining of the mouth"

    @property
    def drawn_count(self) -> int:
        """How many bumps the close-up draws."""
        if self.grouping == "single":
            return 1
        return max(1, min(self.count, MAX_BUMPS))

    @property
    def shows_redness(self) -> bool:
        return self.red_base or self.grouping == "plaque" or self.colour == "red"

    @property
    def field_mm(self) -> int:
        """Side of the square of skin drawn, in mm: 1 cm unless the bumps need more room."""
        mean = (self.size_min + self.size_max) / 2
        n = self.drawn_count
        for field in FIELDS_MM:
            if self.size_max > field * (0.8 if n == 1 else 0.6):
                continue
            if self.grouping == "line":
                if n * mean * 0.9 <= field * 0.95 + mean:
                    return field
            elif n * math.pi * (mean / 2) ** 2 <= PACKING[self.grouping] * field * field:
                return field
        return FIELDS_MM[-1]

    @property
    def scale_bar_mm(self) -> int:
        return 1 if self.field_mm < 20 else 5 if self.field_mm < 40 else 10

    @property
    def field_words(self) -> str:
        """ "1 cm", "1.5 cm"."""
        return f"{format_mm(self.field_mm / 10)} cm"


# Square sizes the close-up may show, and how much of it the bumps may cover per grouping.
FIELDS_MM = (10, 15, 20, 30, 40, 60)
PACKING = {
    "scattered": 0.25,
    "cluster": 0.28,
    "nodule": 0.28,
    "plaque": 0.22,
    "line": 1,
    "single": 1,
    "patch": 0.3,
    "birthmark": 0.2,
}


def _choice(value, allowed, default):
    value = str(value or "").strip().lower()
    return value if value in allowed else default


def _mm(value, default: float) -> float:
    try:
        number = float(Decimal(str(value)))
    except (ArithmeticError, ValueError, TypeError):
        return default
    return min(max(number, 0.1), 99.9)


def look_of(subject) -> Look:
    """Read the Appearance fields from a MiliaType, a LookAlike or any object with the same names."""
    if isinstance(subject, Look):
        return subject
    size_min = _mm(getattr(subject, "size_min_mm", 1), 1.0)
    size_max = _mm(getattr(subject, "size_max_mm", 2), 2.0)
    try:
        count = int(getattr(subject, "typical_count", 6) or 1)
    except (TypeError, ValueError):
        count = 6
    return Look(
        slug=str(getattr(subject, "slug", "") or ""),
        name=str(getattr(subject, "name", "") or ""),
        colour=_choice(getattr(subject, "colour", ""), COLOURS, "white"),
        shape=_choice(getattr(subject, "shape", ""), SHAPES, "dome"),
        centre=_choice(getattr(subject, "centre", ""), CENTRES, "none"),
        grouping=_choice(getattr(subject, "grouping", ""), GROUPINGS, "scattered"),
        size_min=min(size_min, size_max),
        size_max=max(size_min, size_max),
        count=max(1, count),
        red_base=bool(getattr(subject, "red_base", False)),
        surface=_surface(subject),
    )


def _surface(subject) -> str:
    """The surface to draw on: the mouth for a subject found only inside it (Epstein pearls)."""
    codes = {getattr(site, "code", site) for site in subject_sites(subject)}
    return "mouth" if codes == {"inside_mouth"} else "skin"


def format_mm(value: float) -> str:
    """1.0 -> "1", 1.5 -> "1.5"."""
    return f"{value:.1f}".rstrip("0").rstrip(".")


def size_range(look: Look, dash: str = "–") -> str:
    """ "1–3 mm", or "2 mm" when both ends are the same."""
    if look.size_min == look.size_max:
        return f"{format_mm(look.size_max)} mm"
    return f"{format_mm(look.size_min)}{dash}{format_mm(look.size_max)} mm"


def _count_words(look: Look) -> str:
    """How many bumps the drawing shows, in words (the number drawn, never more)."""
    if look.grouping == "single" or look.count == 1:
        return "A single"
    if look.drawn_count < 5:
        return "A few"
    return f"About {look.drawn_count}"


def _is_one(look: Look) -> bool:
    return look.grouping == "single" or look.count == 1


def _with_items(look: Look) -> list[str]:
    items = []
    if look.red_base:
        items.append("a red rim")
    elif not look.shows_redness:
        items.append("no redness")
    if look.centre == "dimple":
        items.append("a central dimple")
    elif look.centre == "pore":
        items.append("a dark central pore")
    elif look.shape in ("dome", "flat"):
        items.append("no opening")
    return items


def closeup_alt(subject) -> str:
    """Short alt text, e.g. "About 20 tiny pearly white domes, 1–3 mm, clustered on a raised red patch"."""
    look = look_of(subject)
    one = _is_one(look)
    size_word = "tiny " if look.size_max <= 2 else "small " if look.size_max <= 4 else ""
    noun = NOUNS[look.shape][0 if one else 1]
    parts = [
        f"{_count_words(look)} {size_word}{COLOUR_WORDS[look.colour]} {noun}",
        size_range(look),
    ]
    grouping = GROUPING_PHRASES[look.grouping]
    if look.grouping == "patch" and look.shape == "patch":
        grouping = ""
    if grouping and not (one and look.grouping == "scattered"):
        parts.append(grouping)
    items = _with_items(look)
    if items:
        parts.append("with " + _join(items))
    return ", ".join(parts)


def _join(words: list[str]) -> str:
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]


SHAPE_SENTENCES = {
    "dome": "smooth and rounded, like a tiny dome",
    "flat": "flat on top rather than rounded, and only slightly raised",
    "blister": "a thin-walled blister filled with fluid, like a drop of water",
    "patch": "flat, level with the skin or barely raised",
}
GROUPING_SENTENCES = {
    "scattered": "They are spread out, with normal skin between them.",
    "cluster": "They sit close together in a small group.",
    "nodule": "They sit close together on a small raised lump of skin (a nodule), which casts a shadow.",
    "plaque": "They sit close together on a raised, swollen patch of red skin.",
    "line": "They run in a line.",
    "single": "",
    "patch": "Together they make a flat patch.",
    "birthmark": "They sit only inside a patch of skin that is paler than the skin around it, like a pale birthmark.",
}
CENTRE_SENTENCES = {
    "none": "There is no opening, dimple or dark dot in the middle.",
    "dimple": "There is a small dip (a dimple) in the middle.",
    "pore": "There is a dark dot (an open pore) in the middle.",
}


def closeup_description(subject) -> str:
    """A longer plain-English description of the close-up, from the same fields as the drawing."""
    look = look_of(subject)
    one = _is_one(look)
    field = look.field_words
    colour = COLOUR_WORDS[look.colour]
    what = NOUNS[look.shape][0 if one else 1]
    if look.shape in ("dome", "flat"):
        what = "bump" if one else "bumps"
    count = _count_words(look).lower()
    sentences = [
        f"A drawing of a {field} square of {look.surface_words}, enlarged so you can see detail.",
        f"It shows {count} {colour} {what}.",
    ]
    if look.count > look.drawn_count and look.grouping != "single":
        sentences.append("In real life there can be many more.")
    size = size_range(look, dash=" to ")
    sentences.append(
        f"{'It is' if one else 'Each is'} {size} across "
        f"(the bar under the drawing is {look.scale_bar_mm} mm long)."
    )
    shape = SHAPE_SENTENCES[look.shape]
    if look.shape == "blister" and look.colour == "clear":
        shape = "a thin-walled blister of clear fluid, like a drop of water"
    sentences.append(f"{'It' if one else 'Each one'} is {shape}.")
    grouping = GROUPING_SENTENCES[look.grouping]
    if look.grouping == "patch" and look.shape == "patch":
        grouping = ""
    if grouping and not (one and look.grouping == "scattered"):
        sentences.append(grouping if not one else grouping.replace("They sit", "It sits"))
    if look.shape != "patch" or look.centre != "none":
        sentences.append(CENTRE_SENTENCES[look.centre])
    if look.red_base:
        sentences.append(f"{'It has' if one else 'Each has'} a ring of redness around it.")
    elif not look.shows_redness:
        sentences.append(
            "The skin around them is not red." if not one else "The skin around it is not red."
        )
    if look.shows_redness:
        sentences.append(
            "On brown or black skin, redness often looks purple, brown or darker than the skin "
            "around it, not bright red."
        )
    return " ".join(sentences)


def site_names(sites) -> list[str]:
    """Plain names of body sites (BodySite objects or codes), in the order given."""
    names = []
    for site in sites:
        name = getattr(site, "name", None) or SITE_LABELS.get(str(site), str(site))
        names.append(name[:1].lower() + name[1:] if not name[:2].isupper() else name)
    return names


def sites_phrase(sites) -> str:
    """Sites as words, e.g. "the eyelids, cheeks and nose" (no article before "around the eyes")."""
    names = site_names(sites)
    if not names:
        return ""
    first = names[0]
    article = "" if first.split(" ", 1)[0] in {"around", "inside", "behind", "the"} else "the "
    return article + _join(names)


def subject_sites(subject) -> list:
    """The subject's BodySite objects (uses the prefetched `body_sites` when there is one)."""
    sites = getattr(subject, "body_sites", None)
    if sites is None:
        return []
    if hasattr(sites, "all"):
        return list(sites.all())
    return list(sites)


def body_map_alt(subject) -> str:
    """E.g. "Body map highlighting the eyelids, cheeks and nose"."""
    phrase = sites_phrase(subject_sites(subject))
    if not phrase:
        return "Body map with no body sites highlighted"
    return f"Body map highlighting {phrase}"


def cross_section_alt() -> str:
    """Short alt text for the skin cross-section."""
    return (
        "Diagram of skin cut through from top to bottom, showing a primary milium forming in a "
        "fine (vellus) hair follicle where its oil gland joins it, and a secondary milium, which "
        "more often forms along a sweat duct"
    )


def cross_section_description() -> str:
    """Long description of the skin cross-section."""
    return " ".join(
        [
            "A diagram of a slice through the skin, as if cut from the surface downwards.",
            "The thin top layer is the epidermis. Under it is the thicker dermis.",
            "On the left, a fine, fluffy (vellus) hair grows out of a hair follicle, a narrow pocket in the skin.",
            "The funnel-shaped top part of the follicle, just under the surface, is called the infundibulum.",
            "A small oil (sebaceous) gland joins the follicle at the bottom of this funnel.",
            "A small round white cyst full of keratin sits against the follicle at that level, where the oil gland joins it: "
            "this is where a primary milium forms.",
            "On the right, a sweat duct winds up from a coiled sweat gland deep in the skin to a tiny opening on the surface.",
            "A second white cyst sits along this duct, just under the epidermis: this is where a secondary milium more often forms, for example after a blister, burn or skin treatment.",
            "Secondary milia can also form from hair follicles or the epidermis, but less often.",
        ]
    )
