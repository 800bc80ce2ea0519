"""Writing an order's history: every event is one prepared insert (cerobio/core/prepared.py)."""

from __future__ import annotations

from cerobio.core.prepared import PreparedInsert

from .models import OrderEvent

_INSERT_EVENT = PreparedInsert(OrderEvent)


def record(order, kind, message: str = "", user=None, **data) -> OrderEvent:
    """Add an event to the order's history (in the caller's transaction, if any)."""
    return _INSERT_EVENT(OrderEvent(order=order, kind=kind, message=message, user=user, data=data))
