"""What a change to the content means for cached pages: nginx's copies and the rendered fragments.

**Fragments.** Templates cache the parts of a page that are the same for every visitor with
`{% wagtailpagecache ... content_version %}` (pages/*.html, base.html). `content_version` changes,
once the transaction commits, whenever anything pages show changes: a page is published,
unpublished, moved or deleted, or a record listed below, an image, a view restriction or a site is
saved or deleted. Fragments cached under an old version are never read again and expire.

**nginx (Wagtail's frontend cache, docs/deploy.md).** Wagtail itself refreshes a page when it is
published or unpublished. Two more cases are handled here:

- the page's parent lists its children (the types page shows every subtype, the shop its products),
  so publishing or unpublishing a page refreshes its parent too;
- knowledge-base snippets (milia types, look-alikes, references, body sites, triggers, synonyms,
  codes, reviewer profiles), the site, shop and delivery settings and the delivery zones and prices are shown on pages
  without being part of them. Every guide page reads the whole knowledge base (`KnowledgeBase()` in its
  context: cards, comparison tables, illustrations and links can show any record), the product page
  lists the types it suits and its shipping details, the delivery page the zones and prices, and the
  settings fill every header and footer. Tracking which page shows which record would be fragile,
  and the site has a few dozen pages, so any such change refreshes every live page, once per
  transaction, after it commits.

Core names no app's models: each app registers its own in `AppConfig.ready` with
`refresh_every_page_on_change` (records shown on every page) or `new_version_on_change` (shown on
some pages, refreshed in nginx by Wagtail or not cached there at all).
"""

from __future__ import annotations

import uuid
from contextvars import ContextVar

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction
from django.db.models.signals import post_delete, post_save
from django.utils.functional import SimpleLazyObject

VERSION_KEY = "content-version"


# Within a request (ContentVersionMiddleware), the version is read from the cache once, the first
# time something asks for it, and kept for the rest of the request: one cache read, however many
# cached things the request looks up under it. A change the request makes itself is seen at once.
_request_version: ContextVar[list | None] = ContextVar("content_version", default=None)


def content_version() -> str:
    """The version of everything the pages show (a new one if the cache has none)."""
    held = _request_version.get()
    if held is not None and held[0] is not None:
        return held[0]
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, uuid.uuid4().hex, timeout=None)
        version = cache.get(VERSION_KEY) or "unversioned"
    if held is not None:
        held[0] = version
    return version


def _bump() -> None:
    version = uuid.uuid4().hex
    cache.set(VERSION_KEY, version, timeout=None)
    held = _request_version.get()
    if held is not None:
        held[0] = version


class ContentVersionMiddleware:
    """Keep the content version a request reads for the rest of that request (see above)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _request_version.set([None])
        try:
            return self.get_response(request)
        finally:
            _request_version.reset(token)


def new_content_version(**kwargs) -> None:
    """Every cached fragment is out of date: at once (for the rest of this transaction) and again once
    it commits (a fragment another request cached from the old rows meanwhile is not read either)."""
    _bump()
    transaction.on_commit(_bump)


def content_version_context(request) -> dict:
    """Context processor: `content_version` for the templates' fragment keys."""
    return {"content_version": SimpleLazyObject(content_version)}


def _enabled() -> bool:
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def refresh_every_page() -> None:
    """Refresh every live public page in the frontend caches."""
    from wagtail.contrib.frontend_cache.utils import purge_pages_from_cache
    from wagtail.models import Page

    purge_pages_from_cache(Page.objects.live().public().filter(depth__gt=1))


def schedule_refresh_every_page(**kwargs) -> None:
    """After the current transaction commits, refresh every page (once, however many records changed)."""
    if not _enabled():
        return
    pending = getattr(connection, "run_on_commit", [])
    if any(func is refresh_every_page for _, func, *_ in pending):
        return
    transaction.on_commit(refresh_every_page)


def refresh_parent(instance, **kwargs) -> None:
    """A page was published or unpublished: refresh the page that lists it."""
    if not _enabled():
        return
    from wagtail.contrib.frontend_cache.utils import purge_page_from_cache

    parent = instance.get_parent()
    if parent is not None and parent.depth > 1 and parent.live:
        purge_page_from_cache(parent)


def new_version_on_change(*labels: str) -> None:
    """Saving or deleting one of these models ("app_label.Model") changes the content version."""
    for label in labels:
        model = apps.get_model(label)
        post_save.connect(new_content_version, sender=model, dispatch_uid=f"content-version-save-{label}")
        post_delete.connect(new_content_version, sender=model, dispatch_uid=f"content-version-delete-{label}")


def refresh_every_page_on_change(*labels: str) -> None:
    """These models are shown on every page: saving or deleting one also refreshes every page in nginx."""
    new_version_on_change(*labels)
    for label in labels:
        model = apps.get_model(label)
        post_save.connect(schedule_refresh_every_page, sender=model, dispatch_uid=f"cache-refresh-save-{label}")
        post_delete.connect(schedule_refresh_every_page, sender=model, dispatch_uid=f"cache-refresh-delete-{label}")


def connect() -> None:
    """Connect the page signals and core's own models (CoreConfig.ready); the fragments go out of date before nginx refreshes."""
    from wagtail.signals import page_published, page_unpublished, post_page_move

    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(new_content_version, dispatch_uid=f"content-version-{id(signal)}")
    post_delete.connect(new_content_version, sender="wagtailcore.Page", dispatch_uid="content-version-page")
    page_published.connect(refresh_parent, dispatch_uid="cache-refresh-parent-published")
    page_unpublished.connect(refresh_parent, dispatch_uid="cache-refresh-parent-unpublished")
    refresh_every_page_on_change("core.SiteSettings")
    new_version_on_change("wagtailcore.PageViewRestriction", "wagtailcore.Site")
