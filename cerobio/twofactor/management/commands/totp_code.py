"""Development only: print the 6-digit code a local account's authenticator app would show now.

`make run` prints the editor's password; the admin then asks for a second factor. On a developer's
machine this stands in for the phone: the code comes from the account's authenticator (the one being
set up on the enrolment page, or the one already confirmed). Refused unless DEBUG is on, so it can
never hand out codes on a server.
"""

import time

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django_otp.oath import TOTP

from cerobio.twofactor.actions import authenticator, pending_authenticator


class Command(BaseCommand):
    help = (
        "Development only (DEBUG=1): print the current two-factor code for a local admin account "
        "(default: editor), to sign in without a phone."
    )

    def add_arguments(self, parser):
        parser.add_argument("username", nargs="?", default="editor")

    def handle(self, *args, username, **options):
        if not settings.DEBUG:
            raise CommandError(
                "totp_code only runs in development (DEBUG on, as `make run` has it). Anywhere else "
                "sign in with an authenticator app or a backup code; a lost phone: manage.py reset_2fa."
            )
        user_model = get_user_model()
        try:
            user = user_model.objects.get(**{user_model.USERNAME_FIELD: username})
        except user_model.DoesNotExist:
            raise CommandError(
                f"No user called {username!r}. `make demo` creates the editor."
            ) from None
        device = authenticator(user)
        setting_up = device is None
        if setting_up:
            # The same unconfirmed device the enrolment page shows, so this code confirms it.
            device = pending_authenticator(user)
        now = time.time()
        token = TOTP(
            device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=device.drift
        )
        token.time = now
        seconds_left = device.step - int(now - device.t0) % device.step
        if token.t() <= device.last_t:  # django-otp accepts each code once
            raise CommandError(
                f"The current code for {username} has just been used. Run this again in {seconds_left} "
                "seconds for the next one."
            )
        where = (
            'on the set-up page ("6-digit code from your authenticator app"), then keep the backup codes'
            if setting_up
            else "where the admin asks for the 6-digit code"
        )
        self.stdout.write(f"{token.token():0{device.digits}d}")
        self.stderr.write(
            f"Two-factor code for {username}, valid for {seconds_left} more seconds: type it {where}. "
            "Each code works once; run this again for the next one. (Development only.)"
        )
