from django.apps import AppConfig


class IdentifyConfig(AppConfig):
    name = "cerobio.identify"
    label = "identify"
    verbose_name = "Identifier"

    def ready(self):
        from . import log_filters, snapshot

        snapshot.connect_invalidation()
        log_filters.install()
