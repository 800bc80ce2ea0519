"""`manage.py prepare_demo` (`make demo`, the set-up half of `make run`) in one process."""

from io import StringIO

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import Page

pytestmark = pytest.mark.django_db


def test_one_command_gives_a_site_with_content_and_an_editor_and_is_safe_to_repeat(
    tmp_path, monkeypatch, client
):
    monkeypatch.setattr(settings, "BASE_DIR", tmp_path)  # where ensure_editor keeps the password
    first = StringIO()
    call_command("prepare_demo", stdout=first)
    # The test database is migrated and has the demo content already (conftest.py), as a later run's has.
    assert "No migrations to apply" in first.getvalue()
    assert "Demo content already present" in first.getvalue()
    password = (tmp_path / ".local" / "editor-password").read_text().strip()
    assert f"password: {password}" in first.getvalue()
    assert client.get("/what-is-milia/").status_code == 200
    assert client.login(username="editor", password=password)

    pages = Page.objects.count()
    again = StringIO()
    call_command("prepare_demo", stdout=again)
    assert "nothing changed" in again.getvalue()
    assert f"password: {password}" in again.getvalue()
    assert Page.objects.count() == pages
    assert get_user_model().objects.filter(username="editor").count() == 1
