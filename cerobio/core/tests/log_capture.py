"""Read what the configured console handler writes, through the JSON formatter (LOG_FORMAT=json)."""

import contextlib
import io
import json
import logging

from django.conf import settings
from django.utils.module_loading import import_string


def json_formatter() -> logging.Formatter:
    """The "json" formatter exactly as settings.LOGGING configures it (LOG_FORMAT=json)."""
    config = dict(settings.LOGGING["formatters"]["json"])
    return import_string(config.pop("()"))(**config)


class Lines:
    def __init__(self, stream: io.StringIO):
        self.stream = stream

    @property
    def text(self) -> str:
        return self.stream.getvalue()

    def records(self) -> list[dict]:
        return [json.loads(line) for line in self.text.splitlines() if line.strip()]


def console_handler() -> logging.Handler:
    return next(h for h in logging.getLogger().handlers if h.get_name() == "console")


@contextlib.contextmanager
def json_lines():
    """Everything the console handler writes meanwhile, as JSON lines, at INFO and above."""
    handler, stream = console_handler(), io.StringIO()
    old_stream, old_formatter = handler.setStream(stream), handler.formatter
    handler.setFormatter(json_formatter())
    root = logging.getLogger()
    old_level = root.level
    root.setLevel(logging.INFO)
    try:
        yield Lines(stream)
    finally:
        root.setLevel(old_level)
        handler.setFormatter(old_formatter)
        handler.setStream(old_stream)
