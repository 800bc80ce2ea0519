"""Tests: fast hashing, plain static storage, immediate tasks, local memory everything."""

from .base import *  # noqa: F403
from .base import STORAGES, os

DEBUG = False
SECRET_KEY = "test-only-key"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# One folder per pytest-xdist worker (gw0, gw1): a test that counts the files would see the other's.
MEDIA_ROOT = os.environ.get("TEST_MEDIA_ROOT", "/tmp/cerobio-test-media") + os.environ.get("PYTEST_XDIST_WORKER", "")  # noqa: S108
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# Serve static files straight from the app directories (no collectstatic step in tests).
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Rate limits high enough that no test (nor the browser tests' server) trips one by accident; the
# rate-limit tests set their own small limits (cerobio/core/tests/test_rate_limits.py).
SEARCH_RATE_LIMIT = IDENTIFY_RATE_LIMIT = BASKET_RATE_LIMIT = CHECKOUT_RATE_LIMIT = (100_000, 60)
ADMIN_LOGIN_RATE_LIMIT = ADMIN_LOGIN_USER_RATE_LIMIT = PASSWORD_RESET_RATE_LIMIT = (100_000, 60)
FEEDBACK_RATE_LIMIT = CONTACT_RATE_LIMIT = (100_000, 60)
ADMIN_2FA_RATE_LIMIT = (100_000, 60)  # the two-factor tests set their own
