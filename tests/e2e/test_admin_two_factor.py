"""Staff sign in to the admin with a password and an authenticator app: by keyboard, accessible, no JS needed."""

import uuid

from .conftest import (
    DESKTOP,
    PHONE,
    axe_violations,
    create_admin_user,
    describe_violations,
    screenshot,
    sign_in_to_admin,
    totp_code,
)

PASSWORD = "e2e-pw-123456-long"


def assert_accessible(page):
    violations = axe_violations(page)
    assert violations == [], describe_violations(violations)


def script_errors(page) -> list:
    """Console errors, apart from Chromium noting the 400 status of a page re-shown with a form error."""
    return [e for e in page.console_errors if "status of 400" not in e]


def tab_to(page, selector: str, limit: int = 60):
    """Press Tab until `selector` has the focus (proves it is reachable by keyboard)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(
            "s => document.activeElement && document.activeElement.matches(s)", selector
        ):
            return
    raise AssertionError(f"{selector} is not reachable with the Tab key")


def test_first_sign_in_enrols_an_authenticator_app_by_keyboard(new_page):
    username = f"staff-{uuid.uuid4().hex[:8]}"
    create_admin_user(username, PASSWORD)
    page = new_page(PHONE)
    page.goto(page.base_url + "/admin/")
    page.wait_for_url("**/admin/login/**")
    tab_to(page, "#id_username")
    page.keyboard.type(username)
    page.keyboard.press("Tab")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")

    # The password alone lands on enrolment: QR code as SVG and the key to type by hand.
    page.wait_for_url("**/admin/two-factor/enrol/**")
    assert page.locator("svg.twofactor-qr[role=img]").count() == 1
    secret = page.locator("#twofactor-secret").inner_text()
    assert_accessible(page)
    screenshot(page, "admin-2fa-enrol-390")
    tab_to(page, "#id_code")
    page.keyboard.type("12")
    page.keyboard.press("Enter")
    page.wait_for_load_state()
    assert "numbers only" in page.get_by_role("alert").inner_text()
    assert page.evaluate("document.activeElement.id") == "id_code"  # back in the field to try again
    assert_accessible(page)
    screenshot(page, "admin-2fa-enrol-error-390")
    page.keyboard.type(totp_code(secret))
    page.keyboard.press("Enter")

    page.get_by_role("heading", name="Save your backup codes").wait_for()
    assert page.locator(".twofactor-backup-codes li").count() == 10
    assert_accessible(page)
    screenshot(page, "admin-2fa-backup-codes-390")
    tab_to(page, "main a.button")
    page.keyboard.press("Enter")
    page.wait_for_url(page.base_url + "/admin/")
    assert "Dashboard" in page.title()
    assert script_errors(page) == []


def test_signing_in_again_asks_for_a_code_and_the_page_is_accessible(new_page):
    username = f"staff-{uuid.uuid4().hex[:8]}"
    create_admin_user(username, PASSWORD)
    page = new_page(DESKTOP)
    sign_in_to_admin(page, username, PASSWORD)  # enrols
    page.context.clear_cookies()

    page.goto(page.base_url + "/admin/pages/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/admin/two-factor/verify/**")
    assert page.evaluate("document.activeElement.id") == "id_code"
    assert_accessible(page)
    screenshot(page, "admin-2fa-verify-1280")
    page.get_by_role("button", name="Use backup code").click()  # empty: a clear error, announced
    assert "Enter one of your backup codes" in page.get_by_role("alert").inner_text()
    assert_accessible(page)
    page.get_by_label("6-digit code from your authenticator app").fill(
        totp_code_next_step(username)
    )
    page.get_by_role("button", name="Verify").click()
    page.wait_for_url(page.base_url + "/admin/pages/")
    assert script_errors(page) == []


def totp_code_next_step(username: str) -> str:
    """The code for the next 30-second step (accepted; the current one was just used to enrol)."""
    from base64 import b32decode

    from django_otp.oath import totp

    from .conftest import ADMIN_SECOND_FACTORS

    secret = ADMIN_SECOND_FACTORS[username]["secret"].replace(" ", "")
    return f"{totp(b32decode(secret + '=' * (-len(secret) % 8)), drift=1):06d}"


def test_the_whole_sign_in_works_without_javascript(new_page):
    username = f"staff-{uuid.uuid4().hex[:8]}"
    create_admin_user(username, PASSWORD)
    page = new_page(PHONE, javascript=False)
    sign_in_to_admin(page, username, PASSWORD)
    assert page.url == page.base_url + "/admin/"
    page.context.clear_cookies()
    sign_in_to_admin(page, username, PASSWORD)  # second time: a backup code
    assert page.url == page.base_url + "/admin/"
