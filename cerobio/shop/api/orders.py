"""GET /api/v1/orders/{token}: the guest order page as JSON."""

import re
from typing import Annotated

from django.http import HttpRequest, HttpResponse
from ninja import Path, Router
from pydantic import WithJsonSchema

from cerobio.api.errors import ErrorOut, error
from cerobio.shop.orders.fetch import order_summary
from cerobio.shop.orders.models import Order

from .schemas import TOKEN_PATTERN, OrderOut

router = Router(tags=["shop"])


def order_out(order: Order) -> dict:
    summary = order_summary(order)
    return {
        "order_number": order.number,
        "status": order.status,
        "status_message": summary.status_message,
        "created_at": order.created_at,
        "lines": [
            {
                "sku": line.sku, "product": line.product, "name": line.name, "quantity": line.quantity,
                "unit_price": line.unit_price.as_dict(), "line_total": line.line_total.as_dict(),
                "vat_rate": line.vat_percent, "vat": line.vat.as_dict(),
            }
            for line in summary.lines
        ],
        "subtotal": summary.subtotal.as_dict(),
        "shipping": summary.shipping.as_dict(),
        "total": summary.total.as_dict(),
        "vat": summary.vat.as_dict(),
        "refunded": summary.refunded.as_dict(),
        "shipping_method": order.shipping_name,
        "estimated_delivery": {
            "min_days": (order.delivery_earliest - order.created_at.date()).days,
            "max_days": (order.delivery_latest - order.created_at.date()).days,
            "earliest": order.delivery_earliest, "latest": order.delivery_latest,
        },
        "tracking": (
            {"carrier": order.carrier, "number": order.tracking_number, "url": order.tracking_url}
            if order.tracking_number
            else None
        ),
    }


@router.get("/orders/{token}", response={200: OrderOut, 404: ErrorOut}, summary="An order, by its private token", operation_id="get_order")
def get_order(
    request: HttpRequest, response: HttpResponse,
    token: Annotated[str, Path(description="The order's private token."), WithJsonSchema({"type": "string", "pattern": TOKEN_PATTERN})],
):
    order = Order.objects.filter(token=token).prefetch_related("lines").first() if re.fullmatch(TOKEN_PATTERN, token) else None
    if order is None:
        return error(404, "order_not_found", "There is no order with that token.")
    response["Cache-Control"] = "no-store, private"
    return order_out(order)
