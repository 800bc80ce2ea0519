"""The error pages a visitor can meet, in a real browser with DEBUG off: page not found (404), too
many requests (429), the CSRF failure page (403), a bug (500) and the database out of reach (503).
Each is in the site's colours with its name, says what happened and what to do next, passes axe-core
and is saved as a screenshot in test-artifacts/errors/ at phone and desktop widths.

A second server runs the test settings with tests/e2e/error_urls.py, which adds a page that breaks
and one that loses the database, and allows two searches per address (tests/e2e/error_settings.py).
"""

from pathlib import Path

import pytest

from .conftest import (
    DESKTOP,
    PHONE,
    SERVER_ENV,
    axe_violations,
    describe_violations,
    screenshot,
    serve,
)

BRAND_TEAL = "rgb(0, 80, 95)"  # --colour-primary, the header band on every page
DEBUG_PAGE_SIGNS = ("Traceback", "DEBUG = True", "technical details", "Request Method:")


@pytest.fixture(scope="module")
def error_server_url(server_url, tmp_path_factory):
    env = {**SERVER_ENV, "DJANGO_SETTINGS_MODULE": "tests.e2e.error_settings"}
    yield from serve(env, Path(tmp_path_factory.mktemp("errors")) / "server.log")


def check_error_page(page, response, status: int, heading: str, name: str, next_step: str):
    """What every error page must do, and a screenshot of it."""
    assert response.status == status, (name, response.status)
    html = page.content()
    assert not [sign for sign in DEBUG_PAGE_SIGNS if sign in html], name
    assert page.locator("h1").inner_text().strip() == heading
    # Branded: the teal header band with the Cerobio name, linking home.
    header = page.locator("header").first
    assert header.evaluate("h => getComputedStyle(h).backgroundColor") == BRAND_TEAL, name
    assert header.get_by_role("link", name="Cerobio").get_attribute("href") == "/"
    # What to do next: a way on from here.
    assert page.get_by_role("link", name=next_step).first.is_visible(), (name, next_step)
    violations = axe_violations(page)
    assert violations == [], f"{name}: {describe_violations(violations)}"
    screenshot(page, f"errors/{name}-{page.viewport_size['width']}")


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_page_not_found(new_page, error_server_url, viewport):
    page = new_page(viewport)
    response = page.goto(error_server_url + "/no-such-page/")
    check_error_page(page, response, 404, "Page not found", "404", "Identify your bumps")
    page.get_by_label("Search the guide").fill("milk spots")
    with page.expect_navigation():
        page.get_by_label("Search the guide").press("Enter")
    assert "/search/?q=milk+spots" in page.url


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_server_error(new_page, error_server_url, viewport):
    page = new_page(viewport)
    response = page.goto(error_server_url + "/broken/")
    check_error_page(
        page, response, 500, "Sorry, there is a problem with the service", "500", "Go to the Cerobio home page"
    )
    assert "try again" in page.locator("main").inner_text()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_database_out_of_reach(new_page, error_server_url, viewport):
    page = new_page(viewport)
    response = page.goto(error_server_url + "/database-gone/")
    check_error_page(
        page, response, 503, "Sorry, the site is not working right now", "503", "Try the Cerobio home page again"
    )
    assert response.headers["retry-after"].isdigit()
    assert "order confirmation email" in page.locator("main").inner_text()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_too_many_requests(new_page, error_server_url, viewport):
    page = new_page(viewport)
    # Each browser context here shares one address, so earlier searches may already count.
    for _ in range(3):
        response = page.goto(error_server_url + "/search/?q=milia")
        if response.status == 429:
            break
    check_error_page(page, response, 429, "Please wait before searching again", "429", "Go back to the page")
    assert int(response.headers["retry-after"]) > 0
    assert "try again in" in page.locator("main").inner_text().lower()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_a_form_sent_without_its_security_check(new_page, error_server_url, viewport):
    page = new_page(viewport)
    page.goto(error_server_url + "/contact/")
    form = page.locator("#contact-form form")
    form.get_by_label("Your name").fill("Ada")
    form.get_by_label("Your email address").fill("ada@example.org")
    form.get_by_label("Your message").fill("Hello")
    page.context.clear_cookies()  # as when cookies are blocked, or the page was left open for days
    with page.expect_response(lambda r: r.request.method == "POST") as answer:
        form.get_by_role("button", name="Send message").click()
    check_error_page(page, answer.value, 403, "Your form was not sent", "csrf", "Go back to the page")
    with page.expect_navigation():
        page.get_by_role("link", name="Go back to the page").click()
    assert page.url.endswith("/contact/")
