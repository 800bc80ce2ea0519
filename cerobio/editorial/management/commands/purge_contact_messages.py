"""Delete contact messages older than the retention period (the privacy notice promises this)."""

import datetime

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from cerobio.editorial.models import ContactMessage


class Command(BaseCommand):
    help = "Delete contact messages older than CONTACT_RETENTION_DAYS (default 730). Schedule daily or weekly."

    def handle(self, *args, **options):
        cutoff = timezone.now() - datetime.timedelta(days=settings.CONTACT_RETENTION_DAYS)
        deleted, _ = ContactMessage.objects.filter(created_at__lt=cutoff).delete()
        self.stdout.write(f"Deleted {deleted} contact message(s) older than {settings.CONTACT_RETENTION_DAYS} days.")
