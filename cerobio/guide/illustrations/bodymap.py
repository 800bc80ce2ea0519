"""The body map: a neutral outline (front, back and a face close-up) with one region per body site.

`SITE_SHAPES` is the single source of the region geometry, keyed by `BodySite.code`, so the
identifier can reuse the same shapes as click targets. A site may appear in more than one
view (the chest and back appear on both body views; the scalp and neck on the body and the
face close-up). Face-view regions are at least 24 px across when the face view alone is
drawn 320 px wide.
"""

import math
from typing import NamedTuple

from django.utils.html import escape

from .closeup import fmt, safe_id, smooth_path
from .describe import SITE_LABELS


class SiteShape(NamedTuple):
    view: str  # "front", "back" or "face"
    d: str  # SVG path data in that view's own coordinates


class View(NamedTuple):
    label: str
    width: int
    height: int


VIEWS = {
    "front": View("Front", 200, 470),
    "back": View("Back", 200, 470),
    "face": View("Face", 300, 380),
}



def _capsule(x1, y1, r1, x2, y2, r2) -> str:
    """A limb segment: two circles joined by their outer tangents (tapers from r1 to r2)."""
    length = math.hypot(x2 - x1, y2 - y1)
    ux, uy = (x2 - x1) / length, (y2 - y1) / length
    theta = math.acos(max(-1.0, min(1.0, (r1 - r2) / length)))
    pts = []
    for sign in (1, -1):
        nx = ux * math.cos(theta) - uy * math.sin(theta) * sign
        ny = uy * math.cos(theta) + ux * math.sin(theta) * sign
        pts.append(((x1 + nx * r1, y1 + ny * r1), (x2 + nx * r2, y2 + ny * r2)))
    (a1, a2), (b1, b2) = pts
    return (
        f"M{fmt(a1[0])} {fmt(a1[1])}L{fmt(a2[0])} {fmt(a2[1])}"
        f"A{fmt(r2)} {fmt(r2)} 0 0 0 {fmt(b2[0])} {fmt(b2[1])}"
        f"L{fmt(b1[0])} {fmt(b1[1])}"
        f"A{fmt(r1)} {fmt(r1)} 0 1 0 {fmt(a1[0])} {fmt(a1[1])}Z"
    )


def _ellipse(cx, cy, rx, ry) -> str:
    return (
        f"M{fmt(cx - rx)} {fmt(cy)}a{fmt(rx)} {fmt(ry)} 0 1 0 {fmt(2 * rx)} 0"
        f"a{fmt(rx)} {fmt(ry)} 0 1 0 {fmt(-2 * rx)} 0Z"
    )


def _mirror_points(points, axis):
    return [(2 * axis - x, y) for x, y in points]


def _both(points, axis) -> str:
    """A smooth shape and its mirror image (left and right sides of the body or face)."""
    return smooth_path(points) + smooth_path(_mirror_points(points, axis)[::-1])


def _both_capsules(*segments, axis=100) -> str:
    out = []
    for x1, y1, r1, x2, y2, r2 in segments:
        out.append(_capsule(x1, y1, r1, x2, y2, r2))
        out.append(_capsule(2 * axis - x1, y1, r1, 2 * axis - x2, y2, r2))
    return "".join(out)


def _both_circles(x, y, r, axis=100) -> str:
    return _ellipse(x, y, r, r) + _ellipse(2 * axis - x, y, r, r)


# --- body views (front and back share the limb and trunk geometry) ---------------------------
_TRUNK = (
    "M100 99C116 99 131 100 141 105C149 109 151 119 150 130L145 168C142 190 137 204 137 222"
    "C137 236 140 246 139 257L61 257C60 246 63 236 63 222C63 204 58 190 55 168L50 130"
    "C49 119 51 109 59 105C69 100 84 99 100 99Z"
)
_NECK = "M90 80h20q2 0 2 2v13q0 2-2 2h-20q-2 0-2-2v-13q0-2 2-2Z"
_ARMS = _both_capsules((41, 117, 11, 33, 186, 9), (30, 215, 8.5, 25, 268, 6.5))
_ELBOWS = _both_circles(31.5, 200.5, 8.5)
_HANDS = _both([(25, 277), (33, 283), (33, 300), (27, 312), (20, 309), (17, 297), (18, 283)], 100)
_LEGS = _both_capsules((77, 283, 16, 80, 352, 12), (80, 388, 11.5, 80, 440, 7))
_KNEES = _both_circles(80, 370, 10.5)
_FEET = _ellipse(77, 453, 11, 6) + _ellipse(123, 453, 11, 6)

# --- face view: a 300 x 380 close-up --------------------------------------------------------
_FACE_OUTLINE = (
    "M150 54C206 54 242 96 242 162C242 238 206 322 150 332C94 322 58 238 58 162C58 96 94 54 150 54Z"
)
_FACE_SCALP = "M60 146C54 78 98 36 150 36C202 36 246 78 240 146C234 120 220 102 202 95C180 86 120 86 98 95C80 102 66 120 60 146Z"

SITE_SHAPES: dict[str, tuple[SiteShape, ...]] = {
    "scalp": (
        SiteShape(
            "front",
            "M75 43C75 25 86 15 100 15C114 15 125 25 125 43C117 34 109 31 100 31C91 31 83 34 75 43Z",
        ),
        SiteShape("back", _ellipse(100, 46, 25, 31)),
        SiteShape("face", _FACE_SCALP),
    ),
    "forehead": (
        SiteShape(
            "face",
            "M86 116C104 103 128 100 150 100C172 100 196 103 214 116C222 126 224 136 220 146"
            "C198 139 174 137 150 137C126 137 102 139 80 146C76 136 78 126 86 116Z",
        ),
    ),
    "eyelids": (
        SiteShape(
            "face",
            _both(
                [(78, 169), (94, 152), (118, 149), (138, 160), (142, 171), (122, 188), (96, 188)],
                150,
            ),
        ),
    ),
    "around_eyes": (
        SiteShape(
            "face",
            _both(
                [
                    (70, 178),
                    (90, 196),
                    (118, 198),
                    (141, 185),
                    (140, 207),
                    (120, 223),
                    (92, 223),
                    (72, 206),
                ],
                150,
            ),
        ),
    ),
    "nose": (
        SiteShape(
            "face",
            "M143 168C142 190 137 208 130 222C124 234 130 245 141 243C146 248 154 248 159 243"
            "C170 245 176 234 170 222C163 208 158 190 157 168Z",
        ),
    ),
    "cheeks": (
        SiteShape(
            "face",
            _both(
                [
                    (68, 232),
                    (92, 230),
                    (118, 236),
                    (124, 252),
                    (112, 270),
                    (90, 276),
                    (72, 264),
                    (64, 248),
                ],
                150,
            ),
        ),
    ),
    "ears": (
        SiteShape(
            "face", _both([(55, 144), (40, 146), (32, 166), (36, 194), (48, 214), (57, 210)], 150)
        ),
        # seen from behind, so that "behind the ear" has a place on the map
        SiteShape("back", _both([(76, 36), (69, 38), (66, 47), (69, 58), (76, 60)], 100)),
    ),
    "lips": (
        SiteShape(
            "face",
            "M116 272C126 259 140 255 150 260C160 255 174 259 184 272C174 287 162 293 150 293"
            "C138 293 126 287 116 272Z",
        ),
    ),
    "chin": (
        SiteShape(
            "face",
            "M120 302C134 298 166 298 180 302C184 312 172 325 150 326C128 325 116 312 120 302Z",
        ),
    ),
    "inside_mouth": (
        SiteShape(
            "face",
            "M240 324C246 306 278 306 284 324C286 340 276 352 262 353C248 352 238 340 240 324Z",
        ),
    ),
    "neck": (
        SiteShape("front", _NECK),
        SiteShape("back", _NECK),
        SiteShape(
            "face",
            "M118 338C132 343 168 343 182 338C181 352 184 364 194 376H106C116 364 119 352 118 338Z",
        ),
    ),
    "chest_back": (SiteShape("front", _TRUNK), SiteShape("back", _TRUNK)),
    "arms": (SiteShape("front", _ARMS), SiteShape("back", _ARMS)),
    "hands": (SiteShape("front", _HANDS), SiteShape("back", _HANDS)),
    "knees_elbows": (SiteShape("front", _KNEES + _ELBOWS), SiteShape("back", _KNEES + _ELBOWS)),
    "legs": (SiteShape("front", _LEGS), SiteShape("back", _LEGS)),
    "genitals": (
        SiteShape(
            "front", "M92 261H108Q112 261 110 265L102.5 277Q100 281 97.5 277L90 265Q88 261 92 261Z"
        ),
    ),
}

# Parts of the outline that are not body sites (drawn neutral, never targets).
_EYE_DETAIL = _both_circles(111, 170, 5.5, axis=150)
_EYE_LINE = _both([(90, 170), (110, 162), (131, 170), (110, 177)], 150)
BASE_SHAPES = {
    "front": (
        "M75 48C76 66 86 77 100 77C114 77 124 66 125 48C117 40 109 36 100 36C91 36 83 40 75 48Z"
        + _FEET,
    ),
    "back": (_FEET,),
    "face": (
        _FACE_OUTLINE,
        _ellipse(262, 330, 36, 36),  # the inset circle behind "inside the mouth"
    ),
}
DETAILS = {  # thin strokes drawn over the regions: eyes, the line between the lips, the inset's pointer
    "face": (
        f'<path d="{_EYE_LINE}" fill="#fbf9f6" stroke="#6d645c" stroke-width="1.5"/>'
        f'<path d="{_EYE_DETAIL}" fill="#6d645c"/>'
        '<path d="M122 273C136 276 164 276 178 273M186 286L226 314" fill="none" stroke="#6d645c" stroke-width="1.5"/>'
        '<path d="M247 318C254 312 270 312 277 318L275 324C267 321 257 321 249 324Z" fill="#fbf9f6" stroke="#6d645c"/>'
        '<path d="M249 345C252 335 272 335 275 345C270 350 254 350 249 345Z" fill="#e9c9c4" stroke="#6d645c"/>'
    ),
}

SCALES = {"front": 0.8, "back": 0.8, "face": 1.0}
GAP = 24
LABEL_SPACE = 40


def body_map_svg(
    site_codes,
    id_prefix: str = "bodymap",
    *,
    views=("front", "back", "face"),
    title=None,
    desc=None,
    decorative: bool = False,
) -> str:
    """The body map as an inline SVG string, with the given site codes highlighted.

    `views` picks and orders the views (the identifier can draw the face alone);
    `decorative=True` hides the SVG from assistive technology when a wrapper names it.
    """
    highlighted = {str(code) for code in site_codes}
    p = safe_id(id_prefix)
    scales = SCALES if len(views) > 1 else dict.fromkeys(views, 1.0)
    sizes = [(VIEWS[v].width * scales[v], VIEWS[v].height * scales[v]) for v in views]
    width = sum(w for w, _ in sizes) + GAP * (len(views) - 1)
    height = max(h for _, h in sizes) + LABEL_SPACE
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {fmt(width)} {fmt(height)}" '
        f'class="illus-svg illus-svg--map" data-views="{" ".join(views)}"'
    )
    if decorative:
        out = [svg + ' aria-hidden="true" focusable="false">']
    else:
        if title is None:
            names = [SITE_LABELS[c].lower() for c in SITE_LABELS if c in highlighted]
            title = "Body map highlighting " + (", ".join(names) if names else "no sites")
        out = [
            svg + f' role="img" aria-labelledby="{p}-t">',
            f'<title id="{p}-t">{escape(title)}</title>',
        ]
        if desc:
            out.append(f'<desc id="{p}-desc">{escape(desc)}</desc>')
    out.append(
        f'<defs><pattern id="{p}-hatch" width="8" height="8" patternUnits="userSpaceOnUse" '
        f'patternTransform="rotate(45)"><path d="M0 0v8" stroke="#fff" stroke-width="3" opacity=".55"/>'
        "</pattern></defs>"
    )
    x = 0.0
    for view, (w, h) in zip(views, sizes, strict=True):
        out.append(_view_svg(view, p, highlighted, x, scales[view]))
        out.append(
            f'<text class="view-label" x="{fmt(x + w / 2)}" y="{fmt(h + 30)}" text-anchor="middle" '
            f'font-size="24" fill="currentColor">{VIEWS[view].label}</text>'
        )
        x += w + GAP
    out.append("</svg>")
    return "".join(out)


def _view_svg(view: str, p: str, highlighted: set[str], x: float, scale: float) -> str:
    transform = f"translate({fmt(x)} 0)" + (f" scale({scale})" if scale != 1 else "")
    out = [
        f'<g class="view view-{view}" data-view="{view}" transform="{transform}" stroke-linejoin="round">',
        '<g class="base" fill="#f6f2ed" stroke="#8a8179" stroke-width="1.5">',
    ]
    out += [f'<path d="{d}"/>' for d in BASE_SHAPES.get(view, ())]
    out.append('</g><g class="sites" fill="#e9e2da" stroke="#6d645c" stroke-width="1.5">')
    hatches = []
    for code, shapes in SITE_SHAPES.items():
        for shape in shapes:
            if shape.view != view:
                continue
            if code in highlighted:
                out.append(
                    f'<path data-site="{code}" class="site is-highlighted" d="{shape.d}" '
                    'fill="#0a6b7c" stroke="#003a46" stroke-width="3"/>'
                )
                hatches.append(f'<path d="{shape.d}"/>')
            else:
                out.append(f'<path data-site="{code}" class="site" d="{shape.d}"/>')
    out.append("</g>")
    if hatches:
        out.append(
            f'<g class="site-hatch" fill="url(#{p}-hatch)" stroke="none" pointer-events="none">'
        )
        out += hatches
        out.append("</g>")
    out.append(f'<g class="details" pointer-events="none">{DETAILS.get(view, "")}</g></g>')
    return "".join(out)
