from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "cerobio.core"
    label = "core"
    verbose_name = "Site"

    def ready(self):
        from . import purge

        purge.connect()
