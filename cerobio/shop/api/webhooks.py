"""POST /api/v1/payments/stripe/webhook: Stripe's events, verified on the raw body."""

from django.http import HttpRequest
from ninja import Router
from ninja.security import APIKeyHeader

from cerobio.api.errors import NO_NUL, ErrorOut, error
from cerobio.shop.orders.stripe_flow import WebhookRefused, handle_webhook

from .schemas import WebhookOut

router = Router(tags=["payments"])


class StripeSignature(APIKeyHeader):
    """The webhook's credential, as the OpenAPI document states it: the Stripe-Signature header, made by
    Stripe with the endpoint's signing secret over the raw body. Its absence is a 401 here; the view
    checks it against the body (401 `invalid_signature` when it does not match)."""

    param_name = "Stripe-Signature"

    def authenticate(self, request: HttpRequest, key: str | None) -> str | None:
        return key or None


EVENT_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {
                "schema": {
                    "type": "object",
                    "description": "A Stripe event, exactly as Stripe sent it (the signature covers the raw bytes).",
                    "required": ["id", "type", "data"],
                    "properties": {
                        "id": {"type": "string", "pattern": NO_NUL},
                        "type": {"type": "string", "pattern": NO_NUL},
                        "data": {"$ref": "#/components/schemas/JsonObjectWithoutNul"},
                    },
                    "propertyNames": {"pattern": NO_NUL},
                    "additionalProperties": {"$ref": "#/components/schemas/JsonWithoutNul"},
                }
            }
        },
    }
}


@router.post(
    "/payments/stripe/webhook",
    response={200: WebhookOut, 400: ErrorOut, 401: ErrorOut, 503: ErrorOut},
    summary="Stripe webhook",
    description=(
        "Called by Stripe. The Stripe-Signature header is checked against the raw body: a missing or "
        "mismatched signature is 401 (`unauthorised`, `invalid_signature`), a signed body that is not a "
        "Stripe event 400 `invalid_payload`, and 503 `webhook_not_configured` while STRIPE_WEBHOOK_SECRET is unset."
    ),
    operation_id="stripe_webhook",
    auth=StripeSignature(),
    openapi_extra=EVENT_BODY,
)
def stripe_webhook(request: HttpRequest):
    try:
        return handle_webhook(request.body, request.auth)
    except WebhookRefused as exc:
        return error(exc.status, exc.code, exc.message)
