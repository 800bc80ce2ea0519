from django.apps import AppConfig


class CatalogueConfig(AppConfig):
    name = "cerobio.shop.catalogue"
    # Page types are referred to as "shop.ShopIndexPage" and "shop.ProductPage".
    label = "shop"
    verbose_name = "Shop catalogue"

    def ready(self):
        from cerobio.core.purge import refresh_every_page_on_change

        from . import checks  # noqa: F401

        refresh_every_page_on_change("shop.ShopSettings")
