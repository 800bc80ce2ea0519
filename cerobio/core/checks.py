"""Deployment checks (`manage.py check --deploy`) for the site as a whole."""

from django.conf import settings
from django.core.checks import Error, Tags, register

# Backends that deliver nothing: console writes customers' names, addresses and order links to the
# log, locmem keeps them in memory, dummy drops them.
UNDELIVERED_EMAIL = {
    "django.core.mail.backends.console.EmailBackend",
    "django.core.mail.backends.locmem.EmailBackend",
    "django.core.mail.backends.dummy.EmailBackend",
}


@register(Tags.security, deploy=True)
def email_is_delivered(app_configs, **kwargs):
    if settings.EMAIL_BACKEND in UNDELIVERED_EMAIL:
        return [Error(
            f"EMAIL_BACKEND is {settings.EMAIL_BACKEND}: order emails would not reach customers, and the console "
            "backend writes their names, addresses and order links to the log.",
            hint="Set EMAIL_BACKEND=django.core.mail.backends.smtp.EmailBackend (the server's mail relay; docs/deploy.md).",
            id="cerobio.E001",
        )]  # fmt: skip
    return []
