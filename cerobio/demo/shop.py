"""The demo shop from content/shop/: the shop page, the products with their variants and stock, and
the delivery zones. Only what is missing is added, so an editor's changes (stock levels included)
survive another load.
"""

from collections import Counter
from decimal import Decimal

from cerobio.guide.models import BodySite, HomePage, MiliaType
from cerobio.shop.catalogue.fetch import default_shop_settings
from cerobio.shop.catalogue.models import (
    ProductPage,
    ProductVariant,
    ShopIndexPage,
    Stock,
    StockMovement,
)
from cerobio.shop.catalogue.models.settings import TRADER_FIELDS
from cerobio.shop.delivery.models import ShippingMethod, ShippingZone

from .content import Content
from .markup import fields

RELATIONS = ("suits_types", "not_for_types", "avoid_sites", "variants")


def money(value) -> Decimal | None:
    """A price from a content file (YAML reads 29.00 as a number) as Decimal, to the penny."""
    return None if value is None else Decimal(str(value)).quantize(Decimal("0.01"))


def load_shop(content: Content, created: Counter):
    """Delivery zones, then the shop page and its products under the home page."""
    _zones(content, created)
    _trader(content.trader, created)
    home = HomePage.objects.first()
    if home is None:
        return
    index = ShopIndexPage.objects.child_of(home).first()
    if index is None:
        index = ShopIndexPage(slug="shop", **content.shop)
        home.add_child(instance=index)
        index.save_revision().publish(log_action=False)
        created["shop pages"] += 1
    for data in content.products:
        _product(index, data, created)


def _trader(data: dict, created: Counter):
    """The trader's details into Settings › Shop, only while all of them are empty (never over an editor's)."""
    shop = default_shop_settings()
    if shop is None or any(getattr(shop, name) for name in TRADER_FIELDS):
        return
    for name, value in data.items():
        setattr(shop, name, str(value) if name in TRADER_FIELDS else value)
    shop.full_clean()
    shop.save()
    created["trader details"] += 1


def _product(index: ShopIndexPage, data: dict, created: Counter):
    skus = [v["sku"] for v in data["variants"]]
    # A product that exists, or one the site already sells under another address (an earlier demo's).
    if ProductPage.objects.filter(slug=data["slug"]).exists() or ProductVariant.objects.filter(sku__in=skus).exists():
        return
    page = ProductPage(**fields(ProductPage, {k: v for k, v in data.items() if k not in RELATIONS}))
    page.suits_types = list(MiliaType.objects.filter(slug__in=data.get("suits_types", [])))
    page.not_for_types = list(MiliaType.objects.filter(slug__in=data.get("not_for_types", [])))
    page.avoid_sites = list(BodySite.objects.filter(code__in=data.get("avoid_sites", [])))
    page.variants = [
        ProductVariant(sku=v["sku"], name=v["name"], price=money(v["price"]), sort_order=i)
        for i, v in enumerate(data["variants"])
    ]
    index.add_child(instance=page)
    page.save_revision().publish(log_action=False)
    created["shop pages"] += 1
    for v in data["variants"]:
        _stock(v["sku"], v.get("stock", 0), created)


def _stock(sku: str, quantity: int, created: Counter):
    variant = ProductVariant.objects.get(sku=sku)
    stock, _ = Stock.objects.get_or_create(variant=variant)
    if stock.quantity == 0 and not StockMovement.objects.filter(variant=variant).exists():
        stock.quantity = quantity
        stock.save()
        StockMovement.objects.create(
            variant=variant,
            sku=sku,
            change=quantity,
            quantity_after=quantity,
            reason=StockMovement.Reason.RECEIVED,
            note="Demo stock",
        )
        created["stock levels"] += 1


def _zones(content: Content, created: Counter):
    for i, data in enumerate(content.zones):
        if ShippingZone.objects.filter(name=data["name"]).exists():
            continue
        zone = ShippingZone(
            name=data["name"],
            countries=data.get("countries", ""),
            rest_of_world=data.get("rest_of_world", False),
            sort_order=i,
        )
        zone.methods = [
            ShippingMethod(
                **{**m, "price": money(m["price"]), "free_over": money(m.get("free_over"))},
                sort_order=j,
            )
            for j, m in enumerate(data["methods"])
            if not ShippingMethod.objects.filter(code=m["code"]).exists()
        ]
        zone.full_clean()
        zone.save()
        created["shipping zones"] += 1
