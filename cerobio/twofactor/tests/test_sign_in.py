"""Signing in to the admin takes a password and then a code: enrolment, verification, backup codes."""

import re

import pytest
from django.test import Client
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import Page

from cerobio.twofactor.actions import secret_for_display

from .codes import current_code
from .conftest import final_path, password_sign_in

pytestmark = pytest.mark.django_db

ADMIN_PAGES = ["/admin/", "/admin/pages/", "/admin/users/", "/admin/account/", "/django-admin/"]


def test_a_password_alone_does_not_open_the_admin(client, staff):
    landed = password_sign_in(client, next_url="/admin/pages/")
    assert final_path(landed) == "/admin/two-factor/enrol/?next=%2Fadmin%2Fpages%2F"
    assert "Set up two-factor authentication" in landed.content.decode()
    for url in ADMIN_PAGES:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/admin/two-factor/enrol/?next="), url


def test_someone_already_enrolled_is_asked_for_a_code_not_a_new_app(client, enrolled):
    landed = password_sign_in(client)
    assert final_path(landed) == "/admin/two-factor/verify/?next=%2Fadmin%2F"
    assert client.get("/admin/two-factor/enrol/")["Location"].startswith(
        "/admin/two-factor/verify/"
    )
    for url in ADMIN_PAGES:
        assert client.get(url)["Location"].startswith("/admin/two-factor/verify/?next="), url


def test_scripts_get_a_403_with_a_code_instead_of_a_redirect(client, enrolled):
    password_sign_in(client)
    for response in (
        client.get("/admin/api/main/pages/"),
        client.get("/admin/pages/search/", headers={"x-requested-with": "XMLHttpRequest"}),
        client.get("/admin/pages/", headers={"accept": "application/json"}),
    ):
        assert response.status_code == 403
        assert response.json()["code"] == "two_factor_required"


def test_changes_posted_before_the_code_are_not_made(client, demo, enrolled):
    page = Page.objects.get(slug="what-is-milia")
    password_sign_in(client)
    response = client.post(f"/admin/pages/{page.pk}/delete/")
    assert response.status_code == 302 and response["Location"].startswith(
        "/admin/two-factor/verify/"
    )
    assert Page.objects.filter(pk=page.pk).exists()


def test_signing_out_and_the_login_page_stay_open(client, enrolled):
    password_sign_in(client)
    # Wagtail sends a signed-in user on from the login page; then we ask for the code.
    assert client.get("/admin/login/").status_code == 302
    assert client.get("/admin/jsi18n/").status_code == 200
    client.post("/admin/logout/")
    assert client.get("/admin/")["Location"].startswith("/admin/login/")


def test_enrolment_shows_a_qr_code_and_the_key_to_type(client, staff):
    password_sign_in(client)
    html = client.get("/admin/two-factor/enrol/").content.decode()
    device = TOTPDevice.objects.get(user=staff, confirmed=False)
    svg = re.search(r"<svg[^>]*>.*?</svg>", html, re.S).group(0)
    assert 'role="img"' in svg and "aria-label=" in svg and "<path" in svg
    assert "<script" not in html.split("<main", 1)[1], "the enrolment works without JavaScript"
    assert not re.search(r"<img[^>]+src=\"https?://", html), "no third-party QR service"
    assert secret_for_display(device) in html
    assert 'autocomplete="one-time-code"' in html and 'inputmode="numeric"' in html
    assert (
        '<label class="w-field__label" for="id_code">6-digit code from your authenticator app</label>'
        in html
    )
    # Reloading the page keeps the same key, so the app the person already scanned still matches.
    assert secret_for_display(device) in client.get("/admin/two-factor/enrol/").content.decode()


def test_a_wrong_code_is_refused_with_a_clear_message(client, staff):
    password_sign_in(client)
    client.get("/admin/two-factor/enrol/")
    device = TOTPDevice.objects.get(user=staff)
    wrong = f"{(int(current_code(device)) + 1) % 1_000_000:06d}"
    response = client.post("/admin/two-factor/enrol/", {"code": wrong})
    html = response.content.decode()
    assert response.status_code == 400
    assert (
        "That code is not right" in html
        and 'role="alert"' in html
        and 'aria-invalid="true"' in html
    )
    assert "<title>Error: " in html
    letters = client.post("/admin/two-factor/enrol/", {"code": "abc"})
    assert letters.status_code == 400 and "numbers only" in letters.content.decode()
    assert not TOTPDevice.objects.get(user=staff).confirmed
    assert client.get("/admin/").status_code == 302


def test_the_right_code_turns_it_on_and_shows_ten_backup_codes_once(client, staff):
    password_sign_in(client, next_url="/admin/pages/")
    client.get("/admin/two-factor/enrol/?next=/admin/pages/")
    device = TOTPDevice.objects.get(user=staff)
    response = client.post(
        "/admin/two-factor/enrol/", {"code": current_code(device), "next": "/admin/pages/"}
    )
    html = response.content.decode()
    assert response.status_code == 200 and "Save your backup codes" in html
    shown = re.findall(r"<li><code>([a-z2-7]{4}) ([a-z2-7]{4})</code></li>", html)
    assert len(shown) == 10
    assert sorted(a + b for a, b in shown) == sorted(
        StaticToken.objects.filter(device__user=staff).values_list("token", flat=True)
    )
    assert 'href="/admin/pages/"' in html
    assert client.get("/admin/pages/").status_code == 200
    # Never shown again: the enrolment page now sends the person on.
    assert (
        "Save your backup codes"
        not in client.get("/admin/two-factor/enrol/", follow=True).content.decode()
    )


def test_a_code_from_the_app_gets_in_and_cannot_be_used_twice(enrolled):
    client = Client()
    password_sign_in(client, next_url="/admin/pages/")
    code = current_code(enrolled.device)
    response = client.post(
        "/admin/two-factor/verify/", {"method": "app", "code": code, "next": "/admin/pages/"}
    )
    assert response.status_code == 302 and response["Location"] == "/admin/pages/"
    assert client.get("/admin/pages/").status_code == 200
    again = Client()
    password_sign_in(again)
    replay = again.post("/admin/two-factor/verify/", {"method": "app", "code": code})
    assert replay.status_code == 400 and "That code is not right" in replay.content.decode()


def test_a_backup_code_works_once_only(enrolled):
    code = enrolled.backup_codes[0]
    first = Client()
    password_sign_in(first)
    response = first.post(
        "/admin/two-factor/verify/",
        {"method": "backup", "backup-code": f"{code[:4]} {code[4:].upper()}"},
        follow=True,
    )
    assert final_path(response) == "/admin/"
    assert "You have 9 left" in response.content.decode()
    second = Client()
    password_sign_in(second)
    refused = second.post("/admin/two-factor/verify/", {"method": "backup", "backup-code": code})
    assert refused.status_code == 400 and "already been used" in refused.content.decode()
    assert second.get("/admin/").status_code == 302


def test_repeated_wrong_codes_make_the_device_wait(client, enrolled, settings):
    # django-otp doubles the wait after each wrong code: here 30 s, 60 s, ...
    settings.OTP_TOTP_THROTTLE_FACTOR = 30
    password_sign_in(client)
    wrong = f"{(int(current_code(enrolled.device)) + 1) % 1_000_000:06d}"
    assert (
        client.post("/admin/two-factor/verify/", {"method": "app", "code": wrong}).status_code
        == 400
    )
    right = client.post(
        "/admin/two-factor/verify/", {"method": "app", "code": current_code(enrolled.device)}
    )
    assert right.status_code == 429 and "Too many wrong codes. Wait" in right.content.decode()
    assert 0 < int(right["Retry-After"]) <= 30
    assert client.get("/admin/").status_code == 302


def test_too_many_attempts_from_one_place_are_refused_even_with_the_right_code(
    client, enrolled, settings
):
    settings.ADMIN_2FA_RATE_LIMIT = (3, 300)
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # only our own limit in this test
    password_sign_in(client)
    for _ in range(3):
        client.post("/admin/two-factor/verify/", {"method": "app", "code": "000000"})
    response = client.post(
        "/admin/two-factor/verify/", {"method": "app", "code": current_code(enrolled.device)}
    )
    assert response.status_code == 429 and int(response["Retry-After"]) > 0
    assert "Too many wrong codes" in response.content.decode()
    assert client.get("/admin/").status_code == 302


def test_the_next_address_stays_on_this_site(client, enrolled):
    password_sign_in(client)
    response = client.post(
        "/admin/two-factor/verify/",
        {"method": "app", "code": current_code(enrolled.device), "next": "https://evil.example/"},
    )
    assert response["Location"] == "/admin/"


def test_the_django_admin_needs_the_code_too(client, enrolled):
    client.post(
        "/django-admin/login/",
        {"username": "clinician", "password": "pw-123456-long", "next": "/django-admin/"},
    )
    assert client.get("/django-admin/")["Location"].startswith(
        "/admin/two-factor/verify/?next=%2Fdjango-admin%2F"
    )
    client.post(
        "/admin/two-factor/verify/", {"method": "app", "code": current_code(enrolled.device)}
    )
    assert client.get("/django-admin/").status_code == 200


def test_the_setting_can_switch_it_off_outside_production(client, staff, settings):
    settings.ADMIN_2FA_REQUIRED = False
    password_sign_in(client)
    assert client.get("/admin/").status_code == 200


def test_the_code_pages_need_a_signed_in_admin_user(client, django_user_model):
    assert client.get("/admin/two-factor/verify/")["Location"].startswith("/admin/login/?next=")
    visitor = django_user_model.objects.create_user("reader", password="pw-123456-long")
    client.force_login(visitor)
    assert client.get("/admin/two-factor/enrol/").status_code == 403
    assert not TOTPDevice.objects.filter(user=visitor).exists()
