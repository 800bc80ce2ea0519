"""Codes an authenticator app would show, computed from the device key as the app does (RFC 6238)."""

from django_otp.oath import totp


def current_code(device, steps_ahead: int = 0) -> str:
    """The 6-digit code for now (or `steps_ahead` 30-second steps later), zero-padded like the app shows it."""
    code = totp(
        device.bin_key,
        step=device.step,
        t0=device.t0 - steps_ahead * device.step,
        digits=device.digits,
    )
    return f"{code:0{device.digits}d}"
