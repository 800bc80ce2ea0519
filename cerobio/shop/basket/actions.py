"""Changing a basket: add, set a quantity, remove, and the re-check done on every view."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction

from cerobio.shop.catalogue.models import ProductVariant, Stock
from cerobio.shop.catalogue.models.stock import held_units

from .fetch import BasketView, lines_with_stock, view
from .lock_objects import touch_open_basket
from .models import MAX_QUANTITY, Basket, BasketLine


class BasketError(Exception):
    """A basket change that cannot be made; `code` is machine-readable, the message is for people."""

    def __init__(self, code: str, message: str, status: int = 409, **extra):
        self.code, self.message, self.status, self.extra = code, message, status, extra
        super().__init__(message)


def _available(variant: ProductVariant) -> int:
    """Units of the variant not held for someone else's payment (one query)."""
    stock = Stock.objects.filter(variant=variant).annotate(held=held_units("variant_id")).first()
    return max(0, stock.quantity - stock.held) if stock else 0


def _open_basket(basket: Basket) -> Basket:
    """Lock the basket (and mark it used now) for the change about to be made, if it is still open."""
    if not touch_open_basket(basket.pk):
        raise BasketError(
            "basket_not_open",
            "This basket is being paid for or was already ordered, so it cannot be changed.",
        )
    return basket


def _check_range(quantity: int) -> None:
    if quantity < 1 or quantity > MAX_QUANTITY:
        raise BasketError("invalid_quantity", f"Choose a quantity from 1 to {MAX_QUANTITY}.", status=422)


def _check_quantity(variant: ProductVariant, quantity: int, available: int | None = None) -> None:
    """Refuse a quantity out of range or over the units available (read now, unless the caller has them)."""
    _check_range(quantity)
    if available is None:
        available = _available(variant)
    if quantity > available:
        message = (
            f"Sorry, {variant.name} is out of stock."
            if available == 0
            else f"Sorry, only {available} of {variant.name} left."
        )
        raise BasketError("insufficient_stock", message, sku=variant.sku, available=available)


def find_variant(sku: str, *, with_page: bool = True) -> ProductVariant:
    """The variant on sale under this SKU, with the few fields of its product page a basket shows
    (`with_page=False`: only what a basket line and its messages need, without the page's row)."""
    variants = ProductVariant.objects.filter(sku=str(sku).strip().upper(), on_sale=True, product__live=True)
    if with_page:
        variants = variants.select_related("product").only(
            "id", "sku", "name", "price", "vat_rate", "on_sale", "product_id",
            "product__title", "product__url_path", "product__live",
        )  # fmt: skip
    else:
        variants = variants.only("id", "sku", "name", "price")
    variant = variants.first()
    if variant is None:
        raise BasketError("unknown_sku", "We do not sell a product with that code.", status=404)
    return variant


def add(basket: Basket, sku: str, quantity: int = 1) -> BasketView:
    """Add units of a variant (joining an existing line), if they are in stock; returns the basket's view.

    The stock is checked against that view, read just after the change in the same transaction (one
    query for both): over the units available, the error rolls the change back.
    """
    variant = find_variant(sku, with_page=False)
    with transaction.atomic():
        basket = _open_basket(basket)
        line = BasketLine.objects.filter(basket=basket, variant=variant).first()
        new_quantity = (line.quantity if line else 0) + quantity
        if line and 1 <= quantity <= MAX_QUANTITY < new_quantity:
            # A quantity allowed on its own that the line already in the basket takes over the limit: the
            # request is fine, the basket's state is in the way (409, as out of stock is).
            raise BasketError(
                "invalid_quantity",
                f"Your basket already has {line.quantity} of these; at most {MAX_QUANTITY} of one product.",
                status=409,
            )
        _check_range(new_quantity)
        if line:
            line.quantity, line.price_seen = new_quantity, variant.price
            line.save(update_fields=["quantity", "price_seen"])
        else:
            line = BasketLine.objects.create(basket=basket, variant=variant, quantity=new_quantity, price_seen=variant.price)
        shown = view(basket)
        _check_quantity(variant, new_quantity, available=next(v.available for v in shown.lines if v.id == line.pk))
    return shown


def _line(basket: Basket, line_id) -> BasketLine:
    try:
        line_id = int(line_id)
    except (TypeError, ValueError):
        line_id = 0
    line = BasketLine.objects.filter(basket=basket, pk=line_id).select_related("variant").first()
    if line is None:
        raise BasketError("unknown_line", "That item is not in this basket.", status=404)
    return line


def set_quantity(basket: Basket, line_id: int, quantity: int) -> BasketLine | None:
    """Change a line's quantity (0 removes it)."""
    with transaction.atomic():
        basket = _open_basket(basket)
        line = _line(basket, line_id)
        if quantity == 0:
            line.delete()
            return None
        _check_quantity(line.variant, quantity)
        line.quantity = quantity
        line.save(update_fields=["quantity"])
    return line


def remove(basket: Basket, line_id: int) -> None:
    with transaction.atomic():
        basket = _open_basket(basket)
        _line(basket, line_id).delete()


@dataclass(frozen=True)
class Change:
    """Something that changed since the customer last looked, in words for them."""

    sku: str
    message: str


def recheck(basket: Basket) -> list[Change]:
    """Bring an open basket up to date with prices and stock; say what changed."""
    if basket.status != Basket.Status.OPEN:
        return []
    changes: list[Change] = []
    with transaction.atomic():
        lines = list(lines_with_stock(basket))
        for line in lines:
            variant = line.variant
            name = f"{variant.product.title} ({variant.name})"
            if not variant.on_sale or not variant.product.live:
                line.delete()
                changes.append(Change(variant.sku, f"{name} is no longer sold, so we removed it from your basket."))
                continue
            stock = getattr(variant, "stock", None)
            available = max(0, stock.quantity - line.held) if stock else 0
            if available == 0:
                line.delete()
                changes.append(Change(variant.sku, f"{name} has sold out, so we removed it from your basket."))
                continue
            if line.quantity > available:
                line.quantity = available
                line.save(update_fields=["quantity"])
                changes.append(Change(variant.sku, f"Only {available} of {name} left, so we changed the quantity to {available}."))
            if line.price_seen != variant.price:
                went = "gone down" if variant.price < line.price_seen else "gone up"
                changes.append(
                    Change(variant.sku, f"The price of {name} has {went} from £{line.price_seen} to £{variant.price}.")
                )
                line.price_seen = variant.price
                line.save(update_fields=["price_seen"])
    return changes
