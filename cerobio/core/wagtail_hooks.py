"""Wagtail hooks for the whole site."""

from wagtail import hooks

from .http_cache import mark_page


@hooks.register("before_serve_page")
def let_caches_share_the_page(page, request, serve_args, serve_kwargs):
    """Mark the page cacheable; HttpCacheMiddleware decides once it sees the finished response."""
    mark_page(request, page)
