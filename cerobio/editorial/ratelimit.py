"""A small fixed-window rate limit in the Django cache (local memory by default, Redis in production).

The client is identified by a salted hash of its address, which lives only in the cache for the
length of the window and is never written to the database or the logs. Behind nginx, set
RATE_LIMIT_CLIENT_HEADER (e.g. "HTTP_X_REAL_IP") so each visitor gets their own allowance.
"""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache


def client_key(request) -> str:
    header = getattr(settings, "RATE_LIMIT_CLIENT_HEADER", "") or "REMOTE_ADDR"
    address = request.META.get(header) or request.META.get("REMOTE_ADDR", "")
    address = address.split(",")[0].strip()
    return hashlib.sha256(f"{settings.SECRET_KEY}:{address}".encode()).hexdigest()[:24]


def retry_after(request, scope: str, limit: int, window: int) -> int:
    """Count one request in `scope`; return 0 if allowed, else the seconds until the window resets."""
    now = int(time.time())
    start = now - now % window
    key = f"ratelimit:{scope}:{client_key(request)}:{start}"
    cache.add(key, 0, timeout=window + 5)
    try:
        count = cache.incr(key)
    except ValueError:  # evicted between add and incr
        cache.set(key, 1, timeout=window + 5)
        count = 1
    if count > limit:
        return max(1, start + window - now)
    return 0
