"""Shop staff's daily round in the admin, in Chromium at 1280 px: find orders by postcode and by SKU,
refund one item of three, record a return after dispatch, print three packing slips at once and
dispatch two at once. The staff member is made with `manage.py create_staff --role shop`.

axe-core runs on each admin page the shop owns; screenshots of the order page after each journey
(and of the other pages) go to test-artifacts/back-office-*.png.
"""

import json
import re
import urllib.request

import pytest

from .conftest import (
    DESKTOP,
    axe_violations,
    describe_violations,
    manage,
    screenshot,
    sign_in_to_admin,
)

CREAM, KIT = "CRB-CREAM-30", "CRB-KIT-STD"


def api(base: str, path: str, body: dict | None = None, key: str = "") -> dict:
    request = urllib.request.Request(base + path, data=json.dumps(body or {}).encode(), method="POST",
                                     headers={"Content-Type": "application/json", **({"Idempotency-Key": key} if key else {})})
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read() or b"{}")


def buy(base: str, items: dict[str, int], key: str, name: str, postcode: str, city: str = "London") -> str:
    """A paid order through the Store API, as a customer would place it; returns its number."""
    token = api(base, "/api/v1/baskets")["token"]
    for sku, quantity in items.items():
        api(base, f"/api/v1/baskets/{token}/lines", {"sku": sku, "quantity": quantity})
    order = api(base, f"/api/v1/baskets/{token}/checkout", {
        "email": f"{key}@example.com", "shipping_address": {"name": name, "line1": "1 High Street", "line2": "",
                                                            "city": city, "postcode": postcode, "country": "GB"},
        "shipping_method": "uk-standard", "accept_terms": True, "payment": {"method": "dummy", "card_number": "4242424242424242"},
    }, key=f"e2e-back-office-{key}")
    return order["order_number"]


@pytest.fixture(scope="module")
def staff(server_url):
    output = manage("create_staff", "sam.shop", "--role", "shop", "--email", "sam@cerobio.example")
    password = re.search(r"one-time password: (\S+)", output).group(1)
    orders = {
        "one-of-three": buy(server_url, {CREAM: 3}, "three", "Tess Three", "EH1 1YZ", "Edinburgh"),
        "to-return": buy(server_url, {CREAM: 2}, "returner", "Rita Return", "LS2 7HY", "Leeds"),
        "a": buy(server_url, {KIT: 1}, "bulk-a", "Alma Bulk", "BS1 4DJ", "Bristol"),
        "b": buy(server_url, {KIT: 1, CREAM: 1}, "bulk-b", "Ben Bulk", "M1 1AE", "Manchester"),
    }
    return {"username": "sam.shop", "password": password, "orders": orders}


@pytest.fixture(scope="module")
def admin(browser, server_url, staff):
    """One signed-in staff member's browser at 1280 px, kept for the whole round (as at work)."""
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.base_url = server_url
    sign_in_to_admin(page, staff["username"], staff["password"])
    yield page
    context.close()


def accessible(page, name: str):
    # Wagtail's messages fade in: axe measures colours mid-fade as low contrast, so let them finish.
    # (wait_for_function would evaluate a string, which the admin's script policy forbids)
    for _ in range(50):
        if page.evaluate("document.getAnimations().every(a => a.playState !== 'running')"):
            break
        page.wait_for_timeout(100)
    violations = axe_violations(page)
    assert violations == [], f"{name}: " + describe_violations(violations)
    screenshot(page, f"back-office-{name}-1280")


def find(page, query: str):
    page.goto(page.base_url + "/admin/shop/orders/")
    page.get_by_label("Number, email, name, postcode or SKU").fill(query)
    page.get_by_role("button", name="Filter").click()
    page.wait_for_load_state()


def open_order(page, number: str):
    find(page, number)
    page.get_by_role("link", name=number, exact=True).click()
    page.wait_for_url("**/admin/shop/orders/*/")


def test_find_an_order_by_postcode_and_by_sku(admin, staff):
    numbers = staff["orders"]
    find(admin, "ls27hy")
    rows = admin.locator("table.listing tbody tr")
    assert rows.count() == 1 and numbers["to-return"] in rows.inner_text()
    accessible(admin, "order-list-postcode")
    find(admin, KIT)
    listed = admin.locator("table.listing tbody").inner_text()
    assert numbers["a"] in listed and numbers["b"] in listed and numbers["one-of-three"] not in listed
    accessible(admin, "order-list-sku")


def test_refund_one_item_of_three(admin, staff):
    number = staff["orders"]["one-of-three"]
    open_order(admin, number)
    accessible(admin, "order-before-refund")
    admin.get_by_role("link", name="Refund items or an amount").click()
    admin.wait_for_url("**/refund/")
    assert admin.get_by_label(f"Units to refund: {CREAM}").input_value() == ""  # never pre-filled
    accessible(admin, "refund-form")
    admin.get_by_label(f"Units to refund: {CREAM}").fill("1")
    admin.get_by_label(f"Put back on sale: {CREAM}").fill("1")
    admin.get_by_label("Reason").fill("One jar arrived cracked")
    admin.get_by_role("button", name="Show the refund summary").click()
    admin.get_by_role("heading", name="Check the refund before it is sent").wait_for()
    assert "Nothing has been refunded yet" in admin.locator("main").inner_text()
    accessible(admin, "refund-summary")
    admin.get_by_role("button", name="Refund £19.00 now").click()
    admin.wait_for_url("**/admin/shop/orders/*/")
    body = admin.locator("main").inner_text()
    assert "£19.00 was refunded" in body and "Partly refunded" in body and "dummy_refund_" in body
    accessible(admin, "order-after-refund")


def test_return_an_item_after_dispatch(admin, staff):
    number = staff["orders"]["to-return"]
    open_order(admin, number)
    admin.get_by_label("Carrier").select_option("Royal Mail")
    admin.get_by_label("Tracking number").fill("RM123456785GB")
    admin.get_by_role("button", name="Mark dispatched and email the customer").click()
    admin.wait_for_url("**/admin/shop/orders/*/")
    assert "royalmail.com" in admin.locator("main a", has_text="tracking link").get_attribute("href")
    admin.get_by_role("link", name="Record returned items and refund them").click()
    admin.wait_for_url("**/return/")
    accessible(admin, "return-form")
    admin.get_by_label(f"Returned, back on sale: {CREAM}").fill("1")
    admin.get_by_label(f"Returned, written off: {CREAM}").fill("1")
    admin.get_by_label("Reason").fill("Changed her mind; one jar opened")
    admin.get_by_role("button", name="Show the refund summary").click()
    admin.get_by_role("heading", name="Check the refund before it is sent").wait_for()
    accessible(admin, "return-summary")
    admin.get_by_role("button", name=re.compile(r"Refund £\d+\.\d\d now")).click()
    admin.wait_for_url("**/admin/shop/orders/*/")
    body = admin.locator("main").inner_text()
    assert f"1 × {CREAM} back on sale" in body and f"1 × {CREAM} written off" in body
    accessible(admin, "order-after-return")


def test_print_three_packing_slips_and_dispatch_two_at_once(admin, staff):
    numbers = staff["orders"]
    admin.goto(admin.base_url + "/admin/shop/orders/?status=paid")
    for key in ("one-of-three", "a", "b"):
        admin.get_by_label(f"Choose order {numbers[key]}").check()
    with admin.expect_popup() as popup:
        admin.get_by_role("button", name="Print packing slips").click()
    slips = popup.value
    slips.wait_for_load_state()
    assert slips.locator("section.slip").count() == 3
    accessible(slips, "packing-slips")

    admin.get_by_label(f"Choose order {numbers['one-of-three']}").uncheck()
    admin.get_by_role("button", name="Mark dispatched…").click()
    admin.wait_for_url("**/admin/shop/orders/dispatch/**")
    accessible(admin, "bulk-dispatch")
    admin.get_by_label("Carrier").select_option("DPD")
    admin.get_by_label(f"Tracking number for {numbers['a']}").fill("15501234567890")
    admin.get_by_label(f"Tracking number for {numbers['b']}").fill("15501234567891")
    admin.get_by_role("button", name="Mark 2 orders dispatched and email the customers").click()
    admin.wait_for_url("**/admin/shop/orders/")
    assert "2 orders are marked dispatched" in admin.locator("body").inner_text()
    open_order(admin, numbers["b"])
    assert "Dispatched" in admin.locator("main h2").first.inner_text()
    accessible(admin, "order-after-bulk-dispatch")


def test_stock_page_and_dashboard_are_accessible(admin):
    admin.goto(admin.base_url + "/admin/shop/stock/?reason=returned")
    assert "Returned to stock" in admin.locator("table.listing").last.inner_text()
    accessible(admin, "stock")
    admin.goto(admin.base_url + "/admin/")
    assert admin.get_by_role("heading", name="Shop: orders to pack").is_visible()
    accessible(admin, "dashboard")
