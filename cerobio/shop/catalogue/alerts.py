"""The low-stock email: the shop hears once when an item's stock level falls to its warning level.

`Stock.low_stock_alerted_at` marks that the email went; it is cleared when the level rises above the
warning level again (a delivery, a return), so the next fall is told once more.
"""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django_tasks import task

from .models import Stock


def save_level(stock: Stock, level: int) -> None:
    """Save a changed stock level (the caller holds its row lock), and queue the low-stock email if
    this change took it from above the warning level to at or below it."""
    fields = ["quantity", "updated_at"]
    crossed = stock.quantity <= level and stock.low_stock_alerted_at is None
    if crossed:
        stock.low_stock_alerted_at = timezone.now()
        fields.append("low_stock_alerted_at")
    elif stock.quantity > level and stock.low_stock_alerted_at is not None:
        stock.low_stock_alerted_at = None
        fields.append("low_stock_alerted_at")
    stock.save(update_fields=fields)
    if crossed:
        variant_id, left = stock.variant_id, stock.quantity
        transaction.on_commit(lambda: send_low_stock_email.enqueue(variant_id=variant_id, left=left, level=level))


@task()
def send_low_stock_email(variant_id: int, left: int, level: int) -> None:
    """Email the shop (SHOP_STAFF_EMAIL) that a variant fell to `left`, at or below its warning level."""
    stock = Stock.objects.select_related("variant__product").filter(variant_id=variant_id).first()
    if not settings.SHOP_STAFF_EMAIL or stock is None:
        return
    variant = stock.variant
    send_mail(
        subject=f"Low stock: {variant.sku} has {left} left",
        message=(
            f"{variant.product.title} – {variant.name} ({variant.sku}) went down to {left} in stock, "
            f"at or below the warning level of {level}. In stock now: {stock.quantity}.\n\n"
            f"Stock levels: {settings.SITE_URL}{reverse('shop_stock_index')}\n"
            "You will not be told again until the level has gone back above the warning level.\n"
        ),
        from_email=settings.DEFAULT_FROM_EMAIL,
        recipient_list=[settings.SHOP_STAFF_EMAIL],
    )
