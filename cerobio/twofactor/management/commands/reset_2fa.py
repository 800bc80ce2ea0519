"""Remove a user's authenticator app and backup codes (a lost phone); they enrol again at next sign-in."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from cerobio.twofactor.actions import reset_two_factor


class Command(BaseCommand):
    help = (
        "Reset two-factor authentication for USERNAME (lost phone): their authenticator app and backup "
        "codes are removed and they set up a new app at their next admin sign-in. The reset is logged."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        user_model = get_user_model()
        try:
            user = user_model.objects.get(**{user_model.USERNAME_FIELD: username})
        except user_model.DoesNotExist:
            raise CommandError(f"No user called {username!r}.") from None
        removed = reset_two_factor(user)
        self.stdout.write(
            self.style.SUCCESS(
                f"Two-factor authentication reset for {username} ({removed} device{'s' if removed != 1 else ''} "
                "removed). They will set up an authenticator app at their next admin sign-in."
            )
        )
