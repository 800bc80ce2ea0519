"""Rate limits: a small fixed-window counter in the Django cache (local memory by default, Redis in production).

`RateLimitMiddleware` applies the limits in `RULES` (admin sign-in, password reset, checkout, the
identifier, search, the basket) before any view runs; forms whose address is an editor's page
(contact) or that live in one app (feedback, the second factor) call `retry_after` themselves.
Each limit is a (count, seconds) setting read on every request, so tests can shrink it. A request
over its limit gets a 429 with Retry-After: the friendly page in the site's layout, or the API's
JSON error shape with code "rate_limited" under /api/. See docs/security.md.

The client is identified by a salted hash of its address, which lives only in the cache for the
length of the window and is never written to the database or the logs. Behind nginx, set
RATE_LIMIT_CLIENT_HEADER (e.g. "HTTP_X_REAL_IP") so each visitor gets their own allowance.
"""

from __future__ import annotations

import hashlib
import re
import time
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render


def client_key(request) -> str:
    """A salted hash of the client's address (from RATE_LIMIT_CLIENT_HEADER behind a proxy)."""
    header = getattr(settings, "RATE_LIMIT_CLIENT_HEADER", "") or "REMOTE_ADDR"
    address = request.META.get(header) or request.META.get("REMOTE_ADDR", "")
    address = address.split(",")[0].strip()
    return _digest(address)


def _digest(value: str) -> str:
    return hashlib.sha256(f"{settings.SECRET_KEY}:{value}".encode()).hexdigest()[:24]


def _now() -> int:
    return int(time.time())


def retry_after(request, scope: str, limit: int, window: int, key: str | None = None) -> int:
    """Count one request in `scope`; return 0 if allowed, else the seconds until the window resets.

    The count is per client address unless `key` (already hashed or otherwise non-personal) is given.
    """
    now = _now()
    start = now - now % window
    cache_key = f"ratelimit:{scope}:{key or client_key(request)}:{start}"
    count = _count_hit(cache_key, window + 5)
    if count > limit:
        return max(1, start + window - now)
    return 0


def _count_hit(cache_key: str, timeout: int) -> int:
    """One more hit on a window's counter; the count so far."""
    count_hit = getattr(cache, "count_hit", None)
    if count_hit is not None:  # Redis in production (cerobio/core/cache.py): one round trip
        return count_hit(cache_key, timeout)
    cache.add(cache_key, 0, timeout=timeout)
    try:
        return cache.incr(cache_key)
    except ValueError:  # evicted between add and incr
        cache.set(cache_key, 1, timeout=timeout)
        return 1


def wait_text(seconds: int) -> str:
    """'about 3 minutes' / '45 seconds': how long to wait, in words."""
    if seconds < 60:
        return f"{seconds} second{'s' if seconds != 1 else ''}"
    minutes = max(1, round(seconds / 60))
    return f"about {minutes} minute{'s' if minutes != 1 else ''}"


def too_many_requests(
    request,
    wait: int,
    back_url: str = "/",
    heading: str = "Please wait before sending again",
    message: str = "We have had a lot of messages from your connection in a short time, so we did not save this one.",
) -> HttpResponse:
    """The friendly 429 page in the site's layout, with Retry-After; never cached."""
    response = render(
        request,
        "429.html",
        {"heading": heading, "message": message, "wait": wait_text(wait), "back_url": back_url},
        status=429,
    )
    return _not_cached(response, wait)


def too_many_requests_json(wait: int) -> JsonResponse:
    """The API's 429: {"code": "rate_limited", "message", "errors"} with Retry-After."""
    body = {
        "code": "rate_limited",
        "message": f"Too many requests from this client. Try again in {wait} second{'s' if wait != 1 else ''}.",
        "errors": [],
    }
    return _not_cached(JsonResponse(body, status=429), wait)


def _not_cached(response: HttpResponse, wait: int) -> HttpResponse:
    # A shared cache must never hand one client's 429 to everyone else.
    response["Retry-After"] = str(wait)
    response["Cache-Control"] = "no-store, private"
    return response


def _posted_username(request: HttpRequest) -> str | None:
    """The username typed into a sign-in form, normalised and hashed (None if there is none)."""
    username = request.POST.get("username", "").strip().casefold()
    return _digest(f"username:{username}") if username else None


def _unless_delivery_refresh(request: HttpRequest) -> str | None:
    """The client's key, except for the checkout's "Update delivery options" (a read, like a GET)."""
    if request.POST.get("action") == "refresh":
        return None
    return client_key(request)


@dataclass(frozen=True)
class Rule:
    """One limited action: which requests it counts, its setting, and what the 429 page says."""

    scope: str
    methods: frozenset[str]
    path: re.Pattern
    setting: str
    heading: str
    message: str
    back_url: str = "/"
    key: Callable[[HttpRequest], str | None] | None = None  # default: the client's address

    def applies_to(self, request: HttpRequest) -> bool:
        return request.method in self.methods and self.path.fullmatch(request.path_info) is not None


def _rule(scope, methods, path, setting, heading, message, back_url="/", key=None) -> Rule:
    return Rule(
        scope, frozenset(methods), re.compile(path), setting, heading, message, back_url, key
    )


SIGN_IN = (
    "Too many sign-in attempts",
    "There have been a lot of attempts to sign in from your connection or to this account in a short time, so we did not try this one.",
)
RULES = (
    _rule(
        "admin-login",
        {"POST"},
        r"/(admin|django-admin)/login/",
        "ADMIN_LOGIN_RATE_LIMIT",
        *SIGN_IN,
        "/admin/login/",
    ),
    _rule(
        "admin-login-user",
        {"POST"},
        r"/(admin|django-admin)/login/",
        "ADMIN_LOGIN_USER_RATE_LIMIT",
        *SIGN_IN,
        "/admin/login/",
        key=_posted_username,
    ),
    _rule(
        "password-reset",
        {"POST"},
        r"/admin/password_reset/",
        "PASSWORD_RESET_RATE_LIMIT",
        "Too many password reset requests",
        "We have had a lot of password reset requests from your connection in a short time, so we did not send this one.",
        "/admin/login/",
    ),
    _rule(
        "checkout",
        {"POST"},
        r"/checkout/|/api/v1/baskets/[^/]+/checkout",
        "CHECKOUT_RATE_LIMIT",
        "Please wait before trying again",
        "We have had a lot of attempts to check out from your connection in a short time, so we did not take this one. "
        "Nothing has been charged and your basket is kept.",
        "/basket/",
        key=_unless_delivery_refresh,
    ),
    _rule(
        "identify",
        {"POST"},
        r"/identify/|/api/v1/identify",
        "IDENTIFY_RATE_LIMIT",
        "Please wait before going on",
        "We have had a lot of answers from your connection in a short time, so we did not score this one.",
        "/identify/",
    ),
    _rule(
        "search",
        {"GET", "HEAD"},
        r"/search/",
        "SEARCH_RATE_LIMIT",
        "Please wait before searching again",
        "We have had a lot of searches from your connection in a short time, so we did not run this one.",
    ),
    _rule(
        "basket",
        {"POST", "PATCH", "DELETE"},
        r"/basket/|/api/v1/baskets(/[^/]+/lines(/[^/]+)?)?",
        "BASKET_RATE_LIMIT",
        "Please wait before changing your basket",
        "We have had a lot of basket changes from your connection in a short time, so we did not make this one.",
        "/basket/",
    ),
)


class RateLimitMiddleware:
    """Answer 429 + Retry-After to a request over any limit in RULES, before the view runs.

    Place it after AuthenticationMiddleware and MessageMiddleware: the 429 page uses the site's layout.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        for rule in RULES:
            if not rule.applies_to(request):
                continue
            key = rule.key(request) if rule.key else None
            if rule.key and key is None:
                continue
            limit, window = getattr(settings, rule.setting)
            wait = retry_after(request, rule.scope, limit, window, key=key)
            if wait:
                if request.path_info.startswith("/api/"):
                    return too_many_requests_json(wait)
                return too_many_requests(request, wait, rule.back_url, rule.heading, rule.message)
        return self.get_response(request)
