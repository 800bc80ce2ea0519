"""Publishing and knowledge-base edits refresh nginx's cached pages (cerobio/core/frontend_cache.py, purge.py).

A small HTTP server stands in for nginx and records the refresh requests; tests/deploy/test_cache.py
does the same against a real nginx.
"""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from wagtail.models import Page

from cerobio.core.frontend_cache import HEADER, NginxCacheBackend
from cerobio.core.purge import refresh_every_page
from cerobio.guide.models import MiliaType, MiliaTypePage

SECRET = "unit-test-secret"


class _Recorder(BaseHTTPRequestHandler):
    def do_GET(self):
        self.server.seen.append(
            {"path": self.path, "host": self.headers["Host"], "secret": self.headers[HEADER]}
        )
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def fake_nginx():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    server.seen = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def frontend_cache(settings, fake_nginx):
    settings.WAGTAILFRONTENDCACHE = {
        "nginx": {
            "BACKEND": "cerobio.core.frontend_cache.NginxCacheBackend",
            "SECRET": SECRET,
            "BASE_URL": "http://cerobio.example",
            "SERVERS": [f"127.0.0.1:{fake_nginx.server_port}"],
        }
    }
    return fake_nginx


def test_a_refresh_asks_nginx_for_the_public_address_with_the_secret(fake_nginx):
    backend = NginxCacheBackend(
        {
            "SECRET": SECRET,
            "BASE_URL": "http://cerobio.example",
            "SERVERS": [f"127.0.0.1:{fake_nginx.server_port}"],
        }
    )
    status = backend.refresh(
        "http://localhost/types/milia-en-plaque/?feedback=thanks", backend.servers[0]
    )
    assert status == 200
    assert fake_nginx.seen == [
        {
            "path": "/types/milia-en-plaque/?feedback=thanks",
            "host": "cerobio.example",
            "secret": SECRET,
        }
    ]


def test_a_cache_that_cannot_be_reached_never_breaks_publishing(caplog):
    backend = NginxCacheBackend({"SECRET": SECRET, "SERVERS": ["127.0.0.1:9"], "TIMEOUT": 2})
    assert backend.refresh("http://localhost/", backend.servers[0]) is None
    assert "Could not refresh http://localhost/ in nginx at 127.0.0.1:9" in caplog.text


def test_the_backend_needs_a_secret():
    with pytest.raises(ValueError, match="SECRET"):
        NginxCacheBackend({})


def test_the_refresh_waits_for_the_commit(db, fake_nginx, django_capture_on_commit_callbacks):
    backend = NginxCacheBackend(
        {"SECRET": SECRET, "SERVERS": [f"127.0.0.1:{fake_nginx.server_port}"]}
    )
    with django_capture_on_commit_callbacks(execute=True):
        backend.purge_batch(["http://localhost/causes/"])
        assert fake_nginx.seen == [], (
            "nginx would fetch the page before the new revision is committed"
        )
    assert [r["path"] for r in fake_nginx.seen] == ["/causes/"]


def test_publishing_refreshes_the_page_and_the_page_that_lists_it(
    demo, frontend_cache, django_capture_on_commit_callbacks
):
    page = MiliaTypePage.objects.get(slug="milia-en-plaque")
    page.summary = "Edited summary."
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    paths = sorted(r["path"] for r in frontend_cache.seen)
    assert paths == ["/types/", "/types/milia-en-plaque/"]
    assert {r["secret"] for r in frontend_cache.seen} == {SECRET}


def test_a_knowledge_base_edit_refreshes_every_page_once(
    demo, frontend_cache, django_capture_on_commit_callbacks
):
    milia_type = MiliaType.objects.get(slug="milia-en-plaque")
    with django_capture_on_commit_callbacks(execute=True):
        milia_type.summary = "Edited in the knowledge base."
        milia_type.save()
        milia_type.save()  # a second change in the same transaction adds no second round
    paths = [r["path"] for r in frontend_cache.seen]
    live = Page.objects.live().public().filter(depth__gt=1)
    assert len(paths) == len(set(paths)) == live.count()
    assert {
        "/",
        "/types/",
        "/types/milia-en-plaque/",
        "/look-alikes/",
        "/shop/cerobio-exfoliating-kit/",
    } <= set(paths)


def test_without_a_frontend_cache_nothing_is_refreshed(
    demo, settings, django_capture_on_commit_callbacks
):
    settings.WAGTAILFRONTENDCACHE = {}
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        MiliaType.objects.get(slug="milia-en-plaque").save()
    assert refresh_every_page not in callbacks
