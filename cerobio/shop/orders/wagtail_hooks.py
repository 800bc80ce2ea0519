"""The 'Shop' menu in the Wagtail admin: orders, stock levels, delivery zones."""

from django.contrib.auth.models import Permission
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem

from . import admin_views


@hooks.register("register_admin_urls")
def order_urls():
    return [
        path("shop/orders/", admin_views.order_index, name="shop_order_index"),
        path("shop/orders/export.csv", admin_views.order_csv, name="shop_order_csv"),
        path("shop/orders/<int:pk>/", admin_views.order_detail, name="shop_order_detail"),
        path("shop/orders/<int:pk>/packing-slip/", admin_views.packing_slip, name="shop_order_packing_slip"),
        path("shop/orders/<int:pk>/dispatch/", admin_views.order_dispatch, name="shop_order_dispatch"),
        path("shop/orders/<int:pk>/delivered/", admin_views.order_delivered, name="shop_order_delivered"),
        path("shop/orders/<int:pk>/refund/", admin_views.order_refund, name="shop_order_refund"),
        path("shop/orders/<int:pk>/cancel/", admin_views.order_cancel, name="shop_order_cancel"),
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
