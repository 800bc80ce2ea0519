"""Make sure an editor account exists, and say how to log in."""

import os
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

USERNAME = "editor"


class Command(BaseCommand):
    help = "Create the local editor account if missing and print how to log in to /admin/."

    def handle(self, *args, **options):
        credentials = settings.BASE_DIR / ".local" / "editor-password"
        user_model = get_user_model()
        user = user_model.objects.filter(username=USERNAME).first()
        admin_url = f"http://{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}/admin/"
        if user is None:
            password = secrets.token_urlsafe(12)
            user_model.objects.create_superuser(USERNAME, "editor@cerobio.example", password)
            credentials.parent.mkdir(exist_ok=True)
            credentials.write_text(password + "\n")
            credentials.chmod(0o600)
            self._print(admin_url, password)
        elif credentials.exists() and user.check_password(credentials.read_text().strip()):
            self._print(admin_url, credentials.read_text().strip())
        else:
            self.stdout.write(
                f"Editor account '{USERNAME}' already exists with a password set by someone. "
                f"Log in at {admin_url}, or set a new password with: "
                f".venv/bin/python manage.py changepassword {USERNAME}"
            )

    def _print(self, admin_url, password):
        bar = "=" * 60
        self.stdout.write(
            self.style.SUCCESS(
                f"\n{bar}\n  Editor login: {admin_url}\n  username: {USERNAME}\n  password: {password}\n"
                "  (kept in .local/editor-password on this machine only)\n"
                "  Then two-factor authentication: scan the QR code with an authenticator\n"
                "  app, or on this machine run `make totp-code` in another terminal and\n"
                "  type the 6-digit code it prints (README, docs/security.md).\n"
                f"{bar}\n"
            )
        )
