"""POST /api/v1/payments/stripe/webhook: Stripe's events, verified on the raw body."""

from django.http import HttpRequest
from ninja import Router

from cerobio.api.errors import ErrorOut, error
from cerobio.shop.orders.stripe_flow import WebhookRefused, handle_webhook

from .schemas import WebhookOut

router = Router(tags=["payments"])


@router.post(
    "/payments/stripe/webhook",
    response={200: WebhookOut, 400: ErrorOut, 503: ErrorOut},
    summary="Stripe webhook",
    description="Called by Stripe. The Stripe-Signature header is checked against the raw body.",
    operation_id="stripe_webhook",
)
def stripe_webhook(request: HttpRequest):
    try:
        return handle_webhook(request.body, request.headers.get("Stripe-Signature"))
    except WebhookRefused as exc:
        return error(exc.status, exc.code, exc.message)
