"""POST /api/v1/baskets/{token}/checkout: one call from basket to a paid order, once per key."""

from django.conf import settings
from django.http import HttpRequest
from ninja import Header, Router, Status

from cerobio.core.ratelimit import Throttle
from cerobio.shop.checkout.complete import complete_checkout
from cerobio.shop.checkout.details import CheckoutError, CheckoutRequest

from .baskets import find_basket
from .schemas import CheckoutIn, ErrorOut, OrderCreatedOut, error

router = Router(tags=["shop"])


@router.post(
    "/baskets/{token}/checkout",
    response={201: OrderCreatedOut, 400: ErrorOut, 402: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut, 503: ErrorOut},
    summary="Check out a basket and pay",
    description=(
        "Send a new `Idempotency-Key` for each checkout attempt. Repeating a request with the same key "
        "returns the same order and never makes a second one. 409 `insufficient_stock` names the `sku`; "
        "402 `payment_declined` leaves the basket as it was, with no stock held."
    ),
    operation_id="checkout_basket",
    throttle=Throttle("checkout", "CHECKOUT_RATE_LIMIT"),  # shared with the checkout page
)
def checkout_basket(
    request: HttpRequest,
    token: str,
    payload: CheckoutIn,
    idempotency_key: str | None = Header(None, alias="Idempotency-Key", max_length=128),
):
    basket = find_basket(token)
    if basket is None:
        return error(404, "basket_not_found", "There is no basket with that token.")
    req = CheckoutRequest(
        email=payload.email,
        address=payload.shipping_address.model_dump(),
        shipping_method=payload.shipping_method,
        accept_terms=payload.accept_terms,
        payment=payload.payment.model_dump(exclude_unset=True),  # card fields are checked when sent
    )
    try:
        outcome = complete_checkout(basket, req, idempotency_key, return_base=settings.SITE_URL)
    except CheckoutError as exc:
        return error(exc.status, exc.code, exc.message, exc.errors, **exc.extra)
    order = outcome.order
    if outcome.status == "declined":
        return error(402, "payment_declined", outcome.message or "The card was declined.", order_number=order.number)
    if outcome.status == "cancelled":
        return error(409, "order_cancelled", outcome.message, order_number=order.number)
    return Status(201, {
        "order_number": order.number,
        "token": order.token,
        "status": order.status,
        "total": order.total_money.as_dict(),
        "redirect_url": outcome.redirect_url or None,
    })
