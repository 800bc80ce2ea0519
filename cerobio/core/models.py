"""Site-wide settings editors manage: brand, contact and the medical disclaimer."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="cog")
class SiteSettings(BaseSiteSetting):
    brand_name = models.CharField(max_length=80, default="Cerobio")
    tagline = models.CharField(max_length=160, default="Clear, checked information about milia")
    disclaimer = models.TextField(
        default=(
            "This guide gives general information. It does not replace advice from a doctor, "
            "nurse or pharmacist who can see your skin."
        )
    )
    contact_email = models.EmailField(default="hello@cerobio.example")

    panels = [FieldPanel("brand_name"), FieldPanel("tagline"), FieldPanel("disclaimer"), FieldPanel("contact_email")]

    class Meta:
        verbose_name = "site settings"
