"""Orders with snapshots of what was bought, at what price and VAT, and everything that happened."""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from cerobio.shop.money import Money

NUMBER_PREFIX = "CRB-"
# Orders whose customer had their personal data erased carry an address at this reserved domain
# (RFC 2606), so nothing is ever emailed to it (customer_data.py does the erasing).
ERASED_EMAIL_DOMAIN = "erased.invalid"


def new_token() -> str:
    """The unguessable part of a guest order page address."""
    return secrets.token_urlsafe(24)


class Order(models.Model):
    """One customer order. Prices are VAT-inclusive pounds; `number` is for people, `token` for links."""

    class Status(models.TextChoices):
        PENDING_PAYMENT = "pending_payment", "Waiting for payment"
        PAYMENT_FAILED = "payment_failed", "Payment failed or abandoned"
        PAID = "paid", "Paid – to pack"
        DISPATCHED = "dispatched", "Dispatched"
        DELIVERED = "delivered", "Delivered"
        CANCELLED = "cancelled", "Cancelled"
        REFUNDED = "refunded", "Refunded"

    number = models.CharField(max_length=20, unique=True, null=True, blank=True, editable=False)
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    idempotency_key = models.CharField(max_length=128, unique=True, editable=False)
    # A hash of what the checkout asked for (address, email, delivery, payment method; never card
    # details): a repeat with the same key but a different request is refused, not answered with this order.
    request_fingerprint = models.CharField(max_length=64, blank=True, editable=False)
    basket = models.ForeignKey("basket.Basket", null=True, blank=True, on_delete=models.SET_NULL, related_name="orders")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PENDING_PAYMENT, db_index=True)

    email = models.EmailField()
    ship_name = models.CharField("Name", max_length=200)
    ship_line1 = models.CharField("Address line 1", max_length=200)
    ship_line2 = models.CharField("Address line 2", max_length=200, blank=True)
    ship_city = models.CharField("Town or city", max_length=120)
    ship_region = models.CharField("County, state or region", max_length=120, blank=True)
    ship_postcode = models.CharField("Postcode", max_length=20, blank=True)
    ship_country = models.CharField("Country", max_length=2)

    shipping_code = models.CharField(max_length=40)
    shipping_name = models.CharField(max_length=80)
    shipping_price = models.DecimalField(max_digits=8, decimal_places=2)
    shipping_vat = models.DecimalField(max_digits=8, decimal_places=2)
    delivery_earliest = models.DateField()
    delivery_latest = models.DateField()

    currency = models.CharField(max_length=3, default="GBP")
    subtotal = models.DecimalField("Goods (VAT included)", max_digits=10, decimal_places=2)
    total = models.DecimalField("Total (VAT included)", max_digits=10, decimal_places=2)
    vat_total = models.DecimalField("VAT included in total", max_digits=10, decimal_places=2)
    refunded_total = models.DecimalField(max_digits=10, decimal_places=2, default=0)
    delivery_refunded = models.BooleanField(default=False, help_text="The delivery charge was refunded.")

    payment_provider = models.CharField(max_length=20)
    carrier = models.CharField(max_length=80, blank=True)
    tracking_number = models.CharField(max_length=80, blank=True)
    tracking_url = models.URLField(max_length=400, blank=True)
    stock_problem = models.BooleanField(
        default=False, help_text="Paid after its stock hold expired and some items were no longer in stock."
    )

    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    # When a checkout last asked the payment provider to take payment: a repeat of the checkout with
    # the same key finishes the payment only once this is PAYMENT_ATTEMPT_SECONDS old (one at a time).
    payment_attempted_at = models.DateTimeField(null=True, blank=True, editable=False)
    paid_at = models.DateTimeField(null=True, blank=True)
    # The idempotency mark of the confirmation email: set (only where it is empty) just before sending,
    # so a retried task never sends it twice (shop/orders/emails.py).
    confirmation_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    dispatched_at = models.DateTimeField(null=True, blank=True)
    delivered_at = models.DateTimeField(null=True, blank=True)
    staff_notified_at = models.DateTimeField(
        null=True, blank=True, editable=False,
        help_text="When the shop was emailed about this new paid order (set once, so it is emailed once).",
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        permissions = [("manage_orders", "Can dispatch, refund and cancel orders")]
        constraints = [
            models.CheckConstraint(name="orders_total_not_negative", condition=Q(total__gte=0)),
            models.CheckConstraint(
                name="orders_refund_within_total", condition=Q(refunded_total__gte=0, refunded_total__lte=models.F("total"))
            ),
        ]

    def __str__(self) -> str:
        return self.number or f"Order {self.pk}"

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        if not self.number and self.pk:
            self.number = self.number_for(self.pk)
            type(self).objects.filter(pk=self.pk).update(number=self.number)

    def get_absolute_url(self) -> str:
        return f"/orders/{self.token}/"

    @staticmethod
    def number_for(pk: int) -> str:
        """The number comes from the primary key, so two orders can never share one."""
        return f"{NUMBER_PREFIX}{pk:06d}"

    @property
    def public_url(self) -> str:
        return settings.SITE_URL + self.get_absolute_url()

    @property
    def address(self) -> dict:
        return {
            "name": self.ship_name, "line1": self.ship_line1, "line2": self.ship_line2, "city": self.ship_city,
            "region": self.ship_region, "postcode": self.ship_postcode, "country": self.ship_country,
        }

    def money(self, field: str) -> Money:
        return Money(getattr(self, field), self.currency)

    @property
    def total_money(self) -> Money:
        return self.money("total")

    @property
    def is_paid(self) -> bool:
        return self.paid_at is not None

    @property
    def personal_data_erased(self) -> bool:
        """True once the customer's name, email and address were erased at their request."""
        return self.email.endswith("@" + ERASED_EMAIL_DOMAIN)


class OrderLine(models.Model):
    """What was bought, frozen at the moment of ordering: name, SKU, price and VAT."""

    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="lines")
    variant = models.ForeignKey("shop.ProductVariant", null=True, on_delete=models.SET_NULL, related_name="+")
    product_name = models.CharField(max_length=255)
    variant_name = models.CharField(max_length=120)
    sku = models.CharField(max_length=40)
    quantity = models.PositiveIntegerField()
    unit_price = models.DecimalField("Unit price (VAT included)", max_digits=8, decimal_places=2)
    vat_rate = models.DecimalField(max_digits=4, decimal_places=3)
    line_total = models.DecimalField(max_digits=10, decimal_places=2)
    vat_amount = models.DecimalField("VAT in line total", max_digits=10, decimal_places=2)
    restocked_quantity = models.PositiveIntegerField(
        "Units put back on sale", default=0,
        help_text="Units of this line that went back into stock (refund, return or cancellation); never more than sold.",
    )
    written_off_quantity = models.PositiveIntegerField(
        "Units returned and written off", default=0,
        help_text="Units sent back by the customer that could not be sold again.",
    )
    refunded_quantity = models.PositiveIntegerField(
        "Units refunded", default=0, help_text="Units of this line whose price was refunded; never more than sold."
    )

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(name="orders_line_quantity_positive", condition=Q(quantity__gt=0)),
            models.CheckConstraint(
                name="orders_line_restocked_within_sold",
                condition=Q(restocked_quantity__gte=0, restocked_quantity__lte=models.F("quantity")),
            ),
            # Units back (on sale or written off) never exceed the units sold, whatever the mix.
            models.CheckConstraint(
                name="orders_line_units_back_within_sold",
                condition=Q(restocked_quantity__lte=models.F("quantity") - models.F("written_off_quantity")),
            ),
            models.CheckConstraint(
                name="orders_line_refunded_within_sold",
                condition=Q(refunded_quantity__gte=0, refunded_quantity__lte=models.F("quantity")),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.quantity} × {self.sku}"

    @property
    def restockable(self) -> int:
        """Units of this line that could still go back on sale (or, once sent, come back at all)."""
        return self.quantity - self.restocked_quantity - self.written_off_quantity

    @property
    def refundable(self) -> int:
        """Units of this line whose price has not been refunded yet."""
        return self.quantity - self.refunded_quantity

    @property
    def to_pack(self) -> int:
        """Units to send: those not put back on sale before dispatch."""
        return self.quantity - self.restocked_quantity

    @property
    def vat_percent(self) -> str:
        return f"{self.vat_rate * 100:.0f}%"


class OrderEvent(models.Model):
    """One thing that happened to an order, shown as its history to staff (and partly to the customer)."""

    class Kind(models.TextChoices):
        PLACED = "placed", "Order placed, waiting for payment"
        PAID = "paid", "Payment received"
        PAYMENT_FAILED = "payment_failed", "Payment failed"
        ABANDONED = "abandoned", "Payment not completed; stock released"
        DISPATCHED = "dispatched", "Dispatched"
        DELIVERED = "delivered", "Delivered"
        CANCELLED = "cancelled", "Cancelled"
        REFUNDED = "refunded", "Refunded"
        EMAIL_SENT = "email_sent", "Email sent"
        NOTE = "note", "Note"
        STOCK_PROBLEM = "stock_problem", "Stock problem"
        RESTOCKED = "restocked", "Put back on sale"
        RETURNED = "returned", "Items returned"
        STAFF_NOTE = "staff_note", "Staff note"
        MESSAGE = "message", "Message to the customer"
        ADDRESS_CHANGED = "address_changed", "Delivery address changed"

    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    message = models.CharField(max_length=500, blank=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    data = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    CUSTOMER_KINDS = ("placed", "paid", "dispatched", "delivered", "cancelled", "refunded")

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.message}"
