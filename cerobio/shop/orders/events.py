"""Writing an order's history."""

from __future__ import annotations

from .models import OrderEvent


def record(order, kind, message: str = "", user=None, **data) -> OrderEvent:
    """Add an event to the order's history (in the caller's transaction, if any)."""
    return OrderEvent.objects.create(order=order, kind=kind, message=message, user=user, data=data)
