from django.apps import AppConfig


class DeliveryConfig(AppConfig):
    name = "cerobio.shop.delivery"
    label = "delivery"
    verbose_name = "Shop delivery"

    def ready(self):
        from cerobio.core.purge import new_version_on_change, refresh_every_page_on_change

        # The delivery page's table and the product page's shipping details (JSON-LD) show these.
        refresh_every_page_on_change("delivery.DeliverySettings", "delivery.ShippingZone", "delivery.ShippingMethod")
        # Closed days move delivery dates (the cached delivery setup, fetch.py), shown on no page.
        new_version_on_change("delivery.ClosedDay")
