"""Test-wide fixtures: the demo content, built once per test database."""

import os

import pytest

# Playwright's sync API runs an event loop in the test thread; our DB use there is synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture
def demo(db):
    """The full demo knowledge base and guide pages."""
    from cerobio.guide.demo.loader import load_demo

    load_demo()
    from wagtail.models import Site

    return Site.objects.get(is_default_site=True).root_page.specific
