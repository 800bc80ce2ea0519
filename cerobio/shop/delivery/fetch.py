"""Read-side delivery: the methods offered for a country and basket, with price and dates."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from functools import lru_cache

import holidays
from django.conf import settings
from django.utils import timezone

from cerobio.shop.money import Money

from .models import ClosedDay, ShippingZone

DEFAULT_CUTOFF = datetime.time(14, 0)
LOOKAHEAD = datetime.timedelta(days=120)  # closed days further ahead than this cannot matter


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


@lru_cache(maxsize=16)
def bank_holidays(spec: str, year: int) -> frozenset[datetime.date]:
    """The bank holidays of a year for a python-holidays code such as "GB-ENG" (computed, no network)."""
    if not spec:
        return frozenset()
    country, _, subdiv = spec.partition("-")
    return frozenset(holidays.country_holidays(country, subdiv=subdiv or None, years=year))


@dataclass(frozen=True)
class Calendar:
    """Which days count for dispatch and delivery: Monday to Friday, except bank holidays and closed days."""

    closed: frozenset = frozenset()
    holidays_spec: str = ""

    @classmethod
    def for_shop(cls, today: datetime.date) -> Calendar:
        closed = ClosedDay.objects.filter(date__gte=today, date__lte=today + LOOKAHEAD).values_list("date", flat=True)
        return cls(frozenset(closed), settings.DELIVERY_HOLIDAYS)

    def is_working_day(self, day: datetime.date) -> bool:
        return day.weekday() < 5 and day not in self.closed and day not in bank_holidays(self.holidays_spec, day.year)

    def next_working_day(self, day: datetime.date) -> datetime.date:
        """`day` itself if it is a working day, else the next one."""
        while not self.is_working_day(day):
            day += datetime.timedelta(days=1)
        return day

    def add_working_days(self, start: datetime.date, days: int) -> datetime.date:
        current = start
        while days > 0:
            current += datetime.timedelta(days=1)
            if self.is_working_day(current):
                days -= 1
        return current

    def dispatch_day(self, now: datetime.datetime | datetime.date, cutoff: datetime.time = DEFAULT_CUTOFF) -> datetime.date:
        """The day an order placed at `now` is sent: today before the cut-off on a working day, else the next working day."""
        if isinstance(now, datetime.datetime):
            day = now.date()
            if now.time() >= cutoff:
                day += datetime.timedelta(days=1)
        else:
            day = now
        return self.next_working_day(day)


def add_working_days(start: datetime.date, days: int, calendar: Calendar | None = None) -> datetime.date:
    """The date `days` working days after `start` (weekends and settings.DELIVERY_HOLIDAYS skipped)."""
    return (calendar or Calendar(holidays_spec=settings.DELIVERY_HOLIDAYS)).add_working_days(start, days)


def dispatch_cutoff() -> datetime.time:
    from cerobio.shop.catalogue.models import ShopSettings

    value = ShopSettings.objects.filter(site__is_default_site=True).values_list("dispatch_cutoff", flat=True).first()
    return value or DEFAULT_CUTOFF


def zone_for(country: str, zones=None) -> ShippingZone | None:
    """The zone that lists the country, else the rest-of-world zone, else None."""
    zones = list(zones if zones is not None else ShippingZone.objects.all())
    for zone in zones:
        if country in zone.country_codes:
            return zone
    return next((z for z in zones if z.rest_of_world), None)


def options_for(
    country: str, subtotal: Money, now: datetime.datetime | datetime.date | None = None,
    zone: ShippingZone | None = None,
) -> list[DeliveryOption]:
    """Active delivery methods for a country, priced for a basket subtotal (VAT included).

    Dates count working days from the day the order would be sent (`Calendar.dispatch_day`):
    `now` is the local time of the order (a bare date means "before the cut-off"). `zone`, when the
    caller already looked it up with `zone_for(country)`, saves looking it up again.
    """
    now = now or timezone.localtime()
    zone = zone or zone_for(country.upper())
    if zone is None:
        return []
    today = now.date() if isinstance(now, datetime.datetime) else now
    calendar = Calendar.for_shop(today)
    sent = calendar.dispatch_day(now, dispatch_cutoff())
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
                earliest=calendar.add_working_days(sent, method.min_days),
                latest=calendar.add_working_days(sent, method.max_days),
                tracked=method.tracked,
            )
        )
    return options


def option(country: str, code: str, subtotal: Money, zone: ShippingZone | None = None) -> DeliveryOption | None:
    """One delivery option by code, only if it is offered for this country."""
    return next((o for o in options_for(country, subtotal, zone=zone) if o.code == code), None)


def shipping_countries() -> list[str] | None:
    """Country codes we deliver to, or None when a rest-of-world zone covers everywhere."""
    zones = list(ShippingZone.objects.all())
    if any(z.rest_of_world for z in zones):
        return None
    return [c for z in zones for c in z.country_codes]


