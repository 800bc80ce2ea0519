"""Production: PostgreSQL, Redis and nginx, configured entirely from the environment."""


from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import CACHES, DATABASES, LOGGING, SITE_URL, STATIC_URL, STORAGES, env_bool, os

if not os.environ.get("SECRET_KEY"):
    raise ImproperlyConfigured("SECRET_KEY must be set in production.")
SECRET_KEY = os.environ["SECRET_KEY"]
DEBUG = False

DATABASES["default"]["CONN_MAX_AGE"] = int(os.environ.get("DB_CONN_MAX_AGE", "600"))

if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # A database host that stops answering fails a request in seconds instead of hanging it
    # (override with ?connect_timeout=N in DATABASE_URL).
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("connect_timeout", 5)

if os.environ.get("REDIS_URL"):
    CACHES = {
        **CACHES,
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "OPTIONS": {
                # With Redis down, pages serve as if the cache were empty; a Redis that stops answering
                # costs each cache call at most half a second (docs/operations.md).
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 0.5,
                "SOCKET_TIMEOUT": 0.5,
            },
        },
    }
    SILENCED_SYSTEM_CHECKS = []  # django-ratelimit's check of the cache holds now (settings/base.py)
    # Sessions live in the database with Redis in front, so logins survive a Redis restart or outage.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

# One JSON object per line unless LOG_FORMAT=plain (docs/operations.md).
LOG_FORMAT = os.environ.get("LOG_FORMAT", "json").strip().lower()  # base.py has checked the value
LOGGING["handlers"]["console"]["formatter"] = LOG_FORMAT

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
# Load balancers probe over plain http (HealthProbeMiddleware answers before this redirect; belt and braces).
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"

# Staff sign in to the admin with a password and a second factor; there is no switch to turn it off here.
# A locked-out user is helped with `manage.py reset_2fa USERNAME` (docs/security.md).
if not env_bool("ADMIN_2FA_REQUIRED", True):
    raise ImproperlyConfigured(
        "ADMIN_2FA_REQUIRED cannot be turned off in production; use `manage.py reset_2fa USERNAME` for a lost phone."
    )
ADMIN_2FA_REQUIRED = True

# Email goes through the server's mail relay unless EMAIL_BACKEND says otherwise; never to the console,
# which would write customers' names, addresses and order links to the log (and deliver nothing).
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND") or "django.core.mail.backends.smtp.EmailBackend"
if EMAIL_BACKEND == "django.core.mail.backends.console.EmailBackend":
    raise ImproperlyConfigured(
        "The console email backend is refused in production: it writes customers' personal data to the log. "
        "Set EMAIL_BACKEND=django.core.mail.backends.smtp.EmailBackend (or filebased with EMAIL_FILE_PATH to try it out)."
    )

# Background tasks (order and contact emails, cache refreshes) go to a queue in the database that
# `manage.py task_worker` works through (`make worker`, cerobio-worker.service; docs/deploy.md), so a
# slow mail server never holds up a customer's request.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

# Whole-page cache in nginx, refreshed when editors publish (cerobio/core/frontend_cache.py). The
# secret is the one in nginx's `map $http_x_cache_refresh` (deploy/nginx/cerobio-refresh.conf).
WAGTAILFRONTENDCACHE = {}
if os.environ.get("NGINX_CACHE_REFRESH_SECRET"):
    WAGTAILFRONTENDCACHE["nginx"] = {
        "BACKEND": "cerobio.core.frontend_cache.NginxCacheBackend",
        "SECRET": os.environ["NGINX_CACHE_REFRESH_SECRET"],
        "BASE_URL": SITE_URL,  # the public address, as in nginx's cache key
        # Each nginx with its own cache, as host:port; empty: the page's own address.
        "SERVERS": [s.strip() for s in os.environ.get("NGINX_CACHE_SERVERS", "").split(",") if s.strip()],
    }
if os.environ.get("AWS_CLOUDFRONT_DISTRIBUTION_ID"):
    # A CloudFront CDN in front of nginx is invalidated too (credentials: the usual AWS_* variables).
    WAGTAILFRONTENDCACHE["cloudfront"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
        "DISTRIBUTION_ID": os.environ["AWS_CLOUDFRONT_DISTRIBUTION_ID"],
    }

# Static files from another host (a CDN) when STATIC_URL is an absolute address.
STATIC_URL = os.environ.get("STATIC_URL", STATIC_URL)

# Uploaded images and documents in S3 (or any S3-compatible store) when a bucket is named, so app
# servers share nothing on disk (django-storages; credentials: AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY).
if os.environ.get("AWS_STORAGE_BUCKET_NAME"):
    _bucket = os.environ["AWS_STORAGE_BUCKET_NAME"]
    _domain = os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None
    _endpoint = os.environ.get("AWS_S3_ENDPOINT_URL") or None
    STORAGES = {
        **STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": _bucket,
                "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
                "endpoint_url": _endpoint,
                "custom_domain": _domain,
                "location": os.environ.get("AWS_LOCATION", ""),
                # Plain addresses: cached pages must not carry signed links that expire.
                "querystring_auth": env_bool("AWS_QUERYSTRING_AUTH", False),
                "file_overwrite": False,
            },
        },
    }
    MEDIA_URL = os.environ.get("MEDIA_URL") or (
        f"https://{_domain}/" if _domain
        else f"{_endpoint.rstrip('/')}/{_bucket}/" if _endpoint
        else f"https://{_bucket}.s3.amazonaws.com/"
    )

# OpenSearch or Elasticsearch instead of the database search backend (needs its Python client
# installed, e.g. opensearch-py; then `manage.py update_index`).
if os.environ.get("SEARCH_URL"):
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": os.environ.get("SEARCH_BACKEND", "wagtail.search.backends.opensearch2"),
            "URLS": [os.environ["SEARCH_URL"]],
            "INDEX": os.environ.get("SEARCH_INDEX", "cerobio"),
            "TIMEOUT": 5,
        }
    }
