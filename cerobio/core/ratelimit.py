"""Rate limits: django-ratelimit counts, this module says what is limited and how a 429 looks.

django-ratelimit keeps one counter per limit and client in the cache (local memory by default, Redis
in production) for a fixed window. What is counted:

- pages and forms: `RateLimitMiddleware` applies RULES (admin sign-in, password reset, checkout, the
  identifier, search, the basket) before any view runs; feedback, contact and the second factor call
  `retry_after` themselves. Over a limit: the friendly 429 page in the site's layout;
- the JSON API: each limited operation has a `Throttle` (django-ninja's throttling), which counts in
  the same groups, so the basket form and the Store API share one allowance. django-ninja answers
  429 with Retry-After; cerobio/api gives it the API's error shape (code "rate_limited").

Each limit is a (count, seconds) setting read on every request, so tests can shrink it. A client is
its address (RATE_LIMIT_CLIENT_HEADER behind nginx), which django-ratelimit only ever stores hashed.

While the cache is down the limits let requests through (RATELIMIT_FAIL_OPEN), except the admin
sign-in and second-factor limits: those then count in this process's own memory (the "local" cache),
so guessing passwords stays limited, per app server process, while Redis is down. docs/security.md.
"""

from __future__ import annotations

import hashlib
import ipaddress
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import caches
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django_ratelimit.core import get_usage
from ninja.throttling import BaseThrottle


def client_address(request) -> str:
    """The visitor's address: RATE_LIMIT_CLIENT_HEADER (set by nginx) if valid, else REMOTE_ADDR.

    django-ratelimit's "ip" key reads it (RATELIMIT_IP_META_KEY)."""
    header = settings.RATE_LIMIT_CLIENT_HEADER
    given = request.META.get(header, "").split(",")[0].strip() if header else ""
    try:
        return str(ipaddress.ip_address(given))
    except ValueError:
        return request.META.get("REMOTE_ADDR") or "0.0.0.0"  # noqa: S104 (a key, not a bind address)


def retry_after(
    request, group: str, limit: int, window: int, key: str | Callable = "ip", local: bool = False
) -> int:
    """Count one request in `group`; 0 if it is within `limit` per `window` seconds, else the seconds
    until the client may try again. `key` is a django-ratelimit key (default: the client's address).
    With `local`, a limit that the shared cache cannot count (Redis down) counts in this process."""
    usage = get_usage(request, group=group, key=key, rate=(limit, window), increment=True)
    if usage is None:  # the cache failed and the limit fails open
        return _count_locally(request, group, key, limit, window) if local else 0
    return max(1, usage["time_left"]) if usage["should_limit"] else 0


def _count_locally(request, group: str, key, limit: int, window: int) -> int:
    """A fixed window in this process's memory, for the limits that must hold while Redis is down."""
    value = key(group, request) if callable(key) else client_address(request)
    now = int(time.time())
    start = now - now % window
    counter = hashlib.sha256(f"{group}\n{value}\n{start}".encode()).hexdigest()
    local = caches["local"]
    local.add(counter, 0, window + 5)
    return max(1, start + window - now) if local.incr(counter) > limit else 0


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
    response["Retry-After"] = str(wait)
    # A shared cache must never hand one client's 429 to everyone else.
    response["Cache-Control"] = "no-store, private"
    return response


def posted_username(group, request: HttpRequest) -> str:
    """The username typed into a sign-in form, normalised ("" if there is none)."""
    return request.POST.get("username", "").strip().casefold()


def unless_delivery_refresh(group, request: HttpRequest) -> str:
    """The client's address, except for the checkout's "Update delivery options" (a read, like a GET: "")."""
    return "" if request.POST.get("action") == "refresh" else client_address(request)


@dataclass(frozen=True)
class Rule:
    """One limited kind of page request: which requests it counts, its setting, what the 429 page says."""

    group: str
    methods: frozenset[str]
    path: re.Pattern
    setting: str
    heading: str
    message: str
    back_url: str = "/"
    key: str | Callable = "ip"  # a django-ratelimit key; a function's "" leaves the request uncounted
    local: bool = False  # still counted, per process, while the shared cache is down

    def applies_to(self, request: HttpRequest) -> bool:
        return request.method in self.methods and self.path.fullmatch(request.path_info) is not None


def _rule(group, methods, path, setting, heading, message, back_url="/", **kwargs) -> Rule:
    return Rule(group, frozenset(methods), re.compile(path), setting, heading, message, back_url, **kwargs)


SIGN_IN = (
    "Too many sign-in attempts",
    "There have been a lot of attempts to sign in from your connection or to this account in a short time, so we did not try this one.",
    "/admin/login/",
)
ADMIN_LOGIN = r"/(admin|django-admin)/login/"
RULES = (
    _rule("admin-login", {"POST"}, ADMIN_LOGIN, "ADMIN_LOGIN_RATE_LIMIT", *SIGN_IN, local=True),
    _rule(
        "admin-login-user", {"POST"}, ADMIN_LOGIN, "ADMIN_LOGIN_USER_RATE_LIMIT", *SIGN_IN,
        key=posted_username, local=True,
    ),
    _rule(
        "password-reset", {"POST"}, r"/admin/password_reset/", "PASSWORD_RESET_RATE_LIMIT",
        "Too many password reset requests",
        "We have had a lot of password reset requests from your connection in a short time, so we did not send this one.",
        "/admin/login/", local=True,
    ),
    _rule(
        "checkout", {"POST"}, r"/checkout/", "CHECKOUT_RATE_LIMIT",
        "Please wait before trying again",
        "We have had a lot of attempts to check out from your connection in a short time, so we did not take this one. "
        "Nothing has been charged and your basket is kept.",
        "/basket/",
        key=unless_delivery_refresh,
    ),
    _rule(
        "identify", {"POST"}, r"/identify/", "IDENTIFY_RATE_LIMIT",
        "Please wait before going on",
        "We have had a lot of answers from your connection in a short time, so we did not score this one.",
        "/identify/",
    ),
    _rule(
        "search", {"GET", "HEAD"}, r"/search/", "SEARCH_RATE_LIMIT",
        "Please wait before searching again",
        "We have had a lot of searches from your connection in a short time, so we did not run this one.",
    ),
    _rule(
        "basket", {"POST"}, r"/basket/", "BASKET_RATE_LIMIT",
        "Please wait before changing your basket",
        "We have had a lot of basket changes from your connection in a short time, so we did not make this one.",
        "/basket/",
    ),
)


class RateLimitMiddleware:
    """Answer 429 + Retry-After to a page request over any limit in RULES, before the view runs.

    Place it after AuthenticationMiddleware and MessageMiddleware: the 429 page uses the site's layout.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        for rule in RULES:
            if not rule.applies_to(request) or (callable(rule.key) and not rule.key(rule.group, request)):
                continue
            limit, window = getattr(settings, rule.setting)
            wait = retry_after(request, rule.group, limit, window, key=rule.key, local=rule.local)
            if wait:
                return too_many_requests(request, wait, rule.back_url, rule.heading, rule.message)
        return self.get_response(request)


# For an API operation's openapi_extra: its 429 answer carries Retry-After (the body is the error shape).
RETRY_AFTER_DOC = {
    "responses": {
        429: {  # an int, as django-ninja keys the responses it builds
            "description": "Over the rate limit; wait the seconds in Retry-After.",
            "headers": {
                "Retry-After": {"description": "Seconds to wait before trying again.", "schema": {"type": "integer", "minimum": 1}}
            },
        }
    }
}


class Throttle(BaseThrottle):
    """django-ninja throttling for an API operation: counted by django-ratelimit in `group` (shared
    with the pages' rule of that name) against the (count, seconds) setting named `setting`."""

    def __init__(self, group: str, setting: str):
        self.group, self.setting = group, setting
        self._wait = threading.local()  # one throttle object serves every request of its operation

    def allow_request(self, request: HttpRequest) -> bool:
        limit, window = getattr(settings, self.setting)
        self._wait.seconds = retry_after(request, self.group, limit, window)
        return not self._wait.seconds

    def wait(self) -> float | None:
        return getattr(self._wait, "seconds", None) or None
