"""Every row lock the basket app takes. Order of locks in the shop: order, basket, then stock.

A basket changes state only from the state the caller expects, so the two changes that start from
"open" are single guarded UPDATEs: the update takes the row lock, and a basket that is no longer
open (a checkout froze it a moment ago) is simply not matched.
"""

from django.utils import timezone

from .models import Basket


def basket_for_update(basket_id: int) -> Basket:
    """Lock one basket for the rest of the transaction."""
    return Basket.objects.select_for_update().get(pk=basket_id)


def _open(basket_id: int):
    return Basket.objects.filter(pk=basket_id, status=Basket.Status.OPEN)


def touch_open_basket(basket_id: int) -> bool:
    """Lock one basket for the rest of the transaction and mark it used now, only if it is still open.

    A checkout freezing the basket at the same moment is waited for, and then the basket is no
    longer open. False if it is not open (or has gone).
    """
    return bool(_open(basket_id).update(updated_at=timezone.now()))


def freeze_open_basket(basket_id: int) -> bool:
    """Lock one basket for the rest of the transaction and freeze it for checkout, only if it is open.

    A second checkout of the same basket waits for the first and then finds it no longer open.
    False if it is not open (or has gone); the caller's transaction rolls the freeze back if the
    checkout fails after it.
    """
    return bool(_open(basket_id).update(status=Basket.Status.FROZEN))
