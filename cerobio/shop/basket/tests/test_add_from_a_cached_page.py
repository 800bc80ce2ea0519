"""The product page is cached and shared, so its "Add to basket" form has no CSRF token.

Adding is accepted when the browser says the form came from this site (Origin, or Referer without
it); everything else about the basket still needs Django's CSRF token.
"""

import pytest
from django.test import Client

from cerobio.shop.conftest import SKU

pytestmark = pytest.mark.usefixtures("shop")


@pytest.fixture
def browser():
    """A client that enforces CSRF checks as a real browser session would."""
    return Client(enforce_csrf_checks=True)


def test_the_product_page_form_has_no_token_and_adding_from_it_works(browser):
    page = browser.get("/shop/cerobio-exfoliating-kit/")
    assert b"csrfmiddlewaretoken" not in page.content
    response = browser.post(
        "/basket/",
        {"action": "add", "sku": SKU, "quantity": "1"},
        headers={"Origin": "http://testserver"},
    )
    assert response.status_code == 302
    assert "Standard kit" in browser.get("/basket/").content.decode()


def test_an_old_browser_without_origin_is_judged_by_its_referer(browser):
    ok = browser.post(
        "/basket/", {"action": "add", "sku": SKU}, headers={"Referer": "http://testserver/shop/"}
    )
    assert ok.status_code == 302


def test_another_site_cannot_fill_a_basket(browser):
    for headers in (
        {"Origin": "https://evil.example"},
        {"Referer": "https://evil.example/page"},
        {"Origin": "null"},
    ):
        response = browser.post("/basket/", {"action": "add", "sku": SKU}, headers=headers)
        assert response.status_code == 403, headers
    assert "cerobio_basket" not in browser.cookies


def test_an_add_that_says_nothing_about_its_origin_needs_the_token(browser):
    assert browser.post("/basket/", {"action": "add", "sku": SKU}).status_code == 403


def test_changing_or_emptying_a_basket_still_needs_the_token(browser):
    browser.post("/basket/", {"action": "add", "sku": SKU}, headers={"Origin": "http://testserver"})
    page = browser.get("/basket/").content.decode()
    assert "csrfmiddlewaretoken" in page, "the basket page is private, so it keeps its token"
    for action in ("update", "remove", "unfreeze"):
        response = browser.post(
            "/basket/",
            {"action": action, "line": "1", "quantity": "0"},
            headers={"Origin": "http://testserver"},
        )
        assert response.status_code == 403, action
