"""`manage.py totp_code` (`make totp-code`): a local editor signs in for the first time without a phone."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.test import Client, override_settings
from django_otp.plugins.otp_totp.models import TOTPDevice

from .conftest import final_path, password_sign_in

pytestmark = pytest.mark.django_db


def printed_code(username="clinician") -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("totp_code", username, stdout=out, stderr=err)
    return out.getvalue().strip(), err.getvalue()


@override_settings(DEBUG=True)
def test_the_printed_code_sets_up_two_factor_and_signs_in_later(staff):
    client = Client()
    landed = password_sign_in(client)
    assert final_path(landed).startswith("/admin/two-factor/enrol/")

    code, explanation = printed_code()
    assert len(code) == 6 and code.isdigit()
    assert "set-up page" in explanation
    enrolled = client.post("/admin/two-factor/enrol/", {"code": code, "next": "/admin/"})
    assert "backup codes" in enrolled.content.decode().lower()
    assert client.get("/admin/").status_code == 200

    # The next sign-in asks for a code; the command now reads it from the confirmed app.
    later = Client()
    assert final_path(password_sign_in(later)).startswith("/admin/two-factor/verify/")
    # The enrolment used this 30-second window's code, and a code works once.
    with pytest.raises(CommandError, match="just been used"):
        printed_code()
    device = TOTPDevice.objects.get(user=staff, confirmed=True)
    device.last_t -= 1  # as if the next 30-second window had come
    device.save()
    code, explanation = printed_code()
    assert "asks for the 6-digit code" in explanation
    verified = later.post(
        "/admin/two-factor/verify/", {"code": code, "next": "/admin/"}, follow=True
    )
    assert final_path(verified) == "/admin/"


@override_settings(DEBUG=True)
def test_a_code_printed_before_the_first_sign_in_matches_the_set_up_page(staff):
    code, _ = printed_code()
    client = Client()
    password_sign_in(client)
    client.post("/admin/two-factor/enrol/", {"code": code, "next": "/admin/"})
    assert client.get("/admin/").status_code == 200


@override_settings(DEBUG=False)
def test_refused_outside_development(staff):
    with pytest.raises(CommandError, match="only runs in development"):
        printed_code()
    assert not TOTPDevice.objects.filter(user=staff).exists()


@override_settings(DEBUG=True)
def test_an_unknown_account_is_named(staff):
    with pytest.raises(CommandError, match="No user called 'nobody'"):
        printed_code("nobody")
