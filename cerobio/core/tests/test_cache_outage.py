"""Redis down: pages, the basket and the identifier still serve; rate limits let people through.

The cache is the production backend (django-redis with IGNORE_EXCEPTIONS, settings/production.py)
pointed at a port where nothing listens, or at a real redis-server that is killed half-way.
"""

import logging
import time

import pytest
from django.core.cache import cache
from django.test import override_settings

from cerobio.core.tests.outages import RedisServer, closed_port

SKU = "CRB-KIT-STD"
PRODUCT = "/shop/cerobio-exfoliating-kit/"
IDENTIFY = {
    "age_group": "adult",
    "sites": ["cheeks"],
    "look": ["white_dome"],
    "count": "few",
    "onset": "gradual",
    "history": [],
    "symptoms": [],
}


def redis_cache(url: str):
    """Production's cache and session settings (cerobio/settings/production.py) against `url`."""
    from django.conf import settings

    production = {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": url,
        "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 0.5, "SOCKET_TIMEOUT": 0.5},
    }
    return override_settings(
        CACHES={**settings.CACHES, "default": production},
        SESSION_ENGINE="django.contrib.sessions.backends.cached_db",
    )


def cache_warnings(caplog) -> list[str]:
    return [
        r.getMessage()
        for r in caplog.records
        if r.name == "cerobio.cache" and r.levelno >= logging.WARNING
    ]


@pytest.fixture(autouse=True)
def _fresh_warning_interval():
    """The "cache unavailable" line is written once a minute per process: start each test afresh."""
    for log_filter in logging.getLogger("cerobio.cache").filters:
        log_filter.reset()


def visit_everything(client) -> dict[str, int]:
    """A reader's and a shopper's journey: guide pages, the product, the basket, the identifier, feedback."""
    statuses = {}
    for path in (
        "/",
        "/what-is-milia/",
        "/types/milia-en-plaque/",
        PRODUCT,
        "/identify/",
        "/search/?q=milk+spots",
    ):
        statuses[path] = client.get(path).status_code
    added = client.post("/basket/", {"action": "add", "sku": SKU, "quantity": "1"})
    statuses["POST /basket/"] = added.status_code
    basket = client.get("/basket/")
    statuses["/basket/"] = basket.status_code
    assert SKU in basket.content.decode() or "Cerobio exfoliating kit" in basket.content.decode()
    statuses["POST /api/v1/identify"] = client.post(
        "/api/v1/identify", IDENTIFY, content_type="application/json"
    ).status_code
    statuses["GET /api/v1/products"] = client.get("/api/v1/products").status_code
    return statuses


def test_with_nothing_listening_where_redis_should_be_every_page_still_serves(demo, client, caplog):
    caplog.set_level(logging.WARNING, logger="cerobio.cache")
    with redis_cache(f"redis://127.0.0.1:{closed_port()}/5"):
        started = time.monotonic()
        statuses = visit_everything(client)
        elapsed = time.monotonic() - started
    assert statuses == {
        "/": 200,
        "/what-is-milia/": 200,
        "/types/milia-en-plaque/": 200,
        PRODUCT: 200,
        "/identify/": 200,
        "/search/?q=milk+spots": 200,
        "POST /basket/": 302,
        "/basket/": 200,
        "POST /api/v1/identify": 200,
        "GET /api/v1/products": 200,
    }
    warnings = cache_warnings(caplog)
    assert len(warnings) == 1, warnings  # once per interval, not once per call
    assert warnings[0].startswith("cache unavailable")
    assert elapsed < 30  # a refused connection costs nothing


def test_a_redis_that_dies_mid_session_loses_nothing_but_speed(
    demo, client, caplog, django_user_model
):
    caplog.set_level(logging.WARNING, logger="cerobio.cache")
    editor = django_user_model.objects.create_user(
        "outage-editor", "outage@example.org", "pw-123456789"
    )
    try:
        server = RedisServer()
    except FileNotFoundError:
        pytest.skip("redis-server is not installed (apt-get install redis-server)")
    try:
        with redis_cache(server.url):
            cache.set("before-the-outage", "stored", 60)
            assert cache.get("before-the-outage") == "stored"  # really talking to Redis
            assert (
                client.post("/basket/", {"action": "add", "sku": SKU, "quantity": "2"}).status_code
                == 302
            )
            client.force_login(editor)  # a session written while Redis is up
            server.stop()
            assert cache.get("before-the-outage", "gone") == "gone"
            assert client.session["_auth_user_id"] == str(editor.pk)  # still signed in (cached_db)
            statuses = visit_everything(client)
    finally:
        server.stop()
    assert set(statuses.values()) <= {200, 302}, statuses
    basket = client.get("/basket/").content.decode()
    assert 'value="3"' in basket or ">3<" in basket  # the basket lives in the database: 2 + 1 kits
    assert len(cache_warnings(caplog)) == 1


@pytest.mark.django_db
def test_every_cache_operation_answers_like_an_empty_cache_while_redis_is_down(caplog):
    caplog.set_level(logging.WARNING, logger="cerobio.cache")
    with redis_cache(f"redis://127.0.0.1:{closed_port()}/5"):
        assert cache.get("k") is None and cache.get("k", "default") == "default"
        assert not cache.add("k", 1)
        cache.set("k", 1)
        assert cache.get_many(["a", "b"]) == {}
        cache.set_many({"a": 1, "b": 2})
        assert "k" not in cache  # (django-redis's touch() raises while Redis is down; nothing here calls it)
        assert not cache.delete("k")
        cache.delete_many(["a", "b"])
        assert cache.incr("k") is None  # no count: the rate limits let the request through
        assert cache.get_or_set("k", "computed") == "computed"
    assert len(cache_warnings(caplog)) == 1


def test_rate_limits_fail_open_while_redis_is_down(demo, client, settings):
    from cerobio.guide.models import GuidePage

    page = GuidePage.objects.get(slug="causes")
    settings.FEEDBACK_RATE_LIMIT = (1, 30_000_000)  # a window no test outlasts

    def send_twice():
        return [
            client.post(
                "/feedback/", {"page": page.pk, "helpful": "yes"}, REMOTE_ADDR="203.0.113.7"
            ).status_code
            for _ in range(2)
        ]

    cache.clear()
    assert send_twice() == [302, 429]  # the limit works while the cache does
    with redis_cache(f"redis://127.0.0.1:{closed_port()}/5"):
        assert send_twice() == [302, 302]  # and lets people through while it does not


def test_rate_limits_are_counted_in_redis(demo, client, settings):
    """The count lives in Redis, shared by every app server process, and the request over it gets a 429."""
    settings.IDENTIFY_RATE_LIMIT = (2, 30_000_000)
    try:
        server = RedisServer()
    except FileNotFoundError:
        pytest.skip("redis-server is not installed (apt-get install redis-server)")
    try:
        with redis_cache(server.url):
            statuses = [
                client.post("/api/v1/identify", IDENTIFY, content_type="application/json").status_code
                for _ in range(3)
            ]
            from django_redis import get_redis_connection

            counters = get_redis_connection("default").keys("*rl:*")
    finally:
        server.stop()
    assert statuses == [200, 200, 429]
    assert len(counters) == 1
