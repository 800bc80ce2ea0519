"""The page templates: what every reader gets on every page, whatever the content.

Each demo page must render with its title as the only h1, a skip link first, breadcrumbs
(except on home), the review dates and its numbered sources; headings never skip a level and
no id appears twice.
"""

import datetime
import itertools

import pytest
from bs4 import BeautifulSoup
from django.template.loader import render_to_string

from cerobio.guide.models import GuidePage, LookAlike, MiliaType, Reviewer

from .test_demo_content import TYPE_SLUGS

PAGES = [
    "/",
    "/what-is-milia/",
    "/types/",
    "/causes/",
    "/look-alikes/",
    "/treatment/",
    "/newborn-milia/",
    "/names-for-milia/",
    "/types/congenital-milia/",
    "/types/milia-en-plaque/",
]


@pytest.fixture
def pages(demo, client):
    """Each demo page's response and parsed HTML."""
    rendered = {}
    for path in PAGES:
        response = client.get(path)
        rendered[path] = (response, BeautifulSoup(response.content, "html.parser"))
    return rendered


def _text(node) -> str:
    return " ".join(node.get_text(" ").split())


def test_every_page_renders_with_its_title_as_the_only_h1(pages):
    for path, (response, soup) in pages.items():
        assert response.status_code == 200, path
        h1s = soup.find_all("h1")
        assert len(h1s) == 1, path
        assert _text(h1s[0]) == response.context["page"].title, path
        assert soup.html["lang"] == "en-GB"


def test_the_skip_link_is_the_first_thing_to_focus_and_reaches_main(pages):
    for path, (_response, soup) in pages.items():
        first = soup.body.find(["a", "button", "input", "select", "textarea", "summary"])
        assert first.get("href") == "#main-content", path
        assert _text(first) == "Skip to main content", path
        assert soup.find("main", id="main-content"), path


def test_breadcrumbs_on_every_page_but_home(pages):
    for path, (response, soup) in pages.items():
        crumbs = soup.find("nav", attrs={"aria-label": "Breadcrumb"})
        if path == "/":
            assert crumbs is None
            continue
        assert crumbs is not None, path
        items = crumbs.find_all("li")
        assert items[0].a["href"] == "/" and _text(items[0]) == "Home", path
        assert items[-1].get("aria-current") == "page", path
        assert _text(items[-1]) == response.context["page"].title, path
    type_crumbs = pages["/types/congenital-milia/"][1].find(
        "nav", attrs={"aria-label": "Breadcrumb"}
    )
    assert [a["href"] for a in type_crumbs.find_all("a")] == ["/", "/types/"]


def test_every_page_shows_its_review_status_and_numbered_sources(pages):
    for path, (response, soup) in pages.items():
        page = response.context["page"]
        text = _text(soup)
        assert "Clinical review: Not yet reviewed by a clinician" in text, path
        sources = soup.find("section", attrs={"aria-labelledby": "sources-heading"})
        items = sources.find("ol").find_all("li", recursive=False)
        assert len(items) == len(page.references), path
        for item, ref in zip(items, page.references, strict=True):
            assert ref.title.rstrip(".") in _text(item), path
            if ref.link:
                assert item.find("a", href=ref.link), f"{path}: no address for {ref.title}"
            else:
                assert not item.find("a"), f"{path}: {ref.title} is linked"
            if ref.container:
                assert ref.container in _text(item), path
            if ref.accessed:
                assert f"Accessed {ref.accessed:%-d %B %Y}" in _text(item), path
        # No demo page is signed off, so none can be "being reviewed" either.
        assert "This page is being reviewed" not in text, path


def test_an_overdue_page_says_discreetly_that_it_is_being_reviewed(demo, client):
    """Only a signed-off page can be overdue: an unsigned one says it is not yet reviewed."""
    page = GuidePage.objects.get(slug="causes")
    page.reviewer = Reviewer.objects.create(
        name="Dr Amira Shah", slug="amira-shah", profession="General practitioner",
        registration_body="GMC", registration_number="7123456", biography="A GP in Leeds.",
    )
    page.next_review_due = datetime.date.today() - datetime.timedelta(days=1)
    page.save_revision().publish()
    text = _text(BeautifulSoup(client.get("/causes/").content, "html.parser"))
    assert "This page is being reviewed" in text


def test_ids_are_unique_and_headings_never_skip_a_level(pages):
    for path, (_response, soup) in pages.items():
        ids = [tag["id"] for tag in soup.find_all(id=True)]
        assert len(ids) == len(set(ids)), (
            f"{path}: duplicate ids {[i for i in ids if ids.count(i) > 1]}"
        )
        levels = [int(h.name[1]) for h in soup.find_all(["h1", "h2", "h3", "h4", "h5", "h6"])]
        assert levels[0] == 1, path
        for before, after in itertools.pairwise(levels):
            assert after <= before + 1, f"{path}: h{before} followed by h{after}"


def test_header_has_a_labelled_search_and_the_guide_navigation(pages):
    soup = pages["/what-is-milia/"][1]
    form = soup.find("form", action="/search/")
    field = form.find("input", attrs={"name": "q"})
    assert form.find("label", attrs={"for": field["id"]})
    # Two navigations with the same sections, one shown at a time: the row on wide screens and the
    # phone's Menu (which adds the names page and two trust pages).
    menu, nav = soup.find_all("nav", attrs={"aria-label": "Main"})
    assert "site-nav" in nav["class"] and "site-menu" in menu["class"]
    hrefs = [a["href"] for a in nav.find_all("a")]
    assert [a["href"] for a in menu.find_all("a")] == [*hrefs[:6], "/names-for-milia/", *hrefs[6:], "/about/", "/contact/"]
    assert menu.find("a", href="/what-is-milia/")["aria-current"] == "page"
    assert hrefs == [
        "/what-is-milia/",
        "/types/",
        "/causes/",
        "/look-alikes/",
        "/treatment/",
        "/newborn-milia/",
        "/identify/",
        "/shop/",
    ]
    assert nav.find("a", href="/what-is-milia/")["aria-current"] == "page"


def test_footer_shows_the_disclaimer_from_site_settings(pages):
    from cerobio.core.models import SiteSettings

    disclaimer = SiteSettings._meta.get_field("disclaimer").default
    for path, (_response, soup) in pages.items():
        assert disclaimer in _text(soup.find("footer", class_="site-footer")), path


def test_home_offers_the_guide_the_identifier_and_a_separate_labelled_shop(pages):
    soup = pages["/"][1]
    routes = soup.find("section", class_="routes")
    assert routes.find("a", href="/what-is-milia/") and routes.find("a", href="/identify/")
    shop = soup.find("aside", class_="shop-box")
    assert _text(shop.find(class_="shop-box__label")) == "Shop"
    assert shop.find("a", href="/shop/")
    assert not soup.find("ul", class_="routes__list").find("a", href="/shop/")


def test_type_page_answers_the_readers_questions_from_the_knowledge_base(pages):
    soup = pages["/types/milia-en-plaque/"][1]
    milia_type = MiliaType.objects.get(slug="milia-en-plaque")
    headings = [_text(h) for h in soup.find_all("h2")]
    for question in (
        "What do they look like?",
        "Where do they appear?",
        "Who gets them?",
        "What causes them?",
        "Will they go away?",
    ):
        assert question in headings
    text = _text(soup)
    assert milia_type.get_group_display() in _text(soup.find(class_="page-header"))
    assert _text(BeautifulSoup(milia_type.distinguishing_cue, "html.parser")) in text
    card = soup.find(class_="care-card--gp")
    assert "Non-urgent advice:" in _text(card) and "When to see a doctor" in _text(card)
    pagination = soup.find("nav", attrs={"aria-label": "Other types of milia"})
    assert pagination.find("a", rel="prev") and pagination.find("a", rel="next")
    assert pagination.find("a", href="/types/")


def test_types_page_links_a_card_to_every_subtype(pages):
    soup = pages["/types/"][1]
    linked = {a["href"] for a in soup.select(".type-card a")}
    assert linked == {f"/types/{slug}/" for slug in TYPE_SLUGS}


def test_look_alike_comparison_keeps_table_semantics_and_anchors(pages):
    soup = pages["/look-alikes/"][1]
    table = soup.find("table", class_="compare__table")
    assert table.caption
    assert [_text(th) for th in table.thead.find_all("th")] == [
        "Condition",
        "What it looks like",
        "Where",
        "Who",
        "How to tell it from milia",
    ]
    rows = table.tbody.find_all("tr")
    assert _text(rows[0].th).startswith("Milia")
    for la in LookAlike.objects.all():
        row = table.find("tr", id=la.slug)
        assert row.th["scope"] == "row"
        assert ("Contagious" in _text(row.th)) == la.contagious, la.slug


def test_search_without_results_suggests_the_identifier_and_useful_pages(demo, client):
    soup = BeautifulSoup(client.get("/search/?q=zzqqxx").content, "html.parser")
    assert soup.find("nav", attrs={"aria-label": "Breadcrumb"})
    main = soup.find("main")
    assert "No results" in _text(main)
    assert main.find("a", href="/identify/")
    assert main.find("a", href="/what-is-milia/")
    assert main.find("label", attrs={"for": "search-q"})


def test_search_lists_results_with_links(demo, client):
    soup = BeautifulSoup(client.get("/search/?q=milia").content, "html.parser")
    results = soup.select(".search-result")
    assert results
    assert all(r.find("h2").a["href"].startswith("/") for r in results)


def test_not_found_page_helps_the_reader_on(demo, client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    soup = BeautifulSoup(response.content, "html.parser")
    assert _text(soup.find("h1")) == "Page not found"
    assert soup.find("form", action="/search/")
    assert soup.find("main").find("a", href="/identify/")
    assert soup.find("meta", attrs={"name": "robots", "content": "noindex"})


def test_server_error_page_renders_without_a_request_or_database():
    html = render_to_string("500.html", {})
    soup = BeautifulSoup(html, "html.parser")
    assert soup.html["lang"] == "en-GB"
    assert soup.find("a")["href"] == "#main-content"
    assert "problem with the service" in _text(soup.find("h1"))


def test_every_in_page_link_lands_on_an_element(pages):
    for path, (_response, soup) in pages.items():
        ids = {tag["id"] for tag in soup.find_all(id=True)}
        for link in soup.select('a[href^="#"]'):
            assert link["href"][1:] in ids, f"{path}: {link['href']} goes nowhere"


def test_print_styles_apply_to_print_only(pages, client):
    soup = pages["/treatment/"][1]
    (link,) = soup.find_all("link", rel="stylesheet")
    css = b"".join(client.get(link["href"]).streaming_content).decode()
    screen, _, printed = css.partition("/* ===== print.css ===== */\n@media print {")
    assert ":root {" in screen and ".site-nav" in screen
    assert printed, "print.css is joined into the stylesheet inside @media print"
    assert "@page" in printed and "display: none !important" in printed
