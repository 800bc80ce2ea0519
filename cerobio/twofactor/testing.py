"""For tests: sign a user in to the admin the way a real sign-in ends, with a verified second factor."""

from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from .actions import APP_DEVICE_NAME, authenticator


def verified_login(client, user):
    """Log `user` into a Django test client with a confirmed authenticator app, verified for this session.

    The admin refuses a password-only session (see AdminTwoFactorMiddleware), so admin tests sign in
    with this instead of `client.force_login(user)`. Returns the client.
    """
    client.force_login(user)
    device = authenticator(user) or TOTPDevice.objects.create(
        user=user, name=APP_DEVICE_NAME, confirmed=True
    )
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client
