"""Template helpers for the trust pages."""

from decimal import Decimal

from django import template
from django.apps import apps

register = template.Library()

# The footer's "About Cerobio" links, in order: the trust pages every page links to.
TRUST_LINKS = [
    ("About us", "/about/"),
    ("Accessibility", "/accessibility/"),
    ("Privacy", "/privacy/"),
    ("Cookies", "/cookies/"),
    ("Terms of sale", "/terms/"),
    ("Delivery", "/delivery/"),
    ("Returns and cancellations", "/returns/"),
    ("Contact us", "/contact/"),
]


@register.simple_tag
def trust_links() -> list[tuple[str, str]]:
    return TRUST_LINKS


@register.simple_tag
def delivery_options() -> list[dict]:
    """The shop's active delivery methods grouped by zone ([] when the shop is not installed)."""
    try:
        zone_model = apps.get_model("delivery", "ShippingZone")
    except LookupError:
        return []
    zones = []
    for zone in zone_model.objects.prefetch_related("methods").order_by("sort_order", "name"):
        methods = [m for m in zone.methods.all() if getattr(m, "active", True)]
        if methods:
            zones.append({"zone": zone, "methods": methods})
    return zones


@register.simple_tag
def clinical_reviewers() -> list:
    """Every clinician with a reviewer profile, by name."""
    from cerobio.guide.models import Reviewer

    return list(Reviewer.objects.order_by("name"))


@register.simple_tag
def trader():
    """Settings › Shop of the default site: who sells (legal name, address, numbers, contact)."""
    from cerobio.shop.catalogue.fetch import default_shop_settings

    return default_shop_settings()


@register.filter
def pounds(value) -> str:
    """£3.50, or 'Free' for nothing."""
    if value is None:
        return ""
    value = Decimal(value)
    if value == 0:
        return "Free"
    return f"£{value:,.0f}" if value == value.to_integral_value() else f"£{value:,.2f}"
