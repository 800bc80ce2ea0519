"""Clinical photos with the facts an editor must record before a photo may appear."""

from django.db import models
from wagtail.images.models import AbstractImage, AbstractRendition, Image

FITZPATRICK = [
    ("I", "Type I (very fair, always burns)"),
    ("II", "Type II (fair, usually burns)"),
    ("III", "Type III (medium, sometimes burns)"),
    ("IV", "Type IV (olive or light brown, rarely burns)"),
    ("V", "Type V (brown, very rarely burns)"),
    ("VI", "Type VI (dark brown or black, never burns)"),
]

AGE_GROUPS = [
    ("newborn", "Newborn (under 3 months)"),
    ("child", "Child"),
    ("teen", "Teenager"),
    ("adult", "Adult"),
    ("older_adult", "Older adult (65+)"),
]


class Licence(models.TextChoices):
    """Licences we can record; non-commercial ones are flagged because the site sells a product."""

    UNKNOWN = "", "Not recorded"
    OWN = "own", "Our own photo (Cerobio owns the rights)"
    CC0 = "cc0", "CC0 / public domain"
    CC_BY = "cc-by", "CC BY"
    CC_BY_SA = "cc-by-sa", "CC BY-SA"
    CC_BY_NC = "cc-by-nc", "CC BY-NC (non-commercial)"
    CC_BY_NC_SA = "cc-by-nc-sa", "CC BY-NC-SA (non-commercial)"
    CC_BY_NC_ND = "cc-by-nc-nd", "CC BY-NC-ND (non-commercial, no changes)"
    PAID = "paid", "Paid licence (commercial use allowed)"

    @classmethod
    def non_commercial(cls) -> set[str]:
        return {cls.CC_BY_NC, cls.CC_BY_NC_SA, cls.CC_BY_NC_ND}


class Consent(models.TextChoices):
    UNKNOWN = "", "Not recorded"
    GIVEN = "given", "Written consent given by the person (or parent) shown"
    NOT_IDENTIFIABLE = "not-identifiable", "Not needed: the person cannot be identified"
    REFUSED = "refused", "No consent"


class CerobioImage(AbstractImage):
    """A Wagtail image that records alt text, credit, licence, consent and clinical context."""

    alt_text = models.CharField(
        max_length=300,
        blank=True,
        help_text="What matters for identification, e.g. 'about 20 tiny white bumps on a raised "
        "red patch behind the ear'. Leave empty only for decorative images.",
    )
    credit = models.CharField(max_length=255, blank=True, help_text="Who took or owns the photo.")
    source_url = models.URLField(blank=True, help_text="Where the photo came from, if anywhere.")
    licence = models.CharField(max_length=20, choices=Licence.choices, blank=True)
    consent = models.CharField(max_length=20, choices=Consent.choices, blank=True)
    skin_tone = models.CharField(
        "Skin tone (Fitzpatrick)", max_length=3, choices=FITZPATRICK, blank=True
    )
    body_site = models.ForeignKey(
        "guide.BodySite", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    age_group = models.CharField(max_length=20, choices=AGE_GROUPS, blank=True)

    admin_form_fields = (
        *Image.admin_form_fields,
        "alt_text",
        "credit",
        "source_url",
        "licence",
        "consent",
        "skin_tone",
        "body_site",
        "age_group",
    )

    @property
    def default_alt_text(self) -> str:
        """The alt text Wagtail's image tags write: ours, never the file's title (empty: decorative)."""
        return self.alt_text

    @property
    def publishable_problems(self) -> list[str]:
        """Reasons this photo may not appear on a public page (empty when it may)."""
        problems = []
        if not self.licence:
            problems.append(f"the photo “{self.title}” has no licence recorded")
        if self.consent in ("", Consent.REFUSED):
            problems.append(f"the photo “{self.title}” has no recorded consent")
        if not self.alt_text:
            problems.append(f"the photo “{self.title}” has no alt text")
        return problems

    @property
    def is_non_commercial(self) -> bool:
        return self.licence in Licence.non_commercial()


class CerobioRendition(AbstractRendition):
    image = models.ForeignKey(CerobioImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
