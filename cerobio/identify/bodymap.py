"""The clickable body map for "Where are they?", drawn from the guide's body-map geometry.

Each region is an HTML <label> for the site's real checkbox (the same checkbox as in the plain
list), holding an SVG with just that region, stacked over a shared outline. Clicking a region
ticks the box with no JavaScript; the checkboxes give keyboard and screen-reader users the same
choices. A transparent stroke widens the smaller regions so every target is at least 24 px
across at the sizes the stylesheet draws them.
"""

from dataclasses import dataclass

from cerobio.guide.illustrations.bodymap import BASE_SHAPES, DETAILS, SITE_SHAPES, VIEWS

from .answers import SITES

# Drawn last, so that where a widened small region overlaps a big one, the small one wins.
SMALL_FIRST = ("knees_elbows", "hands", "genitals", "neck", "ears", "eyelids", "lips", "chin", "nose", "inside_mouth")
VIEW_ORDER = ("face", "front", "back")
VIEW_TITLES = {"face": "Face and head, close up", "front": "Body, front", "back": "Body, back"}
HIT_STROKE = {"face": 6, "front": 12, "back": 12}  # in view units


@dataclass(frozen=True)
class Region:
    code: str
    label: str
    d: str
    checked: bool
    hit: int  # width of the invisible stroke that widens a small region's target, in view units


@dataclass(frozen=True)
class MapView:
    name: str
    title: str
    width: int
    height: int
    base: tuple[str, ...]
    details: str
    regions: tuple[Region, ...]


def _region_order(code: str) -> int:
    return SMALL_FIRST.index(code) if code in SMALL_FIRST else -1


def map_views(selected) -> list[MapView]:
    """The three views with their regions (big regions first, small last), marking the selected."""
    chosen = set(selected)
    labels = {c.value: c.label for c in SITES.choices}
    views = []
    for name in VIEW_ORDER:
        regions = [
            Region(code, labels.get(code, code), shape.d, code in chosen, HIT_STROKE[name] if code in SMALL_FIRST else 0)
            for code, shapes in SITE_SHAPES.items()
            if code in labels
            for shape in shapes
            if shape.view == name
        ]
        regions.sort(key=lambda r: _region_order(r.code))
        view = VIEWS[name]
        views.append(
            MapView(
                name=name,
                title=VIEW_TITLES[name],
                width=view.width,
                height=view.height,
                base=tuple(BASE_SHAPES.get(name, ())),
                details=DETAILS.get(name, ""),
                regions=tuple(regions),
            )
        )
    return views
