"""Read-side catalogue for other apps: the live products and what they may be suggested for."""

from __future__ import annotations

from .models import ProductPage


def live_products():
    return ProductPage.objects.live().public().order_by("path")


def product_suitability() -> dict:
    """What the live product may be suggested for, from the knowledge base, for the identifier.

    {"suits": [milia type slugs], "not_for": [slugs], "avoid_sites": [body site codes], "minimum_age": 12}
    """
    page = live_products().first()
    if page is None:
        return {"suits": [], "not_for": [], "avoid_sites": [], "minimum_age": None}
    return {
        # Only a published type may be suggested; "not for" keeps every type (it only ever forbids).
        "suits": list(page.suits_types.filter(live=True).values_list("slug", flat=True)),
        "not_for": list(page.not_for_types.values_list("slug", flat=True)),
        "avoid_sites": list(page.avoid_sites.values_list("code", flat=True)),
        "minimum_age": page.minimum_age,
    }



def default_shop_settings():
    """Settings › Shop of the default site (made with its defaults if missing), or None without a site.

    For what has no request to find its site by: order emails, the footer's trader line, checks.
    """
    from wagtail.models import Site

    from .models import ShopSettings

    found = ShopSettings.objects.filter(site__is_default_site=True).first()  # one query, as a rule
    if found is not None:
        return found
    site = Site.objects.filter(is_default_site=True).first()
    return ShopSettings.for_site(site) if site else None
