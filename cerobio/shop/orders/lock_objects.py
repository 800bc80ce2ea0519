"""Every row lock the orders app takes. An order row is locked before any basket or stock row."""

from cerobio.core.prepared import PreparedInstances

from .models import Order

# Taken by every payment and every change of status: compiled once per process (cerobio/core/prepared.py).
_ORDER_FOR_UPDATE = PreparedInstances(
    Order, lambda order_id: Order.objects.select_for_update().filter(pk=order_id), order_id=int
)


def order_for_update(order_id: int) -> Order:
    """Lock one order for the rest of the transaction."""
    order = _ORDER_FOR_UPDATE.first(order_id=int(order_id))
    if order is None:
        raise Order.DoesNotExist(f"No order {order_id}.")
    return order


def orders_for_update(order_ids) -> list[Order]:
    """Lock several orders, in primary-key order (the order every other lock is taken in)."""
    return list(Order.objects.select_for_update().filter(pk__in=list(order_ids)).order_by("pk"))
