"""Every row lock the basket app takes. Order of locks in the shop: order, basket, then stock."""

from .models import Basket


def basket_for_update(basket_id: int) -> Basket:
    """Lock one basket for the rest of the transaction."""
    return Basket.objects.select_for_update().get(pk=basket_id)
