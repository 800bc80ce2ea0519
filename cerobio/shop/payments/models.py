"""Payment attempts, refunds and provider events, each protected by a unique constraint."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone


class Payment(models.Model):
    """One attempt to take payment for an order, as the provider knows it."""

    class Status(models.TextChoices):
        PENDING = "pending", "Waiting for the customer"
        SUCCEEDED = "succeeded", "Paid"
        DECLINED = "declined", "Declined"
        EXPIRED = "expired", "Abandoned"

    order = models.ForeignKey("orders.Order", on_delete=models.CASCADE, related_name="payments")
    provider = models.CharField(max_length=20)
    reference = models.CharField(max_length=255, help_text="The provider's id for this payment.")
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.PENDING)
    amount = models.DecimalField(max_digits=10, decimal_places=2)
    currency = models.CharField(max_length=3, default="GBP")
    message = models.CharField(max_length=255, blank=True)
    # A payment taken on the provider's page (Stripe Checkout): where the customer pays, and until when.
    # A repeat of the checkout sends the customer back there (checkout/complete.py, resume_checkout).
    redirect_url = models.URLField(max_length=2000, blank=True, help_text="Where the customer pays, while the payment waits.")
    expires_at = models.DateTimeField(null=True, blank=True, help_text="When that page stops taking the payment.")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["provider", "reference"], name="payments_reference_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.provider} {self.reference} ({self.status})"


class Refund(models.Model):
    """Money given back to a customer, full or partial."""

    class Status(models.TextChoices):
        PENDING = "pending", "Being sent"
        SUCCEEDED = "succeeded", "Refunded"
        FAILED = "failed", "Failed"

    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    order = models.ForeignKey("orders.Order", on_delete=models.CASCADE, related_name="refunds")
    amount = models.DecimalField(max_digits=10, decimal_places=2)
    reason = models.CharField(max_length=255)
    provider_reference = models.CharField(max_length=255, blank=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [models.CheckConstraint(name="payments_refund_positive", condition=Q(amount__gt=0))]

    def __str__(self) -> str:
        return f"Refund £{self.amount} ({self.status})"


class ProviderEvent(models.Model):
    """A webhook event we have handled; the unique id makes a second delivery a no-op."""

    provider = models.CharField(max_length=20)
    event_id = models.CharField(max_length=255)
    event_type = models.CharField(max_length=100)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["provider", "event_id"], name="payments_event_once"),
        ]

    def __str__(self) -> str:
        return f"{self.provider} {self.event_id}"
