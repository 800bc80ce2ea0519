"""Error reporting to Sentry, on only when SENTRY_DSN is set, and with nothing personal in an event.

send_default_pii is off, request bodies and local variables are never captured (identifier answers
are health data and must never reach a third party), and `scrub_event` removes cookies, headers
that carry credentials, the query string and the user, and masks email addresses, postcodes and
order tokens in every string left. Settings: SENTRY_DSN, SENTRY_ENVIRONMENT, SENTRY_RELEASE,
SENTRY_TRACES_SAMPLE_RATE (default 0). See docs/operations.md.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from .logs import REDACTED, is_personal_field, mask_text

KEEP_HEADERS = {
    "host",
    "user-agent",
    "accept",
    "accept-language",
    "content-type",
    "content-length",
    "x-request-id",
}


def _scrub(value, redact_keys: bool = False, key: str = ""):
    """Mask every string; inside our own fields (extra, breadcrumb data) redact personal ones by name."""
    if redact_keys and key and is_personal_field(key):
        return REDACTED
    if isinstance(value, str):
        return mask_text(value)
    if isinstance(value, Mapping):
        return {
            k: _scrub(v, redact_keys or k in {"extra", "data", "request"}, str(k))
            for k, v in value.items()
        }
    if isinstance(value, (list, tuple)):
        return [_scrub(v, redact_keys) for v in value]
    return value


def scrub_event(event: dict, hint: dict | None = None) -> dict:
    """before_send: drop the request body, cookies, credentials, query string and user; mask the rest."""
    request = event.get("request")
    if isinstance(request, dict):
        for field in ("data", "cookies", "query_string", "env"):
            request.pop(field, None)
        headers = request.get("headers")
        if isinstance(headers, Mapping):
            request["headers"] = {
                k: v for k, v in headers.items() if str(k).lower() in KEEP_HEADERS
            }
        if isinstance(request.get("url"), str):
            request["url"] = request["url"].split("?", 1)[0]
    event.pop("user", None)
    for frame_holder in _frames(event):
        frame_holder.pop("vars", None)
    return _scrub(event)


def _frames(event: dict):
    """Every stack frame in the event's exceptions and threads."""
    for section in ("exception", "threads"):
        for item in (event.get(section) or {}).get("values", []) or []:
            yield from ((item.get("stacktrace") or {}).get("frames") or [])


def init_from_env(environ: Mapping[str, str] = os.environ) -> bool:
    """Start Sentry if SENTRY_DSN is set; return whether it was started."""
    dsn = environ.get("SENTRY_DSN", "").strip()
    if not dsn:
        return False
    import sentry_sdk
    from sentry_sdk.integrations.django import DjangoIntegration

    sentry_sdk.init(
        dsn=dsn,
        integrations=[DjangoIntegration()],
        send_default_pii=False,
        include_local_variables=False,
        max_request_body_size="never",
        before_send=scrub_event,
        before_send_transaction=scrub_event,
        traces_sample_rate=float(environ.get("SENTRY_TRACES_SAMPLE_RATE") or 0),
        environment=environ.get("SENTRY_ENVIRONMENT") or None,
        release=environ.get("SENTRY_RELEASE") or None,
    )
    return True
