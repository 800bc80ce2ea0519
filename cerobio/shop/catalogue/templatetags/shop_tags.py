"""Template helpers for the shop: money, delivery dates, test mode."""

import datetime

from django import template
from django.conf import settings

from cerobio.shop.money import Money

register = template.Library()


@register.filter
def money(value) -> str:
    """£29.00 from Money, a Decimal or a string amount."""
    if value is None or value == "":
        return ""
    if not isinstance(value, Money):
        value = Money(value)
    return str(value)


@register.filter
def delivery_range(option) -> str:
    """'Tuesday 2 December to Thursday 4 December' (one date when both are the same)."""
    earliest, latest = option.earliest, option.latest
    fmt = lambda d: f"{d:%A} {d.day} {d:%B}"  # noqa: E731
    return fmt(earliest) if earliest == latest else f"{fmt(earliest)} to {fmt(latest)}"


@register.filter
def long_date(value: datetime.date) -> str:
    return f"{value:%A} {value.day} {value:%B %Y}" if value else ""


@register.simple_tag
def shop_test_mode() -> bool:
    """True when payments are the test-mode dummy provider (no money moves)."""
    return settings.PAYMENT_PROVIDER == "dummy"

