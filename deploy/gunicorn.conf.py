"""gunicorn settings for Cerobio (`make serve`, deploy/systemd/cerobio-web.service; docs/deploy.md).

Everything comes from the environment:

    HOST, PORT          where to listen (default 127.0.0.1:8000; nginx proxies to it)
    WEB_CONCURRENCY     worker processes (default 2; about 2 x CPU cores on an app server)
    GUNICORN_TIMEOUT    seconds before a stuck worker is killed and replaced (default 30)
    FORWARDED_ALLOW_IPS addresses of the proxies whose X-Forwarded-* headers are trusted
                        (gunicorn reads it itself; default 127.0.0.1,::1)

`kill -HUP <master>` (`systemctl reload cerobio-web`) starts new workers and lets the old ones
finish their requests: no request fails. With preload_app the new workers run the code the master
loaded, so a code upgrade is a restart (docs/deploy.md, "Upgrades").
"""

import gc
import os
import sys

_settings = os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cerobio.settings.production")
if _settings.endswith(".production"):
    # Refuse clearly here, before Django explains it less kindly (or serves every request a 400).
    _missing = [
        name for name in ("SECRET_KEY", "DATABASE_URL", "ALLOWED_HOSTS") if not os.environ.get(name)
    ]
    if _missing:
        sys.exit(
            "cerobio: set "
            + ", ".join(_missing)
            + " before starting gunicorn with production settings "
            "(see deploy/cerobio.env.example; `make serve` fills in local defaults)."
        )

wsgi_app = "cerobio.wsgi:application"
bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
worker_class = "sync"  # nginx buffers slow clients, so a sync worker is never tied up by one

# Load Django once in the master, then fork: workers start warm and share memory pages.
preload_app = True

timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30  # on HUP/TERM, time for a worker to finish its current request
keepalive = 5

# Recycle each worker after about ten thousand requests (the jitter, a quarter of that, keeps them from
# restarting together), so a slow leak in any library can never grow without bound. Not much more often:
# a recycled worker starts cold, and at 1,000 the two workers of `make bench` restarted every few seconds,
# often at once (docs/performance.md). GUNICORN_MAX_REQUESTS changes it; 0 never recycles.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "10000"))
max_requests_jitter = max_requests // 4

# Django writes one access line per request (cerobio.request, with the request id); gunicorn's would repeat it.
accesslog = None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
proc_name = "cerobio"
# gunicorn's control socket (gunicornc) would live in the home folder, shared by every instance on the
# machine; signals (HUP, TERM, TTIN/TTOU) are the interface used here and by systemd.
control_socket_disable = True


def on_starting(server):
    """With production settings, refuse to start while a deployment check reports an error.

    `manage.py check --deploy --database default`: besides Django's own, the project's checks that
    read the database (a published page claiming a stand-in reviewer, the trader's details in
    Settings › Shop; docs/deploy.md). Warnings are printed and do not stop the start.
    """
    if not _settings.endswith(".production"):
        return
    import django
    from django.core.management import call_command
    from django.core.management.base import SystemCheckError

    django.setup()
    try:
        call_command("check", deploy=True, databases=["default"], fail_level="ERROR")
    except SystemCheckError as error:
        sys.exit(f"cerobio: not starting, a deployment check failed.\n{error}")


def pre_fork(server, worker):
    """No database or Redis connection may be shared across a fork: the master drops any it opened."""
    from django.core.cache import caches
    from django.db import connections

    connections.close_all()
    caches.close_all()
    # Everything the master loaded (Django, Wagtail, the project: ~230,000 objects) goes into the
    # collector's permanent generation: the workers' garbage collections no longer walk it (a full one
    # took ~150 ms), and a worker recycled by max_requests exits in a few ms instead of ~1 s of
    # interpreter shutdown, during which no replacement is started (make bench, docs/performance.md).
    gc.freeze()
