"""Local development: the embedded default (SQLite, local memory cache, console email)."""

from .base import *  # noqa: F403
from .base import LOGGING, os

DEBUG = True
SECRET_KEY = os.environ.get("SECRET_KEY") or "dev-only-insecure-key-do-not-use-in-production"
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]", "testserver"]
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# runserver prints its own line per request; cerobio.request's access log would repeat it.
LOGGING["loggers"]["cerobio.request"] = {"level": "WARNING"}
