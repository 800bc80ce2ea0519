"""`manage.py load_demo`: the demo site from the content folder. Safe to run again: it only adds what is missing."""

from django.core.management.base import BaseCommand, CommandError

from cerobio.demo.content import ContentError
from cerobio.demo.loader import load_demo


class Command(BaseCommand):
    help = "Create the demo knowledge base, pages, identifier rules and shop from content/ where they do not exist yet."

    def add_arguments(self, parser):
        parser.add_argument(
            "--content", metavar="FOLDER", help="the content folder (default: DEMO_CONTENT_DIR)"
        )

    def handle(self, *args, **options):
        try:
            created = load_demo(options["content"])
        except ContentError as error:
            raise CommandError(str(error)) from error
        if created:
            summary = ", ".join(f"{n} {what}" for what, n in created.items())
            self.stdout.write(self.style.SUCCESS(f"Demo content added: {summary}."))
        else:
            self.stdout.write("Demo content already present; nothing changed.")
