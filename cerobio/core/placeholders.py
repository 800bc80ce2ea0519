"""Stand-in text: words that mark copy or details as not real yet ("placeholder", "coming soon", ...).

Readers must never see a stand-in presented as fact: a product page holding one cannot be
published (cerobio.shop.catalogue.forms), a reviewer profile holding one cannot be saved and a page
"reviewed" by one stops production from starting (cerobio.guide.checks).
"""

from __future__ import annotations

import re

PLACEHOLDER_WORDS = (
    "placeholder",
    "demo",
    "fictional",
    "dummy",
    "lorem ipsum",
    "lorem",
    "coming soon",
    "tbc",
    "to be confirmed",
    "todo",
)
_PATTERN = re.compile(
    r"(?<![\w-])(" + "|".join(re.escape(w) for w in PLACEHOLDER_WORDS) + r")(?![\w-])",
    re.IGNORECASE,
)


def placeholder_words(text: str | None) -> list[str]:
    """The stand-in words in a text, lower-cased, once each ([] when there are none)."""
    return sorted({m.lower() for m in _PATTERN.findall(text or "")})
