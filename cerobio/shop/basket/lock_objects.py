"""Every row lock the basket app takes. Order of locks in the shop: order, basket, then stock."""

from django.utils import timezone

from cerobio.core.prepared import PreparedInstances, PreparedUpdate

from .models import Basket

_BASKET_FOR_UPDATE = PreparedInstances(
    Basket, lambda basket_id: Basket.objects.select_for_update().filter(pk=basket_id), basket_id=int
)


def basket_for_update(basket_id: int) -> Basket:
    """Lock one basket for the rest of the transaction (compiled once per process: cerobio/core/prepared.py)."""
    basket = _BASKET_FOR_UPDATE.first(basket_id=int(basket_id))
    if basket is None:
        raise Basket.DoesNotExist(f"No basket {basket_id}.")
    return basket


def touch_open_basket(basket_id: int) -> bool:
    """Lock one basket for the rest of the transaction and mark it used now, only if it is still open.

    One UPDATE: the row lock is the update's. A checkout freezing the basket at the same moment is
    waited for, and then the basket is no longer open. False if it is not open (or has gone).
    """
    return bool(
        _TOUCH(values={"updated_at": timezone.now()}, match={"id": int(basket_id), "status": Basket.Status.OPEN})
    )


def freeze_open_basket(basket_id: int) -> bool:
    """Lock one basket for the rest of the transaction and freeze it for checkout, only if it is open.

    One UPDATE, as touch_open_basket: a second checkout of the same basket waits for the first and
    then finds it no longer open. False if it is not open (or has gone); the caller's transaction
    rolls the freeze back if the checkout fails after it.
    """
    return bool(
        _FREEZE(values={"status": Basket.Status.FROZEN}, match={"id": int(basket_id), "status": Basket.Status.OPEN})
    )


_TOUCH = PreparedUpdate(Basket, fields=("updated_at",), match=("id", "status"))
_FREEZE = PreparedUpdate(Basket, fields=("status",), match=("id", "status"))
