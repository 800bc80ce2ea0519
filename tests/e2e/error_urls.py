"""The site's URLconf plus two views that fail, for the error-page browser tests (error_settings.py)."""

from django.db.utils import OperationalError
from django.urls import include, path

from cerobio.urls import handler404, handler500  # noqa: F401  (the site's error pages)


def broken(request):
    raise RuntimeError("a bug in a view")


def database_gone(request):
    raise OperationalError("connection to server at 127.0.0.1, port 5432 failed: Connection refused")


urlpatterns = [
    path("broken/", broken),
    path("database-gone/", database_gone),
    path("", include("cerobio.urls")),
]
