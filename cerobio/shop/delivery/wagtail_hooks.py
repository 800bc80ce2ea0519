"""Delivery zones and their methods, edited as snippets (linked from the Shop menu)."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import ClosedDay, ShippingZone


class ShippingZoneViewSet(SnippetViewSet):
    model = ShippingZone
    icon = "site"
    menu_label = "Delivery zones"
    add_to_admin_menu = False
    list_display = ["name", "countries", "rest_of_world"]


register_snippet(ShippingZoneViewSet)


class ClosedDayViewSet(SnippetViewSet):
    model = ClosedDay
    icon = "date"
    menu_label = "Closed days"
    add_to_admin_menu = False
    list_display = ["date", "reason"]


register_snippet(ClosedDayViewSet)
