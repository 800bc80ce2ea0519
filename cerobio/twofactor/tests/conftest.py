"""Staff accounts and sign-in helpers for the two-factor tests."""

import pytest
from django.core.cache import cache
from django_otp.plugins.otp_totp.models import TOTPDevice

from cerobio.twofactor.actions import issue_backup_codes

PASSWORD = "pw-123456-long"


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def staff(db, django_user_model):
    """A superuser who has not set up two-factor authentication yet."""
    return django_user_model.objects.create_superuser("clinician", "c@example.org", PASSWORD)


@pytest.fixture
def enrolled(staff):
    """The same superuser with a confirmed authenticator app and ten backup codes."""
    device = TOTPDevice.objects.create(user=staff, name="Authenticator app", confirmed=True)
    staff.backup_codes = issue_backup_codes(staff)
    staff.device = device
    return staff


def password_sign_in(client, username="clinician", password=PASSWORD, next_url="/admin/"):
    """Sign in through Wagtail's login form, as a person does; return the response after redirects."""
    return client.post(
        "/admin/login/", {"username": username, "password": password, "next": next_url}, follow=True
    )


def final_path(response) -> str:
    return (
        response.redirect_chain[-1][0] if response.redirect_chain else response.request["PATH_INFO"]
    )
