"""Keep admin users out of /admin/ and /django-admin/ until they have entered a second-factor code."""

from urllib.parse import urlencode

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import reverse

from .actions import authenticator, must_verify

# Reachable before the second factor: signing in and out, the 2FA pages themselves, and what they load.
OPEN_URL_NAMES = (
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_password_reset",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
    "twofactor_enrol",
    "twofactor_verify",
    "admin:login",
    "admin:logout",
    "admin:jsi18n",
)
GUARDED_URL_NAMES = ("wagtailadmin_home", "admin:index")


def wants_json(request) -> bool:
    """A script or API client rather than a person navigating: it gets a 403, not a redirect."""
    accept = request.headers.get("accept", "")
    return (
        request.path_info.startswith(reverse("wagtailadmin_home") + "api/")
        or request.headers.get("x-requested-with") == "XMLHttpRequest"
        or request.content_type == "application/json"
        or ("application/json" in accept and "text/html" not in accept)
    )


class AdminTwoFactorMiddleware:
    """Requires a verified django-otp device for admin URLs (setting ADMIN_2FA_REQUIRED, default on).

    Must come after django_otp.middleware.OTPMiddleware, which tells us whether the session is verified.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self._prefixes = None

    def prefixes(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        if self._prefixes is None:
            self._prefixes = (
                tuple(reverse(name) for name in GUARDED_URL_NAMES),
                tuple(reverse(name) for name in OPEN_URL_NAMES),
            )
        return self._prefixes

    def guarded(self, path: str) -> bool:
        guarded, open_ = self.prefixes()
        return path.startswith(guarded) and not path.startswith(open_)

    def __call__(self, request):
        if getattr(settings, "ADMIN_2FA_REQUIRED", True) and self.guarded(request.path_info):
            user = request.user
            if must_verify(user):
                is_verified = getattr(user, "is_verified", None)
                if is_verified is None:
                    raise ImproperlyConfigured(
                        "AdminTwoFactorMiddleware must come after django_otp's OTPMiddleware."
                    )
                if not is_verified():
                    return self.refuse(request, user)
        return self.get_response(request)

    def refuse(self, request, user):
        enrolled = authenticator(user) is not None
        target = reverse("twofactor_verify" if enrolled else "twofactor_enrol")
        if wants_json(request):
            return JsonResponse(
                {
                    "code": "two_factor_required",
                    "message": "Enter a code from your authenticator app before using the admin.",
                    "url": target,
                },
                status=403,
            )
        return redirect(f"{target}?{urlencode({'next': request.get_full_path()})}")
