"""A reader finds their way through the guide by keyboard, on a phone and a desktop."""

import pytest

from .conftest import (
    DESKTOP,
    PHONE,
    axe_violations,
    axe_violations_without_js,
    describe_violations,
    screenshot,
)

PAGE_TYPES = {
    "home": "/",
    "guide": "/what-is-milia/",
    "types": "/types/",
    "subtype": "/types/milia-en-plaque/",
    "look-alikes": "/look-alikes/",
    "treatment": "/treatment/",
    "newborn": "/newborn-milia/",
    "names": "/names-for-milia/",
    "search": "/search/?q=milk+spots",
    "not-found": "/no-such-page/",
}


def tab_to(page, selector: str, limit: int = 150):
    """Press Tab until the focused element matches `selector`, as a keyboard user would."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement && document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Could not reach {selector} with the Tab key")


def test_keyboard_reader_goes_from_home_to_treatment(page):
    page.goto(page.base_url + "/")
    # The first Tab lands on the skip link, and it works.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent").strip().lower().startswith("skip to")
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main-content"

    steps = [
        ('a[href="/types/"]', "/types/"),
        ('main a[href="/types/milia-en-plaque/"]', "/types/milia-en-plaque/"),
        ('a[href="/look-alikes/"]', "/look-alikes/"),
        ('a[href="/treatment/"]', "/treatment/"),
    ]
    for selector, path in steps:
        tab_to(page, selector)
        # The focused link shows a visible focus indicator.
        outline = page.evaluate(
            "() => { const s = getComputedStyle(document.activeElement);"
            " return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2 || s.boxShadow !== 'none'; }"
        )
        assert outline, f"no visible focus on {selector}"
        page.keyboard.press("Enter")
        page.wait_for_url(page.base_url + path)
        assert page.locator("h1").count() == 1
    assert page.console_errors == []


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
@pytest.mark.parametrize("name", PAGE_TYPES)
def test_page_types_have_no_accessibility_violations(new_page, viewport, name):
    page = new_page(viewport)
    page.goto(page.base_url + PAGE_TYPES[name])
    violations = axe_violations(page)
    assert violations == [], describe_violations(violations)
    errors = page.console_errors
    if name == "not-found":  # the page itself answers 404, which Chromium reports; nothing else may fail
        errors = [e for e in errors if "404" not in e] + [e for e in errors if "404" in e][1:]
    assert errors == []
    if name in ("home", "subtype", "look-alikes", "types", "newborn", "treatment"):
        screenshot(page, f"guide-{name}-{viewport['width']}")


def test_guide_reads_without_javascript(new_page):
    page = new_page(PHONE, javascript=False)
    page.goto(page.base_url + "/types/congenital-milia/")
    assert page.locator("h1").inner_text()
    # The skin-tone switcher and expanders work with CSS and HTML alone.
    assert page.locator("details").count() >= 1
    page.locator("details summary").first.click()
    assert page.locator("details[open]").count() >= 1
    violations = axe_violations_without_js(page)
    assert violations == [], describe_violations(violations)


def test_skin_tone_switcher_changes_the_drawing(new_page):
    page = new_page(DESKTOP, javascript=False)
    page.goto(page.base_url + "/types/milia-en-plaque/")
    figure = page.locator("figure.illus").first
    before = figure.evaluate("f => getComputedStyle(f.querySelector('svg')).getPropertyValue('--skin')")
    figure.locator('input[type="radio"][value="VI"]').check()
    after = figure.evaluate("f => getComputedStyle(f.querySelector('svg')).getPropertyValue('--skin')")
    assert before.strip() and after.strip() and before != after
