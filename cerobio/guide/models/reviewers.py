"""Clinical reviewers: the registered clinicians whose sign-off a guide page shows.

A page says "Reviewed by" only when a clinician with a profile here signed it off (the "Clinical
sign-off" workflow stamps the profile of the user who approves); otherwise it says "Not yet reviewed
by a clinician". Profiles are made by an administrator, who checks the registration on the
regulator's public register before linking the profile to the clinician's admin account.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from cerobio.core.placeholders import placeholder_words

REGISTRATION_BODIES = [
    ("GMC", "General Medical Council (GMC)"),
    ("NMC", "Nursing and Midwifery Council (NMC)"),
    ("GPhC", "General Pharmaceutical Council (GPhC)"),
    ("HCPC", "Health and Care Professions Council (HCPC)"),
]


class Reviewer(models.Model):
    """A registered clinician who signs guide pages off, with a public profile at /reviewers/<slug>/."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reviewer_profile",
        help_text="The admin account this clinician signs pages off with (a member of Clinical reviewers).",
    )
    name = models.CharField(max_length=120, help_text="As readers should see it, e.g. 'Dr Amira Shah'.")
    slug = models.SlugField(unique=True, help_text="The profile's address: /reviewers/<slug>/.")
    profession = models.CharField(max_length=120, help_text="e.g. 'General practitioner' or 'Dermatology nurse'.")
    registration_body = models.CharField(max_length=8, choices=REGISTRATION_BODIES)
    registration_number = models.CharField(
        max_length=20, help_text="As on the regulator's public register, e.g. a 7-digit GMC number."
    )
    biography = models.TextField(max_length=1200, help_text="A short paragraph: training, work, interests.")

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("profession"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("registration_body"), FieldPanel("registration_number")])],
            heading="Professional registration",
            help_text="Check it on the regulator's public register before saving.",
        ),
        FieldPanel("biography"),
        FieldPanel("user"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = "clinical reviewer"

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("reviewer_profile", args=[self.slug])

    def clean(self):
        errors = {}
        for field in ("name", "profession", "registration_number", "biography"):
            found = placeholder_words(getattr(self, field))
            if found:
                errors[field] = (
                    f"“{', '.join(found)}” marks a stand-in: a reviewer profile must describe a real, "
                    "registered clinician."
                )
        if errors:
            raise ValidationError(errors)

    @property
    def is_placeholder(self) -> bool:
        """True when the profile is a stand-in: a registration detail missing or a stand-in word."""
        fields = (self.name, self.profession, self.registration_body, self.registration_number)
        return not all(f and f.strip() for f in fields) or any(
            placeholder_words(text) for text in (*fields, self.biography)
        )

    @property
    def registration(self) -> str:
        """'GMC 1234567'."""
        return f"{self.registration_body} {self.registration_number}".strip()

    def pages_reviewed(self) -> list:
        """The live guide pages this clinician signed off, in page-tree order."""
        from django.apps import apps

        from .pages import ReviewedPage

        pages = []
        for model in apps.get_models():
            if issubclass(model, ReviewedPage):
                pages += list(model.objects.live().public().filter(reviewer=self))
        return sorted(pages, key=lambda p: p.path)
