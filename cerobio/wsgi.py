"""WSGI entry point (gunicorn in production)."""
import os

from django.core.wsgi import get_wsgi_application
from django.urls import get_resolver

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cerobio.settings.production")
application = get_wsgi_application()

# Import every view and API router now rather than on the first request: under gunicorn's
# preload_app that happens once, in the master, and every worker (each one that max_requests
# recycles too) starts ready instead of spending about a second on its first request.
get_resolver().check()
