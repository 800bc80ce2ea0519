"""Shop-wide settings editors change in Settings › Shop."""

from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

DEFAULT_RETURNS = (
    "You can cancel your order and return it within 14 days of delivery for a full refund, "
    "without giving a reason. For hygiene reasons, a cream that has been opened cannot be "
    "returned unless it is faulty. Your statutory rights are not affected."
)


@register_setting(icon="tag")
class ShopSettings(BaseSiteSetting):
    """Returns rule, terms and the low-stock warning level (the dispatch cut-off is in delivery's settings)."""

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
        MultiFieldPanel([FieldPanel("returns_policy"), FieldPanel("return_days")], heading="Returns"),
        MultiFieldPanel([FieldPanel("terms_summary"), FieldPanel("terms_url")], heading="Terms of sale"),
        FieldPanel("low_stock_level"),
    ]

    class Meta:
        verbose_name = "shop settings"


def low_stock_level() -> int:
    """The default site's low-stock warning level (10 until someone changes it)."""
    level = ShopSettings.objects.filter(site__is_default_site=True).values_list("low_stock_level", flat=True).first()
    return 10 if level is None else level
