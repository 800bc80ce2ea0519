"""Read-side delivery: the methods offered for a country and basket, with price and dates."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils import timezone

from cerobio.shop.money import Money

from .models import ShippingZone


@dataclass(frozen=True)
class DeliveryOption:
    """A delivery method as offered to one customer: its price for their basket and dates."""

    code: str
    name: str
    price: Money
    full_price: Money
    min_days: int
    max_days: int
    earliest: datetime.date
    latest: datetime.date
    tracked: bool

    @property
    def is_free(self) -> bool:
        return self.price.amount == 0

    @property
    def free_because_of_threshold(self) -> bool:
        return self.is_free and self.full_price.amount > 0


def add_working_days(start: datetime.date, days: int) -> datetime.date:
    """The date `days` working days (Monday to Friday) after `start`."""
    current = start
    while days > 0:
        current += datetime.timedelta(days=1)
        if current.weekday() < 5:
            days -= 1
    return current


def zone_for(country: str, zones=None) -> ShippingZone | None:
    """The zone that lists the country, else the rest-of-world zone, else None."""
    zones = list(zones if zones is not None else ShippingZone.objects.all())
    for zone in zones:
        if country in zone.country_codes:
            return zone
    return next((z for z in zones if z.rest_of_world), None)


def options_for(country: str, subtotal: Money, today: datetime.date | None = None) -> list[DeliveryOption]:
    """Active delivery methods for a country, priced for a basket subtotal (VAT included)."""
    today = today or timezone.localdate()
    zone = zone_for(country.upper())
    if zone is None:
        return []
    options = []
    for method in zone.methods.filter(active=True).order_by("sort_order", "pk"):
        full = Money(method.price)
        free = method.free_over is not None and subtotal.amount >= method.free_over
        options.append(
            DeliveryOption(
                code=method.code,
                name=method.name,
                price=Money.zero() if free else full,
                full_price=full,
                min_days=method.min_days,
                max_days=method.max_days,
                earliest=add_working_days(today, method.min_days),
                latest=add_working_days(today, method.max_days),
                tracked=method.tracked,
            )
        )
    return options


def option(country: str, code: str, subtotal: Money) -> DeliveryOption | None:
    """One delivery option by code, only if it is offered for this country."""
    return next((o for o in options_for(country, subtotal) if o.code == code), None)


def delivers_to(country: str) -> bool:
    return zone_for(country.upper()) is not None


def shipping_countries() -> list[str] | None:
    """Country codes we deliver to, or None when a rest-of-world zone covers everywhere."""
    zones = list(ShippingZone.objects.all())
    if any(z.rest_of_world for z in zones):
        return None
    return [c for z in zones for c in z.country_codes]


