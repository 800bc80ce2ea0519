"""The generated pictures: close-ups, body map, cross-section, their words and template tags."""

import colorsys
import itertools
import re
import xml.etree.ElementTree as ET
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.template import Context, Template
from django.test import RequestFactory

from cerobio.guide.illustrations import (
    SITE_SHAPES,
    SKIN_TONES,
    body_map_alt,
    body_map_svg,
    closeup_alt,
    closeup_description,
    closeup_svg,
    cross_section_alt,
    cross_section_svg,
)
from cerobio.guide.illustrations.cross_section import DERMIS, EPIDERMIS, INK
from cerobio.guide.illustrations.describe import (
    CENTRES,
    COLOURS,
    GROUPINGS,
    MAX_BUMPS,
    SHAPES,
    look_of,
)
from cerobio.guide.illustrations.skin import DEFAULT_TONE, TONES_BY_CODE
from cerobio.guide.models import BodySite, LookAlike, MiliaType

SVG = "{http://www.w3.org/2000/svg}"
ALL_CODES = [
    "eyelids", "around_eyes", "nose", "cheeks", "forehead", "lips", "chin", "ears",
    "inside_mouth", "scalp", "neck", "chest_back", "arms", "hands", "knees_elbows", "legs",
    "genitals",
]  # fmt: skip
CSS = Path(__file__).resolve().parents[2] / "static" / "css" / "illustrations.css"


def milia(**fields) -> MiliaType:
    """An unsaved milia type with the given appearance (defaults: benign primary milia)."""
    values = {
        "slug": "benign-primary-milia",
        "name": "Benign primary milia",
        "colour": "white",
        "shape": "dome",
        "centre": "none",
        "grouping": "scattered",
        "size_min_mm": Decimal("1"),
        "size_max_mm": Decimal("2"),
        "typical_count": 4,
        "red_base": False,
    }
    values.update(fields)
    return MiliaType(**values)


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)  # noqa: S314 - our own generated markup


def with_class(root: ET.Element, name: str) -> list[ET.Element]:
    return [el for el in root.iter() if name in (el.get("class") or "").split()]


def ids_in(root: ET.Element) -> list[str]:
    return [el.get("id") for el in root.iter() if el.get("id")]


def bump_radii(root: ET.Element) -> list[float]:
    return [float(el.get("r")) for el in with_class(root, "bump")]


# --- close-up ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("grouping", "shape"), list(itertools.product(GROUPINGS, SHAPES)))
def test_every_appearance_combination_draws_a_valid_picture(grouping, shape):
    for colour, centre, red_base in itertools.product(COLOURS, CENTRES, (False, True)):
        subject = milia(
            slug=f"t-{grouping}-{shape}-{colour}-{centre}",
            colour=colour,
            shape=shape,
            centre=centre,
            grouping=grouping,
            size_min_mm=Decimal("1"),
            size_max_mm=Decimal("3"),
            typical_count=12,
            red_base=red_base,
        )
        svg = closeup_svg(subject, "pic")
        root = parse(svg)  # raises if not well-formed XML
        expected = 1 if grouping == "single" else 12
        assert root.tag == f"{SVG}svg"
        assert root.get("role") == "img"
        assert root.get("viewBox")
        assert root.get("width") is None and root.get("height") is None
        title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
        assert title is not None and title.text and desc is not None and desc.text
        assert root.get("aria-labelledby") == title.get("id")
        assert len(with_class(root, "bump")) == expected
        assert len(with_class(root, "dimple")) == (expected if centre == "dimple" else 0)
        assert len(with_class(root, "pore")) == (expected if centre == "pore" else 0)
        assert len(with_class(root, "halo")) == (expected if red_base else 0)
        assert len(with_class(root, "plaque")) == (1 if grouping == "plaque" else 0)
        assert len(with_class(root, "pale-patch")) == (1 if grouping == "birthmark" else 0)
        assert 'fill="var(--skin,' in svg
        assert len(svg.encode()) < 6 * 1024, (grouping, shape, colour, centre, len(svg))


def test_a_1_mm_bump_is_a_quarter_the_size_of_a_4_mm_bump():
    small = parse(closeup_svg(milia(size_min_mm=1, size_max_mm=1, typical_count=1), "a"))
    big = parse(closeup_svg(milia(size_min_mm=4, size_max_mm=4, typical_count=1), "b"))
    assert small.get("data-field-mm") == big.get("data-field-mm") == "10"
    # 10 mm across 240 units: a 1 mm bump has a 12-unit radius.
    assert set(bump_radii(small)) == {12.0}
    assert set(bump_radii(big)) == {48.0}


def test_the_scale_bar_is_1_mm_long_on_a_1_cm_square():
    svg = closeup_svg(milia(), "a")
    assert "h24" in svg and ">1 mm</text>" in svg and "1 cm × 1 cm" in svg


def test_sizes_stay_within_the_range_and_bumps_inside_the_square():
    root = parse(closeup_svg(milia(size_min_mm=1, size_max_mm=3, typical_count=10), "a"))
    unit = 240 / int(root.get("data-field-mm"))
    for bump in with_class(root, "bump"):
        r, x, y = float(bump.get("r")), float(bump.get("cx")), float(bump.get("cy"))
        assert 0.5 * unit - 0.1 <= r <= 1.5 * unit + 0.1
        assert r <= x <= 240 - r and r <= y <= 240 - r


def test_crowded_or_large_subjects_get_a_bigger_square_with_a_matching_scale():
    crowded = milia(grouping="plaque", typical_count=20, size_min_mm=1, size_max_mm=3)
    cyst = milia(grouping="single", typical_count=1, size_min_mm=5, size_max_mm=30, centre="pore")
    assert parse(closeup_svg(crowded, "a")).get("data-field-mm") == "20"
    assert parse(closeup_svg(cyst, "b")).get("data-field-mm") == "40"
    assert ">10 mm</text>" in closeup_svg(cyst, "b")
    assert "4 cm square" in closeup_description(cyst)


def test_no_more_than_the_cap_is_drawn_and_the_words_count_what_is_drawn():
    subject = milia(typical_count=100, size_min_mm=Decimal("0.5"), size_max_mm=1)
    assert len(with_class(parse(closeup_svg(subject, "a")), "bump")) == MAX_BUMPS
    assert closeup_alt(subject).startswith(f"About {MAX_BUMPS} ")
    assert f"It shows about {MAX_BUMPS} " in closeup_description(subject)
    assert "many more" in closeup_description(subject)


def test_a_single_lesion_is_drawn_once_whatever_the_count():
    root = parse(closeup_svg(milia(grouping="single", typical_count=5), "a"))
    assert len(with_class(root, "bump")) == 1


def test_the_layout_is_the_same_every_time_and_differs_between_subjects():
    assert closeup_svg(milia(), "a") == closeup_svg(milia(), "a")
    other = closeup_svg(milia(slug="congenital-milia"), "a")
    assert other != closeup_svg(milia(), "a")


def test_ids_are_prefixed_and_every_reference_resolves_inside_the_picture():
    for centre, grouping in itertools.product(CENTRES, GROUPINGS):
        svg = closeup_svg(milia(centre=centre, grouping=grouping, red_base=True), "fig-7")
        ids = ids_in(parse(svg))
        assert len(ids) == len(set(ids))
        assert all(i.startswith("fig-7-") for i in ids)
        for ref in re.findall(r"url\(#([^)]+)\)", svg) + re.findall(
            r'aria-labelledby="([^"]+)"', svg
        ):
            assert ref in ids


def test_two_prefixes_never_share_an_id():
    a, b = ids_in(parse(closeup_svg(milia(), "one"))), ids_in(parse(closeup_svg(milia(), "two")))
    assert not set(a) & set(b)


def test_skin_dependent_colours_come_from_custom_properties_only():
    for colour in ("skin", "pink", "red"):
        svg = closeup_svg(milia(colour=colour, grouping="plaque", red_base=True), "a")
        # fallbacks are tone III; nothing else of a skin tone is hard-coded
        other_tones = [t for t in SKIN_TONES if t.code != DEFAULT_TONE]
        for tone in other_tones:
            assert tone.skin not in svg and tone.redness not in svg
    birthmark = closeup_svg(milia(grouping="birthmark"), "b")
    assert 'fill="var(--pale-patch,' in birthmark
    assert "var(--redness," in closeup_svg(milia(grouping="plaque"), "c")


def test_decorative_close_up_is_hidden_and_has_no_title():
    root = parse(closeup_svg(milia(), "a", decorative=True))
    assert root.get("aria-hidden") == "true" and root.get("role") is None
    assert root.find(f"{SVG}title") is None


def test_text_from_the_database_is_escaped():
    svg = closeup_svg(milia(name='<script>alert("x")</script>', slug="x"), "a")
    parse(svg)
    assert "<script>" not in svg


def test_missing_or_unknown_fields_fall_back_to_milia_defaults():
    class Bare:
        slug = "bare"
        name = "Bare"

    odd = milia(colour="purple", shape="cube", centre="??", grouping="everywhere")
    for subject in (Bare(), odd):
        root = parse(closeup_svg(subject, "a"))
        assert len(with_class(root, "bump")) >= 1


def test_a_look_alike_works_like_a_milia_type():
    molluscum = LookAlike(
        slug="molluscum-contagiosum",
        name="Molluscum contagiosum",
        colour="skin",
        centre="dimple",
        size_min_mm=2,
        size_max_mm=5,
        typical_count=5,
    )
    root = parse(closeup_svg(molluscum, "m"))
    assert len(with_class(root, "dimple")) == 5
    assert "central dimple" in closeup_alt(molluscum)


# --- words ------------------------------------------------------------------------------------


def test_milia_alt_text_says_white_small_no_redness_no_opening():
    assert closeup_alt(milia()) == (
        "A few tiny pearly white domes, 1–2 mm, scattered, with no redness and no opening"
    )


def test_milia_en_plaque_alt_text_says_how_many_size_and_the_red_patch():
    alt = closeup_alt(
        milia(colour="white-yellow", grouping="plaque", typical_count=20, size_max_mm=3)
    )
    assert alt.startswith("About 20 small white to yellowish domes, 1–3 mm")
    assert "clustered on a raised red patch" in alt
    assert "no redness" not in alt


@pytest.mark.parametrize(
    ("fields", "words"),
    [
        ({"colour": "clear", "shape": "blister"}, ["clear", "fluid blisters"]),
        ({"colour": "yellow", "shape": "patch", "grouping": "patch", "typical_count": 1}, ["A single", "yellow flat patch"]),
        ({"colour": "pink", "shape": "flat", "grouping": "line"}, ["pink or tan", "flat-topped", "in a line"]),
        ({"colour": "red", "red_base": True}, ["red", "a red rim"]),
        ({"grouping": "birthmark"}, ["inside a pale patch"]),
        ({"grouping": "cluster"}, ["clustered"]),
        ({"centre": "pore"}, ["dark central pore"]),
        ({"colour": "golden", "size_min_mm": Decimal("1.5"), "size_max_mm": 3}, ["golden", "1.5–3 mm"]),
    ],
)  # fmt: skip
def test_alt_text_mentions_colour_size_and_grouping(fields, words):
    alt = closeup_alt(milia(**fields))
    for word in words:
        assert word in alt
    assert re.search(r"\d mm", alt)


def test_every_combination_has_alt_text_with_colour_size_and_grouping():
    colour_words = {"white": "white", "white-yellow": "yellowish", "yellow": "yellow",
                    "skin": "skin-coloured", "pink": "pink", "red": "red", "clear": "clear",
                    "golden": "golden"}  # fmt: skip
    grouping_words = {"scattered": "scattered", "cluster": "clustered", "nodule": "raised lump",
                      "plaque": "raised red patch",
                      "line": "line", "single": "single", "patch": "patch", "birthmark": "pale patch"}  # fmt: skip
    for colour, grouping, shape in itertools.product(COLOURS, GROUPINGS, SHAPES):
        alt = closeup_alt(milia(colour=colour, grouping=grouping, shape=shape, typical_count=8))
        assert colour_words[colour] in alt, alt
        assert grouping_words[grouping] in alt, alt
        assert "1–2 mm" in alt, alt


def test_long_description_is_plain_and_mentions_redness_on_darker_skin_only_when_red():
    calm = closeup_description(milia())
    assert "not red" in calm and "no opening" in calm and "1 to 2 mm" in calm
    assert "darker" not in calm
    red = closeup_description(milia(grouping="plaque", typical_count=20))
    assert "purple, brown or darker" in red


def test_cross_section_words_name_both_origins():
    alt = cross_section_alt()
    assert "primary milium" in alt and "hair follicle" in alt
    assert "secondary milium" in alt and "sweat duct" in alt


# --- skin tones -------------------------------------------------------------------------------


def luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def test_six_fitzpatrick_tones_from_very_fair_to_deep_brown():
    assert [t.code for t in SKIN_TONES] == ["I", "II", "III", "IV", "V", "VI"]
    assert SKIN_TONES[0].label == "Type I – very fair"
    assert SKIN_TONES[-1].label == "Type VI – deep brown to black"
    skins = [luminance(t.skin) for t in SKIN_TONES]
    assert skins == sorted(skins, reverse=True)


def test_redness_on_darker_skin_is_darker_and_more_purple_not_bright_red():
    reds = [luminance(t.redness) for t in SKIN_TONES]
    assert reds == sorted(reds, reverse=True)
    for tone in SKIN_TONES[4:]:
        r, g, b = (int(tone.redness[i : i + 2], 16) / 255 for i in (1, 3, 5))
        hue, _, _ = colorsys.rgb_to_hls(r, g, b)
        assert 0.8 < hue < 0.97, tone  # magenta to violet, not the ~0.0 of a bright red
    assert luminance(SKIN_TONES[-1].redness) < luminance(SKIN_TONES[-1].skin)


def test_pale_patch_is_paler_than_the_skin_on_every_tone():
    for tone in SKIN_TONES:
        assert luminance(tone.pale_patch) > luminance(tone.skin)


def css_block(css: str, selector: str) -> dict[str, str]:
    start = css.index(selector + " {")
    body = css[start : css.index("}", start)]
    return dict(re.findall(r"(--[a-z-]+):\s*(#[0-9a-f]{6});", body))


def test_css_tone_values_match_the_python_tones():
    css = CSS.read_text()
    for tone in SKIN_TONES:
        selector = f'.illus:has(.illus__tone-input[value="{tone.code}"]:checked)'
        assert css_block(css, selector) == tone.css_properties
        assert f'.illus__swatch[data-tone="{tone.code}"] {{ background: {tone.skin}; }}' in css
    default = TONES_BY_CODE[DEFAULT_TONE].css_properties
    assert css_block(css, ".illus") == default
    print_rules = css[css.index("@media print") :]
    assert css_block(print_rules, ".illus:has(.illus__tone-input[value]:checked)") == default
    assert ".illus__tones" in print_rules


# --- body map ---------------------------------------------------------------------------------


def sites_in(root: ET.Element) -> dict[str, list[ET.Element]]:
    found: dict[str, list[ET.Element]] = {}
    for el in root.iter(f"{SVG}path"):
        if el.get("data-site"):
            found.setdefault(el.get("data-site"), []).append(el)
    return found


def test_site_shapes_cover_exactly_the_17_codes():
    assert sorted(SITE_SHAPES) == sorted(ALL_CODES)
    for shapes in SITE_SHAPES.values():
        assert shapes and all(s.view in ("front", "back", "face") and s.d for s in shapes)


def test_body_map_has_a_region_for_every_site_and_highlights_exactly_the_given_ones():
    chosen = {"eyelids", "cheeks", "nose", "chest_back"}
    root = parse(body_map_svg([*sorted(chosen), "not-a-site"], "map"))
    regions = sites_in(root)
    assert sorted(regions) == sorted(ALL_CODES)
    for code, paths in regions.items():
        for path in paths:
            classes = path.get("class").split()
            assert "site" in classes
            assert ("is-highlighted" in classes) == (code in chosen), code
    # not colour alone: highlighted regions also get a thick outline and a hatch overlay
    assert root.find(f"{SVG}defs/{SVG}pattern") is not None
    hatches = with_class(root, "site-hatch")
    assert sum(len(list(g)) for g in hatches) == sum(len(regions[c]) for c in chosen)
    assert all(p.get("stroke-width") == "3" for c in chosen for p in regions[c])


def test_body_map_is_accessible_and_ids_are_unique():
    root = parse(body_map_svg(["lips"], "m1", title="Body map highlighting the lips"))
    assert root.get("role") == "img"
    assert root.find(f"{SVG}title").text == "Body map highlighting the lips"
    ids = ids_in(root)
    assert len(ids) == len(set(ids)) and all(i.startswith("m1-") for i in ids)
    assert not set(ids) & set(ids_in(parse(body_map_svg(["lips"], "m2"))))


def test_face_view_alone_holds_only_face_regions():
    root = parse(body_map_svg(["nose", "arms"], "f", views=("face",)))
    face_codes = {c for c, shapes in SITE_SHAPES.items() if any(s.view == "face" for s in shapes)}
    assert set(sites_in(root)) == face_codes
    assert "arms" not in face_codes and {"eyelids", "inside_mouth", "ears"} <= face_codes


def anchor_boxes(d: str):
    """Bounding boxes of each subpath's end points (smaller than the drawn shape: conservative)."""
    boxes, points = [], []
    for cmd, args in re.findall(r"([MLHVCQZ])([^MLHVCQZ]*)", d):
        nums = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", args)]
        if cmd == "M" and points:
            boxes.append(points)
            points = []
        if cmd in "MLCQ":
            points.append((nums[-2], nums[-1]))
        elif cmd == "H":
            points.append((nums[-1], points[-1][1]))
        elif cmd == "V":
            points.append((points[-1][0], nums[-1]))
    boxes.append(points)
    return [
        (max(x for x, _ in b) - min(x for x, _ in b), max(y for _, y in b) - min(y for _, y in b))
        for b in boxes
        if b
    ]


def test_face_regions_are_at_least_24px_when_the_face_is_drawn_320px_wide():
    root = parse(body_map_svg([], "f", views=("face",)))
    view_width = float(root.get("viewBox").split()[2])
    px = 320 / view_width
    for code, shapes in SITE_SHAPES.items():
        for shape in shapes:
            if shape.view != "face":
                continue
            for width, height in anchor_boxes(shape.d):
                assert min(width, height) * px >= 24, (code, width, height)


def test_body_map_alt_lists_the_sites_in_words():
    subject = milia()
    subject.body_sites = [
        BodySite(code="eyelids", name="Eyelids", region="face", sort_order=1),
        BodySite(code="cheeks", name="Cheeks", region="face", sort_order=2),
        BodySite(code="nose", name="Nose", region="face", sort_order=3),
    ]
    assert body_map_alt(subject) == "Body map highlighting the eyelids, cheeks and nose"


# --- cross-section ----------------------------------------------------------------------------


def test_cross_section_labels_both_origins_and_is_readable_on_a_phone():
    svg = cross_section_svg("x")
    root = parse(svg)
    texts = list(root.iter(f"{SVG}text"))
    words = " ".join(el.text for el in texts)
    for label in ("Epidermis", "Dermis", "Infundibulum", "Vellus hair", "Sweat duct", "Hair"):
        assert label in words
    assert "Primary milium" in words and "Secondary milium" in words  # the legend
    assert with_class(root, "milium-primary") and with_class(root, "milium-secondary")
    assert with_class(root, "hair-follicle") and with_class(root, "sweat-duct")
    view_width = float(root.get("viewBox").split()[2])
    for el in texts:
        assert float(el.get("font-size")) * 320 / view_width >= 13, el.text
    assert root.find(f"{SVG}title") is not None and root.find(f"{SVG}desc") is not None


def test_cross_section_label_colours_meet_aa_contrast():
    for background in (DERMIS, EPIDERMIS, "#fffdfb"):
        assert contrast(INK, background) >= 4.5


def test_highlighted_body_site_stands_out_from_plain_ones():
    assert contrast("#0a6b7c", "#e9e2da") >= 3


# --- template tags ----------------------------------------------------------------------------


class Collect(HTMLParser):
    """Ids, radio names and inputs of a rendered page."""

    def __init__(self):
        super().__init__()
        self.ids, self.radios, self.labels_for = [], [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.append(attrs["id"])
        if tag == "input" and attrs.get("type") == "radio":
            self.radios.append(attrs)
        if tag == "label" and "for" in attrs:
            self.labels_for.append(attrs["for"])


def render(source: str, **context) -> str:
    return Template("{% load illustrations %}" + source).render(Context(context))


def collect(html: str) -> Collect:
    parser = Collect()
    parser.feed(html)
    return parser


def test_closeup_tag_renders_a_figure_with_a_no_js_tone_switcher():
    html = render("{% closeup s %}", s=milia())
    page = collect(html)
    assert html.strip().startswith('<figure class="illus illus--closeup"')
    assert "<legend" in html and "Skin tone</legend>" in html
    assert [r["value"] for r in page.radios] == ["I", "II", "III", "IV", "V", "VI"]
    assert len({r["name"] for r in page.radios}) == 1
    assert [r["value"] for r in page.radios if "checked" in r] == ["III"]
    assert sorted(page.labels_for) == sorted(r["id"] for r in page.radios)
    assert "<details" in html and "Describe this picture" in html
    assert "Type VI – deep brown to black" in html
    assert "<script" not in html


def test_many_figures_on_one_page_never_share_ids_or_radio_names():
    request = RequestFactory().get("/look-alikes/")
    subjects = [milia(), milia(), milia(slug="milia-en-plaque", grouping="plaque")]
    html = Template(
        "{% load illustrations %}{% for s in subjects %}{% closeup s %}{% endfor %}{% cross_section %}"
    ).render(Context({"subjects": subjects, "request": request}))
    page = collect(html)
    svg_ids = re.findall(r' id="([^"]+)"', html)
    assert len(svg_ids) == len(set(svg_ids))
    assert len(page.ids) == len(set(page.ids))
    assert len({r["name"] for r in page.radios}) == 3


def test_closeup_tag_escapes_database_text():
    html = render("{% closeup s %}", s=milia(name="<b>Bad</b> & co"))
    assert "<b>Bad</b>" not in html and "&lt;b&gt;Bad&lt;/b&gt; &amp; co" in html


def test_closeup_tag_with_nothing_renders_nothing():
    assert render("{% closeup s %}", s=None).strip() == ""


def test_closeup_image_tag_is_a_bare_decorative_drawing():
    html = render("{% closeup_image s decorative=True %}", s=milia())
    assert 'class="illus illus--thumb"' in html and 'aria-hidden="true"' in html
    assert "<fieldset" not in html and "<title" not in html
    assert 'viewBox="0 0 240 240"' in html and "mm</text>" not in html  # no unreadable scale bar


def test_body_map_tag_names_the_picture_and_lists_the_sites():
    subject = milia(name="Milia en plaque")
    subject.body_sites = [
        BodySite(code="ears", name="Ears", region="face"),
        BodySite(code="eyelids", name="Eyelids", region="face"),
    ]
    html = render("{% body_map s %}", s=subject)
    assert 'role="img" aria-label="Body map highlighting the ears and eyelids"' in html
    assert "usual places are the ears and eyelids." in html
    highlighted = set(re.findall(r'data-site="([a-z_]+)" class="site is-highlighted"', html))
    assert highlighted == {"ears", "eyelids"}
    assert html.count("<svg") == 2 and html.count('aria-hidden="true"') >= 2


def test_body_map_tag_without_sites_renders_nothing():
    assert render("{% body_map s %}", s=milia()).strip() == ""


def test_cross_section_tag_has_caption_and_long_description():
    html = render("{% cross_section %}")
    assert '<figure class="illus illus--section"' in html
    assert "Describe this picture" in html and "infundibulum" in html


@pytest.mark.django_db
def test_body_map_uses_prefetched_sites_without_extra_queries(django_assert_num_queries):
    eyelids, _ = BodySite.objects.get_or_create(code="eyelids", defaults={"name": "Eyelids", "region": "face"})
    nose, _ = BodySite.objects.get_or_create(code="nose", defaults={"name": "Nose", "region": "face"})
    saved = milia(slug="test-body-map-subject")
    saved.save()
    saved.body_sites.set([nose, eyelids])
    saved.save()
    subject = MiliaType.objects.prefetch_related("body_sites").get(pk=saved.pk)
    with django_assert_num_queries(0):
        html = render("{% body_map s %}", s=subject)
    assert set(re.findall(r'data-site="([a-z_]+)" class="site is-highlighted"', html)) == {
        "eyelids",
        "nose",
    }


@pytest.mark.django_db
def test_tags_accept_a_slug_as_stored_by_the_illustration_block():
    milia(slug="test-slug-subject", name="Test milia", typical_count=12).save()
    html = render('{% closeup "test-slug-subject" %}')
    assert "Test milia, drawn on a 1 cm square" in html
    assert render('{% closeup "no-such-thing" %}').strip() == ""


def test_look_of_reads_decimal_sizes_from_the_model():
    look = look_of(milia(size_min_mm=Decimal("0.5"), size_max_mm=Decimal("1.0")))
    assert (look.size_min, look.size_max) == (0.5, 1.0)
