from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "cerobio.core"
    label = "core"
    verbose_name = "Site"

    def ready(self):
        from . import checks, purge  # noqa: F401  (checks registers the deploy checks)

        purge.connect()
