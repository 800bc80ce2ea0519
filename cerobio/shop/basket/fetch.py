"""Read-side basket: lines with current prices, totals with the VAT inside them, and the count."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Sum

from cerobio.shop.catalogue.models.stock import held_units
from cerobio.shop.money import Money, total, vat_included

from .models import Basket, BasketLine


@dataclass(frozen=True)
class LineView:
    id: int
    sku: str
    product: str
    name: str
    page: object = field(repr=False, compare=False)  # the product page, for `url`
    quantity: int
    unit_price: Money
    line_total: Money
    vat: Money
    vat_rate: object
    available: int

    @property
    def url(self) -> str:
        """The product page's address: worked out only where shown (the basket page), not in the API."""
        return self.page.url or ""


@dataclass(frozen=True)
class BasketView:
    token: str
    status: str
    lines: tuple[LineView, ...]
    subtotal: Money
    vat: Money

    @property
    def count(self) -> int:
        return sum(line.quantity for line in self.lines)

    @property
    def is_empty(self) -> bool:
        return not self.lines


# What a basket line needs of its variant, product page and stock: the product page's row is wide
# (every Wagtail page field and the product's texts), and reading it all made the basket's one query
# the slowest part of adding to a basket.
LINE_FIELDS = (
    "id", "basket_id", "variant_id", "quantity", "price_seen", "created_at",
    "variant__id", "variant__sku", "variant__name", "variant__price", "variant__vat_rate", "variant__on_sale",
    "variant__product_id", "variant__product__title", "variant__product__url_path", "variant__product__live",
    "variant__stock__variant_id", "variant__stock__quantity",
)


def lines_with_stock(basket: Basket):
    """The basket's lines with their variant, product and stock, and the units held for payments."""
    return (
        basket.lines.select_related("variant__product", "variant__stock")
        .only(*LINE_FIELDS)
        .annotate(held=held_units("variant_id"))
    )


def view(basket: Basket) -> BasketView:
    """The basket as a customer sees it, priced now (VAT included; VAT part per line)."""
    lines = []
    rows = lines_with_stock(basket)
    for line in rows:
        variant = line.variant
        unit = Money(variant.price)
        line_total = unit * line.quantity
        stock = getattr(variant, "stock", None)
        lines.append(
            LineView(
                id=line.pk,
                sku=variant.sku,
                product=variant.product.title,
                name=variant.name,
                page=variant.product,
                quantity=line.quantity,
                unit_price=unit,
                line_total=line_total,
                vat=Money(vat_included(line_total.amount, variant.vat_rate)),
                vat_rate=variant.vat_rate,
                available=max(0, stock.quantity - line.held) if stock else 0,
            )
        )
    return BasketView(
        token=basket.token,
        status=basket.status,
        lines=tuple(lines),
        subtotal=total(line.line_total for line in lines),
        vat=total(line.vat for line in lines),
    )


def item_count(token: str | None) -> int:
    """How many items an open basket holds (one query; none without a token)."""
    if not token:
        return 0
    return (
        BasketLine.objects.filter(basket__token=token, basket__status__in=(Basket.Status.OPEN, Basket.Status.FROZEN))
        .aggregate(n=Sum("quantity"))["n"]
        or 0
    )
