"""Where we deliver, how, for how much and how fast: edited in the admin under Shop › Delivery
(zones, closed days) and Settings › Delivery settings (the dispatch cut-off)."""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Orderable

from .countries import COUNTRY_NAMES, parse_codes


class ShippingZone(ClusterableModel):
    """A group of countries sharing delivery methods; one zone may cover the rest of the world."""

    name = models.CharField(max_length=80, help_text="e.g. 'United Kingdom', 'Europe'.")
    countries = models.TextField(
        blank=True,
        help_text="Two-letter country codes separated by spaces or commas, e.g. 'GB' or 'FR DE IE'.",
    )
    rest_of_world = models.BooleanField(
        default=False, help_text="Tick for the zone used for every country not listed in another zone."
    )
    sort_order = models.PositiveSmallIntegerField(default=0)

    panels = [
        FieldPanel("name"),
        FieldPanel("countries"),
        FieldRowPanel([FieldPanel("rest_of_world"), FieldPanel("sort_order")]),
        InlinePanel("methods", heading="Delivery methods", label="Method", min_num=1),
    ]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = "shipping zone"

    def __str__(self) -> str:
        return self.name

    @property
    def country_codes(self) -> list[str]:
        return parse_codes(self.countries)

    def clean(self):
        unknown = [c for c in self.country_codes if c not in COUNTRY_NAMES]
        if unknown:
            raise ValidationError({"countries": f"Unknown country codes: {', '.join(unknown)}."})
        if not self.rest_of_world and not self.country_codes:
            raise ValidationError({"countries": "List at least one country, or tick 'rest of world'."})
        self.countries = " ".join(self.country_codes)


class ShippingMethod(Orderable):
    """One way to deliver to a zone: a price (VAT included), an optional free-over threshold, days."""

    zone = ParentalKey(ShippingZone, on_delete=models.CASCADE, related_name="methods")
    code = models.SlugField(
        max_length=40, unique=True, help_text="Stable name used by the API, e.g. 'uk-standard'."
    )
    name = models.CharField(max_length=80, help_text="What customers see, e.g. 'Royal Mail Tracked 48'.")
    price = models.DecimalField(
        "Price (£, VAT included)", max_digits=7, decimal_places=2, validators=[MinValueValidator(Decimal("0"))]
    )
    free_over = models.DecimalField(
        "Free when the basket reaches (£)",
        max_digits=7,
        decimal_places=2,
        null=True,
        blank=True,
        help_text="Leave empty if this method is never free.",
    )
    min_days = models.PositiveSmallIntegerField("Fastest (working days)", default=2)
    max_days = models.PositiveSmallIntegerField("Slowest (working days)", default=4)
    tracked = models.BooleanField(default=False)
    active = models.BooleanField(default=True)

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("code")]),
        FieldRowPanel([FieldPanel("price"), FieldPanel("free_over")]),
        FieldRowPanel([FieldPanel("min_days"), FieldPanel("max_days")]),
        FieldRowPanel([FieldPanel("tracked"), FieldPanel("active")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "delivery method"
        constraints = [
            models.CheckConstraint(
                name="delivery_days_in_order", condition=models.Q(min_days__lte=models.F("max_days"))
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.zone})"

    def clean(self):
        if self.min_days is not None and self.max_days is not None and self.min_days > self.max_days:
            raise ValidationError({"max_days": "The slowest delivery cannot be faster than the fastest."})


class ClosedDay(models.Model):
    """A day nothing is dispatched or delivered, besides weekends and bank holidays.

    Bank holidays come from the `holidays` library for settings.DELIVERY_HOLIDAYS (England by
    default), so they never need typing in; add days the business is closed (a stocktake, the
    days between Christmas and New Year) here.
    """

    date = models.DateField(unique=True)
    reason = models.CharField(max_length=80, blank=True, help_text="e.g. 'Warehouse closed for stocktake'.")

    panels = [FieldPanel("date"), FieldPanel("reason")]

    class Meta:
        ordering = ["date"]
        verbose_name = "closed day"

    def __str__(self) -> str:
        return f"{self.date:%d %B %Y}" + (f" ({self.reason})" if self.reason else "")


@register_setting(icon="date")
class DeliverySettings(BaseSiteSetting):
    """When today's orders stop being sent today."""

    dispatch_cutoff = models.TimeField(
        "Same-day dispatch cut-off",
        default=datetime.time(14, 0),
        help_text=(
            "Orders placed before this time (UK time) on a working day are sent the same day; later "
            "ones the next working day. Delivery dates count from the day an order is sent."
        ),
    )

    panels = [FieldPanel("dispatch_cutoff")]

    class Meta:
        verbose_name = "delivery settings"
