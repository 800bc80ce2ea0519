"""Test-wide fixtures: the demo content, built once per test database."""

import os

import pytest

# Playwright's sync API runs an event loop in the test thread; our DB use there is synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

# `make test` runs every test on PostgreSQL, then these on SQLite (`-m embedded`) to prove the
# embedded default: migrations and the demo content, the search backend (SQLite's differs), and
# one journey per section in a browser, whose server is `make run`'s steps: migrate and load_demo (the
# test database's build) and runserver over them (a copy of that database, tests/e2e/conftest.py).
EMBEDDED = (
    "cerobio/demo/tests/test_loader.py",
    "cerobio/search/tests/",
    "cerobio/shop/checkout/tests/test_checkout_page.py::test_paying_with_the_test_card_places_one_paid_order",
    "cerobio/shop/checkout/tests/test_store_api.py::test_checkout_pays_and_the_same_key_returns_the_same_order",
    "tests/e2e/test_guide_journeys.py::test_keyboard_reader_goes_from_home_to_treatment",
    "tests/e2e/test_identifier.py::test_the_whole_questionnaire_by_keyboard[newborn-nose-js-off]",
    "tests/e2e/test_shop.py::test_keyboard_purchase_from_product_page_to_order_page[phone-no-js]",
    "tests/e2e/test_admin_two_factor.py::test_the_whole_sign_in_works_without_javascript",
)
# Under pytest-xdist (`--dist loadgroup`) the tests that start servers on fixed ports run on one
# worker, and each file of browser journeys runs on one worker, with that worker's test server and
# Chromium (its module fixtures, such as a placed order, are built once).
XDIST_GROUPS = {"tests/deploy/": "stack", "tests/bench/": "stack"}


def xdist_group(nodeid: str) -> str | None:
    for prefix, group in XDIST_GROUPS.items():
        if nodeid.startswith(prefix):
            return group
    if nodeid.startswith("tests/e2e/"):
        return "browser-" + nodeid.split("::")[0].removeprefix("tests/e2e/")
    return None


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist reads the groups
def pytest_collection_modifyitems(config, items):
    unmatched = set(EMBEDDED)
    for item in items:
        for prefix in EMBEDDED:
            if item.nodeid.startswith(prefix):
                item.add_marker(pytest.mark.embedded)
                unmatched.discard(prefix)
        if group := xdist_group(item.nodeid):
            item.add_marker(pytest.mark.xdist_group(group))
    whole_suite = config.args == config.getini("testpaths")
    if config.getoption("markexpr") == "embedded" and whole_suite and unmatched:
        raise pytest.UsageError(
            f"EMBEDDED in conftest.py names tests that do not exist: {sorted(unmatched)}"
        )


# The session's database blocker (pytest-django's `django_db_blocker`), for the hook below.
_blocker = []


@pytest.fixture(scope="session")
def django_db_setup(
    request,
    django_test_environment,
    django_db_blocker,
    django_db_modify_db_settings,
    tmp_path_factory,
):
    """The test database with the demo content, built once per run and copied for the other worker
    (tests/databases.py); each test then rolls back its changes. Replaces pytest-django's fixture of
    the same name (its --reuse-db and --no-migrations options do not apply)."""
    from tests.databases import drop_pristine_copy, set_up_test_database

    shared_folder = tmp_path_factory.getbasetemp().parent  # the same for every worker of this run
    verbosity = request.config.option.verbose
    with django_db_blocker.unblock():
        teardown = set_up_test_database(verbosity, shared_folder)
    _blocker.append(django_db_blocker)
    yield
    _blocker.clear()
    with django_db_blocker.unblock():
        try:
            teardown()
        except Exception as exc:  # as pytest-django does: a warning, not a failed run
            request.node.warn(
                pytest.PytestWarning(f"Error when trying to drop the test database: {exc!r}")
            )
    drop_pristine_copy()


def _flushes_database(item) -> bool:
    marker = item.get_closest_marker("django_db")
    return (
        bool(marker and marker.kwargs.get("transaction")) or "transactional_db" in item.fixturenames
    )


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """After a transactional test (its teardown flushed the tables), put the database back as built."""
    from tests.databases import restore_as_built

    result = yield
    if _blocker and _flushes_database(item):
        with _blocker[0].unblock():
            restore_as_built()
    return result


@pytest.fixture(autouse=True)
def _empty_caches():
    """Each test starts with empty caches: a fragment an earlier test cached may show rows it rolled back."""
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()


@pytest.fixture
def demo(db):
    """The full demo knowledge base and guide pages (the home page)."""
    from wagtail.models import Site

    return Site.objects.get(is_default_site=True).root_page.specific


@pytest.fixture
def admin_client(db, admin_user):
    """pytest-django's admin client, signed in with a verified second factor as the admin requires.

    For other users use `cerobio.twofactor.testing.verified_login(client, user)` instead of
    `client.force_login(user)`: a password-only session is sent to the two-factor pages.
    """
    from django.test import Client

    from cerobio.twofactor.testing import verified_login

    return verified_login(Client(), admin_user)
