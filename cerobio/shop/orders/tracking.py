"""Tracking links, made from the carrier and the parcel's number (the SHOP_CARRIERS setting)."""

from urllib.parse import quote

from django.conf import settings


def tracking_link(carrier: str, number: str) -> str:
    """The carrier's tracking page for this parcel, or "" for a carrier the setting does not list."""
    pattern = settings.SHOP_CARRIERS.get(carrier.strip(), "")
    return pattern.replace("{number}", quote(number.strip(), safe="")) if pattern and number.strip() else ""
