"""Whole-page HTTP caching: which responses nginx (or a CDN) may share between visitors, and which never.

A Wagtail page (guide pages, the shop and product pages) is marked cacheable as it is served
(`mark_page`, from the `before_serve_page` hook). `HttpCacheMiddleware` then sends it with
`Cache-Control: public, max-age=..., s-maxage=...`, `Vary: Cookie` and `Last-Modified` (when the
page was last published) only if nothing in it can belong to one visitor:

- the request is a GET or HEAD without any of PRIVATE_COOKIES (session: a signed-in editor; basket:
  the header shows its item count; messages: a one-off notice is shown), and
- the response sets no cookie and used no CSRF token.

Every other response that did not choose its own Cache-Control gets `private, no-store`, and any
response that sets a cookie is made `private, no-store` whatever it said. So baskets, checkout, order
pages, identifier results, searches, the admin and every form with a CSRF token are never stored by
a shared cache. nginx (deploy/nginx/cerobio.conf) stores only `public` responses and passes requests
carrying one of PRIVATE_COOKIES straight to the app. ETags come from Django's ConditionalGetMiddleware,
which sits above this middleware and answers 304 Not Modified. docs/deploy.md explains the choices.
"""

from __future__ import annotations

from django.conf import settings
from django.utils.cache import patch_vary_headers
from django.utils.http import http_date

PRIVATE = "private, no-store"
# cerobio.shop.basket.cookies.COOKIE (not imported: core sits below the shop; a test checks they match).
BASKET_COOKIE = "cerobio_basket"
MESSAGES_COOKIE = "messages"  # django.contrib.messages' cookie storage


def private_cookies() -> tuple[str, ...]:
    """Cookies that change what a page shows; deploy/nginx/cerobio.conf bypasses its cache for the same names."""
    return (settings.SESSION_COOKIE_NAME, BASKET_COOKIE, MESSAGES_COOKIE)


def mark_page(request, page) -> None:
    """Let `page`'s response be shared by caches if it turns out to hold nothing personal.

    Pages that show stock (`cache_profile = "shop"`) use the shorter CACHE_SHOP_MAX_AGE.
    """
    if getattr(page, "cache_profile", "page") == "shop":
        max_age = shared_max_age = settings.CACHE_SHOP_MAX_AGE
    else:
        max_age, shared_max_age = settings.CACHE_PAGE_MAX_AGE, settings.CACHE_PAGE_SHARED_MAX_AGE
    request._http_cache = (max_age, shared_max_age, getattr(page, "last_published_at", None))


def _public_policy(request, response):
    """(max_age, shared_max_age, last_modified) when the response may be shared, else None."""
    if request.method not in ("GET", "HEAD") or response.has_header("Cache-Control"):
        return None
    if response.cookies or request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return None  # it starts or renews something that belongs to this visitor
    if any(name in request.COOKIES for name in private_cookies()):
        return None
    policy = getattr(request, "_http_cache", None)
    if response.status_code == 200 and policy is not None:
        return policy
    match = getattr(request, "resolver_match", None)
    if response.status_code == 404 and match is not None and match.url_name == "wagtail_serve":
        # No page at this address: shared briefly, so refreshing an unpublished or deleted page
        # replaces the cached copy. (Other 404s, such as an unknown order token, stay private.)
        return (settings.CACHE_NOT_FOUND_MAX_AGE, settings.CACHE_NOT_FOUND_MAX_AGE, None)
    return None


class HttpCacheMiddleware:
    """Set Cache-Control on every response: public for anonymous pages, `private, no-store` otherwise.

    Sits below ConditionalGetMiddleware (which adds the ETag to what this one makes public) and above
    the session, CSRF and messages middleware, so it sees the cookies they set.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        policy = _public_policy(request, response)
        if policy is not None:
            max_age, shared_max_age, last_modified = policy
            response["Cache-Control"] = f"public, max-age={max_age}, s-maxage={shared_max_age}"
            patch_vary_headers(response, ["Cookie"])
            if last_modified is not None and not response.has_header("Last-Modified"):
                response["Last-Modified"] = http_date(last_modified.timestamp())
        elif not response.has_header("Cache-Control") or (
            response.cookies and not _is_private(response)
        ):
            response["Cache-Control"] = PRIVATE
        return response


def _is_private(response) -> bool:
    """Whether the response's own Cache-Control already keeps it out of shared caches."""
    directives = {d.strip().split("=")[0].lower() for d in response["Cache-Control"].split(",")}
    return bool(directives & {"private", "no-store"})
