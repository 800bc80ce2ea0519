"""A labelled skin cross-section: where primary and secondary milia form.

Primary milia form in a fine (vellus) hair follicle where its oil gland joins it (the sebaceous
collar, in the lower part of the infundibulum); secondary milia form more often along an eccrine
sweat duct (Berk & Bayliss 2008). The
colours are fixed light tints so every label keeps at least 4.5:1 contrast with dark text.
"""

from django.utils.html import escape

from .closeup import safe_id
from .describe import cross_section_alt, cross_section_description

WIDTH, HEIGHT = 360, 540
INK = "#1f1a17"  # labels and outlines: 15:1 on the dermis tint
LINE = "#5b4a42"
EPIDERMIS, DERMIS, KERATIN = "#eccbb2", "#f8e6de", "#fbf3ea"

_SURFACE = 40
_BASAL = "M0 90" + "".join(f"q15 {9 if i % 2 else -9} 30 0" for i in range(12)) + f"V{_SURFACE}H0Z"


def _text(x, y, words: str, size=17, weight=None, anchor=None) -> str:
    attrs = f' font-weight="{weight}"' if weight else ""
    attrs += f' text-anchor="{anchor}"' if anchor else ""
    return f'<text x="{x}" y="{y}" font-size="{size}"{attrs}>{escape(words)}</text>'


def _lines(x, y, lines, size=16, step=20) -> str:
    return "".join(_text(x, y + i * step, line, size) for i, line in enumerate(lines))


def _cyst(cx, cy, r, cls) -> str:
    """A milium: a small round cyst with a thin wall and layered keratin inside."""
    rings = "".join(
        f'<circle cx="{cx}" cy="{cy}" r="{round(r * f, 1)}" fill="none" stroke="#ddd3c8"/>'
        for f in (0.35, 0.6, 0.82)
    )
    return (
        f'<g class="{cls}"><circle cx="{cx}" cy="{cy}" r="{r}" fill="#fff" stroke="{LINE}" stroke-width="2"/>'
        f"{rings}</g>"
    )


def _badge(cx, cy, number: int) -> str:
    return (
        f'<g class="badge"><circle cx="{cx}" cy="{cy}" r="12" fill="{INK}"/>'
        f'<text x="{cx}" y="{cy + 6}" font-size="16" font-weight="700" fill="#fff" '
        f'text-anchor="middle">{number}</text></g>'
    )


def _leader(d: str) -> str:
    return f'<path d="{d}" fill="none" stroke="{INK}" stroke-width="1.3"/>'


def cross_section_svg(id_prefix: str = "xsec") -> str:
    """The skin cross-section diagram as an inline SVG string."""
    p = safe_id(id_prefix)
    follicle = (
        "M106 40C115 60 119 92 120 130L121 232C109 238 110 262 130 264C150 262 151 238 139 232"
        "L140 130C141 92 145 60 154 40Z"
    )
    funnel = "M117 40C123 60 126 92 127 130H133C134 92 137 60 143 40Z"
    sebaceous = (
        '<g class="sebaceous-gland" fill="#f5e19c" stroke="#a88a2e" stroke-width="1.5">'
        '<circle cx="150" cy="146" r="9"/><circle cx="160" cy="158" r="10"/><circle cx="148" cy="164" r="8"/>'
        f'<path d="M139 138L148 144" stroke="{LINE}" stroke-width="3"/></g>'
    )
    duct_path = (
        "M272 40C284 46 284 54 272 58C260 62 260 70 272 74C284 78 284 86 272 92"
        "C266 130 278 170 270 210C264 240 274 262 268 282"
        "c-22 4-26 26-4 29c21 3 27-21 7-25c-23-4-29 25-6 31c22 6 31-16 12-27"
    )
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-labelledby="{p}-t" class="illus-svg illus-svg--section">',
        f'<title id="{p}-t">{escape(cross_section_alt())}</title>',
        f'<desc id="{p}-desc">{escape(cross_section_description())}</desc>',
        f'<rect width="{WIDTH}" height="{HEIGHT}" rx="12" fill="#fffdfb"/>',
        f'<g stroke-linejoin="round" fill="{INK}">',
        # layers: dermis, epidermis with a wavy base, a thin horny layer on top
        f'<rect class="dermis" y="{_SURFACE}" width="{WIDTH}" height="306" fill="{DERMIS}"/>',
        '<path d="M20 150q20-8 40 0t40 0M190 250q20-8 40 0t40 0M20 300q20-8 40 0t40 0M180 110q15-6 30 0" '
        'fill="none" stroke="#efcfc2" stroke-width="3"/>',
        f'<path class="epidermis" d="{_BASAL}" fill="{EPIDERMIS}" stroke="#c99878" stroke-width="2"/>',
        f'<rect y="{_SURFACE}" width="{WIDTH}" height="7" fill="{KERATIN}" stroke="{LINE}" stroke-width="1.5"/>',
        # the vellus hair follicle, its funnel-shaped top (infundibulum) and its oil gland
        f'<path class="hair-follicle" d="{follicle}" fill="{EPIDERMIS}" stroke="{LINE}" stroke-width="2"/>',
        f'<path class="infundibulum" d="{funnel}" fill="{KERATIN}" stroke="{LINE}"/>',
        sebaceous,
        '<path class="hair" d="M130 258C130 200 130 120 131 60C132 35 138 18 146 6" fill="none" '
        'stroke="#5a4036" stroke-width="2.2" stroke-linecap="round"/>',
        # the eccrine sweat duct: a corkscrew through the epidermis, a coil deep in the dermis
        f'<path class="sweat-duct" d="{duct_path}" fill="none" stroke="#c98f73" stroke-width="8" '
        'stroke-linecap="round"/>',
        f'<path d="{duct_path}" fill="none" stroke="{KERATIN}" stroke-width="2" stroke-linecap="round"/>',
        # level with the oil gland's duct: the sebaceous collar, low in the infundibulum
        _cyst(103, 140, 17, "milium milium-primary"),
        _cyst(290, 152, 16, "milium milium-secondary"),
        _badge(76, 152, 1),
        _badge(320, 168, 2),
        # labels
        _text(10, 76, "Epidermis", weight="600"),
        _text(10, 214, "Dermis", weight="600"),
        _text(8, 24, "Infundibulum"),
        _leader("M60 29L118 58"),
        _text(162, 24, "Vellus hair"),
        _leader("M160 19L142 14"),
        _text(172, 156, "Oil gland", size=15),
        _lines(152, 284, ["Hair", "follicle"], size=15, step=18),
        _leader("M150 279L141 262"),
        _text(256, 222, "Sweat duct", anchor="end"),
        _leader("M258 216L268 214"),
        _text(262, 338, "Sweat gland", size=15, anchor="middle"),
        # legend
        f'<path d="M10 362H{WIDTH - 10}" stroke="#cfc4bb"/>',
        _badge(22, 388, 1),
        _lines(
            44,
            394,
            [
                "Primary milium: forms in a fine",
                "(vellus) hair follicle, where its oil",
                "gland joins it, low in the",
                "infundibulum",
            ],
        ),
        _badge(22, 484, 2),
        _lines(44, 490, ["Secondary milium: more often", "forms along a sweat duct"]),
        "</g></svg>",
    ]
    return "".join(out)
