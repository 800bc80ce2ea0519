"""The site's JSON API (django-ninja), mounted at /api/v1/; each app adds its router here."""

from .main import api

__all__ = ["api"]
