"""Delivery zones and their methods, edited as snippets (linked from the Shop menu)."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import ShippingZone


class ShippingZoneViewSet(SnippetViewSet):
    model = ShippingZone
    icon = "site"
    menu_label = "Delivery zones"
    add_to_admin_menu = False
    list_display = ["name", "countries", "rest_of_world"]


register_snippet(ShippingZoneViewSet)
