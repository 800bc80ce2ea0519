"""Site-wide views: robots.txt and friendly error pages."""

import sys

from django.conf import settings
from django.http import HttpResponse, HttpResponseServerError, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.utils.http import url_has_allowed_host_and_scheme
from django.views import defaults
from django.views.decorators.http import require_GET

from .outage import is_database_outage, report_database_outage, unavailable_response

SERVER_ERROR_BODY = {
    "code": "server_error",
    "message": "Something went wrong on our side. It has been logged; try again shortly.",
    "errors": [],
}


@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /django-admin/",
        "Disallow: /basket/",
        "Disallow: /checkout/",
        "Disallow: /orders/",
        "Disallow: /search/",
        "Disallow: /api/",
        "",
        f"Sitemap: {settings.SITE_URL}/sitemap.xml",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


def _api_error(request, status: int, code: str, message: str):
    """The API's error shape for an address under /api/, else None (the caller answers as a page)."""
    if not getattr(request, "path", "").startswith("/api/"):
        return None
    response = JsonResponse({"code": code, "message": message, "errors": []}, status=status)
    response["Cache-Control"] = "no-store"
    return response


def page_not_found(request, exception=None):
    return _api_error(request, 404, "not_found", "There is nothing at this address.") or render(
        request, "404.html", status=404
    )


def bad_request(request, exception=None):
    """400 (a host not in ALLOWED_HOSTS, a malformed request): JSON under /api/, Django's page elsewhere."""
    return _api_error(request, 400, "bad_request", "The request could not be understood.") or defaults.bad_request(
        request, exception
    )


def permission_denied(request, exception=None):
    return _api_error(request, 403, "forbidden", "You may not do that.") or defaults.permission_denied(
        request, exception
    )


def csrf_failure(request, reason=""):
    """A form sent without a valid security token (an old page, blocked cookies): say what to do, 403.
    Under /api/ the API's JSON error shape."""
    refused = _api_error(
        request, 403, "csrf_failed", "The request was refused: its CSRF token is missing or wrong. Reload the page and try again."
    )
    if refused is not None:
        return refused
    referer = request.headers.get("referer", "")
    same_site = url_has_allowed_host_and_scheme(referer, allowed_hosts={request.get_host()})
    response = render(
        request, "403_csrf.html", {"back_url": referer if same_site else "/"}, status=403
    )
    response["Cache-Control"] = "no-store, private"
    return response


def server_error(request):
    # A database lost outside a view (in a middleware, or while saving the session) is an outage, not a bug.
    exc = sys.exc_info()[1]
    if is_database_outage(exc):
        report_database_outage(exc)
        return unavailable_response(request)
    if getattr(request, "path", "").startswith("/api/"):
        return JsonResponse(SERVER_ERROR_BODY, status=500)
    # Render without a request context: the database or a context processor may be what failed.
    template = loader.get_template("500.html")
    return HttpResponseServerError(template.render({}))
