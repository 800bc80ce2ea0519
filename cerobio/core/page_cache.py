"""The app's own copy of anonymous pages, shared by every app server through the cache (Redis).

nginx keeps whole pages too (deploy/nginx/cerobio.conf), but its copy lives on one nginx, is empty
after a restart or a refresh, and is skipped whenever nginx is: a second nginx, a CDN miss, a request
straight to an app server. Rendering a guide page costs about 15 queries and tens of milliseconds,
so `PageCacheMiddleware` keeps the rendered answer in the Django cache as well and hands it out
without routing or rendering. It stores exactly what HttpCacheMiddleware would make public (a 200
GET of a Wagtail page with no query string, for a visitor without a session, basket or messages
cookie, setting no cookie and using no CSRF token or CSP nonce), for as long as nginx may keep it
(CACHE_PAGE_SHARED_MAX_AGE, or CACHE_SHOP_MAX_AGE for pages that show stock).

Every stored page is filed under a content version. The version changes, after the transaction
commits, whenever something that pages show changes: a page is published, unpublished, moved or
deleted, a view restriction or site changes, or a knowledge-base record, image or site/shop setting
is saved or deleted (the same records cerobio/core/purge.py refreshes nginx for). Pages stored under
an old version are never read again and expire. The version is bumped before nginx is asked to
refresh its copy (receivers connect first, in CoreConfig.ready), so nginx fetches the new page.

On with PAGE_CACHE=1; production turns it on when REDIS_URL is set (a per-process cache could not
share the version between processes). With Redis down the cache fails open: every page is rendered.
docs/performance.md explains what it changes in the numbers.
"""

from __future__ import annotations

import uuid

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.http import HttpResponse

from .http_cache import _public_policy, private_cookies
from .purge import SHOWN_ON_EVERY_PAGE

VERSION_KEY = "pagecache:version"
# Paths that are never Wagtail pages: no cache lookup at all.
SKIPPED_PREFIXES = ("/api/", "/admin/", "/django-admin/", "/static/", "/media/", "/documents/")
# Changes to these are shown on pages without publishing one (besides SHOWN_ON_EVERY_PAGE).
ALSO_SHOWN = ("images.CerobioImage", "wagtailcore.PageViewRestriction", "wagtailcore.Site")


def current_version() -> str:
    """The content version pages are filed under (a new one if the cache has none)."""
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, uuid.uuid4().hex, timeout=None)
        version = cache.get(VERSION_KEY) or "unversioned"
    return version


def bump_version() -> None:
    """Every stored page is out of date from now on."""
    cache.set(VERSION_KEY, uuid.uuid4().hex, timeout=None)


def schedule_bump(**kwargs) -> None:
    """Bump the version once the current transaction commits."""
    transaction.on_commit(bump_version)


def connect() -> None:
    """Connect the signals; called in CoreConfig.ready before nginx's refreshes are connected."""
    from wagtail.signals import page_published, page_unpublished, post_page_move

    page_published.connect(schedule_bump, dispatch_uid="page-cache-published")
    page_unpublished.connect(schedule_bump, dispatch_uid="page-cache-unpublished")
    post_page_move.connect(schedule_bump, dispatch_uid="page-cache-moved")
    post_delete.connect(
        schedule_bump, sender="wagtailcore.Page", dispatch_uid="page-cache-page-deleted"
    )
    for label in (*SHOWN_ON_EVERY_PAGE, *ALSO_SHOWN):
        model = apps.get_model(label)
        post_save.connect(schedule_bump, sender=model, dispatch_uid=f"page-cache-save-{label}")
        post_delete.connect(schedule_bump, sender=model, dispatch_uid=f"page-cache-delete-{label}")


def _key(request, version: str) -> str:
    return f"pagecache:{version}:{request.scheme}://{request.get_host()}{request.path}"


def _may_share(request) -> bool:
    return (
        request.method == "GET"
        and not request.META.get("QUERY_STRING")
        and not request.path_info.startswith(SKIPPED_PREFIXES)
        and not any(name in request.COOKIES for name in private_cookies())
    )


class PageCacheMiddleware:
    """Answer anonymous page requests from the cache; store the pages HttpCacheMiddleware makes public.

    Sits just below HttpCacheMiddleware (which then sets Cache-Control, Vary and Last-Modified on a
    stored page as on a fresh one) and above the session, CSRF and message middleware.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not settings.PAGE_CACHE or not _may_share(request):
            return self.get_response(request)
        version = current_version()
        key = _key(request, version)
        stored = cache.get(key)
        if stored is not None:
            policy, status, headers, content = stored
            request._http_cache = policy  # HttpCacheMiddleware: the same headers as the first time
            response = HttpResponse(content, status=status)
            for name, value in headers:
                response[name] = value
            response["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
        policy = _public_policy(request, response)
        nonce = getattr(request, "_csp_nonce", None)  # belongs to this response's header only
        if (
            policy is not None
            and response.status_code == 200
            and not response.streaming
            and not nonce
        ):
            headers = [
                (name, value) for name, value in response.items() if name.lower() != "set-cookie"
            ]
            cache.set(
                key, (policy, response.status_code, headers, response.content), timeout=policy[1]
            )
        return response
