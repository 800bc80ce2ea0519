from django.apps import AppConfig


class OrdersConfig(AppConfig):
    name = "cerobio.shop.orders"
    label = "orders"
    verbose_name = "Shop orders"
