"""Serving a page without asking the database what only changes with the content.

Wagtail looks up, for every page it serves, the view restrictions of the page and its ancestors (two
queries). Whether any page is private changes only when an editor saves or deletes a view
restriction, which makes a new content version (cerobio/core/purge.py), so that answer is kept in
Django's cache under the content version, and while no page is private the two queries are skipped.
"""

from __future__ import annotations

from django.core.cache import cache
from wagtail.models import PageViewRestriction

from .purge import content_version

TIMEOUT = 86400


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
