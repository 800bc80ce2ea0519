"""The site's JSON API (django-ninja), mounted at /api/v1/ (main.py); the error shape every router answers with (errors.py)."""
