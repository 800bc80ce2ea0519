"""Settings shared by every environment; everything that varies comes from the environment."""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF, UNSAFE_INLINE
from django.core.exceptions import ImproperlyConfigured
from pythonjsonlogger.core import RESERVED_ATTRS

from cerobio.core.sentry import init_from_env as init_sentry

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent


def env_bool(name: str, default: bool = False) -> bool:
    """Read a yes/no setting from the environment."""
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_rate(name: str, default: str) -> tuple[int, int]:
    """Read a rate limit "COUNT/SECONDS" (e.g. "60/60": sixty requests a minute) from the environment."""
    value = os.environ.get(name) or default
    try:
        count, seconds = (int(part) for part in value.split("/"))
    except ValueError:
        raise ImproperlyConfigured(f'{name} must be "COUNT/SECONDS", e.g. "60/60", not {value!r}.') from None
    if count < 1 or seconds < 1:
        raise ImproperlyConfigured(f"{name} needs a count and a number of seconds of at least 1, not {value!r}.")
    return count, seconds


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = [h.strip() for h in os.environ.get("ALLOWED_HOSTS", "").split(",") if h.strip()]

INSTALLED_APPS = [
    "cerobio.core",
    "cerobio.images",
    "cerobio.guide",
    "cerobio.search",
    "cerobio.identify",
    "cerobio.editorial",
    "cerobio.demo",
    "cerobio.shop.catalogue",
    "cerobio.shop.basket",
    "cerobio.shop.delivery",
    "cerobio.shop.orders",
    "cerobio.shop.payments",
    "cerobio.twofactor",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "wagtail.contrib.forms",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",  # the queue's table exists everywhere; production uses it (settings/production.py)
    "ninja",
    "csp",
    "django_ratelimit",
    "health_check",  # /readyz (cerobio/core/health.py) and `manage.py health_check`
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    # Outermost: the request id is on every log line below; health probes skip host and https checks.
    "cerobio.core.middleware.RequestIdMiddleware",
    "cerobio.core.middleware.HealthProbeMiddleware",
    # 413 for a body over REQUEST_MAX_BODY_SIZE (unread), 400 for a NUL character anywhere in the request.
    "cerobio.core.request_guard.RequestGuardMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Content-Security-Policy (public and admin policies) and Permissions-Policy (docs/security.md).
    "cerobio.core.security.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # ETag + 304 for what HttpCacheMiddleware makes public; that one sets Cache-Control on every
    # response (public only for anonymous pages) and must sit above sessions, CSRF and messages.
    "django.middleware.http.ConditionalGetMiddleware",
    "cerobio.core.http_cache.HttpCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "cerobio.twofactor.middleware.AdminTwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # 429 + Retry-After over a limit (sign-in, checkout, identifier, search, basket); inside the
    # session, messages and header middleware so the 429 page has the site's layout and headers.
    "cerobio.core.ratelimit.RateLimitMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # The content version is read once per request (cerobio/core/purge.py).
    "cerobio.core.purge.ContentVersionMiddleware",
    # A view that loses the database answers a friendly 503 (docs/operations.md).
    "cerobio.core.middleware.DatabaseOutageMiddleware",
]

ROOT_URLCONF = "cerobio.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "cerobio.core.purge.content_version_context",  # keys of the cached fragments
            ],
        },
    },
]

WSGI_APPLICATION = "cerobio.wsgi.application"

# SQLite file in the checkout unless DATABASE_URL says otherwise (PostgreSQL in production).
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "0")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Parameters bound by the server, and a statement a connection has run five times prepared
    # (psycopg's prepare_threshold): PostgreSQL then parses and plans the app's queries once per
    # connection, not on every request (docs/performance.md). Django leaves both off by default;
    # `?server_side_binding=false` in DATABASE_URL turns them off again.
    _options = DATABASES["default"].setdefault("OPTIONS", {})
    if _options.setdefault("server_side_binding", True):
        _options.setdefault("prepare_threshold", 5)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATICFILES_DIRS = [PROJECT_DIR / "static"]
# css/site.css, the one stylesheet every page links, is the CSS partials joined (cerobio/core/stylesheet.py).
STATICFILES_FINDERS = [
    "cerobio.core.stylesheet.SiteStylesheetFinder",
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "cerobio.core.staticfiles.StaticFilesStorage"},  # WhiteNoise, incremental
}

# Local memory here; Redis through django-redis in production (settings/production.py). "local" is
# always this process's own memory: the admin sign-in limits count there too, so they still hold
# while Redis is down (cerobio/core/ratelimit.py).
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "local": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "local"},
}
# django-redis logs each call that Redis failed to "cerobio.cache", which LOGGING passes on once a minute.
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
DJANGO_REDIS_LOGGER = "cerobio.cache"

# Whole-page caching (cerobio/core/http_cache.py, docs/deploy.md): seconds that browsers (max-age) and
# nginx or a CDN (s-maxage) may keep an anonymous page. Publishing refreshes nginx's copy at once;
# product and shop pages show stock, so they stay short and are never refreshed on a sale.
CACHE_PAGE_MAX_AGE = int(os.environ.get("CACHE_PAGE_MAX_AGE", "300"))
CACHE_PAGE_SHARED_MAX_AGE = int(os.environ.get("CACHE_PAGE_SHARED_MAX_AGE", "3600"))
CACHE_SHOP_MAX_AGE = int(os.environ.get("CACHE_SHOP_MAX_AGE", "60"))
CACHE_NOT_FOUND_MAX_AGE = 60

# Development and tests run tasks at once, in the request; production queues them in the database for
# `manage.py task_worker` (settings/production.py, docs/deploy.md "Background tasks").
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# A task RUNNING for longer than this is taken to have lost its worker and is put back in the queue
# (`manage.py requeue_stalled_tasks`, cerobio/core/task_recovery.py); far above the longest task.
TASK_STALL_SECONDS = int(os.environ.get("TASK_STALL_SECONDS", "600"))

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
if os.environ.get("EMAIL_FILE_PATH"):  # for django.core.mail.backends.filebased.EmailBackend
    EMAIL_FILE_PATH = os.environ["EMAIL_FILE_PATH"]
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Cerobio <hello@cerobio.example>")
# The shop's own inbox: told of each new paid order and of stock falling to its warning level
# (docs/shop.md). Empty: no staff emails.
SHOP_STAFF_EMAIL = os.environ.get("SHOP_STAFF_EMAIL", "")
# Carriers staff choose from when dispatching, each with its tracking page; {number} is replaced by
# the parcel's tracking number (URL-quoted). Change the list here; orders keep the link they were sent.
SHOP_CARRIERS = {
    "Royal Mail": "https://www.royalmail.com/track-your-item#/tracking-results/{number}",
    "Parcelforce": "https://www.parcelforce.com/track-trace?trackNumber={number}",
    "DPD": "https://track.dpd.co.uk/parcels/{number}",
    "Evri": "https://www.evri.com/track/parcel/{number}",
    "DHL": "https://www.dhl.com/gb-en/home/tracking.html?tracking-id={number}",
    "UPS": "https://www.ups.com/track?tracknum={number}",
}

# Wagtail
WAGTAIL_SITE_NAME = "Cerobio"
WAGTAILIMAGES_IMAGE_MODEL = "images.CerobioImage"
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["avif", "jpg", "jpeg", "png", "webp"]
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# The public address (canonical links, sitemap, JSON-LD, robots.txt, links in emails): SITE_URL, or
# where `make run` / `make serve` listen on this machine (PORT) when it is not set.
SITE_URL = (os.environ.get("SITE_URL") or f"http://127.0.0.1:{os.environ.get('PORT') or '8000'}").rstrip("/")
WAGTAILADMIN_BASE_URL = SITE_URL
WAGTAILDOCS_EXTENSIONS = ["pdf", "txt"]
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
# Uploads (docs/security.md): an image may be at most 10 MB and 60 megapixels (a 48 MP phone photo
# fits; a "decompression bomb" of a few kilobytes that would unpack to gigabytes does not), and must
# really be one of the image formats above. Other request bodies (forms, JSON) stop at 2.5 MB, and an
# uploaded file over 2.5 MB is written to a temporary file instead of being held in memory.
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 60_000_000
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
# Any request body over this (an image at the limit above plus its form) is refused with 413 before
# anything reads it, so a huge multipart upload is never spooled to disk (cerobio/core/request_guard.py;
# nginx's client_max_body_size is the same 11 MB).
REQUEST_MAX_BODY_SIZE = 11 * 1024 * 1024
# The admin loads nothing from other sites: no Gravatar avatars, no release check against wagtail.org.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False


# The shop (docs/shop.md). Payments use the test-mode `dummy` provider unless Stripe keys are set.
STRIPE_SECRET_KEY = os.environ.get("STRIPE_SECRET_KEY", "")
STRIPE_WEBHOOK_SECRET = os.environ.get("STRIPE_WEBHOOK_SECRET", "")
# The publishable key (pk_...) lets the card step show Stripe's Payment Element on our own page;
# without it customers pay on Stripe's hosted Checkout page instead.
STRIPE_PUBLISHABLE_KEY = os.environ.get("STRIPE_PUBLISHABLE_KEY", "")
STRIPE_API_BASE = os.environ.get("STRIPE_API_BASE", "")  # only for tests against a fake Stripe server
PAYMENT_PROVIDER = os.environ.get("PAYMENT_PROVIDER") or ("stripe" if STRIPE_SECRET_KEY else "dummy")
# How long stock is held while a customer pays (Stripe Checkout sessions last at least 30 minutes).
RESERVATION_MINUTES = int(os.environ.get("RESERVATION_MINUTES", "30"))
BASKET_DAYS = int(os.environ.get("BASKET_DAYS", "30"))
# A repeated checkout (same Idempotency-Key) whose order is still unpaid asks the payment provider
# again only once the last attempt is this many seconds old; until then it answers 202 "payment pending".
PAYMENT_ATTEMPT_SECONDS = int(os.environ.get("PAYMENT_ATTEMPT_SECONDS", "30"))
# Country names come from django-countries (ISO 3166); where its name is not the one people use,
# the shop shows this one instead (checkout, order pages, emails, parcel labels).
COUNTRIES_OVERRIDE = {"NR": "Nauru", "BS": "Bahamas"}
# Bank holidays skipped when counting delivery days: a country code, optionally "-subdivision"
# (python-holidays codes, e.g. GB-ENG, GB-SCT); empty for weekends only.
DELIVERY_HOLIDAYS = os.environ.get("DELIVERY_HOLIDAYS", "GB-ENG")

# Editorial trust (docs/editorial.md): clinical sign-off stamps the page before Wagtail publishes it.
WAGTAIL_FINISH_WORKFLOW_ACTION = "cerobio.editorial.signoff.finish_and_publish"
EDITORIAL_TEAM_EMAIL = os.environ.get("EDITORIAL_TEAM_EMAIL", "")  # default: the site settings' contact email
# The demo content's data files, read by `manage.py load_demo` (docs/content.md).
DEMO_CONTENT_DIR = Path(os.environ.get("DEMO_CONTENT_DIR", BASE_DIR / "content"))
RATE_LIMIT_CLIENT_HEADER = os.environ.get("RATE_LIMIT_CLIENT_HEADER", "")  # e.g. HTTP_X_REAL_IP behind nginx
# django-ratelimit (cerobio/core/ratelimit.py): the client's address as above; with the cache down the
# limits let people through, except admin sign-in, which then counts per process.
RATELIMIT_IP_META_KEY = "cerobio.core.ratelimit.client_address"
RATELIMIT_FAIL_OPEN = True
# Local memory is one process's: fine for `make run`; production uses Redis (settings/production.py).
SILENCED_SYSTEM_CHECKS = ["django_ratelimit.E003", "django_ratelimit.W001"]
# Rate limits (docs/security.md), "COUNT/SECONDS" per visitor's address unless said otherwise.
FEEDBACK_RATE_LIMIT = env_rate("FEEDBACK_RATE_LIMIT", "20/3600")  # 'Was this page helpful?' answers
CONTACT_RATE_LIMIT = env_rate("CONTACT_RATE_LIMIT", "5/3600")  # contact messages
SEARCH_RATE_LIMIT = env_rate("SEARCH_RATE_LIMIT", "60/60")  # /search/
IDENTIFY_RATE_LIMIT = env_rate("IDENTIFY_RATE_LIMIT", "120/600")  # identifier steps (POST) and POST /api/v1/identify
BASKET_RATE_LIMIT = env_rate("BASKET_RATE_LIMIT", "120/600")  # basket changes, HTML and Store API
CHECKOUT_RATE_LIMIT = env_rate("CHECKOUT_RATE_LIMIT", "30/3600")  # checkout submissions, HTML and Store API
ADMIN_LOGIN_RATE_LIMIT = env_rate("ADMIN_LOGIN_RATE_LIMIT", "20/900")  # sign-in attempts per address
ADMIN_LOGIN_USER_RATE_LIMIT = env_rate("ADMIN_LOGIN_USER_RATE_LIMIT", "10/900")  # sign-in attempts per username
PASSWORD_RESET_RATE_LIMIT = env_rate("PASSWORD_RESET_RATE_LIMIT", "5/3600")  # admin password reset emails

# Security headers (docs/security.md). Production adds HSTS, https redirects and secure cookies.
# The public site runs no inline script or style: scripts are files in /static/js/, styles are in
# /static/css/ (JSON-LD <script type="application/ld+json"> blocks are data, which CSP does not block).
# The one exception is the 500 page's own <style>, allowed by its hash on 5xx responses only
# (cerobio/core/security.py).
# A form may post only here, or to Stripe Checkout when that is the payment provider (the checkout
# answers with a redirect there, and browsers apply form-action to that redirect).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "form-action": [SELF, *(["https://checkout.stripe.com"] if PAYMENT_PROVIDER == "stripe" else [])],
        "frame-ancestors": [NONE],
    }
}
# The Wagtail admin and Django admin write inline <script> blocks and style attributes, and Wagtail's
# live preview is an iframe of /admin/ itself, so under these prefixes inline scripts and styles are
# allowed and /admin/ may frame itself; still nothing from another origin, no eval.
CONTENT_SECURITY_POLICY_ADMIN_PREFIXES = ("/admin/", "/django-admin/")
CONTENT_SECURITY_POLICY_ADMIN = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:"],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-src": [SELF],
        "frame-ancestors": [SELF],
    }
}
# Browser features no page here uses are switched off for the page and anything it embeds.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer", "autoplay", "browsing-topics", "camera", "display-capture", "encrypted-media",
        "geolocation", "gyroscope", "hid", "idle-detection", "magnetometer", "microphone", "midi",
        "payment", "screen-wake-lock", "serial", "usb", "xr-spatial-tracking",
    )
}
X_FRAME_OPTIONS = "DENY"  # Wagtail's preview views answer SAMEORIGIN themselves
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
CSRF_FAILURE_VIEW = "cerobio.core.views.csrf_failure"  # the site's own page; JSON under /api/
CONTACT_RETENTION_DAYS = int(os.environ.get("CONTACT_RETENTION_DAYS", "730"))

# Two-factor authentication for /admin/ and /django-admin/ (docs/security.md): a password, then a code
# from an authenticator app (django-otp TOTP) or a single-use backup code. Always on in production.
ADMIN_2FA_REQUIRED = env_bool("ADMIN_2FA_REQUIRED", True)
ADMIN_2FA_RATE_LIMIT = env_rate("ADMIN_2FA_RATE_LIMIT", "10/300")  # codes per person and address (plus django-otp's back-off)
OTP_TOTP_ISSUER = WAGTAIL_SITE_NAME
OTP_ADMIN_HIDE_SENSITIVE_DATA = True  # /django-admin/ lists devices without their keys

# Logs (docs/operations.md): LOG_FORMAT "plain" (default here) or "json" (one object per line, the
# production default). Every handler stamps the request id and masks personal data.
LOG_FORMAT = os.environ.get("LOG_FORMAT", "plain").strip().lower()
if LOG_FORMAT not in {"plain", "json"}:
    raise ImproperlyConfigured(f"LOG_FORMAT must be 'plain' or 'json', not {LOG_FORMAT!r}.")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "request_context": {"()": "cerobio.core.logs.RequestContextFilter"},
        "mask_personal_data": {"()": "cerobio.core.logs.MaskPersonalData"},
        "once_a_minute": {"()": "cerobio.core.logs.OncePerInterval", "seconds": 60},
    },
    "formatters": {
        "plain": {"()": "cerobio.core.logs.PlainFormatter"},
        # python-json-logger: time (UTC), level, logger, message, the request's id, method and path,
        # then every extra field (status, duration_ms, ...) and exc_info with the (masked) traceback.
        "json": {
            "()": "cerobio.core.logs.JsonFormatter",
            "fmt": ["levelname", "name", "message", "request_id", "method", "path"],
            "rename_fields": {"levelname": "level", "name": "logger", "status_code": "status"},
            "timestamp": "time",
            "reserved_attrs": [*RESERVED_ATTRS, "taskName", "request"],  # Django's request object stays out
        },
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": LOG_FORMAT,
            "filters": ["request_context", "mask_personal_data"],
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        # Django's own handlers (console in DEBUG, mail_admins) would write unmasked; everything goes to root.
        "django": {"handlers": [], "level": "INFO", "propagate": True},
        # One line per background task is noise in the console; failures still show.
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
        # django-redis reports every call that Redis fails (DJANGO_REDIS_LOGGER): one line a minute.
        "cerobio.cache": {"filters": ["once_a_minute"]},
    },
}

# Error reports go to Sentry only when SENTRY_DSN is set (docs/operations.md).
SENTRY_ENABLED = init_sentry()
