"""`ensure_editor` makes an editor account exists and prints how to log in."""

from io import StringIO

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django_otp.plugins.otp_totp.models import TOTPDevice

from cerobio.twofactor.tests.codes import current_code


@pytest.fixture
def credentials(tmp_path, monkeypatch):
    monkeypatch.setattr(settings, "BASE_DIR", tmp_path)
    return tmp_path / ".local" / "editor-password"


def run() -> str:
    out = StringIO()
    call_command("ensure_editor", stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_creates_an_editor_who_can_log_in_with_the_printed_password(credentials, client):
    output = run()
    password = credentials.read_text().strip()
    assert f"password: {password}" in output and "/admin/" in output
    assert client.login(username="editor", password=password)
    # The first sign-in sets up an authenticator app (docs/security.md); then the dashboard opens.
    enrol = client.get("/admin/", follow=True)
    assert enrol.redirect_chain[-1][0].startswith("/admin/two-factor/enrol/")
    assert "two-factor authentication" in output.lower()
    device = TOTPDevice.objects.get(user__username="editor")
    done = client.post(enrol.redirect_chain[-1][0], {"code": current_code(device)})
    assert done.status_code == 200 and "Save your backup codes" in done.content.decode()
    assert client.get("/admin/").status_code == 200


@pytest.mark.django_db
def test_running_again_keeps_the_account_and_prints_the_same_login(credentials):
    first = run()
    second = run()
    assert get_user_model().objects.filter(username="editor").count() == 1
    assert credentials.read_text().strip() in first and credentials.read_text().strip() in second


@pytest.mark.django_db
def test_a_password_changed_by_someone_is_not_reset(credentials):
    run()
    user = get_user_model().objects.get(username="editor")
    user.set_password("chosen-by-the-editor-42")
    user.save()
    output = run()
    assert "changepassword" in output
    user.refresh_from_db()
    assert user.check_password("chosen-by-the-editor-42")
