"""Product JSON-LD for search engines: offers with price, availability, shipping and returns."""

from __future__ import annotations

from django.conf import settings

from cerobio.core.jsonld import to_script
from cerobio.shop.delivery.models import ShippingMethod

from .models.settings import ShopSettings


def _shipping_details() -> list[dict]:
    details = []
    for method in ShippingMethod.objects.filter(active=True).select_related("zone").order_by("zone__sort_order", "sort_order"):
        zone = method.zone
        destination = (
            [{"@type": "DefinedRegion", "addressCountry": code} for code in zone.country_codes]
            if not zone.rest_of_world
            else []
        )
        if not destination:
            continue  # schema.org needs named countries; the rest of the world is not listed.
        details.append(
            {
                "@type": "OfferShippingDetails",
                "shippingLabel": method.name,
                "shippingRate": {"@type": "MonetaryAmount", "value": f"{method.price:.2f}", "currency": "GBP"},
                "shippingDestination": destination,
                "deliveryTime": {
                    "@type": "ShippingDeliveryTime",
                    "handlingTime": {"@type": "QuantitativeValue", "minValue": 0, "maxValue": 1, "unitCode": "DAY"},
                    "transitTime": {
                        "@type": "QuantitativeValue", "minValue": method.min_days, "maxValue": method.max_days, "unitCode": "DAY",
                    },
                },
            }
        )
    return details


def _return_policy(return_days: int) -> dict:
    return {
        "@type": "MerchantReturnPolicy",
        "applicableCountry": "GB",
        "returnPolicyCategory": "https://schema.org/MerchantReturnFiniteReturnWindow",
        "merchantReturnDays": return_days,
        "returnMethod": "https://schema.org/ReturnByMail",
        "returnFees": "https://schema.org/ReturnShippingFees",
    }


def product_jsonld(page, offers, request=None) -> str:
    """A schema.org Product with one Offer per variant, as a safe <script> body."""
    url = settings.SITE_URL + (page.get_url(request=request) or "/")
    return_days = ShopSettings.for_request(request).return_days if request else 14
    shipping = _shipping_details()
    policy = _return_policy(return_days)
    data = {
        "@context": "https://schema.org",
        "@type": "Product",
        "name": page.title,
        "description": page.summary,
        "url": url,
        "brand": {"@type": "Brand", "name": "Cerobio"},
        "offers": [
            {
                "@type": "Offer",
                "sku": offer.sku,
                "name": offer.name,
                "price": f"{offer.price.amount:.2f}",
                "priceCurrency": offer.price.currency,
                "availability": "https://schema.org/InStock" if offer.in_stock else "https://schema.org/OutOfStock",
                "itemCondition": "https://schema.org/NewCondition",
                "url": url,
                "shippingDetails": shipping,
                "hasMerchantReturnPolicy": policy,
            }
            for offer in offers
        ],
    }
    return to_script(data)
