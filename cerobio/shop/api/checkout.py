"""POST /api/v1/baskets/{token}/checkout: one call from basket to a paid order, once per key."""

from django.conf import settings
from django.http import HttpRequest, JsonResponse
from ninja import Header, Router, Status

from cerobio.api.errors import ErrorOut, error
from cerobio.core.ratelimit import RETRY_AFTER_DOC, Throttle
from cerobio.shop.checkout.complete import complete_checkout
from cerobio.shop.checkout.details import KEY_PATTERN, CheckoutError, CheckoutRequest

from .baskets import BasketToken, find_basket
from .schemas import LIMIT_ERRORS, CheckoutIn, OrderCreatedOut, PaymentPendingOut

router = Router(tags=["shop"])

DESCRIPTION = """\
Send a new `Idempotency-Key` for each checkout. Repeating the request with the same key and the same
body never makes a second order: it answers for the order the first request made, and finishes what
that request left undone.

| answer | the order | what to do |
|---|---|---|
| `201` | placed and **paid**; stock allocated, confirmation email on its way | nothing |
| `202` `payment_pending` with `redirect_url` and `expires_at` | placed, stock held until `expires_at`, waiting for the customer to pay on the provider's page (Stripe Checkout) | send the customer to `redirect_url`; a repeat gives the same page while it is open (a new one if it expired while the stock is still held) |
| `202` `payment_pending` with `retry_after` (and `Retry-After`) | placed, stock held; another request with this key is taking the payment now | repeat the same request after `retry_after` seconds |
| `402` `payment_declined` | not paid; stock released, basket open again | try another card with a **new** key |
| `409` `order_cancelled` | cancelled | start again with a new key |
| `409` `idempotency_key_reused` | the key was used for another basket or a different body | send a new key |
| `409` `insufficient_stock` (names `sku`), `basket_not_open`, `unavailable`, `price_changed`, `basket_empty` | no order | change the basket |
| `422` `invalid_details` / `invalid_request` | no order | correct the fields listed in `errors` |
| `503` `payment_unavailable` / `service_unavailable` | no order, or its stock released; nothing charged | repeat the same request later |

A request cut off after the order was placed (a lost connection, a timeout) is finished by repeating
it with the same key: the payment is taken then (201 or 402), or, if the stock hold has run out
meanwhile, the stock is released and the answer is 402. An unpaid order is never answered with 201.

With Stripe, the first answer is `202` with `redirect_url`, and so is every repeat while the customer
may still pay there: the same `redirect_url` and `expires_at`, without asking Stripe again. Once the
customer has paid the repeat answers `201`; once the page has expired (and the stock with it) or the
customer left it, `402` with the stock released.
"""


@router.post(
    "/baskets/{token}/checkout",
    response={
        201: OrderCreatedOut, 202: PaymentPendingOut, 400: ErrorOut, 402: ErrorOut, 404: ErrorOut, 409: ErrorOut,
        422: ErrorOut, 503: ErrorOut, **LIMIT_ERRORS,
    },
    summary="Check out a basket and pay",
    description=DESCRIPTION,
    operation_id="checkout_basket",
    throttle=Throttle("checkout", "CHECKOUT_RATE_LIMIT"),  # shared with the checkout page
    openapi_extra=RETRY_AFTER_DOC,
)
def checkout_basket(
    request: HttpRequest,
    token: BasketToken,
    payload: CheckoutIn,
    idempotency_key: str = Header(
        ..., alias="Idempotency-Key", min_length=8, max_length=128, pattern=KEY_PATTERN.pattern,
        description="New for each checkout: 8 to 128 letters, digits, '-', '_', ':' or '.'.",
    ),
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
    body = {"order_number": order.number, "token": order.token, "status": order.status, "total": order.total_money.as_dict()}
    if outcome.status == "paid":
        return Status(201, {**body, "redirect_url": None})
    return _payment_pending(body, outcome)


def _payment_pending(body: dict, outcome) -> JsonResponse:
    """202: placed and not paid; the body says how to go on (pay at redirect_url, or repeat after retry_after)."""
    if outcome.redirect_url:
        message = "The order is placed and its stock held until it is paid: send the customer to redirect_url to pay."
    else:
        message = outcome.message or "The payment is not finished. Repeat the request with the same Idempotency-Key."
    expires_at = outcome.expires_at.isoformat() if outcome.redirect_url and outcome.expires_at else None
    response = JsonResponse(
        {"code": "payment_pending", "message": message, **body, "redirect_url": outcome.redirect_url or None,
         "expires_at": expires_at, "retry_after": outcome.retry_after or None},
        status=202,
    )
    if outcome.retry_after:
        response["Retry-After"] = str(outcome.retry_after)
    response["Cache-Control"] = "no-store, private"
    return response
