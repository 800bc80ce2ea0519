"""Refuse requests no view should see: a body over the size limit (413) or a NUL character (400).

Both are answered before anything reads the body or touches the database:

- a body whose Content-Length is over REQUEST_MAX_BODY_SIZE is refused unread, so a huge multipart
  upload is never spooled to a temporary file (WSGI servers pass no body without a Content-Length);
- a NUL character (U+0000) in the path, the query string, a header, a cookie (also one written
  with an escape inside quotes, which Django decodes) or a form or JSON body is refused. PostgreSQL
  cannot store or compare text holding one, so it would otherwise end as a 500 deep in a query.

Under /api/ the answer is the API's JSON error shape; elsewhere a short plain-text page.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, SuspiciousOperation
from django.http import HttpResponse, JsonResponse
from django.http.multipartparser import MultiPartParserError

NUL = "\x00"
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


def _has_nul(values) -> bool:
    return any(NUL in value for value in values)


def _json_has_nul(body: bytes) -> bool:
    """A NUL byte, or the escape \\u0000 anywhere in a JSON document (a string or a key)."""
    return b"\x00" in body or b"\\u0000" in body.lower()


def _refuse(request, status: int, code: str, message: str) -> HttpResponse:
    if request.path.startswith("/api/"):
        response = JsonResponse({"code": code, "message": message, "errors": []}, status=status)
    else:
        response = HttpResponse(message + "\n", status=status, content_type="text/plain; charset=utf-8")
    response["Cache-Control"] = "no-store"
    return response


def content_length(request) -> int:
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0


def has_nul(request) -> bool:
    """True when the request carries a NUL character anywhere a view could read it."""
    meta = request.META
    if NUL in request.path or NUL in meta.get("QUERY_STRING", ""):
        return True
    if _has_nul(v for k, v in meta.items() if k.startswith("HTTP_") and isinstance(v, str)):
        return True
    if _has_nul(request.GET.keys()) or _has_nul(v for values in request.GET.lists() for v in values[1]):
        return True
    if _has_nul(request.COOKIES.keys()) or _has_nul(request.COOKIES.values()):
        return True
    if request.method in ("GET", "HEAD", "OPTIONS") or not content_length(request):
        return False
    content_type = request.content_type or ""
    if content_type in FORM_TYPES:
        # Django parses this on the first look at request.POST (CSRF checks every form post anyway);
        # uploaded files are not looked into: an image is full of zero bytes. A multipart body is
        # parsed from the stream, after which request.body can no longer be read: keep a small one
        # first, so a view that reads the raw body (django-ninja's APIs) still can.
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        if content_type == "multipart/form-data" and (limit is None or content_length(request) <= limit):
            request.body  # noqa: B018 (reading it keeps it)
        post = request.POST
        return _has_nul(post.keys()) or _has_nul(v for values in post.lists() for v in values[1])
    if content_type == "application/json" or content_type.endswith("+json"):
        return _json_has_nul(request.body)
    return False


class RequestGuardMiddleware:
    """413 for a body over REQUEST_MAX_BODY_SIZE, 400 for a NUL character anywhere; see the module."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        limit = settings.REQUEST_MAX_BODY_SIZE
        if content_length(request) > limit:
            return _refuse(
                request, 413, "request_too_large", f"The request is too large: at most {limit / (1024 * 1024):g} MB."
            )
        try:
            refused = has_nul(request)
        except RequestDataTooBig:
            refused = False  # a form or JSON body over DATA_UPLOAD_MAX_MEMORY_SIZE: the view answers 413/400
        except (MultiPartParserError, SuspiciousOperation):
            return _refuse(request, 400, "bad_request", "The form could not be read.")
        if refused:
            return _refuse(
                request, 400, "bad_request",
                "The request contains a NUL character (U+0000), which is not allowed in an address, header, cookie or form.",
            )
        return self.get_response(request)
