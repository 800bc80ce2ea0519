"""What rendering a page would work out again for every visitor, kept in the cache: the route to the
page and the parts of its HTML that are the same for everyone.

The page copy (page_cache.py) answers anonymous visitors without rendering at all, but many requests
still render a page: a visitor with a basket, a signed-in editor, a query string, the first visitor
after a change, an app server whose cache has no copy. Rendering a subtype page in full took about
15 queries, 8 of them Wagtail finding the page. With this cache on, a rendered page keeps:

- **the route**: `RouteCacheMiddleware` remembers which site and page an address leads to, so
  Wagtail's serve view gets the page from one query instead of looking up the site and walking the
  tree level by level (the view-restriction check still runs, as do the page's own serve and hooks);
- **the fragments**: templates mark the parts that follow from the page and the content alone (the
  <head> with its JSON-LD, the header's brand, the navigation, the breadcrumbs, the article with the
  knowledge base, drawings, StreamField and sources, the footer) with
  `{% pagefragment "name" [vary …] %}…{% endpagefragment %}` (templatetags/page_fragments.py);
- **small facts** a page checks before it renders (`remember`), such as whether a type page's
  subtype is published.

Everything is filed under the page copy's content version, so it is out of date at the same moment a
stored page is: when a page is published, unpublished, moved or deleted, or a knowledge-base record,
image, view restriction, site or site/shop setting is saved or deleted, once the transaction commits.
A fragment is also keyed by the site, the path, the page (`Page.cache_key`: id, address, when last
published) and the values the template varies it on. Only a live page is kept, never in a preview; a
view without a Wagtail page (search, errors, the shop's forms) renders as usual.

A fragment may hold only what follows from the page, the content and the address: never the basket
count, the user bar, request.GET, a CSRF token, a CSP nonce, messages or today's date (the templates
vary on `page.review_overdue` and the year instead).

On with RENDER_CACHE=1; production turns it on when REDIS_URL is set, like PAGE_CACHE (a per-process
cache could not share the version between processes), and leaves it on with PAGE_CACHE=0. With
Redis down every page is routed and rendered in full. docs/performance.md has the numbers.
"""

from __future__ import annotations

import functools
import hashlib

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ObjectDoesNotExist
from django.db import DatabaseError
from django.utils import translation

from .page_cache import current_version

PREFIX = "render"


def enabled(request) -> bool:
    """Whether this request's page may use (and fill) the cache."""
    return (
        settings.RENDER_CACHE and request is not None and not getattr(request, "is_preview", False)
    )


def _version(request) -> str:
    """The content version, read once per request."""
    version = getattr(request, "_render_cache_version", None)
    if version is None:
        version = request._render_cache_version = current_version()
    return version


def _key(request, *parts) -> str:
    digest = hashlib.md5("\n".join(map(str, parts)).encode(), usedforsecurity=False).hexdigest()
    return f"{PREFIX}:{_version(request)}:{digest}"


def store(key: str, value) -> None:
    cache.set(key, value, timeout=settings.CACHE_PAGE_SHARED_MAX_AGE)


# -- fragments --------------------------------------------------------------------------------------


def fragment_key(context, name: str, vary_on=()) -> str | None:
    """The cache key of the fragment `name` of the page being rendered; None if it must be rendered."""
    from wagtail.models import Page, Site

    request = context.get("request")
    page = context.get("page")
    if not enabled(request) or not isinstance(page, Page) or not page.pk or not page.live:
        return None
    site = Site.find_for_request(request)  # found while routing: no query
    return _key(
        request, "fragment", name, site.pk if site else "", request.path, page.cache_key, *vary_on
    )


def get(key: str):
    return cache.get(key)


def remember(request, name: str, compute):
    """`compute()`, kept under the content version (computed every time when the cache is off)."""
    if not enabled(request):
        return compute()
    key = _key(request, "fact", name)
    value = cache.get(key)
    if value is None:
        value = compute()
        store(key, value)
    return value


# -- routes -----------------------------------------------------------------------------------------


@functools.cache
def _plain_routing() -> bool:
    """True when no page type routes by itself (RoutablePageMixin, a custom `route`): then an address
    always leads to the same page, whoever asks, and only the page's `live` flag decides the rest."""
    from wagtail.models import Page, get_page_models

    return all(model.route is Page.route for model in get_page_models())


def _route_key(request, path: str) -> str:
    return _key(request, "route", request.get_host(), translation.get_language(), path)


class RouteCacheMiddleware:
    """Hand Wagtail's serve view the site and page an address led to last time (one query for the page).

    A miss routes as usual and the result is remembered once the page has answered 200. Anything
    unusual (a page that has gone, the database failing, a routable page type) falls back to
    Wagtail's own routing.
    """

    def __init__(self, get_response):
        from wagtail import views

        self.get_response = get_response
        self.serve = views.serve

    def __call__(self, request):
        response = self.get_response(request)
        key = getattr(request, "_render_cache_route_key", None)
        route = getattr(request, "_wagtail_route_for_request", None)
        if key is not None and route is not None and response.status_code == 200:
            page, args, kwargs = route
            site = getattr(request, "_wagtail_site", None)
            if site is not None and not args and not kwargs:
                store(key, (site, page.content_type_id, page.pk))
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func is not self.serve or not enabled(request) or not _plain_routing():
            return None
        key = _route_key(request, view_kwargs.get("path", request.path))
        stored = cache.get(key)
        if stored is None:
            request._render_cache_route_key = key  # remember the route once the page has answered
            return None
        from django.contrib.contenttypes.models import ContentType
        from wagtail.url_routing import RouteResult

        site, content_type_id, page_id = stored
        try:
            model = ContentType.objects.get_for_id(content_type_id).model_class()
            page = model._default_manager.get(pk=page_id)
        except (ObjectDoesNotExist, AttributeError, DatabaseError):
            return None  # the view routes (and reports a database outage) as usual
        if not page.live:
            return None
        request._wagtail_site = site
        request._wagtail_route_for_request = RouteResult(page)
        return None
