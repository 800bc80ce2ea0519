"""Every row lock the basket app takes. Order of locks in the shop: order, basket, then stock."""

from django.utils import timezone

from .models import Basket


def basket_for_update(basket_id: int) -> Basket:
    """Lock one basket for the rest of the transaction."""
    return Basket.objects.select_for_update().get(pk=basket_id)


def touch_open_basket(basket_id: int) -> bool:
    """Lock one basket for the rest of the transaction and mark it used now, only if it is still open.

    One UPDATE: the row lock is the update's. A checkout freezing the basket at the same moment is
    waited for, and then the basket is no longer open. False if it is not open (or has gone).
    """
    return bool(Basket.objects.filter(pk=basket_id, status=Basket.Status.OPEN).update(updated_at=timezone.now()))
