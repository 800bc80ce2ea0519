"""`manage.py page_weight`: how heavy each page type is, measured on a fresh demo site (docs/performance.md)."""

from __future__ import annotations

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import Client
from django.test.utils import override_settings, setup_test_environment, teardown_test_environment

from cerobio.core.page_weight import PAGE_BUDGET, SCRIPT_BUDGET, markdown_table, measure_all
from cerobio.core.perfdoc import DOC, update_section

# Measured the way the tests render pages: plain static names (the files are the same as the
# hashed ones collectstatic writes), test-mode payments, a private cache, no rate limits in the way.
MEASURING = {
    "DEBUG": False,
    "STORAGES": {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    },
    "CACHES": {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "page-weight",
        }
    },
    "PAYMENT_PROVIDER": "dummy",
    "SECURE_SSL_REDIRECT": False,
}


class Command(BaseCommand):
    help = (
        "Measure every public page type (HTML + CSS + JS, gzip level 6) on the demo content in a throwaway "
        "test database, and check the budgets; --write puts the table in docs/performance.md."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--write",
            action="store_true",
            help="update the 'Page weight' table in docs/performance.md",
        )

    def handle(self, *args, write: bool = False, **options):
        setup_test_environment()
        old_name = connection.settings_dict["NAME"]
        self.stderr.write("Creating a throwaway database with the demo content...")
        connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
        try:
            with override_settings(**MEASURING):
                call_command("load_demo", verbosity=0)  # by name: core imports no app
                results = measure_all(Client)
        finally:
            connection.creation.destroy_test_db(old_name, verbosity=0)
            teardown_test_environment()

        table = markdown_table(results)
        self.stdout.write(table)
        for result in results:
            for problem in result.problems:
                self.stderr.write(f"{result.label} ({result.path}): {problem}")
        if write:
            note = (
                f"Budget: under {PAGE_BUDGET // 1024} KB for HTML + CSS + JS together, each gzip-compressed at "
                f"level 6 (images not counted); at most one script, deferred, under {SCRIPT_BUDGET // 1024} KB. "
                "Sizes in KB (1024 bytes). Refresh with `manage.py page_weight --write`."
            )
            update_section("page-weight", "Page weight", f"{note}\n\n{table}")
            self.stderr.write(f"Wrote the table into {DOC}.")
        if any(result.problems for result in results):
            raise CommandError("Some pages are over their budget (above).")
