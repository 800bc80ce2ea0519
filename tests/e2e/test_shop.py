"""Buying the kit by keyboard alone, with JavaScript on and off, on a phone and a desktop.

Product page → basket → checkout → test card → confirmation → the order page (the confirmation
page links to the same /orders/<token>/ address as the email, which the unit tests check).
axe-core runs on every step; screenshots of each step are saved at both widths.
"""

import re

import pytest

from .conftest import (
    DESKTOP,
    PHONE,
    axe_violations,
    axe_violations_without_js,
    describe_violations,
    screenshot,
)

PRODUCT = "/shop/cerobio-exfoliating-kit/"
# axe-core runs on every step of every journey; with JavaScript off it checks the no-JS page as
# the reader has it (replayed without its scripts, see axe_violations_without_js).
JOURNEYS = [(PHONE, True, "390"), (DESKTOP, True, "1280"), (PHONE, False, "")]


def tab_to(page, selector: str, limit: int = 200):
    """Press Tab until the focused element matches `selector`, as a keyboard user would."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement && document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Could not reach {selector} with the Tab key")


def type_into(page, selector: str, text: str):
    tab_to(page, selector)
    page.keyboard.press("Control+A")
    page.keyboard.type(text)


def check_accessible(page, step: str):
    violations = axe_violations(page) if page.context_javascript else axe_violations_without_js(page)
    assert violations == [], f"{step}: " + describe_violations(violations)


def snap(page, step: str, width: str):
    if width:
        screenshot(page, f"shop-{step}-{width}")


def add_kit_to_basket(page):
    page.goto(page.base_url + PRODUCT)
    tab_to(page, "form.buy-box button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_url(page.base_url + "/basket/")


def fill_checkout(page, card: str):
    type_into(page, "#email", "keyboard.buyer@example.com")
    type_into(page, "#name", "Kay Board")
    type_into(page, "#line1", "10 Downing Street")
    type_into(page, "#city", "London")
    type_into(page, "#postcode", "sw1a 2aa")
    tab_to(page, "#accept_terms")
    page.keyboard.press("Space")
    type_into(page, "#card_number", card)
    type_into(page, "#card_expiry", "12/34")
    type_into(page, "#card_cvc", "123")
    type_into(page, "#card_name", "Kay Board")
    tab_to(page, "button.checkout__pay")
    page.keyboard.press("Enter")


@pytest.mark.parametrize(("viewport", "javascript", "width"), JOURNEYS, ids=["phone-js", "desktop-js", "phone-no-js"])
def test_keyboard_purchase_from_product_page_to_order_page(new_page, viewport, javascript, width):
    page = new_page(viewport, javascript=javascript)
    page.context_javascript = javascript
    page.goto(page.base_url + PRODUCT)
    assert "test mode" in page.inner_text("main").lower()
    check_accessible(page, "product")
    snap(page, "product", width)

    add_kit_to_basket(page)
    assert "Standard kit" in page.inner_text("main")
    check_accessible(page, "basket")
    snap(page, "basket", width)

    tab_to(page, 'main a[href="/checkout/"]')
    page.keyboard.press("Enter")
    page.wait_for_url(page.base_url + "/checkout/")
    assert "Includes VAT at 20%" in page.inner_text("main")
    check_accessible(page, "checkout")
    snap(page, "checkout", width)

    fill_checkout(page, "4242 4242 4242 4242")
    page.wait_for_url(re.compile(r".*/checkout/complete/[\w-]+/$"))
    main = page.inner_text("main")
    assert "Thank you, your order is confirmed" in main
    number = re.search(r"CRB-\d{6}", main).group(0)
    check_accessible(page, "confirmation")
    snap(page, "confirmation", width)

    order_link = page.get_attribute("main a.button[href^='/orders/']", "href")
    tab_to(page, "main a.button[href^='/orders/']")
    page.keyboard.press("Enter")
    page.wait_for_url(page.base_url + order_link)
    assert number in page.inner_text("h1") and "getting it ready to send" in page.inner_text("main")
    check_accessible(page, "order page")
    snap(page, "order", width)
    assert page.console_errors == []


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_declined_card_shows_a_clear_message_and_keeps_the_basket(new_page, javascript):
    page = new_page(PHONE, javascript=javascript)
    page.context_javascript = javascript
    add_kit_to_basket(page)
    page.goto(page.base_url + "/checkout/")
    fill_checkout(page, "4000 0000 0000 0002")
    page.wait_for_selector(".error-summary")
    assert "Your card was declined. No money was taken." in page.inner_text(".error-summary")
    check_accessible(page, "declined")
    if javascript:
        screenshot(page, "shop-declined-390")
    page.goto(page.base_url + "/basket/")
    assert "Standard kit" in page.inner_text("main")


def test_header_shows_the_basket_count(new_page):
    page = new_page(DESKTOP)
    add_kit_to_basket(page)
    page.goto(page.base_url + "/")
    if page.locator(".mini-basket").count():
        assert page.inner_text(".mini-basket__count").startswith("1")


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_changing_the_country_changes_the_delivery_options(new_page, javascript):
    """With JavaScript the options follow the country at once; without it, through the button."""
    page = new_page(PHONE, javascript=javascript)
    page.context_javascript = javascript
    add_kit_to_basket(page)
    page.goto(page.base_url + "/checkout/")
    type_into(page, "#email", "country.change@example.com")
    type_into(page, "#city", "Paris")
    assert "UK standard" in page.inner_text("#checkout-delivery")
    button = page.get_by_role("button", name="Update delivery options")
    assert button.is_visible() is not javascript  # with JavaScript there is nothing to press
    tab_to(page, "#country")
    page.select_option("#country", "FR")  # as a keyboard user picks from the list
    if javascript:
        page.get_by_role("status").filter(has_text="France").wait_for()
    else:
        assert "UK standard" in page.inner_text("#checkout-delivery")  # nothing happens by itself
        tab_to(page, "button.checkout-country__update")
        with page.expect_navigation():
            page.keyboard.press("Enter")
    delivery = page.inner_text("#checkout-delivery")
    assert "Europe tracked" in delivery and "UK standard" not in delivery
    summary = page.inner_text("#checkout-summary")
    assert "Europe tracked" in summary and "£38.95" in summary
    assert "£38.95" in page.inner_text("#checkout-pay")
    # What was typed is still there, as typed.
    assert page.input_value("#email") == "country.change@example.com" and page.input_value("#city") == "Paris"
    check_accessible(page, "checkout, France")
    assert page.console_errors == []
