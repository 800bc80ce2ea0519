"""A lost phone: a superuser (in the admin) or an operator (manage.py reset_2fa) resets someone's 2FA."""

from io import StringIO

import pytest
from django.contrib.auth.models import Permission
from django.core.management import CommandError, call_command
from django.test import Client
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import ModelLogEntry

from cerobio.twofactor.actions import RESET_ACTION
from cerobio.twofactor.testing import verified_login

pytestmark = pytest.mark.django_db


def test_a_superuser_reset_makes_the_person_set_up_a_new_app(admin_client, admin_user, enrolled):
    their_session = verified_login(Client(), enrolled)
    assert their_session.get("/admin/").status_code == 200
    users = admin_client.get("/admin/users/").content.decode()
    assert f"/admin/two-factor/reset/{enrolled.pk}/" in users
    confirm = admin_client.get(f"/admin/two-factor/reset/{enrolled.pk}/").content.decode()
    assert "will no longer be able to sign in with their authenticator app" in confirm

    done = admin_client.post(f"/admin/two-factor/reset/{enrolled.pk}/", follow=True)
    assert (
        "Two-factor authentication reset for clinician (2 devices removed)" in done.content.decode()
    )
    assert not TOTPDevice.objects.filter(user=enrolled).exists()
    assert not StaticDevice.objects.filter(user=enrolled).exists()
    # Their open session drops back to enrolment, and so does their next sign-in.
    assert their_session.get("/admin/")["Location"].startswith("/admin/two-factor/enrol/")
    entry = ModelLogEntry.objects.get(action=RESET_ACTION, object_id=str(enrolled.pk))
    assert entry.user == admin_user
    history = admin_client.get("/admin/reports/site-history/").content.decode()
    assert "Two-factor authentication reset (2 devices removed)" in history


def test_only_superusers_may_reset(enrolled, django_user_model):
    editor = django_user_model.objects.create_user("eddie", password="pw-123456-long")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client = verified_login(Client(), editor)
    refused = client.post(f"/admin/two-factor/reset/{enrolled.pk}/", follow=True)
    # Wagtail's refusal: back to the dashboard with a message.
    assert "you do not have permission" in refused.content.decode()
    assert TOTPDevice.objects.filter(user=enrolled, confirmed=True).exists()
    assert not ModelLogEntry.objects.filter(action=RESET_ACTION).exists()


def test_an_operator_resets_from_the_command_line(enrolled):
    out = StringIO()
    call_command("reset_2fa", "clinician", stdout=out)
    assert "Two-factor authentication reset for clinician (2 devices removed)" in out.getvalue()
    assert not TOTPDevice.objects.filter(user=enrolled).exists()
    entry = ModelLogEntry.objects.get(action=RESET_ACTION, object_id=str(enrolled.pk))
    assert entry.user is None
    with pytest.raises(CommandError, match="No user called 'nobody'"):
        call_command("reset_2fa", "nobody")
