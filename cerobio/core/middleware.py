"""Site-wide middleware for operations: request ids and the access log, health probes, database outages.

Order in settings.MIDDLEWARE (outermost first): RequestIdMiddleware, HealthProbeMiddleware, then
Django's SecurityMiddleware and the rest, with DatabaseOutageMiddleware anywhere (it only handles
exceptions). See docs/operations.md.
"""

from __future__ import annotations

import logging
import re
import time
import uuid

from django.core.signals import request_finished, request_started

from . import health
from .logs import RequestContext, current_request
from .outage import is_database_outage, report_database_outage, unavailable_response

access_log = logging.getLogger("cerobio.request")
REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{8,128}")
HEALTH_PATHS = {"/healthz": health.healthz, "/readyz": health.readyz}


def request_id_from(request) -> str:
    """The proxy's X-Request-ID if it is 8-128 of [A-Za-z0-9._-], else a new random one."""
    given = request.META.get("HTTP_X_REQUEST_ID", "")
    if REQUEST_ID.fullmatch(given):
        return given
    return uuid.uuid4().hex


class RequestIdMiddleware:
    """Give each request an id (X-Request-ID in and out), put it on every log line, write one access log line.

    The access line has the path without its query string (search terms and identifier answers can
    travel there) and is at INFO; successful health probes are logged at DEBUG so they do not drown it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request_id = request_id_from(request)
        request.request_id = request_id
        # Kept until request_finished: Django logs 4xx/5xx responses ("Not Found: /x") after the
        # middleware has returned, and those lines need the id too.
        current_request.set(RequestContext(request_id, request.method, request.path))
        start = time.perf_counter()
        response = self.get_response(request)
        response["X-Request-ID"] = request_id
        duration_ms = round((time.perf_counter() - start) * 1000, 1)
        status = response.status_code
        quiet = request.path_info in HEALTH_PATHS and status == 200
        access_log.log(
            logging.DEBUG if quiet else logging.INFO,
            "%s %s %s %sms",
            request.method,
            request.path,
            status,
            duration_ms,
            extra={"status": status, "duration_ms": duration_ms},
        )
        return response


def _forget_request(**kwargs) -> None:
    """The request is over (or a new one starts on this thread): later lines belong to no request."""
    current_request.set(None)


request_started.connect(_forget_request, dispatch_uid="cerobio.core.forget_request.started")
request_finished.connect(_forget_request, dispatch_uid="cerobio.core.forget_request.finished")


class HealthProbeMiddleware:
    """Answer /healthz and /readyz before SecurityMiddleware and CommonMiddleware see the request.

    So a load balancer probing by IP address is neither refused by ALLOWED_HOSTS (CommonMiddleware
    reads the host) nor redirected to https by SECURE_SSL_REDIRECT.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        view = HEALTH_PATHS.get(request.path_info)
        if view is not None and request.method in ("GET", "HEAD"):
            return view(request)
        return self.get_response(request)


class DatabaseOutageMiddleware:
    """A view that loses the database answers 503 + Retry-After (friendly page, or JSON under /api/)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not is_database_outage(exception):
            return None
        report_database_outage(exception)
        return unavailable_response(request)
