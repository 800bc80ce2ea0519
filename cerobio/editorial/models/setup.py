"""One-off set-up steps that have run, so they never run twice and never undo an administrator's changes."""

from django.db import models


class SetupStep(models.Model):
    key = models.CharField(max_length=120, unique=True)
    done_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "set-up step"

    def __str__(self):
        return self.key
