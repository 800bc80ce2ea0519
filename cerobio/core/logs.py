"""Log records that carry the request id, keep personal data out, and can be written as JSON lines.

`RequestContextFilter` stamps every record with the current request's id, method and path (set by
`cerobio.core.middleware.RequestIdMiddleware`); `MaskPersonalData` masks email addresses, UK
postcodes, order and basket tokens in paths, and extra fields named like personal data. Both
filters sit on every handler in settings.LOGGING, whose "json" formatter (python-json-logger, the
production default) writes one JSON object per line. See docs/operations.md.
"""

from __future__ import annotations

import contextvars
import logging
import re
import threading
import time
from dataclasses import dataclass

import pythonjsonlogger.json


@dataclass(frozen=True)
class RequestContext:
    """What every log line written while serving a request says about it."""

    request_id: str
    method: str
    path: str


current_request: contextvars.ContextVar[RequestContext | None] = contextvars.ContextVar(
    "cerobio_request", default=None
)


def current_request_id() -> str | None:
    """The id of the request being served in this thread or task, if any."""
    context = current_request.get()
    return context.request_id if context else None


EMAIL = re.compile(
    r"\b([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})\b"
)
# Every UK postcode shape (A9 9AA, A99 9AA, AA9 9AA, AA99 9AA, A9A 9AA, AA9A 9AA), any case.
POSTCODE = re.compile(
    r"\b(?:GIR ?0AA|[A-PR-UWYZ](?:[0-9][0-9A-HJKPSTUW]?|[A-HK-Y][0-9][0-9ABEHMNPRVWXY]?)\s?[0-9][ABD-HJLNP-UW-Z]{2})\b",
    re.IGNORECASE,
)
# An order or basket token in an address opens that order (name and delivery address) to whoever holds it.
TOKEN_PATH = re.compile(r"(/(?:api/v1/)?(?:orders|baskets|checkout/complete)/)[^/\s?\"']+")
REDACTED = "[redacted]"
PERSONAL_FIELDS = {"email", "address", "postcode", "name", "phone"}


def mask_text(text: str) -> str:
    """Mask email addresses (j***@example.com), UK postcodes and order/basket tokens in a string."""
    if not text:
        return text
    text = EMAIL.sub(r"\1***@\2", text)
    text = POSTCODE.sub("[postcode]", text)
    return TOKEN_PATH.sub(r"\1[token]", text)


def is_personal_field(key: str) -> bool:
    """email, shipping_address, ship_postcode, customer_name, phone_number ... (not product_name)."""
    words = set(re.split(r"[^a-z]+", str(key).lower()))
    if words & {"email", "address", "postcode", "phone"}:
        return True
    return "name" in words and not words & {
        "product",
        "variant",
        "logger",
        "file",
        "func",
        "path",
        "host",
    }


def mask_value(value, key: str = ""):
    """A copy of a log field with personal fields redacted and every string masked."""
    if key and is_personal_field(key):
        return REDACTED
    if isinstance(value, str):
        return mask_text(value)
    if isinstance(value, dict):
        return {k: mask_value(v, str(k)) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [mask_value(v) for v in value]
    return value


# The attributes every LogRecord has; anything else on a record came from `extra=`.
STANDARD_ATTRS = set(vars(logging.LogRecord("", 0, "", 0, "", (), None))) | {
    "message",
    "asctime",
    "taskName",
}
CONTEXT_ATTRS = {"request_id", "method", "path"}


class RequestContextFilter(logging.Filter):
    """Stamp each record with the request id, method and path of the request being served (None outside one)."""

    def filter(self, record: logging.LogRecord) -> bool:
        context = current_request.get()
        for attr in CONTEXT_ATTRS:
            if not hasattr(record, attr):
                setattr(record, attr, getattr(context, attr) if context else None)
        return True


class MaskPersonalData(logging.Filter):
    """Mask personal data in the message, the exception text and every extra field, before any handler writes it."""

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "_cerobio_masked", False):
            return True
        try:
            message = record.getMessage()
        except Exception:  # a bad format string: keep what was given
            message = str(record.msg)
        record.msg, record.args = mask_text(message), None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = mask_text(record.exc_text)
        if record.stack_info:
            record.stack_info = mask_text(record.stack_info)
        for key, value in list(vars(record).items()):
            if key not in STANDARD_ATTRS and not key.startswith("_") and key != "request":
                setattr(record, key, mask_value(value, key))
        record._cerobio_masked = True
        return True


class JsonFormatter(pythonjsonlogger.json.JsonFormatter):
    """python-json-logger's formatter, writing the traceback as MaskPersonalData left it (`exc_text`):
    left to itself it would format the exception again, unmasked."""

    def format(self, record: logging.LogRecord) -> str:
        exc_info, record.exc_info = record.exc_info, None
        try:
            return super().format(record)
        finally:
            record.exc_info = exc_info


class PlainFormatter(logging.Formatter):
    """Readable one-line records for a terminal (LOG_FORMAT=plain, the default outside production)."""

    def __init__(self):
        super().__init__("%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s")

    def format(self, record: logging.LogRecord) -> str:
        if getattr(record, "request_id", None) is None:
            record.request_id = "-"
        return super().format(record)


class OncePerInterval(logging.Filter):
    """Let one record through per `seconds` (per process): django-redis logs every cache call that
    Redis fails ("cerobio.cache", settings.LOGGING); one line a minute says the same."""

    def __init__(self, seconds: float = 60):
        super().__init__()
        self._every = Every(seconds)

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "_cerobio_once", False):  # already let through (a second copy of this filter)
            return True
        if not self._every():
            return False
        record._cerobio_once = True
        error = record.exc_info[1] if record.exc_info else record.getMessage()
        record.msg, record.args = "cache unavailable: %s; serving without the cache", (error,)
        record.exc_info, record.exc_text = None, None
        record.levelno, record.levelname = logging.WARNING, "WARNING"
        return True

    def reset(self) -> None:
        self._every.reset()


class Every:
    """True at most once per `seconds` (per process): for warnings that would otherwise repeat on every call."""

    def __init__(self, seconds: float):
        self.seconds = seconds
        self._next = 0.0
        self._lock = threading.Lock()

    def __call__(self) -> bool:
        now = time.monotonic()
        with self._lock:
            if now < self._next:
                return False
            self._next = now + self.seconds
            return True

    def reset(self) -> None:
        with self._lock:
            self._next = 0.0
