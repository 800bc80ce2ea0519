"""Fixtures for the identifier tests: the demo rules, in memory or in the database."""

import pytest

from cerobio.demo.identifier import snapshot as demo_snapshot
from cerobio.identify.snapshot import invalidate


@pytest.fixture(autouse=True)
def _fresh_snapshot():
    """Each test starts from a rebuilt snapshot (the database is rolled back between tests)."""
    invalidate()
    yield
    invalidate()


@pytest.fixture(scope="session")
def rules():
    """The demo rules as an in-memory snapshot (no database needed)."""
    return demo_snapshot()


@pytest.fixture(scope="module")
def demo_module(django_db_setup, django_db_blocker):
    """The demo content and rules, loaded once per test module and rolled back after it."""
    from django.db import transaction

    from cerobio.demo.loader import load_demo

    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            load_demo()
            yield
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture
def demo_db(demo_module, db):
    """Database access inside the module's demo content."""
    invalidate()
    return None
