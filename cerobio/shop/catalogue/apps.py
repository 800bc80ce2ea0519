from django.apps import AppConfig


class CatalogueConfig(AppConfig):
    name = "cerobio.shop.catalogue"
    # Page types are referred to as "shop.ShopIndexPage" and "shop.ProductPage".
    label = "shop"
    verbose_name = "Shop catalogue"
