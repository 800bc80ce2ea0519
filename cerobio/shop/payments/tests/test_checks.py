"""The deployment check on the Stripe keys an operator sets."""

import pytest

from cerobio.shop.payments.checks import payment_settings


@pytest.mark.parametrize(
    ("secret", "publishable", "warned"),
    [
        ("sk_live_abc", "pk_live_abc", False),
        ("sk_test_abc", "pk_test_abc", False),
        ("sk_live_abc", "", False),  # no card step: Stripe Checkout only
        ("sk_live_abc", "pk_test_abc", True),  # the card form would look in the wrong mode
        ("sk_test_abc", "sk_test_abc", True),  # the secret key pasted twice
    ],
)
def test_a_publishable_key_of_the_wrong_kind_or_mode_is_named(
    settings, secret, publishable, warned
):
    settings.PAYMENT_PROVIDER, settings.STRIPE_WEBHOOK_SECRET = "stripe", "whsec_x"
    settings.STRIPE_SECRET_KEY, settings.STRIPE_PUBLISHABLE_KEY = secret, publishable
    ids = [w.id for w in payment_settings(None)]
    assert ("cerobio.shop.W003" in ids) is warned
