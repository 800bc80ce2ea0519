"""The browser tests' settings (DEBUG off) for a second server that can be made to fail on purpose:
its URLconf adds a page that breaks (500) and one that loses the database (503), and search allows
two searches per address so the third meets the 429 page."""

from cerobio.settings.test import *  # noqa: F403

DEBUG = False
ROOT_URLCONF = "tests.e2e.error_urls"
SEARCH_RATE_LIMIT = (2, 600)
