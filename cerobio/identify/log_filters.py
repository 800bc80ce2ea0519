"""Keep answers out of the logs, even at DEBUG.

Django's `django.template` logger reports a failed variable lookup at DEBUG with the exception,
and that exception's message is the repr of the whole template context: on identifier pages, the
person's answers. This filter keeps the one-line message (variable and template names) and drops
the exception, for every template, so no log level or handler can ever write a context out.
"""

import logging


class DropTemplateContext(logging.Filter):
    """Strip the exception (and with it the template context) from `django.template` records."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.exc_info or record.exc_text:
            record.exc_info = None
            record.exc_text = None
        return True


def install() -> None:
    """Attach the filter once (idempotent)."""
    logger = logging.getLogger("django.template")
    if not any(isinstance(f, DropTemplateContext) for f in logger.filters):
        logger.addFilter(DropTemplateContext())
