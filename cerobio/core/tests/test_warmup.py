"""gunicorn's master does the first-use loading once (cerobio/core/warmup.py), so new workers start ready."""

import datetime

from django.conf import settings
from django.template import engines

from cerobio.core import warmup
from cerobio.shop.delivery.fetch import bank_holidays


def test_the_warm_up_compiles_every_project_template_and_the_bank_holidays():
    bank_holidays.cache_clear()
    loaded = warmup.warm()
    html_files = list(warmup.TEMPLATES_DIR.rglob("*.html"))
    assert loaded["templates"] == len(html_files) > 50
    # The cached loader now holds them: a worker forked from here renders without compiling.
    cached = engines["django"].engine.template_loaders[0]
    assert "base.html" in {key.split(":")[0] for key in cached.get_template_cache}
    year = datetime.date.today().year
    before = bank_holidays.cache_info().hits
    bank_holidays(settings.DELIVERY_HOLIDAYS, year)
    bank_holidays(settings.DELIVERY_HOLIDAYS, year + 1)
    assert bank_holidays.cache_info().hits == before + 2, "this year's and next year's holidays were loaded"

