"""Release the stock of orders whose customers never finished paying (safe to run from cron)."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from cerobio.shop.orders.models import Order
from cerobio.shop.orders.stop import stop_payment


class Command(BaseCommand):
    help = "Mark unpaid orders whose stock hold has expired as abandoned, and give their baskets back."

    def handle(self, *args, **options):
        now = timezone.now()
        stale = Order.objects.filter(status=Order.Status.PENDING_PAYMENT).exclude(
            reservations__status="active", reservations__expires_at__gt=now
        )
        reason = "The payment was not completed in time; the stock hold expired."
        outcomes = [stop_payment(order, reason=reason) for order in stale]
        released = outcomes.count("released")
        self.stdout.write(f"Released {released} unpaid order{'s' if released != 1 else ''}.")
        if paid := outcomes.count("paid"):
            self.stdout.write(f"{paid} of them had been paid after all and are now marked paid.")
