"""Read-side delivery: the methods offered for a country and basket, with price and dates.

Everything here reads one `DeliverySetup`: the zones with their active methods, the closed days
ahead and the dispatch cut-off, as they stand today. It is four small queries, kept in Django's
cache under the content version (cerobio/core/purge.py): saving or deleting a zone, a method, a
closed day or the delivery settings makes a new version, so a change an editor saves is used from
the next request on, and a checkout prices delivery with two cache reads instead of four queries.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

import holidays
from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

from cerobio.core.purge import content_version
from cerobio.shop.money import Money

from .models import ClosedDay, DeliverySettings, ShippingMethod, ShippingZone

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


@dataclass(frozen=True)
class Method:
    """An active delivery method, as the setup keeps it."""

    code: str
    name: str
    price: Decimal
    free_over: Decimal | None
    min_days: int
    max_days: int
    tracked: bool


@dataclass(frozen=True)
class Zone:
    """A shipping zone, as the setup keeps it: its countries and its active methods in order."""

    pk: int
    name: str
    country_codes: tuple[str, ...]
    rest_of_world: bool
    methods: tuple[Method, ...]


@dataclass(frozen=True)
class DeliverySetup:
    """What pricing and dating delivery needs, as it stands on `day`."""

    day: datetime.date
    zones: tuple[Zone, ...]
    closed: frozenset[datetime.date]
    cutoff: datetime.time


# The cached setup is a pickled DeliverySetup: change the number when its shape changes, so a server
# running new code never reads one stored by the old during an upgrade.
SETUP_KEY = "delivery-setup:1:{version}:{day}"


def delivery_setup(day: datetime.date | None = None) -> DeliverySetup:
    """The delivery setup for `day` (today by default), from the cache while the content is unchanged."""
    day = day or timezone.localdate()
    key = SETUP_KEY.format(version=content_version(), day=day.isoformat())
    return cache.get_or_set(key, lambda: _load(day), timeout=86400)


def _load(day: datetime.date) -> DeliverySetup:
    methods: dict[int, list[Method]] = {}
    for m in ShippingMethod.objects.filter(active=True).order_by("sort_order", "pk"):
        methods.setdefault(m.zone_id, []).append(
            Method(m.code, m.name, m.price, m.free_over, m.min_days, m.max_days, m.tracked)
        )
    zones = tuple(
        Zone(z.pk, z.name, tuple(z.country_codes), z.rest_of_world, tuple(methods.get(z.pk, ())))
        for z in ShippingZone.objects.all()
    )
    closed = ClosedDay.objects.filter(date__gte=day, date__lte=day + LOOKAHEAD).values_list("date", flat=True)
    cutoff = DeliverySettings.objects.filter(site__is_default_site=True).values_list("dispatch_cutoff", flat=True).first()
    return DeliverySetup(day, zones, frozenset(closed), cutoff or DEFAULT_CUTOFF)


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
    def for_shop(cls, setup: DeliverySetup) -> Calendar:
        """The shop's calendar: the setup's closed days and settings.DELIVERY_HOLIDAYS."""
        return cls(setup.closed, settings.DELIVERY_HOLIDAYS)

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


def zone_for(country: str, zones=None) -> Zone | None:
    """The zone that lists the country, else the rest-of-world zone, else None."""
    zones = zones if zones is not None else delivery_setup().zones
    for zone in zones:
        if country in zone.country_codes:
            return zone
    return next((z for z in zones if z.rest_of_world), None)


def options_for(
    country: str, subtotal: Money, now: datetime.datetime | datetime.date | None = None,
    zone: Zone | None = None, setup: DeliverySetup | None = None,
) -> list[DeliveryOption]:
    """Active delivery methods for a country, priced for a basket subtotal (VAT included).

    Dates count working days from the day the order would be sent (`Calendar.dispatch_day`):
    `now` is the local time of the order (a bare date means "before the cut-off"). `zone` and `setup`,
    when the caller already has them (`zone_for(country, setup.zones)`), save looking them up again.
    """
    now = now or timezone.localtime()
    today = now.date() if isinstance(now, datetime.datetime) else now
    if setup is None or setup.day != today:
        setup = delivery_setup(today)
    zone = zone or zone_for(country.upper(), setup.zones)
    if zone is None:
        return []
    calendar = Calendar.for_shop(setup)
    sent = calendar.dispatch_day(now, setup.cutoff)
    options = []
    for method in zone.methods:
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


def option(
    country: str, code: str, subtotal: Money, zone: Zone | None = None, setup: DeliverySetup | None = None
) -> DeliveryOption | None:
    """One delivery option by code, only if it is offered for this country."""
    return next((o for o in options_for(country, subtotal, zone=zone, setup=setup) if o.code == code), None)


def shipping_countries() -> list[str] | None:
    """Country codes we deliver to, or None when a rest-of-world zone covers everywhere."""
    zones = delivery_setup().zones
    if any(z.rest_of_world for z in zones):
        return None
    return [c for z in zones for c in z.country_codes]


