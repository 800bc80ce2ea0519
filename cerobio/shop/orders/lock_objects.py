"""Every row lock the orders app takes. An order row is locked before any basket or stock row."""

from .models import Order


def order_for_update(order_id: int) -> Order:
    """Lock one order for the rest of the transaction."""
    return Order.objects.select_for_update().get(pk=order_id)


def orders_for_update(order_ids) -> list[Order]:
    """Lock several orders, in primary-key order (the order every other lock is taken in)."""
    return list(Order.objects.select_for_update().filter(pk__in=list(order_ids)).order_by("pk"))
