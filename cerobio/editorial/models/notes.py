"""Why a guide page is harder to read than the house target (shown in the editor's plain-English check)."""

from django.db import models
from wagtail.admin.panels import FieldPanel


class PlainEnglishNote(models.Model):
    page = models.OneToOneField("wagtailcore.Page", on_delete=models.CASCADE, related_name="plain_english_note")
    reason = models.TextField(
        help_text="Why this page cannot meet a reading age of about 11, e.g. it must name long medical "
        "words. Say what you did to keep the rest simple."
    )

    panels = [FieldPanel("page"), FieldPanel("reason")]

    class Meta:
        verbose_name = "plain English note"

    def __str__(self):
        return f"Note on {self.page}"
