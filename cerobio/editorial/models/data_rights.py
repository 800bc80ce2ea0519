"""The record of every look-up, export and erasure of a customer's personal data.

It names the address only by a salted hash (`data_rights.email_hash`), never the address itself,
so the log can prove a request was handled without keeping what was erased.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone


class CustomerDataLog(models.Model):
    """One action on a customer's data: who, when, what, and how many records it found or changed."""

    class Action(models.TextChoices):
        SEARCH = "search", "Looked up"
        EXPORT = "export", "Exported"
        ERASE = "erase", "Erased"

    class Via(models.TextChoices):
        ADMIN = "admin", "Admin"
        COMMAND = "command", "Command line"

    action = models.CharField(max_length=10, choices=Action.choices)
    email_hash = models.CharField(
        "Email hash", max_length=64, db_index=True, help_text="Salted SHA-256 of the trimmed, lower-case address."
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    username = models.CharField(max_length=150, blank=True, help_text="Kept if the staff account is later deleted.")
    via = models.CharField(max_length=10, choices=Via.choices, default=Via.ADMIN)
    orders = models.PositiveIntegerField(default=0, help_text="Orders found, exported or anonymised.")
    contact_messages = models.PositiveIntegerField(default=0, help_text="Contact messages found, exported or deleted.")
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = "customer data log entry"
        verbose_name_plural = "customer data log entries"
        # The log is written only by code: no add, change or delete permission exists to grant.
        default_permissions = ("view",)
        permissions = [("manage_customer_data", "Can find, export and erase a customer's personal data")]

    def __str__(self):
        return f"{self.get_action_display()} {self.email_hash[:12]}… by {self.username or 'the command line'}"
