"""Medicinal-claim phrases editors maintain, and the clinical overrides that let flagged copy go live."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.search import index


class ClaimPhrase(index.Indexed, models.Model):
    """A word or phrase that makes a cosmetic sound like a medicine, with a cosmetic alternative."""

    class Scope(models.TextChoices):
        PRODUCT = "product", "Product pages, shop pages and emails"
        EVERYWHERE = "all", "Everywhere, guide pages too"

    phrase = models.CharField(
        max_length=80,
        unique=True,
        help_text="Matched as whole words, whatever the capitals, e.g. 'removes milia'. "
        "Add each form you want caught ('cure', 'cures', 'cured').",
    )
    suggestion = models.CharField(
        "Suggested cosmetic wording",
        max_length=200,
        help_text="What to write instead, e.g. 'exfoliates' or 'helps skin look smoother'.",
    )
    why = models.CharField(
        "Why it is a problem", max_length=300, blank=True, help_text="One plain sentence shown with the warning."
    )
    scope = models.CharField(max_length=10, choices=Scope.choices, default=Scope.PRODUCT)
    unless_referenced = models.BooleanField(
        "Allowed with a reference",
        default=False,
        help_text="Only flag it when the page cites no source, e.g. 'clinically proven'.",
    )
    active = models.BooleanField(default=True)

    panels = [
        FieldPanel("phrase"),
        FieldPanel("suggestion"),
        FieldPanel("why"),
        FieldRowPanel([FieldPanel("scope"), FieldPanel("unless_referenced"), FieldPanel("active")]),
    ]
    search_fields = [index.SearchField("phrase"), index.AutocompleteField("phrase")]

    class Meta:
        ordering = ["phrase"]
        verbose_name = "claim phrase"
        permissions = [("override_claims", "Can publish copy with a flagged medicinal claim, giving a reason")]

    def __str__(self):
        return self.phrase


class ClaimOverride(models.Model):
    """A clinical reviewer's written decision to publish copy the claims checker flagged."""

    page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    subject = models.CharField(
        max_length=200, help_text="What was published: the page title, or e.g. 'email: order confirmation'."
    )
    phrases = models.JSONField(default=list, help_text="The flagged phrases that were allowed.")
    reason = models.TextField()
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    panels = [
        FieldPanel(name, read_only=True) for name in ("subject", "page", "phrases", "reason", "user", "created_at")
    ]

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "claims override"

    def __str__(self):
        return f"{self.subject}: {', '.join(self.phrases)}"
