"""The NinjaAPI object and one error shape for every 4xx: {"code", "message", "errors": [...]}.

Validation errors (422) list, for each bad field or value, the values that are allowed, read from
the request schema itself, so the message can never drift from the schema.
"""

import functools
import logging
import math
from typing import Literal, get_args, get_origin

from django.conf import settings
from django.core.exceptions import (
    BadRequest,
    PermissionDenied,
    RequestDataTooBig,
    SuspiciousOperation,
)
from django.core.signals import got_request_exception
from django.http import Http404, HttpRequest, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from ninja import NinjaAPI
from ninja.errors import HttpError, Throttled, ValidationError

from cerobio.api.errors import JSON_WITHOUT_NUL, error_body
from cerobio.core.outage import is_database_outage, report_database_outage, unavailable_response
from cerobio.core.views import SERVER_ERROR_BODY
from cerobio.identify.api import router as identify_router
from cerobio.shop.api import router as shop_router

BODY_PREFIX = ("body", "payload")


def _path(loc) -> str:
    """('body', 'payload', 'sites', 1) -> 'sites[1]'."""
    parts = list(loc)
    if tuple(parts[:2]) == BODY_PREFIX:
        parts = parts[2:]
    elif parts[:1] in (["body"], ["header"], ["query"], ["path"]):
        parts = parts[1:]  # ('header', 'Idempotency-Key') -> 'Idempotency-Key'
    out = ""
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "body"


def _literal_values(annotation) -> list[str]:
    """Every string in the Literal(s) inside a (possibly optional or list) annotation."""
    if get_origin(annotation) is Literal:
        return [a for a in get_args(annotation) if isinstance(a, str)]
    values: list[str] = []
    for arg in get_args(annotation):
        values.extend(_literal_values(arg))
    return values


def _allowed(params_model, loc: tuple) -> list[str]:
    """The allowed field names (unknown field) or values (bad value) for an error location."""
    if len(loc) < 2 or params_model is None:
        return []
    param = params_model.model_fields.get(str(loc[1]))
    schema = param.annotation if param is not None else None
    if not hasattr(schema, "model_fields"):
        return []
    rest = loc[2:]
    if not rest:
        return list(schema.model_fields)
    field = schema.model_fields.get(str(rest[0]))
    return _literal_values(field.annotation) if field is not None else list(schema.model_fields)


class CerobioAPI(NinjaAPI):
    """NinjaAPI whose validation errors carry the allowed values, read from the schema."""

    def get_openapi_schema(self, *, path_prefix=None, path_params=None):
        """Every operation documents 400: any request with a NUL character is refused before the view
        (cerobio/core/request_guard.py), whatever the operation."""
        schema = super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params)
        schema.setdefault("components", {}).setdefault("schemas", {}).update(JSON_WITHOUT_NUL)
        error = {"$ref": "#/components/schemas/ErrorOut"}
        for operations in schema.get("paths", {}).values():
            for operation in operations.values():
                operation.setdefault("responses", {}).setdefault(400, {
                    "description": "Bad request: a NUL character in the address, a header or the body.",
                    "content": {"application/json": {"schema": error}},
                })  # fmt: skip
        return schema

    def validation_error_from_error_contexts(self, error_contexts):
        errors = []
        for context in error_contexts:
            for error in super().validation_error_from_error_contexts([context]).errors:
                allowed = _allowed(context.model, tuple(error.get("loc", ())))
                if error.get("type") == "extra_forbidden":
                    allowed = _allowed(context.model, tuple(error.get("loc", ()))[:2])
                errors.append({**error, "allowed": allowed})
        return ValidationError(errors)


def _validation_error(request: HttpRequest, exc: ValidationError):
    errors = []
    for error in exc.errors:
        allowed = list(error.get("allowed", []))
        kind = error.get("type", "")
        if kind == "extra_forbidden":
            message = "This field is not allowed."
        elif kind == "literal_error":
            message = "This value is not allowed."
        else:
            message = str(error.get("msg", "Invalid value.")).rstrip(".") + "."
        if allowed:
            message += " Allowed: " + ", ".join(allowed) + "."
        errors.append({"field": _path(error.get("loc", ())), "message": message, "allowed": allowed})
    response = JsonResponse(
        error_body("invalid_request", "The request has unknown fields or values; see errors.", errors),
        status=422,
    )
    response["Cache-Control"] = "no-store, private"
    return response


def _http_error(request: HttpRequest, exc: HttpError):
    code = {400: "bad_request", 401: "unauthorised", 403: "forbidden", 404: "not_found", 429: "rate_limited"}
    return JsonResponse(error_body(code.get(exc.status_code, "error"), str(exc)), status=exc.status_code)


def _throttled(request: HttpRequest, exc: Throttled):
    """Over a rate limit (cerobio/core/ratelimit.py): django-ninja adds Retry-After to this answer."""
    wait = math.ceil(exc.wait or 1)
    message = f"Too many requests from this client. Try again in {wait} second{'s' if wait != 1 else ''}."
    response = JsonResponse(error_body("rate_limited", message), status=429)
    response["Cache-Control"] = "no-store, private"
    return response


def _not_found(request: HttpRequest, exc: Exception):
    return JsonResponse(error_body("not_found", "There is nothing at this address."), status=404)


def _too_large(request: HttpRequest, exc: RequestDataTooBig):
    """A body over DATA_UPLOAD_MAX_MEMORY_SIZE (docs/security.md): 413, not a vague 400."""
    limit_mb = settings.DATA_UPLOAD_MAX_MEMORY_SIZE / (1024 * 1024)
    return JsonResponse(
        error_body("request_too_large", f"The request body is too large: at most {limit_mb:g} MB."), status=413
    )


def _unexpected_error(request: HttpRequest, exc: Exception):
    """Anything else: 503 if the database went away, else a JSON 500 (logged, with the request id), never HTML."""
    if is_database_outage(exc):
        report_database_outage(exc)
        return unavailable_response(request)
    if isinstance(exc, PermissionDenied):
        return JsonResponse(error_body("forbidden", "You may not do that."), status=403)
    if isinstance(exc, (BadRequest, SuspiciousOperation)):
        return JsonResponse(error_body("bad_request", "The request could not be understood."), status=400)
    # As Django does for an uncaught exception: log it on django.request and tell got_request_exception
    # listeners (Sentry reports from that signal).
    logging.getLogger("django.request").error(
        "Internal Server Error: %s", request.path, exc_info=(type(exc), exc, exc.__traceback__),
        extra={"status_code": 500, "request": request},
    )
    got_request_exception.send(sender=None, request=request)
    body = {**SERVER_ERROR_BODY, "request_id": getattr(request, "request_id", None)}
    response = JsonResponse(body, status=500)
    response["Cache-Control"] = "no-store"
    response._has_been_logged = True  # logged above with the traceback; not again by Django
    return response


api = CerobioAPI(
    title="Cerobio API",
    version="1",
    description=(
        "The Cerobio milia guide as JSON. The identifier endpoint matches answers to the milia types "
        "and look-alikes in the guide. It does not diagnose, and answers are never stored or logged."
    ),
    urls_namespace="api",
)
api.add_router("/", identify_router)
api.add_router("/", shop_router)

api.add_exception_handler(ValidationError, _validation_error)
api.add_exception_handler(Throttled, _throttled)
api.add_exception_handler(HttpError, _http_error)
api.add_exception_handler(Http404, _not_found)
api.add_exception_handler(RequestDataTooBig, _too_large)
api.add_exception_handler(Exception, _unexpected_error)


@csrf_exempt  # an unknown address is a 404 for any method, not a CSRF refusal
def not_found(request: HttpRequest, rest: str = ""):
    """Unknown addresses under /api/ answer in the API's error shape."""
    return JsonResponse(error_body("not_found", "There is nothing at this address."), status=404)


def _json_method_errors(view):
    """Ninja answers a wrong method with a plain-text 405; give it the API's error shape."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if response.status_code == 405 and not response.get("Content-Type", "").startswith("application/json"):
            allowed = response.get("Allow", "")
            body = error_body("method_not_allowed", f"Use one of: {allowed}.")
            new = JsonResponse(body, status=405)
            new["Allow"] = allowed
            return new
        return response

    return wrapped


def urls():
    """The API's URL patterns, with JSON 405s."""
    patterns, app_name, namespace = api.urls
    for pattern in patterns:
        if hasattr(pattern, "callback") and pattern.callback is not None:
            pattern.callback = _json_method_errors(pattern.callback)
    return patterns, app_name, namespace


__all__ = ["api", "not_found", "urls"]
