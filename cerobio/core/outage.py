"""What a visitor sees when the database is out of reach: a friendly 503 with Retry-After, never a stack trace.

`unavailable_response` answers HTML pages with templates/503.html (rendered with no request context,
so nothing in it can touch the database) and addresses under /api/ with the API's JSON error shape.
Operators hear about it once per interval per process ("database unavailable"), not once per request.
"""

from __future__ import annotations

import logging

from django.db.utils import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.template import loader

from .logs import Every

log = logging.getLogger("cerobio.outage")
RETRY_AFTER_SECONDS = 30
DATABASE_ERRORS = (OperationalError, InterfaceError)
_report_database = Every(30)

PLAIN_TEXT = (
    "Sorry, the Cerobio site is not working at the moment. Please try again in a few minutes.\n"
)


def is_database_outage(exc: BaseException | None) -> bool:
    """A lost or refused database connection (not a bad query, which is a bug and stays a 500)."""
    return isinstance(exc, DATABASE_ERRORS)


def report_database_outage(exc: BaseException) -> None:
    """Log the outage at ERROR at most once every 30 seconds per process (Sentry picks ERROR lines up)."""
    if _report_database():
        log.error(
            "database unavailable: %s: %s",
            type(exc).__name__,
            str(exc).strip().splitlines()[0] if str(exc).strip() else "",
        )


def unavailable_response(request) -> HttpResponse:
    """503 + Retry-After: JSON under /api/, the friendly page elsewhere."""
    if getattr(request, "path", "").startswith("/api/"):
        response = JsonResponse(
            {
                "code": "service_unavailable",
                "message": "The service is unavailable for a moment. Try again shortly.",
                "errors": [],
            },
            status=503,
        )
    else:
        try:
            body = loader.get_template("503.html").render({"retry_after": RETRY_AFTER_SECONDS})
        except Exception:  # the page itself must never be the next failure
            log.exception("the 503 page could not be rendered")
            response = HttpResponse(
                PLAIN_TEXT, status=503, content_type="text/plain; charset=utf-8"
            )
        else:
            response = HttpResponse(body, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    # Reported once per interval above, not by Django's "Service Unavailable" line on every request.
    response._has_been_logged = True
    return response
