"""Every row lock the catalogue takes. Locks are always taken in primary-key order.

Across the shop the order is: an order row first (orders.lock_objects), then stock rows by
variant id. Keeping one order everywhere means two transactions can never wait on each other.
"""

from .models import Stock


def stock_for_update(variant_ids) -> list[Stock]:
    """Lock the stock rows of these variants, lowest variant id first."""
    return list(Stock.objects.select_for_update().filter(variant_id__in=set(variant_ids)).order_by("variant_id"))
