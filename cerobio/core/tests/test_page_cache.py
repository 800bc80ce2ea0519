"""The app's own copy of anonymous pages (cerobio/core/page_cache.py): served without routing or
rendering, never to a visitor with something of their own, and out of date the moment content changes."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cerobio.core import page_cache
from cerobio.core.http_cache import PRIVATE
from cerobio.guide.models import MiliaType, MiliaTypePage
from cerobio.shop.conftest import SKU

SUBTYPE = "/types/milia-en-plaque/"


@pytest.fixture
def page_cache_on(settings, demo):
    settings.PAGE_CACHE = True
    cache.clear()
    yield
    cache.clear()


def _queries(client, path, **kwargs):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, **kwargs)
    return response, len(queries)


def test_a_second_anonymous_visit_is_served_without_the_database(client, page_cache_on):
    first, first_queries = _queries(client, SUBTYPE)
    second, second_queries = _queries(client, SUBTYPE)
    assert first.status_code == second.status_code == 200
    assert first_queries > 5 and second_queries == 0
    assert second.content == first.content
    assert second["X-Page-Cache"] == "hit"


def test_a_stored_page_carries_the_same_headers_as_a_fresh_one(client, page_cache_on):
    first = client.get(SUBTYPE)
    second = client.get(SUBTYPE)
    for header in ("Cache-Control", "Vary", "Last-Modified", "ETag", "Content-Type", "X-Frame-Options",
                   "Content-Security-Policy", "Referrer-Policy"):  # fmt: skip
        assert second[header] == first[header], header
    assert client.get(SUBTYPE, headers={"If-None-Match": first["ETag"]}).status_code == 304


def test_publishing_a_page_shows_the_new_text_at_once(
    client, page_cache_on, django_capture_on_commit_callbacks
):
    client.get(SUBTYPE)
    page = MiliaTypePage.objects.get(slug="milia-en-plaque")
    page.summary = "A freshly reviewed summary of milia en plaque."
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    assert b"A freshly reviewed summary" in client.get(SUBTYPE).content


def test_a_knowledge_base_edit_reaches_every_stored_page(
    client, page_cache_on, django_capture_on_commit_callbacks
):
    client.get(SUBTYPE)
    client.get("/types/")
    milia_type = MiliaType.objects.get(slug="milia-en-plaque")
    with django_capture_on_commit_callbacks(execute=True):
        milia_type.summary = "Summary edited in the knowledge base."
        milia_type.save()
    assert b"Summary edited in the knowledge base." in client.get("/types/").content


def test_nothing_changes_for_visitors_until_the_edit_is_committed(
    client, page_cache_on, django_capture_on_commit_callbacks
):
    client.get(SUBTYPE)
    before = page_cache.current_version()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        MiliaType.objects.get(slug="milia-en-plaque").save()
    assert page_cache.current_version() == before, (
        "a page rendered from uncommitted rows could be stored"
    )
    for callback in callbacks:
        callback()
    assert page_cache.current_version() != before


def test_a_visitor_with_a_basket_gets_their_own_page(client, page_cache_on):
    client.get(SUBTYPE)  # stored for anonymous visitors
    client.post("/basket/", {"action": "add", "sku": SKU, "quantity": "2"})
    response, queries = _queries(client, SUBTYPE)
    assert queries > 0 and "X-Page-Cache" not in response
    assert response["Cache-Control"] == PRIVATE
    assert 'mini-basket__count">2' in response.content.decode()


def test_a_signed_in_editor_never_gets_the_stored_page(admin_client, client, page_cache_on):
    client.get(SUBTYPE)
    response, queries = _queries(admin_client, SUBTYPE)
    assert queries > 0 and "X-Page-Cache" not in response
    assert response["Cache-Control"] == PRIVATE


@pytest.mark.parametrize(
    "path", ["/basket/", "/search/?q=milia", "/identify/", "/no-such-page/", SUBTYPE + "?utm=x"]
)
def test_pages_that_are_not_shared_are_never_stored(client, page_cache_on, path):
    client.get(path)
    response = client.get(path)
    assert "X-Page-Cache" not in response, path


def test_off_unless_turned_on(client, demo, settings):
    settings.PAGE_CACHE = False
    client.get(SUBTYPE)
    _, queries = _queries(client, SUBTYPE)
    assert queries > 0


class _VersionRecorder(BaseHTTPRequestHandler):
    def do_GET(self):
        self.server.versions.append(cache.get(page_cache.VERSION_KEY))
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


def test_the_copy_is_out_of_date_before_nginx_refreshes_its_own(
    client, page_cache_on, settings, django_capture_on_commit_callbacks
):
    """nginx refreshes by fetching the page from the app: it must get the new page, not the stored one."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _VersionRecorder)
    server.versions = []
    threading.Thread(target=server.serve_forever, daemon=True).start()
    settings.WAGTAILFRONTENDCACHE = {
        "nginx": {
            "BACKEND": "cerobio.core.frontend_cache.NginxCacheBackend", "SECRET": "s",
            "BASE_URL": "http://cerobio.example", "SERVERS": [f"127.0.0.1:{server.server_port}"],
        }
    }  # fmt: skip
    try:
        client.get(SUBTYPE)
        before = page_cache.current_version()
        page = MiliaTypePage.objects.get(slug="milia-en-plaque")
        with django_capture_on_commit_callbacks(execute=True):
            page.save_revision().publish()
        with django_capture_on_commit_callbacks(execute=True):
            MiliaType.objects.get(slug="milia-en-plaque").save()
    finally:
        server.shutdown()
        server.server_close()
    assert server.versions, "nginx was asked to refresh"
    assert before not in server.versions


def test_the_redis_cache_builds_one_client_per_connection_pool():
    """Django's own builds a redis.Redis for every call, which cost more than the page lookup itself."""
    from cerobio.core.cache import FailOpenRedisCache

    backend = FailOpenRedisCache(
        "redis://127.0.0.1:1/0", {}
    )  # nothing is connected until a command runs
    assert backend._cache.get_client() is backend._cache.get_client(write=True)


def test_a_delivery_price_change_reaches_the_stored_delivery_page(
    client, page_cache_on, django_capture_on_commit_callbacks
):
    from cerobio.shop.delivery.models import ShippingMethod

    assert "£4.95" not in client.get("/delivery/").content.decode()  # the old table, now stored
    method = ShippingMethod.objects.get(code="uk-standard")
    with django_capture_on_commit_callbacks(execute=True):
        method.price = "4.95"
        method.save()
    assert "£4.95" in client.get("/delivery/").content.decode()
