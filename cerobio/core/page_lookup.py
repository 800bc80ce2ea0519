"""Finding the page for a request without asking the database what only changes with the content.

Wagtail looks up, for every page it serves, the request's `Site` and its home page's type (two
queries), then the view restrictions of the page and its ancestors (two more). These change only
when an editor changes a site, publishes, moves or deletes a page or saves a view restriction, and
each of those makes a new content version (cerobio/core/purge.py). So the answers are kept in
Django's cache under the content version, and a rendered page (a visitor with a basket, an editor)
costs four queries fewer.
"""

from __future__ import annotations

from django.core.cache import cache
from django.http.request import split_domain_port
from wagtail.models import PageViewRestriction, Site

from .purge import content_version

TIMEOUT = 86400
_NO_SITE = "no-site"


def serve(request, path):
    """Wagtail's page view, given the request's `Site` from the cache (one cache read, not two queries).

    Wagtail's `Site.find_for_request` keeps the site it found on the request (`request._wagtail_site`,
    as its docstring says) and everything in Wagtail asks that; this fills it in first. The site's
    home page is kept as its own page type with only the base page fields loaded (routing needs no
    more), so Wagtail does not fetch it again to route. Django has checked the host against
    ALLOWED_HOSTS by now, so only allowed hosts get a key.
    """
    hostname = split_domain_port(request.get_host())[0]
    key = f"site:{content_version()}:{hostname}:{request.get_port()}"
    site = cache.get(key)
    if site is None:
        site = Site.find_for_request(request)  # Wagtail's own lookup
        if site is not None:
            site.root_page = site.root_page.specific_deferred
        cache.set(key, site or _NO_SITE, TIMEOUT)
    request._wagtail_site = None if isinstance(site, str) else site
    # Imported here, not at the top: page models import this module, and wagtail.views needs them loaded.
    from wagtail.views import serve as wagtail_serve

    return wagtail_serve(request, path)


def any_view_restrictions() -> bool:
    """True if any page on the site is private (a password, groups or signed-in users only)."""
    return cache.get_or_set(
        f"view-restrictions:{content_version()}", PageViewRestriction.objects.exists, TIMEOUT
    )


class ViewRestrictionsMixin:
    """For page types: Wagtail's check of a page's view restrictions (two queries on every page
    served) is skipped while no page on the site has one."""

    def get_view_restrictions(self):
        if not any_view_restrictions():
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()
