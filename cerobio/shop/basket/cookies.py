"""The basket token travels in a signed cookie, kept for settings.BASKET_DAYS days."""

from __future__ import annotations

from django.conf import settings
from django.core.signing import BadSignature

from .models import Basket

COOKIE = "cerobio_basket"
SALT = "cerobio.shop.basket"


def token_from(request) -> str | None:
    """The basket token in the request's cookie, if its signature is good."""
    cached = getattr(request, "_basket_token", False)
    if cached is not False:
        return cached
    try:
        token = request.get_signed_cookie(COOKIE, default=None, salt=SALT, max_age=settings.BASKET_DAYS * 86400)
    except BadSignature:
        token = None
    request._basket_token = token
    return token


def current(request, create: bool = False) -> Basket | None:
    """The visitor's basket; an ordered basket is replaced by a new one when `create` is set."""
    token = token_from(request)
    basket = Basket.objects.filter(token=token).first() if token else None
    if basket is not None and basket.status == Basket.Status.SUBMITTED:
        basket = None
    if basket is None and create:
        basket = Basket.objects.create()
        request._basket_token = basket.token
        request._basket_new = basket
    return basket


def remember(request, response) -> None:
    """Set (or refresh) the cookie for the request's basket, so it lasts BASKET_DAYS from now."""
    token = getattr(request, "_basket_token", None)
    if not token:
        return
    response.set_signed_cookie(
        COOKIE,
        token,
        salt=SALT,
        max_age=settings.BASKET_DAYS * 86400,
        httponly=True,
        samesite="Lax",
        secure=settings.SESSION_COOKIE_SECURE,
    )
