"""What readers tell us: page feedback (never personal) and contact messages (personal, kept for a while)."""

from django.db import models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel, FieldRowPanel


class PageFeedback(models.Model):
    """One 'Was this page helpful?' answer. No IP address, email, session or time of day is kept."""

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="editorial_feedback")
    helpful = models.BooleanField()
    comment = models.TextField(blank=True, max_length=1000)
    created_on = models.DateField(default=timezone.localdate, db_index=True)

    class Meta:
        ordering = ["-created_on", "-pk"]
        verbose_name = "page feedback"
        verbose_name_plural = "page feedback"

    def __str__(self):
        return f"{'Yes' if self.helpful else 'No'} on page {self.page_id}"


class ContactMessage(models.Model):
    """A message sent with the contact form. Deleted by `purge_contact_messages` after the retention period."""

    class Topic(models.TextChoices):
        GUIDE = "guide", "A question or correction about the guide"
        ORDER = "order", "An order, delivery or payment"
        RETURN = "return", "Returning an item or cancelling an order"
        ACCESSIBILITY = "accessibility", "A problem using this website (accessibility)"
        PRIVACY = "privacy", "Your personal data"
        OTHER = "other", "Something else"

    name = models.CharField(max_length=120)
    email = models.EmailField()
    topic = models.CharField(max_length=20, choices=Topic.choices)
    order_number = models.CharField(max_length=20, blank=True)
    message = models.TextField(max_length=3000)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    handled = models.BooleanField(default=False, help_text="Tick when someone has replied.")

    # What the sender wrote is kept as sent; staff only mark it handled.
    panels = [
        FieldRowPanel([FieldPanel("name", read_only=True), FieldPanel("email", read_only=True)]),
        FieldRowPanel([FieldPanel("topic", read_only=True), FieldPanel("order_number", read_only=True)]),
        FieldPanel("message", read_only=True),
        FieldPanel("created_at", read_only=True),
        FieldPanel("handled"),
    ]

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "contact message"

    def __str__(self):
        return f"{self.get_topic_display()} from {self.name}"
