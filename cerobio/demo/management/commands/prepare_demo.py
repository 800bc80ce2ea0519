"""`make demo` (and so `make run`) in one process: the database, its tables, the demo content and the
editor account. Each `manage.py` process spends most of a later run starting Django and Wagtail, so
one process instead of four makes a later `make run` about twice as quick."""

from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Create the PostgreSQL database if missing (ensure_database), migrate, load the demo content "
        "(load_demo) and make sure the editor account exists (ensure_editor), in one process."
    )

    def handle(self, *args, **options):
        out = {"stdout": self.stdout, "stderr": self.stderr}
        call_command("ensure_database", **out)
        call_command("migrate", interactive=False, **out)
        call_command("load_demo", **out)
        call_command("ensure_editor", **out)
