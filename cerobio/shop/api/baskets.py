"""Baskets through the API: the token returned on creation is the only key to a basket."""

import re
from typing import Annotated

from django.http import HttpRequest, HttpResponse
from ninja import Path, Router, Status
from pydantic import WithJsonSchema

from cerobio.api.errors import ErrorOut, error
from cerobio.core.ratelimit import RETRY_AFTER_DOC, Throttle
from cerobio.shop.basket import actions
from cerobio.shop.basket.fetch import view
from cerobio.shop.basket.models import Basket
from cerobio.shop.orders.stop import thaw_if_abandoned

from .schemas import LIMIT_ERRORS, TOKEN_PATTERN, BasketCreatedOut, BasketOut, LineIn, QuantityIn

router = Router(tags=["shop"])
ERRORS = {400: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut, **LIMIT_ERRORS}
# Basket changes share one allowance per client with the basket form (BASKET_RATE_LIMIT).
CHANGES = Throttle("basket", "BASKET_RATE_LIMIT")
# Path parameters as the OpenAPI document states them; a value outside them finds nothing (404), so they
# are declared rather than validated (validation would answer 422 where the answer is "no such basket").
BasketToken = Annotated[
    str, Path(description="The basket's token, from POST /baskets."), WithJsonSchema({"type": "string", "pattern": TOKEN_PATTERN})
]
LineId = Annotated[
    int, Path(description="A line's `id` in the basket."), WithJsonSchema({"type": "integer", "minimum": 1, "maximum": 2**63 - 1})
]


def basket_out(basket: Basket, changes=(), shown=None) -> dict:
    """The API's basket; `shown` is its view when the caller has just read it."""
    shown = shown or view(basket)
    return {
        "token": basket.token,
        "status": basket.status,
        "lines": [
            {
                "id": line.id, "sku": line.sku, "product": line.product, "name": line.name, "quantity": line.quantity,
                "unit_price": line.unit_price.as_dict(), "line_total": line.line_total.as_dict(), "available": line.available,
            }
            for line in shown.lines
        ],
        "item_count": shown.count,
        "subtotal": shown.subtotal.as_dict(),
        "vat": shown.vat.as_dict(),
        "changes": [{"sku": c.sku, "message": c.message} for c in changes],
    }


def find_basket(token: str) -> Basket | None:
    return Basket.objects.filter(token=token).first() if re.fullmatch(TOKEN_PATTERN, token) else None


def _missing():
    return error(404, "basket_not_found", "There is no basket with that token.")


def _basket_error(exc: actions.BasketError):
    extra = {k: v for k, v in exc.extra.items() if k == "sku"}
    return error(exc.status, exc.code, exc.message, **extra)


@router.post(
    "/baskets", response={201: BasketCreatedOut, **LIMIT_ERRORS}, summary="Start a basket", operation_id="create_basket",
    throttle=CHANGES, openapi_extra=RETRY_AFTER_DOC,
)
def create_basket(request: HttpRequest, response: HttpResponse):
    response["Cache-Control"] = "no-store, private"
    return Status(201, {"token": Basket.objects.create().token})


@router.get(
    "/baskets/{token}", response={200: BasketOut, 404: ErrorOut}, summary="A basket, re-checked against stock and prices",
    operation_id="get_basket",
)
def get_basket(request: HttpRequest, response: HttpResponse, token: BasketToken):
    basket = thaw_if_abandoned(find_basket(token))
    if basket is None:
        return _missing()
    response["Cache-Control"] = "no-store, private"
    return basket_out(basket, actions.recheck(basket))


@router.post(
    "/baskets/{token}/lines", response={201: BasketOut, **ERRORS}, summary="Add a product to a basket",
    operation_id="add_basket_line", throttle=CHANGES, openapi_extra=RETRY_AFTER_DOC,
)
def add_line(request: HttpRequest, token: BasketToken, payload: LineIn):
    basket = find_basket(token)
    if basket is None:
        return _missing()
    try:
        shown = actions.add(basket, payload.sku, payload.quantity)
    except actions.BasketError as exc:
        return _basket_error(exc)
    return Status(201, basket_out(basket, shown=shown))


@router.patch(
    "/baskets/{token}/lines/{line_id}", response={200: BasketOut, **ERRORS}, summary="Change a line's quantity",
    operation_id="update_basket_line", throttle=CHANGES, openapi_extra=RETRY_AFTER_DOC,
)
def update_line(request: HttpRequest, token: BasketToken, line_id: LineId, payload: QuantityIn):
    basket = find_basket(token)
    if basket is None:
        return _missing()
    try:
        actions.set_quantity(basket, line_id, payload.quantity)
    except actions.BasketError as exc:
        return _basket_error(exc)
    return basket_out(basket)


@router.delete(
    "/baskets/{token}/lines/{line_id}", response={200: BasketOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut, **LIMIT_ERRORS},
    summary="Remove a line", operation_id="delete_basket_line", throttle=CHANGES, openapi_extra=RETRY_AFTER_DOC,
)
def delete_line(request: HttpRequest, token: BasketToken, line_id: LineId):
    basket = find_basket(token)
    if basket is None:
        return _missing()
    try:
        actions.remove(basket, line_id)
    except actions.BasketError as exc:
        return _basket_error(exc)
    return basket_out(basket)
