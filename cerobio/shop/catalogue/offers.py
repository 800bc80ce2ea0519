"""What the product pages show: each variant's offer (price, stock left), product cards, a product's context."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Sum
from django.utils import timezone

from cerobio.shop.money import Money

from .jsonld import product_jsonld
from .models.stock import Reservation, Stock


@dataclass(frozen=True)
class VariantOffer:
    """A variant as offered now: price and how many can be bought."""

    sku: str
    name: str
    price: Money
    available: int

    @property
    def in_stock(self) -> bool:
        return self.available > 0

    @property
    def low(self) -> bool:
        return 0 < self.available <= 5


def offers(variants) -> list[VariantOffer]:
    """Offers for variants (two queries: stock levels and live holds)."""
    ids = [v.pk for v in variants]
    quantities = dict(Stock.objects.filter(variant_id__in=ids).values_list("variant_id", "quantity"))
    held = dict(
        Reservation.objects.active(timezone.now())
        .filter(variant_id__in=ids)
        .values("variant_id")
        .annotate(n=Sum("quantity"))
        .values_list("variant_id", "n")
    )
    return [
        VariantOffer(v.sku, v.name, Money(v.price), max(0, quantities.get(v.pk, 0) - (held.get(v.pk) or 0)))
        for v in variants
    ]


def product_cards(products) -> list[dict]:
    """The products for the shop index, each with its lowest price and whether any is in stock."""
    cards = []
    for product in products.prefetch_related("variants"):
        variants = [v for v in product.variants.all() if v.on_sale]
        product_offers = offers(variants)
        cards.append(
            {
                "page": product,
                "from_price": min((o.price for o in product_offers), default=None),
                "in_stock": any(o.in_stock for o in product_offers),
            }
        )
    return cards


def product_detail(page, request=None) -> dict:
    """A product page's context: offers, suitability and JSON-LD."""
    variant_offers = offers(page.variant_list)
    return {
        "offers": variant_offers,
        # Published milia types only: an unpublished one has no page to link to yet.
        "suits_types": list(page.suits_types.filter(live=True).order_by("sort_order")),
        "not_for_types": list(page.not_for_types.filter(live=True).order_by("sort_order")),
        "avoid_sites": list(page.avoid_sites.order_by("sort_order")),
        "gallery": list(page.gallery.select_related("image").order_by("sort_order")),
        "product_jsonld": product_jsonld(page, variant_offers, request),
        "test_mode": settings.PAYMENT_PROVIDER == "dummy",
    }
