"""Deployment checks (`manage.py check --deploy`): a live shop must not run in test mode."""

from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.security, deploy=True)
def payment_settings(app_configs, **kwargs):
    problems = []
    if settings.PAYMENT_PROVIDER == "dummy":
        problems.append(Warning(
            "Payments are in test mode (the dummy provider): no money is taken.",
            hint="Set STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET to take real payments.", id="cerobio.shop.W001",
        ))
    elif settings.PAYMENT_PROVIDER == "stripe" and not settings.STRIPE_WEBHOOK_SECRET:
        problems.append(Warning(
            "Stripe is on but STRIPE_WEBHOOK_SECRET is not set: paid orders are recorded only when customers come back.",
            hint="Add the webhook endpoint /api/v1/payments/stripe/webhook in Stripe and set its signing secret.",
            id="cerobio.shop.W002",
        ))
    problems += _publishable_key_problems()
    return problems


def _publishable_key_problems() -> list:
    """A publishable key must be one (pk_...) and of the secret key's mode, or Stripe's card form
    cannot find the payments the shop makes (customers would then pay on Stripe Checkout only)."""
    key, secret = settings.STRIPE_PUBLISHABLE_KEY, settings.STRIPE_SECRET_KEY
    if settings.PAYMENT_PROVIDER != "stripe" or not key:
        return []
    mode = {"pk_test_": "test", "pk_live_": "live"}.get(key[:8])
    secret_mode = {"sk_test_": "test", "sk_live_": "live", "rk_test_": "test", "rk_live_": "live"}.get(secret[:8])
    if mode is None or (secret_mode and mode != secret_mode):
        return [Warning(
            "STRIPE_PUBLISHABLE_KEY is not a publishable key in the same mode (test or live) as STRIPE_SECRET_KEY.",
            hint="Copy the publishable key (pk_test_... or pk_live_...) from the same Stripe account and mode.",
            id="cerobio.shop.W003",
        )]
    return []
