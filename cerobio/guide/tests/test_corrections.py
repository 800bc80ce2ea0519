"""Corrections from reading every page against the fact sheet, checked on the rendered pages.

Each test asserts what a reader would notice (a fact, where a warning sits, what a picture shows),
not the wording, so a clinician can reword a sentence without breaking it.
"""

import itertools
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest

from .test_guide_pages import GUIDE_PATHS, visible_text

BOXES = ("care-card", "warning-callout", "inset-text", "do-dont")
TYPE_PATHS = [path for path in GUIDE_PATHS if path.startswith("/types/") and path != "/types/"]


class _Boxes(HTMLParser):
    """The advice boxes of a page (care cards, warnings, insets, do and don't lists) as (kind, classes, text)."""

    def __init__(self):
        super().__init__()
        self.boxes, self._open = [], None  # _open: [kind, classes, tag, depth, parts]

    def handle_starttag(self, tag, attrs):
        classes = (dict(attrs).get("class") or "").split()
        if self._open:
            self._open[3] += tag == self._open[2]
        elif kind := next((c for c in classes if c in BOXES), None):
            self._open = [kind, classes, tag, 1, []]

    def handle_endtag(self, tag):
        if self._open and tag == self._open[2]:
            self._open[3] -= 1
            if not self._open[3]:
                kind, classes, _, _, parts = self._open
                self.boxes.append((kind, classes, " ".join(" ".join(parts).split())))
                self._open = None

    def handle_data(self, data):
        if self._open:
            self._open[4].append(data)


def boxes(html: str) -> list[tuple[str, list[str], str]]:
    parser = _Boxes()
    parser.feed(html)
    return parser.boxes


def care_cards(html: str) -> list[tuple[str, str]]:
    """(level, text) of every care card: level is "urgent", "gp" or "self-care"."""
    out = []
    for kind, classes, text in boxes(html):
        if kind == "care-card":
            level = next(c.removeprefix("care-card--") for c in classes if c.startswith("care-card--"))
            out.append((level, text))
    return out


def sentences(text: str) -> list[str]:
    return re.split(r"(?<=[.!?])\s+", text)


_RENDERED: dict[str, str] = {}


@pytest.fixture
def pages(demo, client):
    """Every guide page's HTML, by path: rendered by the first test that asks, then reused (the
    tests only read them, and every test starts from the same demo content)."""
    if not _RENDERED:
        for path in [*GUIDE_PATHS, "/contact/"]:
            response = client.get(path)
            assert response.status_code == 200, path
            _RENDERED[path] = response.content.decode()
    return _RENDERED


def text_of(pages, path) -> str:
    return visible_text(pages[path])


# --- Retinoids: where adapalene needs a prescription, and not in pregnancy ---------------------

RETINOID = re.compile(r"\b(?:retinoids?|adapalene|tretinoin)\b", re.I)


def test_treatment_says_adapalene_is_sold_without_prescription_in_the_us_but_not_the_uk(pages):
    said = sentences(text_of(pages, "/treatment/"))
    us = [s for s in said if re.search(r"\bUS\b|United States", s) and "2016" in s]
    assert us and all(re.search(r"without (?:a )?prescription", s) for s in us), us
    uk = [s for s in said if re.search(r"\bUK\b|United Kingdom", s) and "prescription" in s]
    assert uk and not any(re.search(r"without (?:a )?prescription", s) for s in uk), uk


def test_every_page_that_mentions_retinoids_says_not_in_pregnancy_or_when_trying_to_conceive(pages):
    mentioning = [path for path in pages if RETINOID.search(text_of(pages, path))]
    assert {"/treatment/", "/types/milia-en-plaque/"} <= set(mentioning)
    for path in mentioning:
        warned = [
            s
            for s in sentences(text_of(pages, path))
            if re.search(r"pregnan", s, re.I)
            and re.search(r"trying to (?:get pregnant|conceive)", s, re.I)
            and re.search(r"\bnot\b", s, re.I)
        ]
        assert warned, f"{path} mentions retinoids but not that they are not for pregnancy"


# --- A newborn who is unwell or has blisters: urgent, one route everywhere --------------------

BABY = re.compile(r"\b(?:baby|babies|newborns?)\b", re.I)
UNWELL_OR_BLISTERS = re.compile(r"\bunwell\b|\bblisters?\b|filled with fluid", re.I)


def names_the_route(text: str) -> bool:
    """999, NHS 111 and the GP: the route the contact page and the identifier give."""
    return "999" in text and re.search(r"NHS 111", text) and re.search(r"\bGP\b", text)


def test_an_unwell_or_blistered_newborn_is_never_filed_under_non_urgent_advice(pages):
    for path, html in pages.items():
        for level, text in care_cards(html):
            if level != "urgent":
                assert not (BABY.search(text) and UNWELL_OR_BLISTERS.search(text)), (path, text)


@pytest.mark.parametrize("path", ["/", "/newborn-milia/", "/types/congenital-milia/"])
def test_newborn_pages_have_an_urgent_card_for_an_unwell_or_blistered_baby(pages, path):
    urgent = [text for level, text in care_cards(pages[path]) if level == "urgent"]
    assert any(re.search(r"\bunwell\b", t) and re.search(r"blisters", t) for t in urgent), path


def test_every_urgent_card_gives_the_same_route_as_the_contact_page(pages):
    assert names_the_route(text_of(pages, "/contact/"))
    seen = 0
    for path, html in pages.items():
        for level, text in care_cards(html):
            if level == "urgent":
                seen += 1
                assert names_the_route(text), (path, text)
    assert seen >= 3


def test_the_look_alikes_table_gives_the_same_route_for_newborn_blisters(pages):
    html = pages["/look-alikes/"]
    for slug in ("miliaria", "neonatal-acne"):
        row = re.search(rf'<tr class="compare__row" id="{slug}".*?</tr>', html, re.S).group(0)
        assert names_the_route(visible_text(row)), slug


def test_the_identifier_gives_the_same_route_for_an_unwell_newborn(demo, client):
    response = client.post(
        "/identify/",
        {"step": "symptoms", "go": "next", "age_group": "newborn", "sites": "nose", "symptoms": "unwell"},
    )
    html = response.content.decode()
    flag = re.search(r'<div class="care-card care-card--urgent identify-flag".*?</div>\s*</div>', html, re.S)
    assert flag, "no urgent flag for an unwell newborn"
    assert names_the_route(visible_text(flag.group(0)))


# --- One story of where milia form ---------------------------------------------------------------


def test_no_page_puts_primary_milia_at_the_base_opening_or_top_of_the_follicle(pages):
    wrong = re.compile(
        r"(?:base|opening|bottom|root|upper part|top part)\s+of\s+(?:the\s+|a\s+)?(?:tiny\s+|fine\s+)*"
        r"(?:vellus\s+)?(?:hairs?|hair follicles?|follicles?)",
        re.I,
    )
    for path, html in pages.items():
        for s in sentences(visible_text(html)):
            if re.search(r"milia|milium", s, re.I) or re.search(r"vellus", s, re.I):
                assert not wrong.search(s), (path, s)


@pytest.mark.parametrize(
    "path",
    ["/what-is-milia/", "/types/", "/types/congenital-milia/", "/types/benign-primary-milia/"],
)
def test_pages_that_say_where_primary_milia_form_name_the_oil_gland_of_a_fine_hair(pages, path):
    said = sentences(text_of(pages, path))
    assert any(
        re.search(r"follicle", s) and re.search(r"oil gland|sebaceous", s) for s in said
    ), path
    assert any(re.search(r"vellus", s) for s in said), path


def test_secondary_milia_come_more_often_not_only_from_sweat_ducts(pages):
    for path in ("/what-is-milia/", "/types/"):
        said = [s for s in sentences(text_of(pages, path)) if "sweat duct" in s]
        assert any(re.search(r"more often|most often|mostly", s) for s in said), path
    for path, html in pages.items():
        assert not re.search(r"only (?:from|in) (?:the )?sweat ducts?", visible_text(html)), path


def test_the_cross_section_label_puts_the_primary_milium_where_the_oil_gland_joins(pages):
    html = pages["/types/"]
    svg = re.search(r'<svg[^>]*illus-svg--section.*?</svg>', html, re.S).group(0)
    label = " ".join(re.findall(r">([^<>]+)</text>", svg))
    assert "oil" in label and "gland" in label and "upper" not in label
    assert "oil gland joins" in visible_text(html)  # the figure's description says the same
    root = _svg(svg)
    ns = "{http://www.w3.org/2000/svg}"
    primary = root.find(f".//{ns}g[@class='milium milium-primary']/{ns}circle")
    gland = [float(c.get("cy")) for c in root.findall(f".//{ns}g[@class='sebaceous-gland']/{ns}circle")]
    cy, r = float(primary.get("cy")), float(primary.get("r"))
    assert cy - r <= min(gland) and cy + r >= min(gland), "the primary milium is not level with the oil gland"


def test_type_page_badges_say_where_they_start_not_that_they_have_no_cause(pages):
    for path in TYPE_PATHS:
        tags = re.search(r'<p class="page-header__tags">.*?</p>', pages[path], re.S).group(0)
        badge = visible_text(tags)
        assert not re.search(r"on their own|not because of", badge, re.I), path
        if "tag--primary" in tags:
            assert re.search(r"follicle", badge), path
        else:
            assert re.search(r"sweat duct", badge), path


# --- Type pages that contradicted themselves -----------------------------------------------------


def test_medication_page_does_not_tie_medicines_taken_by_mouth_to_where_they_were_used(pages):
    text = text_of(pages, "/types/medication-associated-milia/")
    assert re.search(r"by mouth", text)
    for s in sentences(text):
        if re.search(r"where (?:the medicine|it|the cream|the ointment) was (?:used|put|applied)", s):
            assert re.search(r"cream|ointment", s), s


def _svg(svg: str) -> ET.Element:
    return ET.fromstring(svg)  # noqa: S314 - our own generated markup


def bumps_drawn(svg: str) -> list[ET.Element]:
    root = _svg(svg)
    return [e for e in root.iter() if "bump" in (e.get("class") or "").split()]


def closeups(html: str) -> list[str]:
    return re.findall(r'<svg[^>]*illus-svg--closeup.*?</svg>', html, re.S)


def test_every_close_up_counts_what_it_draws(pages):
    for path, html in pages.items():
        for svg in closeups(html):
            title = re.search(r"<title[^>]*>(.*?)</title>", svg)
            if not title:
                continue  # a decorative thumbnail has no words of its own
            drawn = len(bumps_drawn(svg))
            said = re.match(r"About (\d+)", title.group(1))
            if said:
                assert int(said.group(1)) == drawn, (path, title.group(1), drawn)
            elif title.group(1).startswith("A few"):
                assert drawn < 5, (path, title.group(1), drawn)


def test_captions_do_not_count_differently_from_the_drawing(pages):
    for path, html in pages.items():
        for figure in re.findall(r'<figure class="illus illus--closeup".*?</figure>', html, re.S):
            caption = visible_text(re.search(r"<figcaption.*?</figcaption>", figure, re.S).group(0))
            drawn = len(bumps_drawn(closeups(figure)[0]))
            if re.search(r"\ba few\b", caption, re.I):
                assert drawn < 5, (path, caption, drawn)


# --- Pictures that contradicted the text ---------------------------------------------------------


def drawn_sizes_mm(svg: str) -> list[float]:
    """The diameter of each bump in mm, from the drawing's own scale."""
    root = _svg(svg)
    per_unit = float(root.get("data-field-mm")) / float(root.get("viewBox").split()[2])
    return [2 * float(e.get("r")) * per_unit for e in bumps_drawn(svg) if e.get("r")]


@pytest.mark.parametrize("path", ["/types/congenital-milia/", "/newborn-milia/"])
def test_newborn_milia_are_drawn_no_bigger_than_the_1_mm_the_text_gives(pages, path):
    text = text_of(pages, path)
    assert re.search(r"no bigger than 1 mm", text)
    svg = closeups(pages[path])[0]  # the first picture on both pages is of newborn milia
    sizes = drawn_sizes_mm(svg)
    assert sizes and max(sizes) <= 1.0 + 1e-6, sizes


def test_epstein_pearls_are_drawn_inside_the_mouth_without_a_skin_tone_picker(demo, client):
    response = client.post(
        "/identify/",
        {"step": "symptoms", "go": "next", "age_group": "newborn", "sites": "inside_mouth",
         "look": "white_dome", "onset": "at_birth"},
    )
    html = response.content.decode()
    match = re.search(r'<li class="identify-match[^"]*" data-slug="epstein-pearls".*?</figure>', html, re.S)
    assert match, "Epstein pearls are not among the results for white bumps in a newborn's mouth"
    figure = match.group(0)
    assert "Skin tone" not in visible_text(figure) and 'type="radio"' not in figure
    svg = closeups(figure)[0]
    assert 'data-surface="mouth"' in svg and "var(--skin" not in svg
    assert "mouth" in visible_text(figure) and "square of skin" not in visible_text(figure)


def test_the_look_alikes_table_draws_epstein_pearls_on_the_mouth_lining(pages):
    row = re.search(r'<tr class="compare__row" id="epstein-pearls".*?</tr>', pages["/look-alikes/"], re.S)
    svg = closeups(row.group(0))[0]
    assert 'data-surface="mouth"' in svg and "var(--skin" not in svg


def test_milia_en_plaque_map_shows_the_ear_it_is_usually_behind_not_the_eyes_and_nose(pages):
    html = pages["/types/milia-en-plaque/"]
    assert re.search(r"behind the ear", text_of(pages, "/types/milia-en-plaque/"))
    figure = re.search(r'<figure class="illus illus--map".*?</figure>', html, re.S).group(0)
    shaded = set(re.findall(r'data-site="([a-z_]+)" class="site is-highlighted"', figure))
    assert shaded == {"ears"}, shaded
    back = re.search(r'<g class="view view-back".*?</g></g>', figure, re.S).group(0)
    assert 'data-site="ears" class="site is-highlighted"' in back, "behind the ear is not on the back view"


def test_nodular_grouped_milia_are_drawn_on_a_raised_lump(pages):
    html = pages["/types/nodular-grouped-milia/"]
    svg = closeups(html)[0]
    root = _svg(svg)
    lump = [e for e in root.iter() if e.get("class") == "nodule"]
    assert lump and lump[0].get("filter"), "no raised, shadowed lump under the cluster"
    assert re.search(r"raised", visible_text(svg))  # the picture's words say so too
    assert re.search(r"raised", text_of(pages, "/types/nodular-grouped-milia/"))


# --- Found on reading every page again ------------------------------------------------------------


def test_no_page_gives_the_untraced_92_percent_for_mouth_cysts(pages):
    for path, html in pages.items():
        assert not re.search(r"\b92\s*%", visible_text(html)), path


def test_causes_that_rest_only_on_weaker_sources_say_so(pages):
    for path in ("/causes/", "/types/disease-associated-milia/", "/types/medication-associated-milia/"):
        said = sentences(text_of(pages, path))
        for name in ("shingles", "sotretinoin"):
            mentions = [s for s in said if name in s]
            assert all(re.search(r"weak", s) for s in mentions), (path, mentions)


def test_cryotherapys_pale_patches_are_marked_unconfirmed(pages):
    said = [s for s in sentences(text_of(pages, "/treatment/")) if "pale patches" in s]
    assert said and all(re.search(r"\bmay\b|could not confirm|not (?:been )?confirmed", s) for s in said)


# --- Advice boxes --------------------------------------------------------------------------------

STOP = set(
    re.findall(
        r"\w+",
        """a an the and or but if of to in on at by for with from as is are be been it its this that
        these those they them their there you your we our not no do does did can may will would
        should could has have had any some such than then so very more most other into about over
        after before when where which who what how also just only each every one see gp doctor
        advice urgent non information important""",
    )
)


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]+", text.lower()) if len(w) > 2 and w not in STOP}


def test_no_page_repeats_the_same_advice_in_two_boxes(pages):
    """Two boxes on one page that share most of their words say the same thing twice."""
    for path, html in pages.items():
        for (_, _, a), (_, _, b) in itertools.combinations(boxes(html), 2):
            wa, wb = _words(a), _words(b)
            shared = len(wa & wb) / max(1, min(len(wa), len(wb)))
            assert shared < 0.45, f"{path} repeats itself ({shared:.2f}):\n  {a[:120]}\n  {b[:120]}"


# --- One audience for the product ----------------------------------------------------------------

AGE = re.compile(r"(?:aged|under|children under)\s+(\d+)|(\d+)\s+(?:and over|or over|and older)")


def _audience(text: str) -> tuple[set[int], bool]:
    """The ages a text gives for the product, and whether it calls it a product for adults only."""
    ages = {int(a or b) for a, b in AGE.findall(text)}
    adults_only = bool(re.search(r"for adults(?! and)", text)) and not re.search(r"teenagers", text)
    return ages, adults_only


def test_every_page_gives_the_product_the_same_audience(demo, client):
    from cerobio.shop.catalogue.models import ProductPage

    product = ProductPage.objects.live().get()
    shown = {}
    home = client.get("/").content.decode()
    shown["home"] = visible_text(re.search(r'<aside class="shop-box".*?</aside>', home, re.S).group(0))
    for path in ("/terms/", "/about/"):
        section = visible_text(client.get(path).content.decode())
        shown[path] = " ".join(s for s in sentences(section) if re.search(r"product", s))
    page = client.get(product.url).content.decode()
    shown["product"] = visible_text(re.search(r'<section class="product-section product-suits".*?'
                                              r'<section class="product-section" aria-labelledby="ingredients"',
                                              page, re.S).group(0))
    result = client.post("/identify/", {"step": "symptoms", "go": "next", "age_group": "adult",
                                        "sites": "forehead", "look": "white_dome", "count": "few",
                                        "onset": "gradual"}).content.decode()
    shown["identifier"] = visible_text(re.search(r'<aside class="shop-box.*?</aside>', result, re.S).group(0))
    for where, text in shown.items():
        ages, adults_only = _audience(text)
        assert ages == {product.minimum_age}, (where, ages, text)
        assert not adults_only, (where, text)
