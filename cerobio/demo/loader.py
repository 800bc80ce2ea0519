"""`load_demo`: the whole demo site from the content folder, in one transaction and in one order."""

from collections import Counter
from pathlib import Path

from django.db import transaction

from . import guide, identifier, shop, trust
from .content import read


def load_demo(folder: Path | str | None = None) -> dict[str, int]:
    """Create every missing record and page of the content folder; return how many of each were added.

    Records and pages that exist are never changed, so an editor's work in the admin survives.
    """
    content = read(folder)
    created: Counter = Counter()
    with transaction.atomic():
        guide.load_knowledge(content, created)
        guide.load_pages(content, created)
        guide.load_names_and_codes(content, created)  # names link to the pages
        identifier.load_rules(content, created)
        shop.load_shop(content, created)
        trust.load_trust(content, created)  # last: it attaches the sign-off workflow to every page
    return {k: v for k, v in created.items() if v}
