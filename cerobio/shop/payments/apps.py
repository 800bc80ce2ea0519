from django.apps import AppConfig


class PaymentsConfig(AppConfig):
    name = "cerobio.shop.payments"
    label = "payments"
    verbose_name = "Shop payments"

    def ready(self):
        from . import checks  # noqa: F401
