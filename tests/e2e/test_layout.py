"""Layout on every page type: nothing scrolls sideways on a phone or tablet, and the phone header
(brand, Search, Basket and a Menu disclosure in one row) reaches every section in two taps, by
keyboard and by touch, with JavaScript on and off. With SCREENSHOTS=1 (`make screenshots`),
screenshots of every page type at phone and desktop widths land in test-artifacts/pages/."""

import re
from pathlib import Path

import pytest

from .conftest import (
    ARTIFACTS,
    DESKTOP,
    MAKING_SCREENSHOTS,
    PHONE,
    ROOT,
    axe_violations,
    axe_violations_without_js,
    describe_violations,
    screenshots_only,
)
from .page_types import PAGE_TYPES, add_kit_to_basket, place_order, visit

NARROW = [320, 390, 768]
# The sections every page's footer lists (guide, tools, shop): each must be two taps from the header.
FOOTER_SECTIONS = ".site-footer nav:not(.site-footer__group:last-child) a"


@pytest.fixture(scope="module")
def order_token(server_url):
    return place_order(server_url)


def sideways_overflow(page) -> list[str]:
    """What sticks out past the right edge of the window (empty when nothing scrolls sideways)."""
    return page.evaluate(
        """() => {
          const width = document.documentElement.clientWidth;
          if (document.documentElement.scrollWidth <= width) return [];
          return [...document.querySelectorAll("body *")]
            .filter((el) => el.checkVisibility() && el.getBoundingClientRect().right > width + 0.5)
            .slice(0, 8)
            .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join(".")} right=${Math.round(el.getBoundingClientRect().right)}`)
            .concat([`scrollWidth ${document.documentElement.scrollWidth} > ${width}`]);
        }"""
    )


@pytest.mark.parametrize("width", NARROW)
def test_no_page_type_scrolls_sideways(new_page, order_token, width):
    page = new_page({"width": width, "height": 800})
    add_kit_to_basket(page)
    problems = {}
    for name in PAGE_TYPES:
        visit(page, name, order_token)
        overflow = sideways_overflow(page)
        if overflow:
            problems[name] = overflow
    assert problems == {}, "\n".join(f"{name}: {items}" for name, items in problems.items())


def header_row(page) -> dict:
    """The vertical middle of the brand and of each tool in the phone header."""
    boxes = {
        "brand": page.locator(".site-header .brand").bounding_box(),
        "search": page.locator(".site-header summary", has_text="Search").bounding_box(),
        "basket": page.locator(".site-header .mini-basket").bounding_box(),
        "menu": page.locator(".site-header summary", has_text="Menu").bounding_box(),
    }
    return {name: box["y"] + box["height"] / 2 for name, box in boxes.items()}


@pytest.mark.parametrize("width", [320, 390])
def test_the_phone_header_is_one_row_with_search_basket_and_menu(new_page, width):
    page = new_page({"width": width, "height": 700})
    page.goto(page.base_url + "/treatment/")
    middles = header_row(page)
    assert max(middles.values()) - min(middles.values()) < 6, middles
    assert page.locator(".site-nav").is_hidden()  # the wide screens' row of links
    assert page.locator(".site-menu").get_by_role("link", name="Types").is_hidden()  # in the closed menu
    assert sideways_overflow(page) == []


def keyboard_reach(page, href: str) -> None:
    """From the top of the page: Tab to Menu, Enter, Tab to the link, Enter (two presses that act)."""
    page.goto(page.base_url + "/")
    for _ in range(12):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.matches('.header-disclosure--menu > summary')"):
            break
    else:
        raise AssertionError("Menu cannot be reached with the Tab key")
    page.keyboard.press("Enter")
    for _ in range(20):
        page.keyboard.press("Tab")
        if page.evaluate("(href) => document.activeElement.matches(`.site-menu a[href='${href}']`)", href):
            break
    else:
        raise AssertionError(f"{href} cannot be reached with the Tab key once the menu is open")
    with page.expect_navigation():
        page.keyboard.press("Enter")


def menu_links(page) -> list[str]:
    return page.locator(".site-menu a").evaluate_all("links => links.map((a) => a.getAttribute('href'))")


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_the_menu_reaches_every_section_by_keyboard(new_page, javascript):
    page = new_page(PHONE, javascript=javascript)
    page.goto(page.base_url + "/")
    sections = page.locator(FOOTER_SECTIONS).evaluate_all("links => links.map((a) => a.getAttribute('href'))")
    in_header = {"/search/", "/basket/"}  # their own buttons in the header row
    hrefs = menu_links(page)
    assert set(sections) - in_header <= set(hrefs), set(sections) - set(hrefs)
    for href in hrefs:
        keyboard_reach(page, href)
        assert page.url == page.base_url + href
        assert page.locator("h1").count() == 1
    assert page.console_errors == []


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_the_menu_reaches_every_section_in_two_taps(new_page, javascript):
    page = new_page(PHONE, javascript=javascript, touch=True)
    page.goto(page.base_url + "/look-alikes/")
    for href in menu_links(page):
        page.goto(page.base_url + "/look-alikes/")
        page.locator(".site-header summary", has_text="Menu").tap()
        link = page.locator(f".site-menu a[href='{href}']")
        assert link.is_visible()
        with page.expect_navigation():
            link.tap()
        assert page.url == page.base_url + href
    # The other two: Search (tap, type, go) and the basket.
    page.locator(".site-header summary", has_text="Search").tap()
    page.get_by_label("Search the milia guide").fill("milk spots")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/search/?q=milk+spots" in page.url and page.locator("main a").count() > 1
    with page.expect_navigation():
        page.locator(".site-header .mini-basket").tap()
    assert page.url == page.base_url + "/basket/"
    assert page.console_errors == []


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
@pytest.mark.parametrize("width", [320, 390])
def test_the_open_menu_and_search_are_accessible(new_page, width, javascript):
    page = new_page({"width": width, "height": 800}, javascript=javascript)
    page.goto(page.base_url + "/types/milia-en-plaque/")
    for name in ("Menu", "Search"):
        summary = page.locator(".site-header summary", has_text=name)
        summary.click()
        assert summary.evaluate("s => s.parentElement.open")
        violations = axe_violations(page) if javascript else axe_violations_without_js(page)
        assert violations == [], f"{name} open: {describe_violations(violations)}"
        assert sideways_overflow(page) == []
    # Opening Search closed the Menu (one panel at a time: <details name="site-header">).
    assert page.locator(".header-disclosure--menu").evaluate("d => d.open") is False


def test_wide_screens_keep_the_row_of_sections(new_page):
    page = new_page(DESKTOP)
    page.goto(page.base_url + "/")
    assert page.locator(".site-nav").is_visible() and page.locator(".header-disclosure").first.is_hidden()
    assert page.locator(".site-nav").get_by_role("link", name="Look-alikes").is_visible()
    assert page.get_by_label("Search", exact=True).is_visible()


WIDE = [1280, 1600]


def largest_blank_band(page) -> dict:
    """The tallest stretch of the main content, top to bottom, where no text is (pictures do not
    count: a drawing beside an empty column is the gap a reader sees), and where it starts."""
    return page.evaluate(
        """() => {
          const main = document.querySelector("main");
          const top = main.getBoundingClientRect().top + window.scrollY;
          const boxes = [...main.querySelectorAll("h1, h2, h3, h4, p, li, dt, dd, th, td, label, button, input, textarea, select, legend, summary, figcaption")]
            .filter((el) => el.checkVisibility())
            .map((el) => el.getBoundingClientRect())
            .filter((r) => r.height > 0 && r.width > 0)
            .map((r) => [r.top + window.scrollY - top, r.bottom + window.scrollY - top])
            .sort((a, b) => a[0] - b[0]);
          let reach = 0, gap = 0, at = 0;
          for (const [start, end] of boxes) {
            if (start - reach > gap) { gap = start - reach; at = reach; }
            reach = Math.max(reach, end);
          }
          return {gap: Math.round(gap), at: Math.round(at)};
        }"""
    )


@pytest.mark.parametrize("width", WIDE)
def test_wide_screens_leave_no_blank_bands(new_page, order_token, width):
    """At 1280 and 1600 px no page type has a stretch without text down the page (the type pages
    used to leave 300-400 px of empty column beside their drawings); the spacing between a page's
    parts is under 150 px."""
    page = new_page({"width": width, "height": 900})
    add_kit_to_basket(page)
    gaps = {}
    for name in PAGE_TYPES:
        visit(page, name, order_token)
        band = largest_blank_band(page)
        if band["gap"] > 200:
            gaps[name] = band
    assert gaps == {}, gaps


def _box(page, selector: str) -> dict:
    return page.locator(selector).first.bounding_box()


def _text_box(page, selector: str) -> dict:
    """Where the words of an element are (a block beside a float is wider than its lines)."""
    return page.locator(selector).first.evaluate(
        """(el) => {
          const range = document.createRange();
          range.selectNodeContents(el);
          const r = range.getBoundingClientRect();
          return {x: r.x, y: r.y, width: r.width, height: r.height};
        }"""
    )


@pytest.mark.parametrize("width", WIDE)
def test_wide_screens_put_figures_beside_the_text_and_on_this_page_beside_the_article(new_page, width):
    page = new_page({"width": width, "height": 900})
    for path, figure, text in (
        ("/types/milia-en-plaque/", ".type-section__figure", "#look ~ .type-section__media .type-section__text p"),
        ("/what-is-milia/", ".page-body > .illustration-block", ".page-body > .rich-text li"),
    ):
        page.goto(page.base_url + path)
        fig, words, contents = _box(page, figure), _text_box(page, text), _box(page, ".contents")
        # The figure is to the right of the words it starts with, on the same lines.
        assert words["x"] + words["width"] <= fig["x"], (path, words, fig)
        assert words["y"] < fig["y"] + fig["height"] and fig["y"] < words["y"] + words["height"], (path, words, fig)
        # "On this page" is in the column beside the article, level with the title ...
        title = _box(page, "h1")
        assert contents["x"] >= title["x"] + title["width"], (path, contents, title)
        assert contents["y"] < title["y"] + title["height"] + 200, (path, contents, title)
        # ... and stays in view while reading further down.
        page.locator("#sources-heading").scroll_into_view_if_needed()
        assert page.locator(".contents").evaluate(
            "n => { const r = n.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }"
        ), path


def test_phones_show_figures_full_width_above_their_text(new_page):
    page = new_page(PHONE)
    page.goto(page.base_url + "/types/milia-en-plaque/")
    fig = _box(page, ".type-section__figure")
    words = _box(page, ".type-section__text p")
    assert fig["y"] + fig["height"] <= words["y"]
    assert fig["width"] > PHONE["width"] * 0.75


SHOTS = ARTIFACTS / "pages"
# The README's set (docs/screenshots/): page type -> file name stem.
README_SET = {"home": "home", "type": "type-page", "identify-result": "identifier-result", "product": "product"}


def _readme_copy(path: Path, name: str, width: int) -> None:
    """`make screenshots` (SCREENSHOTS=1): the top of the page, small, into docs/screenshots/."""
    from PIL import Image

    target = ROOT / "docs" / "screenshots" / f"{README_SET[name]}-{'phone' if width < 600 else 'desktop'}.png"
    target.parent.mkdir(exist_ok=True)
    with Image.open(path) as image:
        top = image.crop((0, 0, image.width, min(image.height, int(image.width * (3.0 if width < 600 else 0.9)))))
        scale = 0.5 if width >= 600 else 0.75
        small = top.resize((round(top.width * scale), round(top.height * scale)), Image.LANCZOS)
        small.convert("RGB").quantize(colors=128, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE).save(
            target, optimize=True
        )


VIEWPORTS = [PHONE, DESKTOP, *([{"width": 1600, "height": 1000}] if MAKING_SCREENSHOTS else [])]


@screenshots_only
@pytest.mark.parametrize("viewport", VIEWPORTS, ids=lambda v: str(v["width"]))
def test_every_page_type_screenshot(new_page, order_token, viewport):
    """Full-page screenshots of every page type, for people to look at (nothing is compared)."""
    page = new_page(viewport)
    add_kit_to_basket(page)
    SHOTS.mkdir(parents=True, exist_ok=True)
    width = viewport["width"]
    for name in PAGE_TYPES:
        visit(page, name, order_token)
        assert page.locator("h1").count() == 1, name
        path = SHOTS / f"{name}-{width}.png"
        page.screenshot(path=str(path), full_page=True)
        if MAKING_SCREENSHOTS and name in README_SET and width in (390, 1280):
            _readme_copy(path, name, width)
    assert not [e for e in page.console_errors if not re.search(r"\b404\b", e)]
