"""Stock screens and the low-stock warning on the admin dashboard."""

from django.contrib.auth.models import Permission
from django.urls import path
from wagtail import hooks
from wagtail.admin.ui.components import Component

from . import admin_views


@hooks.register("register_admin_urls")
def stock_urls():
    return [
        path("shop/stock/", admin_views.stock_index, name="shop_stock_index"),
        path("shop/stock/<int:pk>/", admin_views.stock_change, name="shop_stock_change"),
    ]


class LowStockPanel(Component):
    """Dashboard panel: variants at or below the low-stock level."""

    name = "shop_low_stock"
    order = 50
    template_name = "shop/admin/low_stock_panel.html"

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context):
        rows, threshold = admin_views.low_stock_rows(self.request)
        return {"rows": [r for r in rows if r["low"]], "threshold": threshold}


@hooks.register("construct_homepage_panels")
def add_low_stock_panel(request, panels):
    if request.user.has_perm(admin_views.CHANGE_STOCK) or request.user.has_perm("orders.view_order"):
        panels.append(LowStockPanel(request))


@hooks.register("register_permissions")
def stock_permissions():
    return Permission.objects.filter(content_type__app_label="shop", codename__in=["change_stock", "view_stock"])
