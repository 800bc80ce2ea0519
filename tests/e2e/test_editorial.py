"""Trust pages, the contact form and page feedback: accessible on a phone and a desktop, keyboard reachable."""

import pytest

from .conftest import (
    DESKTOP,
    MAKING_SCREENSHOTS,
    PHONE,
    axe_violations,
    describe_violations,
    screenshot,
)

TRUST_PAGES = ["/about/", "/accessibility/", "/privacy/", "/cookies/", "/terms/", "/delivery/", "/returns/", "/contact/"]
VIEWPORTS = [PHONE, DESKTOP]
VIEWPORT_IDS = ["phone", "desktop"]


def assert_accessible(page):
    violations = axe_violations(page)
    assert violations == [], describe_violations(violations)


def name_of(path: str) -> str:
    return path.strip("/")


@pytest.mark.parametrize("viewport", VIEWPORTS, ids=VIEWPORT_IDS)
@pytest.mark.parametrize("path", TRUST_PAGES)
def test_trust_pages_have_no_accessibility_violations(new_page, viewport, path):
    page = new_page(viewport)
    response = page.goto(page.base_url + path)
    assert response.status == 200
    assert page.locator("h1").count() == 1
    assert_accessible(page)
    assert page.console_errors == []
    screenshot(page, f"trust-{name_of(path)}-{viewport['width']}")


@pytest.mark.parametrize("start", ["/", "/types/milia-en-plaque/", "/privacy/"])
def test_every_footer_page_is_reachable_by_keyboard(new_page, start):
    page = new_page(DESKTOP)
    page.goto(page.base_url + start)
    reached = set()
    for _ in range(400):
        page.keyboard.press("Tab")
        href = page.evaluate("() => document.activeElement && document.activeElement.getAttribute('href')")
        if href in TRUST_PAGES and page.evaluate("() => !!document.activeElement.closest('footer')"):
            reached.add(href)
            visible = page.evaluate(
                "() => { const s = getComputedStyle(document.activeElement);"
                " return s.outlineStyle !== 'none' || s.boxShadow !== 'none' || s.backgroundColor !== 'rgba(0, 0, 0, 0)'; }"
            )
            assert visible, f"no visible focus on {href}"
        if reached == set(TRUST_PAGES):
            break
    assert reached == set(TRUST_PAGES), sorted(set(TRUST_PAGES) - reached)
    # Enter on the focused footer link opens the page.
    page.keyboard.press("Enter")
    page.wait_for_url(page.base_url + "/contact/")


@pytest.mark.parametrize("viewport", VIEWPORTS, ids=VIEWPORT_IDS)
def test_contact_form_errors_and_success_are_accessible(new_page, viewport):
    page = new_page(viewport)
    page.goto(page.base_url + "/contact/")
    page.get_by_role("button", name="Send message").click()
    page.wait_for_load_state()
    summary = page.locator(".form-error-summary")
    assert summary.is_visible()
    for message in ("Enter your name", "Enter your email address", "Choose what your message is about", "Enter your message"):
        assert page.get_by_text(message).first.is_visible(), message
    assert_accessible(page)
    screenshot(page, f"contact-errors-{viewport['width']}")
    # The error summary links take the reader to the field.
    summary.get_by_role("link", name="Enter your name").click()
    assert page.evaluate("document.activeElement.id") == "id_name"

    page.get_by_label("Your name").fill("Jo Bloggs")
    page.get_by_label("Your email address").fill("jo@example.org")
    page.get_by_label("A question or correction about the guide").check()
    page.get_by_label("Your message").fill("Please add more photos of milia on darker skin.")
    page.get_by_role("button", name="Send message").click()
    page.wait_for_url("**/contact/?sent=1*")
    assert page.get_by_role("heading", name="Message sent").is_visible()
    assert_accessible(page)
    screenshot(page, f"contact-sent-{viewport['width']}")
    assert page.console_errors == []


@pytest.mark.parametrize("viewport", VIEWPORTS, ids=VIEWPORT_IDS)
def test_page_feedback_works_without_javascript_and_is_accessible(new_page, viewport):
    page = new_page(viewport, javascript=False)
    page.goto(page.base_url + "/newborn-milia/")
    feedback = page.locator("#feedback")
    feedback.scroll_into_view_if_needed()
    feedback.get_by_label("No").check()
    feedback.get_by_label("How could we improve this page? (optional)").fill("A photo of a baby's nose would help.")
    feedback.get_by_role("button", name="Send feedback").click()
    page.wait_for_url("**/newborn-milia/?feedback=thanks*")
    assert page.get_by_role("heading", name="Thank you for your feedback").is_visible()
    screenshot(page, f"feedback-thanks-{viewport['width']}")

    with_js = new_page(viewport)
    with_js.goto(with_js.base_url + "/newborn-milia/")
    with_js.locator("#feedback").scroll_into_view_if_needed()
    assert_accessible(with_js)
    if MAKING_SCREENSHOTS:
        with_js.locator("#feedback").screenshot(path=str(_artifact(f"feedback-form-{viewport['width']}")))
    # Sending nothing explains what to do, on an accessible page.
    with_js.locator("#feedback").get_by_role("button", name="Send feedback").click()
    with_js.wait_for_load_state()
    assert with_js.get_by_text("Choose yes or no").first.is_visible()
    assert_accessible(with_js)
    screenshot(with_js, f"feedback-problem-{viewport['width']}")


def _artifact(name):
    from .conftest import ARTIFACTS

    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS / f"{name}.png"
