"""Every row lock the basket app takes. Order of locks in the shop: order, basket, then stock."""

from django.utils import timezone

from cerobio.core.prepared import PreparedRead, PreparedUpdate, instance

from .models import Basket

_FIELDS = tuple(f.attname for f in Basket._meta.concrete_fields)
_BASKET_FOR_UPDATE = PreparedRead(
    lambda basket_id: Basket.objects.select_for_update().filter(pk=basket_id).values_list(*_FIELDS), basket_id=int
)


def basket_for_update(basket_id: int) -> Basket:
    """Lock one basket for the rest of the transaction (compiled once per process: cerobio/core/prepared.py)."""
    rows = _BASKET_FOR_UPDATE(basket_id=int(basket_id))
    if not rows:
        raise Basket.DoesNotExist(f"No basket {basket_id}.")
    return instance(Basket, _FIELDS, rows[0])


def touch_open_basket(basket_id: int) -> bool:
    """Lock one basket for the rest of the transaction and mark it used now, only if it is still open.

    One UPDATE: the row lock is the update's. A checkout freezing the basket at the same moment is
    waited for, and then the basket is no longer open. False if it is not open (or has gone).
    """
    return bool(
        _TOUCH(values={"updated_at": timezone.now()}, match={"id": int(basket_id), "status": Basket.Status.OPEN})
    )


_TOUCH = PreparedUpdate(Basket, fields=("updated_at",), match=("id", "status"))
