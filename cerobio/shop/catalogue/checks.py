"""Deployment checks (`manage.py check --deploy --database default`, run by gunicorn at start-up):
a live shop names its trader and does not call itself a demo.

The law asks a business that sells online to give its legal name, geographic address, company
number, VAT number and a way to contact it; they live in Settings › Shop (`ShopSettings`) and are
shown on the terms, the contact page, the footer and order emails. The check reads the database,
so it runs only when asked to with `--database`.
"""

from django.core.checks import Error, Tags, Warning, register
from django.db import DatabaseError

from cerobio.core.placeholders import placeholder_words


@register(Tags.database, deploy=True)
def trader_details(app_configs, databases=None, **kwargs):
    if not databases or "default" not in databases:
        return []
    try:
        from .fetch import default_shop_settings

        shop = default_shop_settings()
    except DatabaseError as error:  # no tables yet: migrate first
        return [Error(f"Could not read the shop settings: {error}", id="cerobio.shop.E002")]
    if shop is None:
        return [Error("There is no default site, so the shop has no trader details.", id="cerobio.shop.E002")]
    problems = []
    missing = shop.missing_trader_details
    if missing:
        problems.append(Error(
            f"The trader's details are incomplete: {', '.join(missing)} empty in Settings › Shop.",
            hint="Customers must be told who sells to them: fill in every field under “Who sells (the trader)”.",
            id="cerobio.shop.E001",
        ))
    from .models.settings import TRADER_FIELDS

    stand_ins = sorted({w for name in TRADER_FIELDS for w in placeholder_words(getattr(shop, name))})
    if shop.demo_shop or stand_ins:
        problems.append(Warning(
            "The shop says it is a demo shop, or its trader's details are marked as stand-ins "
            f"({', '.join(stand_ins) or 'demo shop is on'}).",
            hint="Before selling, enter the real company's details and turn off “Demo shop” in Settings › Shop.",
            id="cerobio.shop.W003",
        ))
    return problems
