"""A Redis cache that fails open: when Redis is down the site serves pages as if the cache were empty.

Production uses it when REDIS_URL is set. On a connection error or timeout each operation returns
what an empty cache would (get -> default, add/set/delete -> no-op, incr -> ValueError as for a
missing key) and, for RETRY_SECONDS, skips Redis altogether so a dead or unreachable server costs
one short timeout per interval, not one per call. "cache unavailable" is logged at WARNING once per
interval per process. Rate limits therefore let requests through while Redis is down (see
docs/operations.md).
"""

from __future__ import annotations

import logging
import threading
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from .logs import Every

log = logging.getLogger("cerobio.cache")
UNAVAILABLE = (RedisConnectionError, RedisTimeoutError, OSError)
RETRY_SECONDS = 5.0
DEFAULT_OPTIONS = {"socket_connect_timeout": 0.5, "socket_timeout": 0.5}


class ReusedRedisClient(RedisCacheClient):
    """Django's client builds a new redis.Redis, with its ~170 response callbacks, for every cache call
    (about half a millisecond, more than the round trip to Redis). One per connection pool does the
    same work: a redis.Redis is thread-safe and takes a pooled connection for each command."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class FailOpenRedisCache(RedisCache):
    """RedisCache whose reads miss and writes are dropped while Redis cannot be reached."""

    def __init__(self, server, params):
        params = {**params, "OPTIONS": {**DEFAULT_OPTIONS, **params.get("OPTIONS", {})}}
        super().__init__(server, params)
        self._class = ReusedRedisClient
        self._down_until = 0.0
        self._lock = threading.Lock()
        self._warn = Every(60)

    # -- the breaker ---------------------------------------------------------------------------
    def _available(self) -> bool:
        return time.monotonic() >= self._down_until

    def _failed(self, operation: str, exc: Exception) -> None:
        with self._lock:
            self._down_until = time.monotonic() + RETRY_SECONDS
        if self._warn():
            log.warning(
                "cache unavailable: %s failed with %s (%s); serving without the cache, retrying every %ss",
                operation,
                type(exc).__name__,
                exc,
                int(RETRY_SECONDS),
            )

    def _call(self, operation: str, fallback, *args, **kwargs):
        if not self._available():
            return fallback
        try:
            return getattr(super(), operation)(*args, **kwargs)
        except UNAVAILABLE as exc:
            self._failed(operation, exc)
            return fallback

    # -- every public operation ----------------------------------------------------------------
    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("add", False, key, value, timeout, version)

    def get(self, key, default=None, version=None):
        return self._call("get", default, key, default, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self._call("set", None, key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("touch", False, key, timeout, version)

    def delete(self, key, version=None):
        return self._call("delete", False, key, version)

    def get_many(self, keys, version=None):
        return self._call("get_many", {}, keys, version)

    def has_key(self, key, version=None):
        return self._call("has_key", False, key, version)

    def incr(self, key, delta=1, version=None):
        missing = object()
        result = self._call("incr", missing, key, delta, version)
        if result is missing:
            raise ValueError(f"Key '{key}' not found (the cache is unavailable).")
        return result

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set_many", list(data), data, timeout, version)

    def delete_many(self, keys, version=None):
        return self._call("delete_many", None, keys, version)

    def clear(self):
        return self._call("clear", False)

    # -- beyond Django's cache API -------------------------------------------------------------
    def count_hit(self, key, timeout) -> int:
        """Add one to a counter that lives `timeout` seconds from its first hit, and return it: one round
        trip (SET NX EX, then INCR, pipelined) where add() and incr() take three (the rate limits).
        While Redis is down every hit is the first (1), as add() and incr() would make it."""
        if not self._available():
            return 1
        try:
            full_key = self.make_and_validate_key(key)
            client = self._cache.get_client(full_key, write=True)
            with client.pipeline(transaction=True) as pipe:
                pipe.set(full_key, 0, ex=int(timeout), nx=True)
                pipe.incr(full_key)
                return int(pipe.execute()[1])
        except UNAVAILABLE as exc:
            self._failed("count_hit", exc)
            return 1
