from django.apps import AppConfig


class EditorialConfig(AppConfig):
    """Clinical sign-off, review dates, the claims checker, trust pages, feedback and contact."""

    name = "cerobio.editorial"
    label = "editorial"
    verbose_name = "Editorial trust"
    default_auto_field = "django.db.models.BigAutoField"
