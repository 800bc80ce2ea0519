"""The API's one error shape, used by the identifier's and the shop's routers and by main.py's handlers.

It sits below the apps (it imports none of them), so their routers can use it.
"""

from __future__ import annotations

from django.http import JsonResponse
from ninja import Field, Schema


class ErrorItem(Schema):
    field: str
    message: str
    allowed: list[str] = Field(default_factory=list)


class ErrorOut(Schema):
    """Every error: a machine-readable code and a message for people (and per-field errors)."""

    code: str
    message: str
    errors: list[ErrorItem] = Field(default_factory=list)
    sku: str | None = Field(None, description="Store API: the product the error is about (e.g. out of stock).")
    order_number: str | None = Field(None, description="Store API checkout: the order whose payment failed.")


# No NUL character: any request with one is refused with 400 before a view sees it
# (cerobio/core/request_guard.py), so the OpenAPI document's text says so with this pattern.
NO_NUL = r"^[^\x00]*$"
# Any JSON value with no NUL character in a key or a string, for a body taken as it comes (the Stripe
# webhook's event); CerobioAPI adds these to the document's components.
JSON_WITHOUT_NUL = {
    "JsonWithoutNul": {
        "description": "Any JSON value with no NUL character in a key or a string.",
        "anyOf": [
            {"type": "string", "pattern": NO_NUL}, {"type": "number"}, {"type": "boolean"}, {"type": "null"},
            {"type": "array", "items": {"$ref": "#/components/schemas/JsonWithoutNul"}},
            {"$ref": "#/components/schemas/JsonObjectWithoutNul"},
        ],
    },
    "JsonObjectWithoutNul": {
        "type": "object",
        "propertyNames": {"pattern": NO_NUL},
        "additionalProperties": {"$ref": "#/components/schemas/JsonWithoutNul"},
    },
}  # fmt: skip


def error_body(code: str, message: str, errors: list | None = None, **extra) -> dict:
    return {"code": code, "message": message, "errors": errors or [], **extra}


def error(status: int, code: str, message: str, errors: list | None = None, **extra) -> JsonResponse:
    """An error response in the shape above, never cached."""
    response = JsonResponse(error_body(code, message, errors, **extra), status=status)
    response["Cache-Control"] = "no-store, private"
    return response
