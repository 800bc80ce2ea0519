"""Generated identification pictures: close-ups, the body map and the skin cross-section.

Pure functions from knowledge-base data to SVG strings (no randomness at run time: layouts
are seeded from the slug). The template tags in `guide/templatetags/illustrations.py` wrap
them in accessible figures; `static/css/illustrations.css` styles them.
"""

from .bodymap import SITE_SHAPES, VIEWS, SiteShape, body_map_svg
from .closeup import closeup_svg
from .cross_section import cross_section_svg
from .describe import (
    SITE_LABELS,
    body_map_alt,
    closeup_alt,
    closeup_description,
    cross_section_alt,
    cross_section_description,
    look_of,
)
from .skin import DEFAULT_TONE, SKIN_TONES, SkinTone

__all__ = [
    "DEFAULT_TONE",
    "SITE_LABELS",
    "SITE_SHAPES",
    "SKIN_TONES",
    "VIEWS",
    "SiteShape",
    "SkinTone",
    "body_map_alt",
    "body_map_svg",
    "closeup_alt",
    "closeup_description",
    "closeup_svg",
    "cross_section_alt",
    "cross_section_description",
    "cross_section_svg",
    "look_of",
]
