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
    return problems
