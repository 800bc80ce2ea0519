"""Shop-wide settings editors change in Settings › Shop: returns, terms, stock warnings and the
trader's identity (the company that sells, shown on the terms, contact page, footer and order
emails; production refuses to start while any of it is empty: cerobio.shop.catalogue.checks)."""

from django.core.cache import cache
from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from cerobio.core.purge import content_version

DEFAULT_RETURNS = (
    "You can cancel your order and return it within 14 days of delivery for a full refund, "
    "without giving a reason. For hygiene reasons, a cream that has been opened cannot be "
    "returned unless it is faulty. Your statutory rights are not affected."
)


TRADER_FIELDS = ("trader_name", "trader_address", "company_number", "vat_number", "trader_email", "trader_phone")


@register_setting(icon="tag")
class ShopSettings(BaseSiteSetting):
    """Returns rule, terms, the low-stock warning level (the dispatch cut-off is in delivery's settings)
    and who the trader is."""

    trader_name = models.CharField(
        "Legal name", max_length=160, blank=True, help_text="The company's registered name, e.g. 'Cerobio Ltd'."
    )
    trader_address = models.TextField(
        "Geographic address",
        blank=True,
        help_text="Where the company can be found (not a PO box), as on the company register; one line each.",
    )
    company_number = models.CharField(max_length=40, blank=True, help_text="The Companies House number.")
    vat_number = models.CharField("VAT number", max_length=40, blank=True, help_text="e.g. GB 123 4567 89.")
    trader_email = models.EmailField("Contact email", blank=True, help_text="Where customers can write to the company.")
    trader_phone = models.CharField("Contact phone", max_length=40, blank=True)
    demo_shop = models.BooleanField(
        "Demo shop",
        default=False,
        help_text="Every shop page says this is a demo shop. On for the demo content; turn it off before selling.",
    )

    returns_policy = models.TextField(
        default=DEFAULT_RETURNS, help_text="Shown on product pages and at checkout, before payment."
    )
    return_days = models.PositiveSmallIntegerField(
        default=14, help_text="Days after delivery a customer may cancel and return (at least 14 by law)."
    )
    terms_url = models.CharField(
        "Terms of sale address", max_length=200, default="/terms/", help_text="Linked from checkout."
    )
    terms_summary = models.TextField(
        default=(
            "Prices include VAT at 20%. Your order is accepted when we send the confirmation email. "
            "We deliver to the address you give; delivery dates are estimates."
        ),
        help_text="Shown on the shop page under 'Terms of sale'.",
    )
    low_stock_level = models.PositiveIntegerField(
        default=10, help_text="Warn on the dashboard when a variant has this many or fewer left."
    )

    panels = [
        MultiFieldPanel(
            [*(FieldPanel(name) for name in TRADER_FIELDS), FieldPanel("demo_shop")],
            heading="Who sells (the trader)",
            help_text="Shown on the terms of sale, the contact page, the footer and order emails. The law "
            "asks a trader to give all of these; production will not start while one is empty.",
        ),
        MultiFieldPanel([FieldPanel("returns_policy"), FieldPanel("return_days")], heading="Returns"),
        MultiFieldPanel([FieldPanel("terms_summary"), FieldPanel("terms_url")], heading="Terms of sale"),
        FieldPanel("low_stock_level"),
    ]

    class Meta:
        verbose_name = "shop settings"

    @property
    def trader_address_lines(self) -> list[str]:
        return [line.strip() for line in self.trader_address.splitlines() if line.strip()]

    @property
    def missing_trader_details(self) -> list[str]:
        """The labels of the trader's details that are empty."""
        return [
            str(self._meta.get_field(name).verbose_name) for name in TRADER_FIELDS if not getattr(self, name).strip()
        ]


def low_stock_level() -> int:
    """The default site's low-stock warning level (10 until someone changes it), read on every sale:
    kept in the cache under the content version, which saving the shop settings changes."""
    return cache.get_or_set(f"low-stock-level:{content_version()}", _read_low_stock_level, 86400)


def _read_low_stock_level() -> int:
    level = ShopSettings.objects.filter(site__is_default_site=True).values_list("low_stock_level", flat=True).first()
    return 10 if level is None else level
