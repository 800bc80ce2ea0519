"""Moved to cerobio.core.ratelimit (shared by every rate-limited form and API); kept for old imports."""

from cerobio.core.ratelimit import client_key, retry_after

__all__ = ["client_key", "retry_after"]
