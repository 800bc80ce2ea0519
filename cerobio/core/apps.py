from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "cerobio.core"
    label = "core"
    verbose_name = "Site"

    def ready(self):
        from . import page_cache, purge

        # The app's page copies go out of date before nginx is asked to refresh its own (page_cache.py).
        page_cache.connect()
        purge.connect()
