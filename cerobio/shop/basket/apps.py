from django.apps import AppConfig


class BasketConfig(AppConfig):
    name = "cerobio.shop.basket"
    label = "basket"
    verbose_name = "Shop baskets"
