"""Baskets live in the database, so any app server can serve the next request."""

import secrets

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone

MAX_QUANTITY = 10


def new_token() -> str:
    return secrets.token_urlsafe(24)


class Basket(models.Model):
    """A customer's basket. Frozen while its order is being paid for; submitted once paid."""

    class Status(models.TextChoices):
        OPEN = "open", "Open"
        FROZEN = "frozen", "Being paid for"
        SUBMITTED = "submitted", "Ordered"

    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name = "basket"

    def __str__(self) -> str:
        return f"Basket {self.pk} ({self.get_status_display()})"

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN


class BasketLine(models.Model):
    """A variant and how many, with the price the customer last saw (to tell them if it changes)."""

    basket = models.ForeignKey(Basket, on_delete=models.CASCADE, related_name="lines")
    variant = models.ForeignKey("shop.ProductVariant", on_delete=models.CASCADE, related_name="+")
    quantity = models.PositiveSmallIntegerField(validators=[MinValueValidator(1), MaxValueValidator(MAX_QUANTITY)])
    price_seen = models.DecimalField(max_digits=8, decimal_places=2)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["basket", "variant"], name="basket_one_line_per_variant"),
            models.CheckConstraint(name="basket_quantity_in_range", condition=Q(quantity__gte=1, quantity__lte=MAX_QUANTITY)),
        ]

    def __str__(self) -> str:
        return f"{self.quantity} × variant {self.variant_id}"
