"""Enrol an authenticator app, enter a code after signing in, and (superusers) reset someone's 2FA."""

from functools import wraps
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters

from cerobio.core.ratelimit import retry_after, wait_text

from . import actions
from .forms import AppCodeForm, BackupCodeForm
from .qr import qr_svg

WRONG_APP_CODE = (
    "That code is not right. Enter the 6-digit code your authenticator app shows now "
    "(if it keeps failing, check the time on your phone is set automatically)."
)
WRONG_BACKUP_CODE = "That backup code is not right, or it has already been used."


def _next_url(request) -> str:
    """Where to go after the second factor: the page the user asked for, if it is on this site."""
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return reverse("wagtailadmin_home")


def _with_next(name: str, next_url: str) -> str:
    return f"{reverse(name)}?{urlencode({'next': next_url})}"


def signed_in_admin_user(view):
    """Only for someone signed in with a password who may use an admin; never cached."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), reverse("wagtailadmin_login"))
        if not actions.must_verify(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return never_cache(sensitive_post_parameters("code", "backup-code")(wrapper))


def _too_many_attempts(request) -> int:
    """Seconds to wait if this person has sent too many codes from this address, else 0."""
    limit, window = settings.ADMIN_2FA_RATE_LIMIT
    return retry_after(request, f"admin-2fa:{request.user.pk}", limit, window, local=True)


def _wait_message(seconds: int) -> str:
    return f"Too many wrong codes. Wait {wait_text(seconds)}, then try again with a new code."


def _render(request, template, context, status=200, retry=0):
    response = render(request, template, {"next": _next_url(request), **context}, status=status)
    if retry:
        response["Retry-After"] = str(retry)
    return response


@signed_in_admin_user
def enrol(request):
    """Set up an authenticator app: QR code and key, a first code to confirm, then the backup codes."""
    user = request.user
    if actions.authenticator(user) is not None:
        return redirect(_with_next("twofactor_verify", _next_url(request)))
    device = actions.pending_authenticator(user)
    form = AppCodeForm(request.POST or None)
    status = retry = 0
    if request.method == "POST":
        retry = _too_many_attempts(request)
        if retry:
            form.add_error(None, _wait_message(retry))
        elif form.is_valid():
            result, codes = actions.confirm_enrolment(device, form.cleaned_data["code"])
            if result.accepted:
                actions.mark_verified(request, result.device)
                return _render(request, "twofactor/backup_codes.html", {"codes": codes})
            retry = result.wait_seconds
            form.add_error("code", _wait_message(retry) if retry else WRONG_APP_CODE)
        status = 429 if retry else 400
    context = {
        "form": form,
        "qr_code": qr_svg(
            device.config_url, "QR code to add your Cerobio admin account to an authenticator app"
        ),
        "secret": actions.secret_for_display(device),
        "account": user.get_username(),
        "issuer": settings.OTP_TOTP_ISSUER,
    }
    return _render(request, "twofactor/enrol.html", context, status or 200, retry)


@signed_in_admin_user
def verify(request):
    """After the password: a code from the authenticator app, or a single-use backup code."""
    user = request.user
    if actions.authenticator(user) is None:
        return redirect(_with_next("twofactor_enrol", _next_url(request)))
    if user.is_verified():
        return redirect(_next_url(request))
    using_backup = request.method == "POST" and request.POST.get("method") == "backup"
    app_form = AppCodeForm(request.POST if request.method == "POST" and not using_backup else None)
    backup_form = BackupCodeForm(request.POST if using_backup else None)
    status = retry = 0
    if request.method == "POST":
        form = backup_form if using_backup else app_form
        retry = _too_many_attempts(request)
        if retry:
            form.add_error(None, _wait_message(retry))
        elif form.is_valid():
            check = actions.check_backup_code if using_backup else actions.check_app_code
            result = check(user, form.cleaned_data["code"])
            if result.accepted:
                return _verified(request, result.device, using_backup)
            retry = result.wait_seconds
            wrong = WRONG_BACKUP_CODE if using_backup else WRONG_APP_CODE
            form.add_error("code", _wait_message(retry) if retry else wrong)
        status = 429 if retry else 400
    context = {
        "app_form": app_form,
        "backup_form": backup_form,
        "focus_app": not using_backup,
        "focus_backup": using_backup,
    }
    return _render(request, "twofactor/verify.html", context, status or 200, retry)


def _verified(request, device, using_backup: bool):
    actions.mark_verified(request, device)
    if using_backup:
        left = actions.backup_codes_left(request.user)
        messages.warning(
            request,
            f"You signed in with a backup code; it cannot be used again. You have {left} left. "
            "If you have lost your phone, ask an administrator to reset two-factor authentication for you.",
        )
    return redirect(_next_url(request))


@never_cache
def reset_for_user(request, user_id):
    """Superusers: remove someone's authenticator and backup codes (lost phone); they enrol again."""
    if not request.user.is_superuser:
        raise PermissionDenied
    person = get_object_or_404(get_user_model(), pk=user_id)
    if request.method == "POST":
        removed = actions.reset_two_factor(person, by=request.user)
        messages.success(
            request,
            f"Two-factor authentication reset for {person.get_username()} ({removed} device"
            f"{'s' if removed != 1 else ''} removed). They will set up an authenticator app at their next sign-in.",
        )
        return redirect("wagtailusers_users:index")
    context = {
        "person": person,
        "enrolled": actions.authenticator(person) is not None,
        "page_title": f"Reset two-factor authentication for {person.get_username()}",
        "header_icon": "key",
    }
    return render(request, "twofactor/reset_confirm.html", context)
