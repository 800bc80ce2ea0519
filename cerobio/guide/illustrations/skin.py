"""Skin tones for the pictures: Fitzpatrick types I–VI, and how redness shows on each.

The drawings never hard-code a skin colour: they use CSS custom properties (`--skin` and
friends) with tone III as the fallback, so one SVG serves all six tones and the reader
switches tone with CSS alone. `illustrations.css` sets the same values per tone; a test
keeps the two in step.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class SkinTone:
    """One Fitzpatrick skin type and the colours the drawings use on it."""

    code: str  # "I" … "VI": the radio value and the CSS selector key
    label: str
    skin: str  # the skin itself
    skin_light: str  # light catching the skin (highlights on skin-coloured bumps)
    skin_shade: str  # shadow, skin lines, the edge of raised things
    redness: str  # inflammation: bright red on fair skin, purple-brown and darker on deep skin
    pale_patch: str  # a paler (hypopigmented) birthmark on this skin
    tan: str  # "pink or tan" bumps: pink on fair skin, brown on deeper skin

    @property
    def description(self) -> str:
        """The words after the type number, e.g. "very fair"."""
        return self.label.split(" – ", 1)[-1]

    @property
    def css_properties(self) -> dict[str, str]:
        """The custom properties the drawings read, e.g. {"--skin": "#d4a07a", ...}."""
        return {f"--{name.replace('_', '-')}": getattr(self, name) for name in PROPERTY_NAMES}


PROPERTY_NAMES = ("skin", "skin_light", "skin_shade", "redness", "pale_patch", "tan")

# Redness is not just "red" on every skin: on brown and black skin inflammation usually looks
# purple, grey-violet or darker brown, so the deeper tones use darker, bluer reds.
SKIN_TONES: tuple[SkinTone, ...] = (
    SkinTone(
        "I", "Type I – very fair", "#f6dcca", "#fdf1e8", "#d6ae96", "#e2574f", "#fdf3ec", "#eba295"
    ),
    SkinTone(
        "II", "Type II – fair", "#ecc4a6", "#f8e1cf", "#c69474", "#d34a45", "#f9e6d8", "#dc9079"
    ),
    SkinTone(
        "III", "Type III – medium", "#d39f78", "#e8c2a4", "#a97552", "#b8403c", "#ebcbb1", "#b9775a"
    ),
    SkinTone(
        "IV",
        "Type IV – olive to light brown",
        "#b07a52",
        "#cc9c76",
        "#83542f",
        "#913437",
        "#d1a888",
        "#8e5b3c",
    ),
    SkinTone(
        "V", "Type V – brown", "#865638", "#a67656", "#5e3821", "#60283a", "#b68d6e", "#62381f"
    ),
    SkinTone(
        "VI",
        "Type VI – deep brown to black",
        "#573626",
        "#79523c",
        "#37200f",
        "#3b1b2c",
        "#8b6650",
        "#3a2114",
    ),
)

DEFAULT_TONE = "III"
TONES_BY_CODE = {tone.code: tone for tone in SKIN_TONES}


def var(name: str) -> str:
    """`var(--name, <tone III value>)`: a skin colour the reader's chosen tone can override."""
    return f"var(--{name.replace('_', '-')},{getattr(TONES_BY_CODE[DEFAULT_TONE], name)})"
