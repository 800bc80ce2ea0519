"""Every row lock the catalogue takes. Locks are always taken in primary-key order.

Across the shop the order is: an order row first (orders.lock_objects), then stock rows by
variant id. Keeping one order everywhere means two transactions can never wait on each other.
"""

from cerobio.core.prepared import PreparedInstances

from .models import Stock

# One variant is the usual basket: that lock is compiled once per process (cerobio/core/prepared.py).
_ONE_STOCK_FOR_UPDATE = PreparedInstances(
    Stock, lambda variant_id: Stock.objects.select_for_update().filter(variant_id=variant_id), variant_id=int
)


def stock_for_update(variant_ids):
    """Lock the stock rows of these variants, lowest variant id first."""
    ids = set(variant_ids)
    if len(ids) == 1:
        return _ONE_STOCK_FOR_UPDATE(variant_id=int(ids.pop()))
    return list(Stock.objects.select_for_update().filter(variant_id__in=ids).order_by("variant_id"))
