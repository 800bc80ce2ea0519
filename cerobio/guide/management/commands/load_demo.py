"""Load the demo knowledge base and guide pages. Safe to run again: it only adds what is missing."""

from django.core.management.base import BaseCommand
from django.db import transaction

from cerobio.guide.demo.loader import load_demo


class Command(BaseCommand):
    help = "Create the demo knowledge base and guide pages where they do not exist yet."

    def handle(self, *args, **options):
        with transaction.atomic():
            created = load_demo()
        if created:
            summary = ", ".join(f"{n} {what}" for what, n in created.items() if n)
            self.stdout.write(self.style.SUCCESS(f"Demo content added: {summary}."))
        else:
            self.stdout.write("Demo content already present; nothing changed.")
