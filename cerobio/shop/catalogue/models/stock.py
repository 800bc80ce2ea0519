"""Stock kept apart from the product page, so publishing a page never rewrites a stock level.

`Stock.quantity` counts the units we still have to sell: allocation to a paid order lowers it,
and a database constraint keeps it at zero or above. While a customer pays, a `Reservation`
holds units until it expires; available = quantity − active reservations. Rows change only
under locks taken through `lock_objects.py`.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone


class Stock(models.Model):
    """How many units of a variant are left to sell."""

    variant = models.OneToOneField(
        "shop.ProductVariant", on_delete=models.CASCADE, primary_key=True, related_name="stock"
    )
    quantity = models.IntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)
    low_stock_alerted_at = models.DateTimeField(
        null=True, blank=True, editable=False,
        help_text="When the shop was emailed that this fell to its low-stock level; cleared once it is above it again.",
    )

    class Meta:
        verbose_name = "stock level"
        constraints = [
            models.CheckConstraint(name="shop_stock_never_negative", condition=Q(quantity__gte=0)),
        ]

    def __str__(self) -> str:
        return f"{self.variant_id}: {self.quantity}"

    def held(self, now=None, exclude_order=None) -> int:
        """Units held by unexpired reservations (optionally not counting one order's)."""
        qs = Reservation.objects.active(now).filter(variant_id=self.variant_id)
        if exclude_order is not None:
            qs = qs.exclude(order_id=exclude_order)
        return qs.aggregate(n=Sum("quantity"))["n"] or 0

    def available(self, now=None, exclude_order=None) -> int:
        return max(0, self.quantity - self.held(now, exclude_order))


class StockMovement(models.Model):
    """One change to a stock level: who, why, by how much, and what it left."""

    class Reason(models.TextChoices):
        RECEIVED = "received", "Delivery received"
        COUNT = "count", "Stock count correction"
        DAMAGED = "damaged", "Damaged or lost"
        SOLD = "sold", "Sold (order paid)"
        RETURNED = "returned", "Returned to stock (order cancelled or refunded)"

    variant = models.ForeignKey(
        "shop.ProductVariant", null=True, on_delete=models.SET_NULL, related_name="stock_movements"
    )
    sku = models.CharField(max_length=40)
    change = models.IntegerField()
    quantity_after = models.IntegerField()
    reason = models.CharField(max_length=12, choices=Reason.choices)
    note = models.CharField(max_length=250, blank=True)
    order = models.ForeignKey("orders.Order", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = "stock change"

    def __str__(self) -> str:
        return f"{self.sku} {self.change:+d} → {self.quantity_after}"


class ReservationQuerySet(models.QuerySet):
    def active(self, now=None):
        return self.filter(status=Reservation.Status.ACTIVE, expires_at__gt=now or timezone.now())


class Reservation(models.Model):
    """Units held for an order while its customer pays; expires by itself."""

    class Status(models.TextChoices):
        ACTIVE = "active", "Held"
        ALLOCATED = "allocated", "Allocated (paid)"
        RELEASED = "released", "Released"

    variant = models.ForeignKey("shop.ProductVariant", on_delete=models.CASCADE, related_name="reservations")
    order = models.ForeignKey("orders.Order", on_delete=models.CASCADE, related_name="reservations")
    quantity = models.PositiveIntegerField()
    expires_at = models.DateTimeField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.ACTIVE)
    created_at = models.DateTimeField(default=timezone.now)

    objects = ReservationQuerySet.as_manager()

    class Meta:
        indexes = [models.Index(fields=["variant", "status", "expires_at"], name="shop_reservation_live")]
        constraints = [
            models.CheckConstraint(name="shop_reservation_positive", condition=Q(quantity__gt=0)),
            models.UniqueConstraint(fields=["order", "variant"], name="shop_reservation_one_per_line"),
        ]

    def __str__(self) -> str:
        return f"{self.quantity} × variant {self.variant_id} for order {self.order_id} ({self.status})"


def held_units(variant_ref: str, now=None):
    """The units held by unexpired reservations of the variant in `variant_ref`, as an annotation.

    `Stock.held()` as a subquery, so a list of lines or stock rows gets its availability in the same
    query: `available = max(0, stock.quantity - held)`.
    """
    held = (
        Reservation.objects.active(now)
        .filter(variant_id=models.OuterRef(variant_ref))
        .order_by()
        .values("variant_id")
        .annotate(n=Sum("quantity"))
        .values("n")
    )
    return Coalesce(models.Subquery(held, output_field=models.IntegerField()), 0)
