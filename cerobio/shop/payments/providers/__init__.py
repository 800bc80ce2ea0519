"""Payment providers behind one interface; `get_provider()` returns the configured one."""

from django.conf import settings

from .base import CancelResult, CardPagePayment, PaymentError, PaymentProvider, PaymentResult  # noqa: F401


def get_provider(code: str | None = None) -> PaymentProvider:
    """The provider named by `code` or settings.PAYMENT_PROVIDER."""
    code = code or settings.PAYMENT_PROVIDER
    if code == "stripe":
        from .stripe import StripeProvider

        return StripeProvider()
    if code == "dummy":
        from .dummy import DummyProvider

        return DummyProvider()
    raise PaymentError(f"Unknown payment provider {code!r}; use 'dummy' or 'stripe'.")
