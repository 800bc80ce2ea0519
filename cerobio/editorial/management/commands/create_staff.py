"""Create a staff account with one of the three roles, so a new shop needs no clicking through Settings."""

import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email
from django.db import transaction

from cerobio.editorial.roles import CLINICAL_REVIEWERS, EDITORS, SHOP_STAFF

ROLES = {"shop": SHOP_STAFF, "editor": EDITORS, "clinician": CLINICAL_REVIEWERS}


class Command(BaseCommand):
    help = (
        "Create a staff account in a role: shop (orders, stock, delivery), editor (writes the guide) or "
        "clinician (signs off the guide). Prints a one-time password; two-factor is set up at first sign-in."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--role", required=True, choices=sorted(ROLES))
        parser.add_argument("--email", default="", help="Their email address (for password resets and notices).")
        parser.add_argument("--first-name", default="")
        parser.add_argument("--last-name", default="")

    def handle(self, *args, username, role, email, first_name, last_name, **options):
        username = username.strip()
        if not username:
            raise CommandError("Give a username.")
        if email:
            try:
                validate_email(email)
            except Exception as exc:
                raise CommandError(f"'{email}' is not an email address.") from exc
        group = Group.objects.filter(name=ROLES[role]).first()
        if group is None:
            raise CommandError(f"The '{ROLES[role]}' group does not exist; run 'manage.py migrate' first.")
        user_model = get_user_model()
        if user_model.objects.filter(username__iexact=username).exists():
            raise CommandError(f"There is already an account called '{username}'; nothing was changed.")
        password = secrets.token_urlsafe(12)
        with transaction.atomic():
            user = user_model.objects.create_user(
                username, email=email, password=password, first_name=first_name, last_name=last_name
            )
            user.groups.add(group)
        self.stdout.write(self.style.SUCCESS(
            f"Created '{user.username}' in {group.name}.\n"
            f"  one-time password: {password}\n"
            "  Give it to them privately. At first sign-in at /admin/ they set up two-factor authentication,\n"
            "  then change the password (Account settings)."
        ))
