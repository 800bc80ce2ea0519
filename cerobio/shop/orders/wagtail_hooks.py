"""The 'Shop' menu in the Wagtail admin: orders, stock levels, delivery zones."""

from django.contrib.auth.models import Permission
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.ui.components import Component

from . import admin_views
from .models import Order


@hooks.register("register_admin_urls")
def order_urls():
    return [
        path("shop/orders/", admin_views.order_index, name="shop_order_index"),
        path("shop/orders/export.csv", admin_views.order_csv, name="shop_order_csv"),
        path("shop/orders/packing-slips/", admin_views.packing_slips, name="shop_order_packing_slips"),
        path("shop/orders/dispatch/", admin_views.bulk_dispatch, name="shop_order_bulk_dispatch"),
        path("shop/orders/<int:pk>/", admin_views.order_detail, name="shop_order_detail"),
        path("shop/orders/<int:pk>/packing-slip/", admin_views.packing_slip, name="shop_order_packing_slip"),
        path("shop/orders/<int:pk>/dispatch/", admin_views.order_dispatch, name="shop_order_dispatch"),
        path("shop/orders/<int:pk>/delivered/", admin_views.order_delivered, name="shop_order_delivered"),
        path("shop/orders/<int:pk>/refund/", admin_views.order_refund, name="shop_order_refund"),
        path("shop/orders/<int:pk>/return/", admin_views.order_return, name="shop_order_return"),
        path("shop/orders/<int:pk>/cancel/", admin_views.order_cancel, name="shop_order_cancel"),
        path("shop/orders/<int:pk>/note/", admin_views.order_note, name="shop_order_note"),
        path("shop/orders/<int:pk>/message/", admin_views.order_message, name="shop_order_message"),
        path("shop/orders/<int:pk>/resend/", admin_views.order_resend, name="shop_order_resend"),
        path("shop/orders/<int:pk>/address/", admin_views.order_address, name="shop_order_address"),
    ]


class PermissionMenuItem(MenuItem):
    def __init__(self, *args, perms=(), **kwargs):
        self.perms = perms
        super().__init__(*args, **kwargs)

    def is_shown(self, request):
        return any(request.user.has_perm(p) for p in self.perms)


@hooks.register("register_admin_menu_item")
def shop_menu():
    items = [
        PermissionMenuItem("Orders", reverse("shop_order_index"), icon_name="list-ul", order=100,
                           perms=("orders.view_order", "orders.manage_orders")),
        PermissionMenuItem("Stock levels", reverse("shop_stock_index"), icon_name="tag", order=200,
                           perms=("shop.change_stock",)),
        PermissionMenuItem("Delivery zones and prices", reverse("wagtailsnippets_delivery_shippingzone:list"),
                           icon_name="site", order=300, perms=("delivery.change_shippingzone",)),
        PermissionMenuItem("Closed days", reverse("wagtailsnippets_delivery_closedday:list"),
                           icon_name="date", order=400, perms=("delivery.change_closedday",)),
    ]
    return SubmenuMenuItem("Shop", Menu(items=items), icon_name="pick", order=250)


@hooks.register("register_permissions")
def order_permissions():
    return Permission.objects.filter(content_type__app_label="orders", codename__in=["view_order", "manage_orders"])


class OrdersToPackPanel(Component):
    """Dashboard panel: how many paid orders wait to be packed, the oldest first."""

    name = "shop_orders_to_pack"
    order = 40
    template_name = "shop/admin/orders_to_pack_panel.html"

    def get_context_data(self, parent_context):
        waiting = Order.objects.filter(status=Order.Status.PAID).order_by("paid_at", "pk")
        return {"count": waiting.count(), "oldest": list(waiting.prefetch_related("lines")[:5])}


@hooks.register("construct_homepage_panels")
def add_orders_to_pack_panel(request, panels):
    if request.user.has_perm("orders.view_order") or request.user.has_perm("orders.manage_orders"):
        panels.append(OrdersToPackPanel())
