"""The identifier in a real browser: keyboard-only journeys with JavaScript on and off, the body map,
accessibility on every step, and screenshots of the result and its printable summary."""

import re
import tempfile
from pathlib import Path

import pytest

from .conftest import (
    DESKTOP,
    PHONE,
    axe_violations,
    axe_violations_without_js,
    describe_violations,
    screenshot,
    screenshots_only,
)

STEP_KEYS = ["age_group", "sites", "look", "count", "onset", "history", "symptoms"]

# Each journey: for every step, the inputs to choose (None: skip the question), then the expected best match.
NEWBORN_NOSE = {
    "age_group": ["newborn"],
    "sites": ["nose"],
    "look": ["white_dome"],
    "count": ["many"],
    "onset": ["at_birth"],
    "history": None,
    "symptoms": [],
}
AFTER_A_BURN = {
    "age_group": ["adult"],
    "sites": ["hands"],
    "look": ["white_dome"],
    "count": ["few"],
    "onset": None,
    "history": ["burn_or_injury"],
    "symptoms": [],
}
JOURNEYS = {"newborn-nose": (NEWBORN_NOSE, "congenital-milia"), "after-a-burn": (AFTER_A_BURN, "trauma-associated-milia")}


def focused_matches(page, selector: str) -> bool:
    return page.locator(f"{selector}:focus").count() == 1


def tab_to(page, selector: str, limit: int = 200):
    """Press Tab until the focused element matches `selector`, as a keyboard user would."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if focused_matches(page, selector):
            return
    raise AssertionError(f"Could not reach {selector} with the Tab key")


def choose_by_keyboard(page, key: str, values: list[str]):
    """Tick checkboxes with Space, or move through a radio group with the arrow keys."""
    radio = page.locator(f'input[name="{key}"]').first.get_attribute("type") == "radio"
    if radio:
        tab_to(page, f'input[name="{key}"]')
        for _ in range(12):
            if focused_matches(page, f"#{key}-{values[0]}"):
                break
            page.keyboard.press("ArrowDown")
        if not page.locator(f"#{key}-{values[0]}").is_checked():
            page.keyboard.press("Space")  # Tab into a group with nothing chosen focuses without choosing
        assert page.locator(f"#{key}-{values[0]}").is_checked()
        return
    for value in values:
        tab_to(page, f"#{key}-{value}")
        page.keyboard.press("Space")
        assert page.locator(f"#{key}-{value}").is_checked()


def answer_by_keyboard(page, answers: dict, check_accessibility: bool = False):
    page.goto(page.base_url + "/identify/")
    if check_accessibility:
        assert_no_violations(page, "intro")
    tab_to(page, 'button[value="start"]')
    page.keyboard.press("Enter")
    for number, key in enumerate(STEP_KEYS, start=1):
        page.wait_for_selector(f"text=Step {number} of {len(STEP_KEYS)}")
        assert page.locator("h1").count() == 1
        if check_accessibility:
            assert_no_violations(page, key)
        values = answers[key]
        if values is None:
            tab_to(page, 'button[value="skip"]')
        else:
            choose_by_keyboard(page, key, values)
            tab_to(page, 'button[value="next"]')
        page.keyboard.press("Enter")
    page.wait_for_selector("h1:has-text('Your results')")


def assert_no_violations(page, where: str):
    violations = axe_violations(page)
    assert violations == [], f"{where}: {describe_violations(violations)}"


SAFETY_NET = {
    "newborn-nose": ["safety-net-newborn-urgent", "safety-net-newborn-gp", "safety-net-changes", "safety-net-route"],
    "after-a-burn": ["safety-net-changes", "safety-net-route"],
}


def open_less_likely_by_keyboard(page):
    """Tab to the closed "Less likely" summary and open it with Enter, as a keyboard user would."""
    details = page.locator("details#less-likely")
    assert details.get_attribute("open") is None, "less likely starts closed"
    assert not details.locator(".identify-match").first.is_visible()
    tab_to(page, "details#less-likely > summary")
    page.keyboard.press("Enter")
    assert details.get_attribute("open") is not None
    assert details.locator(".identify-match").first.is_visible()


@pytest.mark.parametrize("javascript", [True, False], ids=["js-on", "js-off"])
@pytest.mark.parametrize("journey", list(JOURNEYS))
def test_the_whole_questionnaire_by_keyboard(new_page, journey, javascript):
    answers, expected = JOURNEYS[journey]
    page = new_page(PHONE, javascript=javascript)
    answer_by_keyboard(page, answers)
    best = page.locator("ol.identify-match-list:not(.identify-match-list--less) > .identify-match")
    assert [best.nth(i).get_attribute("data-slug") for i in range(best.count())] == [expected]  # short
    assert page.locator(".identify-flag").count() == 0
    main = page.locator("main").inner_text()
    assert "This is not a diagnosis" in main
    # The safety net, even with no red flag: when to get help, what would change it, the route.
    net = page.locator(".identify-safety-net [data-care-advice]")
    assert [net.nth(i).get_attribute("data-care-advice") for i in range(net.count())] == SAFETY_NET[journey]
    net_text = page.locator(".identify-safety-net").inner_text()
    assert "999" in net_text and "NHS 111" in net_text
    if journey == "after-a-burn":
        assert "you said: on the hands, after a burn or injury" in best.first.inner_text().lower()
        assert page.locator('[data-slug="syringoma"], [data-slug="medication-associated-milia"]').count() == 0
    else:
        assert "3 to 4 months" in net_text
        assert page.locator('[data-slug="epstein-pearls"], [data-slug="disease-associated-milia"]').count() == 0
    open_less_likely_by_keyboard(page)
    assert page.locator("#summary").is_visible()
    # The answers never reached the address bar.
    assert page.url.rstrip("/").endswith("/identify")
    assert page.console_errors == []
    violations = axe_violations(page) if javascript else axe_violations_without_js(page)
    assert violations == [], describe_violations(violations)  # with "less likely" open


@screenshots_only
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390", "1280"])
@pytest.mark.parametrize("journey", list(JOURNEYS))
def test_journey_result_screenshots(new_page, journey, viewport):
    page = new_page(viewport)
    answer_by_keyboard(page, JOURNEYS[journey][0])
    open_less_likely_by_keyboard(page)
    screenshot(page, f"identifier-{journey}-{viewport['width']}")


def test_change_an_answer_from_the_result(page):
    answer_by_keyboard(page, AFTER_A_BURN)
    tab_to(page, 'button[name="edit"][value="history"]')
    page.keyboard.press("Enter")
    page.wait_for_selector("h1:has-text('Did anything happen to the skin there before?')")
    assert page.locator("#history-burn_or_injury").is_checked()
    tab_to(page, "#history-burn_or_injury")
    page.keyboard.press("Space")  # untick: now nothing points at an injury
    tab_to(page, 'button[value="next"]')
    page.keyboard.press("Enter")
    page.wait_for_selector("text=Step 7 of 7")
    tab_to(page, 'button[value="next"]')
    page.keyboard.press("Enter")
    page.wait_for_selector("h1:has-text('Your results')")
    assert page.locator(".identify-match").first.get_attribute("data-slug") != "trauma-associated-milia"


def _sites_step(page):
    page.goto(page.base_url + "/identify/")
    page.click('button[value="start"]')
    page.click('button[value="next"]')
    page.wait_for_selector("h1:has-text('Where are they?')")


def _region_fill(page, view: str, code: str) -> str:
    return page.locator(f'.bodymap__view--{view} .bodymap__region[data-site="{code}"] .bodymap__shape').first.evaluate(
        "el => getComputedStyle(el).fill"
    )


@pytest.mark.parametrize("javascript", [True, False], ids=["js-on", "js-off"])
def test_the_body_map_selects_sites_by_click(new_page, javascript):
    page = new_page(PHONE, javascript=javascript)
    _sites_step(page)
    for view, code in (("face", "nose"), ("front", "chest_back"), ("back", "neck")):
        region = page.locator(f'.bodymap__view--{view} .bodymap__region[data-site="{code}"] .bodymap__hit').first
        region.click()
        assert page.locator(f"#sites-{code}").is_checked(), code
    # A second click unticks.
    page.locator('.bodymap__view--face .bodymap__region[data-site="nose"] .bodymap__hit').click()
    assert not page.locator("#sites-nose").is_checked()
    # The same site on the other view is the same checkbox.
    assert page.locator('.bodymap__view--back .bodymap__region[data-site="chest_back"]').count() == 1
    page.click('button[value="next"]')
    page.click('button[value="back"]')
    assert page.locator("#sites-chest_back").is_checked() and page.locator("#sites-neck").is_checked()


def test_the_body_map_selects_sites_by_keyboard(page):
    _sites_step(page)
    unticked = _region_fill(page, "face", "ears")
    tab_to(page, "#sites-ears")
    focused = page.locator('.bodymap__view--face .bodymap__region[data-site="ears"] .bodymap__shape').evaluate(
        "el => getComputedStyle(el).strokeDasharray"
    )
    assert focused not in ("none", ""), "the focused site is outlined on the map"
    page.keyboard.press("Space")
    assert page.locator("#sites-ears").is_checked()
    assert _region_fill(page, "face", "ears") != unticked, "the ticked site is filled on the map"
    page.keyboard.press("Space")
    assert not page.locator("#sites-ears").is_checked()
    assert _region_fill(page, "face", "ears") == unticked


def test_body_map_targets_are_at_least_24_px(new_page):
    for viewport in (PHONE, DESKTOP):
        page = new_page(viewport)
        _sites_step(page)
        for hit in page.locator(".bodymap__hit").all():
            box = hit.bounding_box()
            width = float(hit.evaluate("el => el.getBoundingClientRect().width"))
            assert box and min(box["width"], box["height"]) >= 24, (viewport, hit.evaluate("el => el.closest('label').dataset.site"), box, width)


def test_no_accessibility_violations_on_any_step_or_the_result(page):
    answer_by_keyboard(page, NEWBORN_NOSE, check_accessibility=True)
    assert_no_violations(page, "result")
    red_flag = {**AFTER_A_BURN, "symptoms": ["bleeding"]}
    answer_by_keyboard(page, red_flag)
    assert page.locator(".identify-flag").count() == 1
    assert_no_violations(page, "result with a red flag")


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390", "1280"])
def test_result_and_printable_summary_screenshots(new_page, viewport):
    page = new_page(viewport)
    answer_by_keyboard(page, {**NEWBORN_NOSE, "symptoms": ["unwell"]})
    assert page.locator(".identify-flag").first.get_attribute("data-care") == "urgent"
    # Red flags come first, before the matches.
    flag_top = page.locator(".identify-flag").first.bounding_box()["y"]
    match_top = page.locator(".identify-match").first.bounding_box()["y"]
    assert flag_top < match_top
    screenshot(page, f"identifier-result-{viewport['width']}")
    page.emulate_media(media="print")
    assert page.locator("#summary").is_visible()
    assert not page.locator(".identify-match__picture").first.is_visible()
    assert not page.locator(".identify-summary__change").first.is_visible()
    screenshot(page, f"identifier-print-{viewport['width']}")
    page.emulate_media(media="screen")


def test_the_server_log_holds_no_answers(page):
    answer_by_keyboard(page, AFTER_A_BURN)
    port = page.base_url.rsplit(":", 1)[1]
    logs = [
        p for p in Path(tempfile.gettempdir()).glob("cerobio-e2e-*/server.log")
        if f"127.0.0.1:{port}/" in p.read_text(errors="replace")
    ]
    assert logs, "the test server's log was found"
    text = logs[0].read_text(errors="replace")
    assert re.search(r'"POST /identify/ HTTP/1\.1" 200', text)
    for secret in ("burn_or_injury", "white_dome", "hands", "adult"):
        assert secret not in text, f"{secret} is in the server log"
