"""Every guide page in the URL map: served, referenced, dated, described for search engines."""

import json
import re
from html.parser import HTMLParser

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cerobio.guide.models import LookAlike, MiliaType, PageReference, Reference

from .test_demo_content import TYPE_SLUGS

GUIDE_PATHS = [
    "/", "/what-is-milia/", "/types/", "/causes/", "/look-alikes/", "/treatment/",
    "/newborn-milia/", "/names-for-milia/",
] + [f"/types/{slug}/" for slug in TYPE_SLUGS]

# The most queries any guide page may take (also stated in the README).
MAX_QUERIES = 16


class _Text(HTMLParser):
    """Visible text of a page: everything outside <script>, <style> and <head>."""

    def __init__(self):
        super().__init__()
        self.parts, self._skip = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "head"):
            self._skip += 1

    def handle_endtag(self, tag):
        if tag in ("script", "style", "head"):
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def visible_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    return " ".join(" ".join(parser.parts).split())


def jsonld(html: str) -> list[dict]:
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return [json.loads(b) for b in blocks]


@pytest.fixture
def rendered(demo, client):
    return {path: client.get(path) for path in GUIDE_PATHS}


def test_every_guide_path_is_served(rendered):
    for path, response in rendered.items():
        assert response.status_code == 200, path


def test_every_demo_guide_page_says_it_is_not_yet_reviewed_and_lists_sources(rendered):
    """The demo has no real reviewer, so no page claims a review (or a review date)."""
    for path, response in rendered.items():
        text = visible_text(response.content.decode())
        assert "Not yet reviewed by a clinician" in text, path
        assert "Reviewed by" not in text and "Page last reviewed" not in text, path
        page = response.context["page"]
        assert page.references, f"{path} cites no sources"
        for ref in page.references:
            assert ref.title in text, f"{path} does not show {ref.title}"


def test_every_guide_page_has_meta_description_canonical_and_open_graph(rendered):
    for path, response in rendered.items():
        html = response.content.decode()
        assert re.search(r'<meta name="description" content="[^"]{40,}', html), path
        assert f'<link rel="canonical" href="http://127.0.0.1:8000{path}">' in html, path
        assert 'property="og:title"' in html and 'property="og:url"' in html, path


def test_jsonld_describes_a_medical_page_about_milia_with_no_review_claimed(rendered):
    for path, response in rendered.items():
        blocks = {b["@type"]: b for b in jsonld(response.content.decode())}
        page = blocks["MedicalWebPage"]
        assert "reviewedBy" not in page and "lastReviewed" not in page, path
        assert page["about"]["@type"] == "MedicalCondition", path
        assert page["about"]["code"], f"{path}: no classification codes"
        assert page["citation"], path
        crumbs = blocks["BreadcrumbList"]["itemListElement"]
        assert crumbs[-1]["item"] == f"http://127.0.0.1:8000{path}", path
    general = {b["@type"]: b for b in jsonld(rendered["/look-alikes/"].content.decode())}
    names = {d["diagnosis"]["name"] for d in general["MedicalWebPage"]["about"]["differentialDiagnosis"]}
    assert names == set(LookAlike.objects.values_list("name", flat=True))
    subtype = {b["@type"]: b for b in jsonld(rendered["/types/milia-en-plaque/"].content.decode())}
    assert subtype["MedicalWebPage"]["about"]["name"] == MiliaType.objects.get(slug="milia-en-plaque").name


def test_look_alikes_page_compares_every_look_alike_with_its_cue(rendered):
    html = rendered["/look-alikes/"].content.decode()
    for la in LookAlike.objects.all():
        assert f'id="{la.slug}"' in html
        assert visible_text(la.separating_cue) in visible_text(html), la.slug


def test_types_page_has_a_card_for_every_subtype(rendered):
    html = rendered["/types/"].content.decode()
    for slug in TYPE_SLUGS:
        assert f'href="/types/{slug}/"' in html


# The old site's wrong claims (fact sheet section 9), as they might be phrased.
WRONG_CLAIMS = {
    "autoimmune flare-up": r"autoimmune\s+flare",
    "60–70% of newborns": r"60\s*(?:–|-|to)\s*70\s*%",
    "congenital milia called neonatal acne": r"(?:also\s+(?:known|called)\s+(?:as\s+)?|aka\s+)(?:neonatal|baby)\s+acne",
    "X-ray exposure in nurses": r"nurses?.{0,80}x-?rays?|x-?rays?.{0,80}nurses?",
    "milia are a tumour": r"milia\s+(?:are|is)\s+(?:a\s+|classed\s+as\s+a\s+)?(?:benign\s+)?tumou?rs?",
    "extraction causes syringoma": r"(?:extract|squeez|remov|pick)\w*.{0,60}(?:cause|lead|result)\w*.{0,30}syringoma",
    "3–5 mm as the usual size": r"(?:usually|typically|normally|often)\s+(?:about\s+)?(?:1\s*[–-]\s*3\s+or\s+)?3\s*[–-]\s*5\s*mm",
    "Epstein pearls are milia": r"epstein\s+pearls\s+are\s+(?:a\s+(?:type|kind|form)\s+of\s+)?milia",
    "milk spots come from milk": r"(?:caused|brought\s+on)\s+by\s+(?:breast\s*|formula\s+)?(?:milk|feeding)",
    "creams remove milia": r"creams?\s+(?:can\s+|will\s+|that\s+)?(?:remove|cure|dissolve|get\s+rid\s+of)\s+milia",
    "retinoids are proven": r"retinoids?\s+(?:are|is|have\s+been)\s+proven",
}


@pytest.mark.parametrize("claim", WRONG_CLAIMS)
def test_no_guide_page_repeats_the_old_sites_wrong_claims(rendered, claim):
    for path, response in rendered.items():
        text = visible_text(response.content.decode()).lower()
        assert not re.search(WRONG_CLAIMS[claim], text), f"{path} claims: {claim}"


def test_the_misspelling_millia_appears_only_where_it_is_explained(rendered):
    for path, response in rendered.items():
        if path != "/names-for-milia/":
            assert "millia" not in visible_text(response.content.decode()).lower(), path
    assert "millia" in visible_text(rendered["/names-for-milia/"].content.decode()).lower()


def test_newborn_page_uses_the_fact_sheets_figure(rendered):
    text = visible_text(rendered["/newborn-milia/"].content.decode())
    assert re.search(r"40\s*(?:–|-|to)\s*50\s*%|40\s*(?:–|-|to)\s*50 in every 100", text)


def _queries(client, path) -> int:
    client.get(path)  # warm Wagtail's site and route caches
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(path).status_code == 200
    return len(ctx.captured_queries)


def test_guide_pages_take_a_small_fixed_number_of_queries(demo, client):
    for path in GUIDE_PATHS:
        client.get(path)  # the first visit creates the site settings, which renews every cached part
    before = {path: _queries(client, path) for path in GUIDE_PATHS}
    assert max(before.values()) <= MAX_QUERIES, before
    # Grow the knowledge base: more types, look-alikes and cited references.
    for i in range(5):
        MiliaType.objects.create(slug=f"extra-{i}", name=f"Extra {i}", group="primary", summary="x")
        LookAlike.objects.create(slug=f"extra-la-{i}", name=f"Extra look-alike {i}", what_it_is="x",
                                 looks_like="x", where="x", who="x", separating_cue="x")
        ref = Reference.objects.create(key=f"extra-{i}", title=f"Extra source {i}", url=f"https://example.org/{i}")
        for path in GUIDE_PATHS:
            page = rendered_page(client, path)
            PageReference.objects.create(page=page, reference=ref, sort_order=100 + i)
    after = {path: _queries(client, path) for path in GUIDE_PATHS}
    assert after == before


def rendered_page(client, path):
    return client.get(path).context["page"]


def test_guide_pages_are_written_for_a_reading_age_of_about_11(rendered):
    """Flesch-Kincaid grade 6 is a reading age of about 11. Lists of disease and medicine names
    (causes, names) push a page up, so each page may reach grade 8 while the typical page stays at 6."""
    from statistics import median

    from cerobio.core.readability import measure

    grades = {}
    for path, response in rendered.items():
        main = re.search(r"<main.*?</main>", response.content.decode(), re.S).group(0)
        main = re.split(r'class="review', main)[0]  # the sources list is citations, not prose
        grades[path] = measure(visible_text(main)).grade
    assert max(grades.values()) <= 8, grades
    assert median(grades.values()) <= 6, grades
