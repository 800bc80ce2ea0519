"""The close-up: a magnified square of skin with the bumps drawn to scale from the appearance data.

Something found only inside the mouth (Epstein pearls) is drawn on the pink lining of the mouth
instead, in fixed colours: the reader's skin tone does not apply there.

Layout is deterministic: positions and sizes come from a hash of the subject's slug, so the
same subject always gets the same picture. Every skin-dependent colour is a CSS custom
property (see skin.py), so the reader's tone choice repaints the SVG without JavaScript.
"""

import functools
import hashlib
import math
import re

from django.utils.html import escape

from .describe import Look, closeup_alt, closeup_description, look_of
from .skin import var

SIZE = 240  # the skin square, in SVG units
HEIGHT = 266  # plus room for the scale bar
MARGIN = 8

# Per colour: highlight, light, mid, edge; each (colour, opacity). Pigment colours are fixed;
# skin-coloured, pink/tan and red bumps read the skin-tone properties.
PALETTES = {
    "white": (("#fff", 1), ("#fefdfa", 1), ("#f2eee5", 1), ("#d6cdbb", 1)),
    "white-yellow": (("#fffef8", 1), ("#fcf6e0", 1), ("#f0e2b4", 1), ("#d0bb82", 1)),
    "yellow": (("#fff6d2", 1), ("#f6dc86", 1), ("#e4b94e", 1), ("#b98a2c", 1)),
    "golden": (("#fbe7b0", 0.95), ("#e7bb5f", 0.9), ("#c98f30", 0.9), ("#97661c", 0.95)),
    "skin": (
        (var("skin_light"), 1),
        (var("skin_light"), 1),
        (var("skin"), 1),
        (var("skin_shade"), 1),
    ),
    "pink": ((var("skin_light"), 1), (var("tan"), 1), (var("tan"), 1), (var("skin_shade"), 1)),
    "red": (("#fff", 0.3), (var("redness"), 0.8), (var("redness"), 0.9), (var("redness"), 0.5)),
    "clear": (("#fff", 0.95), ("#fff", 0.3), ("#fff", 0.06), (var("skin_shade"), 0.55)),
}


class _Seeded:
    """Reproducible numbers in [0, 1) from a hash of the slug (no run-time randomness)."""

    def __init__(self, seed: str):
        self.seed = seed or "cerobio"
        self.n = 0

    def __call__(self) -> float:
        self.n += 1
        digest = hashlib.sha256(f"{self.seed}:{self.n}".encode()).digest()
        return int.from_bytes(digest[:8], "big") / 2**64

    def between(self, low: float, high: float) -> float:
        return low + (high - low) * self()


def fmt(value: float) -> str:
    """Compact number for SVG attributes."""
    return f"{value:.1f}".rstrip("0").rstrip(".")


def safe_id(prefix: str) -> str:
    """An XML/HTML-safe id prefix."""
    cleaned = re.sub(r"[^A-Za-z0-9_-]+", "-", str(prefix or "")).strip("-") or "illus"
    return cleaned if cleaned[0].isalpha() else f"i{cleaned}"


def smooth_path(points: list[tuple[float, float]]) -> str:
    """A closed Catmull-Rom curve through the points, as cubic Béziers."""
    n = len(points)
    out = [f"M{fmt(points[0][0])} {fmt(points[0][1])}"]
    for i in range(n):
        p0, p1, p2, p3 = points[i - 1], points[i], points[(i + 1) % n], points[(i + 2) % n]
        c1 = (p1[0] + (p2[0] - p0[0]) / 6, p1[1] + (p2[1] - p0[1]) / 6)
        c2 = (p2[0] - (p3[0] - p1[0]) / 6, p2[1] - (p3[1] - p1[1]) / 6)
        out.append(
            f"C{fmt(c1[0])} {fmt(c1[1])} {fmt(c2[0])} {fmt(c2[1])} {fmt(p2[0])} {fmt(p2[1])}"
        )
    return "".join(out) + "Z"


class _Blob:
    """An irregular rounded area (a plaque, a pale patch) with a radius for every angle."""

    def __init__(self, rnd: _Seeded, cx, cy, rx, ry, wobble=0.12, lobes=9):
        self.cx, self.cy, self.rx, self.ry = cx, cy, rx, ry
        self.radii = [1 + rnd.between(-wobble, wobble) for _ in range(lobes)]

    def factor(self, angle: float) -> float:
        k = len(self.radii)
        pos = (angle % (2 * math.pi)) / (2 * math.pi) * k
        i = int(pos)
        t = pos - i
        t = t * t * (3 - 2 * t)
        return self.radii[i % k] * (1 - t) + self.radii[(i + 1) % k] * t

    def point(self, angle: float, scale: float = 1.0) -> tuple[float, float]:
        f = self.factor(angle) * scale
        return self.cx + math.cos(angle) * self.rx * f, self.cy + math.sin(angle) * self.ry * f

    def path(self, steps: int = 16) -> str:
        return smooth_path([self.point(2 * math.pi * i / steps) for i in range(steps)])

    def inside(self, x, y, r, margin=0.86) -> bool:
        angle = math.atan2((y - self.cy) / self.ry, (x - self.cx) / self.rx)
        ex, ey = self.point(angle, margin)
        limit = math.hypot((ex - self.cx) / self.rx, (ey - self.cy) / self.ry)
        here = math.hypot((x - self.cx) / self.rx, (y - self.cy) / self.ry)
        return here + r / min(self.rx, self.ry) <= limit


def _area(look: Look, rnd: _Seeded, mean_r: float) -> _Blob | None:
    """The patch the bumps sit in, for groupings that have one."""
    c = SIZE / 2
    if look.grouping == "plaque":
        return _Blob(rnd, c, c, 92, 80, wobble=0.13)
    if look.grouping == "birthmark":
        return _Blob(rnd, c, c, 100, 88, wobble=0.1, lobes=13)
    if look.grouping == "patch" and look.shape != "patch":
        return _Blob(rnd, c, c, 96, max(48, mean_r * 2.6), wobble=0.1)
    if look.grouping in ("cluster", "nodule"):
        radius = max(34.0, min(100.0, math.sqrt(look.drawn_count) * mean_r * 2.1))
        return _Blob(rnd, c + rnd.between(-10, 10), c + rnd.between(-10, 10), radius, radius * 0.85)
    return None


def _layout(
    look: Look, rnd: _Seeded, unit: float
) -> tuple[list[tuple[float, float, float]], _Blob | None]:
    """Bump centres and radii (x, y, r) in SVG units, and the area they sit in."""
    n = look.drawn_count
    cap = SIZE * 0.3
    radii = sorted(
        (min(cap, rnd.between(look.size_min, look.size_max) * unit / 2) for _ in range(n)),
        reverse=True,
    )
    if look.size_min == look.size_max or n == 1:
        radii = [min(cap, (look.size_min + look.size_max) * unit / 4)] * n
    area = _area(look, rnd, sum(radii) / n)
    if look.grouping == "single" or n == 1:
        return [(SIZE / 2 + rnd.between(-6, 6), SIZE / 2 + rnd.between(-6, 6), radii[0])], area
    if look.grouping == "line":
        return _line(radii, rnd), area
    placed: list[tuple[float, float, float]] = []
    for r in radii:
        best, best_gap = None, -math.inf
        for _ in range(80):
            if area:
                a, d = rnd.between(0, 2 * math.pi), math.sqrt(rnd())
                x, y = area.point(a, d * 0.9)
                if not area.inside(x, y, r):
                    continue
            else:
                x = rnd.between(MARGIN + r, SIZE - MARGIN - r)
                y = rnd.between(MARGIN + r, SIZE - MARGIN - r)
            gap = min((math.hypot(x - px, y - py) - r - pr for px, py, pr in placed), default=99)
            if gap > best_gap:
                best, best_gap = (x, y, r), gap
            if gap >= (3 if look.grouping != "scattered" else 10):
                break
        placed.append(best or (SIZE / 2, SIZE / 2, r))
    return placed, area


def _line(radii, rnd: _Seeded):
    """Bumps along a gently curved diagonal line, as in scratched or shaved skin."""
    n = len(radii)
    x0, y0, x1, y1 = 34, 196, 206, 44
    bend = rnd.between(-14, 14)
    out = []
    for i, r in enumerate(radii):
        t = i / max(1, n - 1)
        x = x0 + (x1 - x0) * t + math.sin(t * math.pi) * bend + rnd.between(-3, 3)
        y = y0 + (y1 - y0) * t + math.sin(t * math.pi) * bend + rnd.between(-3, 3)
        out.append((x, y, r))
    return out


def _gradient(gid: str, stops, fx=0.36, fy=0.32) -> str:
    parts = [f'<radialGradient id="{gid}" fx="{fx}" fy="{fy}">']
    for offset, (colour, opacity) in stops:
        extra = f' stop-opacity="{opacity}"' if opacity != 1 else ""
        parts.append(f'<stop offset="{offset}" stop-color="{colour}"{extra}/>')
    parts.append("</radialGradient>")
    return "".join(parts)


def _defs(p: str, look: Look) -> str:
    hi, light, mid, edge = PALETTES[look.colour]
    if look.shape == "flat":
        bump = _gradient(
            f"{p}-g", [(0, light), (0.55, light), (0.85, mid), (1, edge)], fx=0.42, fy=0.4
        )
    elif look.shape == "patch":
        bump = _gradient(f"{p}-g", [(0, light), (0.6, mid), (1, (mid[0], 0.55))], fx=0.5, fy=0.5)
    elif look.shape == "blister":
        stops = [
            (0, hi),
            (0.22, (light[0], light[1] * 0.7)),
            (0.8, (mid[0], mid[1] * 0.6)),
            (1, edge),
        ]
        bump = _gradient(f"{p}-g", stops, fx=0.4, fy=0.3)
    else:
        bump = _gradient(f"{p}-g", [(0, hi), (0.3, light), (0.78, mid), (1, edge)])
    redness = var("redness")
    return (
        "<defs>"
        + bump
        + _gradient(f"{p}-v", [(0.6, ("#000", 0)), (1, ("#000", 0.12))], fx=0.5, fy=0.5)
        + (_nodule_gradient(p) if look.grouping == "nodule" else "")
        + _gradient(f"{p}-h", [(0.45, (redness, 0.75)), (1, (redness, 0))], fx=0.5, fy=0.5)
        + f'<linearGradient id="{p}-d" x2="1" y2="1"><stop stop-color="#000" stop-opacity=".45"/>'
        + '<stop offset="1" stop-color="#fff" stop-opacity=".6"/></linearGradient>'
        + f'<filter id="{p}-s" x="-30%" y="-30%" width="160%" height="160%">'
        + '<feDropShadow dx=".8" dy="1.6" stdDeviation="1.3" flood-opacity=".35"/></filter>'
        + f'<clipPath id="{p}-c"><rect width="{SIZE}" height="{SIZE}" rx="14"/></clipPath>'
        + "</defs>"
    )


def _nodule_gradient(p: str) -> str:
    """A raised lump of the reader's skin: lit on top, in shade at the edge."""
    stops = [(0, (var("skin_light"), 1)), (0.55, (var("skin"), 1)), (1, (var("skin_shade"), 1))]
    return _gradient(f"{p}-n", stops, fx=0.38, fy=0.3)


def _skin(p: str) -> str:
    """The square of skin: base tone, fine skin lines, a soft vignette."""
    lines = "".join(f"M{x} -4q40 80 {x + 60} 250" for x in range(-90, 260, 38)) + "".join(
        f"M-4 {y}q120 -30 250 {y // 3 - 20}" for y in range(30, 260, 44)
    )
    return (
        f'<rect width="{SIZE}" height="{SIZE}" fill="{var("skin")}"/>'
        f'<path d="{lines}" fill="none" stroke="{var("skin_shade")}" stroke-width=".7" opacity=".35"/>'
        f'<rect width="{SIZE}" height="{SIZE}" fill="url(#{p}-v)"/>'
    )


# The lining of the mouth: the same pink on every skin tone, with the faint ridges of the palate.
MOUTH, MOUTH_RIDGE = "#e7a3a1", "#c97b7c"


def _mouth_lining(p: str) -> str:
    """The square of mouth lining: a fixed pink, soft ridges, the same vignette as skin."""
    ridges = "".join(f"M-4 {y}q62 -18 124 0t124 0" for y in range(26, 250, 34))
    return (
        f'<rect class="mouth-lining" width="{SIZE}" height="{SIZE}" fill="{MOUTH}"/>'
        f'<path d="{ridges}" fill="none" stroke="{MOUTH_RIDGE}" stroke-width="2.2" opacity=".35"/>'
        f'<rect width="{SIZE}" height="{SIZE}" fill="url(#{p}-v)"/>'
    )


def _bump_shape(look: Look, rnd: _Seeded, x, y, r) -> str:
    if look.shape == "patch":  # a flat, soft-edged oval, longer than it is wide
        turn = rnd.between(-25, 25)
        return (
            f'<ellipse class="bump" cx="{fmt(x)}" cy="{fmt(y)}" rx="{fmt(r)}" ry="{fmt(r * 0.55)}" '
            f'transform="rotate({fmt(turn)} {fmt(x)} {fmt(y)})"/>'
        )
    if look.shape == "flat":  # a low, flat-topped papule with an angular outline
        turn = rnd.between(0, 2 * math.pi)
        pts = []
        for i in range(7):
            a = turn + 2 * math.pi * i / 7
            f = 1 + rnd.between(-0.1, 0.1)
            pts.append(f"{round(x + math.cos(a) * r * f)} {round(y + math.sin(a) * r * f)}")
        return f'<path class="bump" d="M{"L".join(pts)}Z"/>'
    return f'<circle class="bump" cx="{fmt(x)}" cy="{fmt(y)}" r="{fmt(r)}"/>'


def closeup_svg(
    subject, id_prefix: str | None = None, *, decorative: bool = False, scale_bar: bool = True
) -> str:
    """The close-up picture of a milia type or look-alike, as an inline SVG string.

    `decorative=True` drops the title and description and hides the picture from assistive
    technology (for cards whose text already says the same); `scale_bar=False` leaves out the
    scale bar row (for thumbnails too small to read it).
    """
    look = look_of(subject)
    return _closeup(look, safe_id(id_prefix or f"cu-{look.slug}"), decorative, scale_bar)


@functools.lru_cache(maxsize=256)
def _closeup(look: Look, p: str, decorative: bool, scale_bar: bool) -> str:
    """The drawing for one appearance; cached, since a page of look-alikes draws eleven."""
    rnd = _Seeded(look.slug or look.name)
    unit = SIZE / look.field_mm  # SVG units per millimetre
    bumps, area = _layout(look, rnd, unit)
    bumps.sort(key=lambda b: (b[1], b[0]))
    shadow = "" if look.shape == "patch" else f' filter="url(#{p}-s)"'
    return "".join(
        [
            _opening(look, p, decorative, HEIGHT if scale_bar else SIZE),
            _defs(p, look),
            f'<g clip-path="url(#{p}-c)">',
            _skin(p) if look.on_skin else _mouth_lining(p),
            _area_svg(look, area, p),
            _marks("halo", f'fill="url(#{p}-h)"', bumps, 1.7) if look.red_base else "",
            f'<g class="bumps" fill="url(#{p}-g)"{shadow}>',
            *(_bump_shape(look, rnd, x, y, r) for x, y, r in bumps),
            "</g>",
            _marks("dimple", f'fill="url(#{p}-d)"', bumps, 0.2, 1.6)
            if look.centre == "dimple"
            else "",
            _marks("pore", 'fill="#2a1c15" opacity=".85"', bumps, 0.15, 1.4)
            if look.centre == "pore"
            else "",
            "</g>",
            _scale_bar(look, unit) if scale_bar else "",
            "</svg>",
        ]
    )


def _opening(look: Look, p: str, decorative: bool, height: int) -> str:
    """The <svg> tag, with its accessible name and description unless decorative."""
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {SIZE} {height}" '
        f'class="illus-svg illus-svg--closeup" data-field-mm="{look.field_mm}" '
        f'data-surface="{look.surface}"'
    )
    if decorative:
        return svg + ' aria-hidden="true" focusable="false">'
    return (
        svg + f' role="img" aria-labelledby="{p}-t">'
        f'<title id="{p}-t">{escape(closeup_alt(look))}</title>'
        f'<desc id="{p}-desc">{escape(closeup_description(look))}</desc>'
    )


def _marks(cls: str, paint: str, bumps, scale: float, smallest: float = 0.0) -> str:
    """One circle per bump, centred on it: red halos, central dimples or dark pores."""
    circles = "".join(
        f'<circle class="{cls}" cx="{fmt(x)}" cy="{fmt(y)}" r="{fmt(max(smallest, r * scale))}"/>'
        for x, y, r in bumps
    )
    return f"<g {paint}>{circles}</g>"


def _area_svg(look: Look, area: _Blob | None, p: str) -> str:
    if area is None or look.grouping == "cluster":
        return ""
    if look.grouping == "plaque":
        return (
            f'<path class="plaque" d="{area.path()}" fill="{var("redness")}" fill-opacity=".62" '
            f'stroke="{var("redness")}" stroke-opacity=".35" stroke-width="6" filter="url(#{p}-s)"/>'
        )
    if look.grouping == "birthmark":
        return f'<path class="pale-patch" d="{area.path(22)}" fill="{var("pale_patch")}"/>'
    if look.grouping == "nodule":  # a raised lump of the reader's skin: lit on top, shadowed below
        return (
            f'<path class="nodule" d="{area.path()}" fill="url(#{p}-n)" filter="url(#{p}-s)"/>'
        )
    colour = PALETTES[look.colour][2][0]
    return f'<path class="patch" d="{area.path()}" fill="{colour}" fill-opacity=".7"/>'


def _scale_bar(look: Look, unit: float) -> str:
    length = look.scale_bar_mm * unit
    y = SIZE + 14
    return (
        f'<g class="scale" fill="currentColor" stroke="currentColor">'
        f'<path d="M4 {y - 4}v8M4 {y}h{fmt(length)}M{fmt(4 + length)} {y - 4}v8" stroke-width="1.6" fill="none"/>'
        f'<text x="{fmt(length + 10)}" y="{y + 4}" stroke="none" font-size="12">{look.scale_bar_mm} mm</text>'
        f'<text x="{SIZE}" y="{y + 4}" stroke="none" font-size="12" text-anchor="end">'
        f"Area: {look.field_words} × {look.field_words}</text></g>"
    )
