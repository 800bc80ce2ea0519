from django.apps import AppConfig


class DeliveryConfig(AppConfig):
    name = "cerobio.shop.delivery"
    label = "delivery"
    verbose_name = "Shop delivery"
