"""`make page-weight`: how heavy each page type is, measured on a fresh demo site (docs/performance.md).

    python tools/page_weight.py [--write]

Builds a throwaway test database with the demo content, fetches every public page type with Django's
test client, prints the table and each page over a budget (tests/perf/page_weight.py), and with
--write puts the table in docs/performance.md. Exits 1 when a page is over its budget.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

# Measured the way the tests render pages: plain static names (the files are the same as the
# hashed ones collectstatic writes), test-mode payments, a private cache, no rate limits in the way.
MEASURING = {
    "DEBUG": False,
    "STORAGES": {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    },
    "CACHES": {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "page-weight"}},
    "PAYMENT_PROVIDER": "dummy",
    "SECURE_SSL_REDIRECT": False,
}


def measure_demo_site() -> list:
    """Every page type's weight, on the demo content in a throwaway test database."""
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import (
        override_settings,
        setup_test_environment,
        teardown_test_environment,
    )

    from tests.perf.page_weight import measure_all

    setup_test_environment()
    old_name = connection.settings_dict["NAME"]
    print("Creating a throwaway database with the demo content...", file=sys.stderr)
    connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    try:
        with override_settings(**MEASURING):
            call_command("load_demo", verbosity=0)
            return measure_all(Client)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
        teardown_test_environment()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="update the 'Page weight' table in docs/performance.md")
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cerobio.settings.dev")
    import django

    django.setup()
    from tests.perf.page_weight import PAGE_BUDGET, SCRIPT_BUDGET, markdown_table
    from tools.perfdoc import DOC, update_section

    results = measure_demo_site()
    table = markdown_table(results)
    print(table)
    for result in results:
        for problem in result.problems:
            print(f"{result.label} ({result.path}): {problem}", file=sys.stderr)
    if args.write:
        note = (
            f"Budget: under {PAGE_BUDGET // 1024} KB for HTML + CSS + JS together, each gzip-compressed at "
            f"level 6 (images not counted); at most one script, deferred, under {SCRIPT_BUDGET // 1024} KB. "
            "Sizes in KB (1024 bytes). Refresh with `make page-weight`."
        )
        update_section("page-weight", "Page weight", f"{note}\n\n{table}")
        print(f"Wrote the table into {DOC}.", file=sys.stderr)
    if any(result.problems for result in results):
        print("Some pages are over their budget (above).", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
