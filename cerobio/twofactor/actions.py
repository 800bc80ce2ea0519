"""The second factor for the admin: enrol an authenticator app, check codes, issue backup codes, reset.

Devices are django-otp's: one confirmed `TOTPDevice` (the authenticator app) and one `StaticDevice`
holding the single-use backup codes. Both use django-otp's own throttling (each wrong code doubles
the wait before the device accepts another: 1 s, 2 s, 4 s, ...).
"""

import logging
from base64 import b32encode
from dataclasses import dataclass

import django_otp
from django.db import transaction
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.log_actions import log

logger = logging.getLogger(__name__)

BACKUP_CODE_COUNT = 10
APP_DEVICE_NAME = "Authenticator app"
BACKUP_DEVICE_NAME = "Backup codes"
RESET_ACTION = "twofactor.reset"


@dataclass(frozen=True)
class CodeCheck:
    """The outcome of checking one code: accepted, or refused (with the wait if the device is throttled)."""

    device: object | None
    wait_seconds: int = 0

    @property
    def accepted(self) -> bool:
        return self.device is not None


def must_verify(user) -> bool:
    """Whether this signed-in user can use an admin at all, and so needs a second factor there."""
    return bool(
        user.is_authenticated
        and user.is_active
        and (user.is_staff or user.is_superuser or user.has_perm("wagtailadmin.access_admin"))
    )


def authenticator(user) -> TOTPDevice | None:
    """The user's confirmed authenticator app, if they have enrolled one."""
    return TOTPDevice.objects.filter(user=user, confirmed=True).order_by("pk").first()


def pending_authenticator(user) -> TOTPDevice:
    """The unconfirmed authenticator the user is setting up (the same secret until they confirm it)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("-pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=APP_DEVICE_NAME, confirmed=False)
    return device


def secret_for_display(device: TOTPDevice) -> str:
    """The device's key as an authenticator app takes it by hand: base32 in groups of four."""
    secret = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def _wait(device) -> int:
    allowed, info = device.verify_is_allowed()
    if allowed or not info or "locked_until" not in info:
        return 0
    return max(1, int((info["locked_until"] - timezone.now()).total_seconds() + 0.999))


def _check(device, code: str) -> CodeCheck:
    """Check one code against one device under a row lock (so a code cannot be used twice at once)."""
    with transaction.atomic():
        device = type(device).objects.select_for_update().get(pk=device.pk)
        wait = _wait(device)
        if wait:
            return CodeCheck(None, wait)
        if device.verify_token(code):
            return CodeCheck(device)
    return CodeCheck(None, 0)


def check_app_code(user, code: str) -> CodeCheck:
    """Check a 6-digit code from the user's confirmed authenticator app."""
    device = authenticator(user)
    result = _check(device, code) if device else CodeCheck(None)
    logger.info(
        "Admin sign-in code for %s %s",
        user.get_username(),
        "accepted" if result.accepted else "refused",
    )
    return result


def check_backup_code(user, code: str) -> CodeCheck:
    """Check (and use up) one of the user's backup codes."""
    device = StaticDevice.objects.filter(user=user, confirmed=True).order_by("pk").first()
    result = _check(device, normalise_backup_code(code)) if device else CodeCheck(None)
    if result.accepted:
        logger.warning(
            "Admin sign-in for %s used a backup code (%d left)",
            user.get_username(),
            backup_codes_left(user),
        )
    else:
        logger.info("Admin sign-in backup code for %s refused", user.get_username())
    return result


def normalise_backup_code(code: str) -> str:
    """Backup codes are shown in two groups of four; accept them with or without spaces, any case."""
    return "".join(code.split()).replace("-", "").lower()


def backup_codes_left(user) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def confirm_enrolment(device: TOTPDevice, code: str) -> tuple[CodeCheck, list[str]]:
    """Confirm a pending authenticator with its first code; on success return fresh backup codes."""
    result = _check(device, code)
    if not result.accepted:
        return result, []
    with transaction.atomic():
        device = result.device
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
        codes = issue_backup_codes(device.user)
    logger.warning("Admin user %s set up two-factor authentication", device.user.get_username())
    return result, codes


def issue_backup_codes(user) -> list[str]:
    """Replace the user's backup codes with BACKUP_CODE_COUNT new ones; return them (shown once)."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=BACKUP_DEVICE_NAME, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(BACKUP_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def mark_verified(request, device) -> None:
    """Record in the session that this sign-in passed the second factor (and change the session key)."""
    django_otp.login(request, device)
    request.session.cycle_key()


def reset_two_factor(user, by=None) -> int:
    """Remove all of the user's devices so they enrol again at their next admin sign-in; log who did it."""
    removed = 0
    with transaction.atomic():
        for device in list(django_otp.devices_for_user(user, confirmed=None)):
            device.delete()
            removed += 1
        log(instance=user, action=RESET_ACTION, user=by, data={"devices_removed": removed})
    logger.warning(
        "Two-factor authentication reset for %s by %s (%d devices removed)",
        user.get_username(),
        by.get_username() if by is not None else "an operator (manage.py reset_2fa)",
        removed,
    )
    return removed
