"""Local development: the embedded default (SQLite, local memory cache, console email)."""

from .base import *  # noqa: F403
from .base import LOGGING, STORAGES, os

# `DEBUG=0 make run` shows the site as visitors get it, with its own error pages (404, 500, the CSRF
# failure page) instead of Django's debug pages; uploaded media are then not served (urls.py).
DEBUG = os.environ.get("DEBUG", "1") != "0"
SECRET_KEY = os.environ.get("SECRET_KEY") or "dev-only-insecure-key-do-not-use-in-production"
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]", "testserver"]
# Static files straight from the app folders under their own names, with DEBUG on or off (no collectstatic).
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# runserver prints its own line per request; cerobio.request's access log would repeat it.
LOGGING["loggers"]["cerobio.request"] = {"level": "WARNING"}
