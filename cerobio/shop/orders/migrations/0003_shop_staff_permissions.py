"""Give the "Shop staff" group the shop's own permissions: orders, stock, delivery and shop settings.

The group itself (and its page permissions on the shop index) comes from the editorial roles
migration (editorial 0002). Editors and clinical reviewers get none of these.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

SHOP_STAFF_PERMISSIONS = [
    "orders.view_order",
    "orders.manage_orders",
    "shop.view_stock",
    "shop.change_stock",
    "shop.view_stockmovement",
    "shop.change_shopsettings",
    "delivery.add_shippingzone",
    "delivery.change_shippingzone",
    "delivery.delete_shippingzone",
    "delivery.view_shippingzone",
    "delivery.add_closedday",
    "delivery.change_closedday",
    "delivery.delete_closedday",
    "delivery.view_closedday",
]


def forwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    # Permissions are normally created after all migrations; the group needs them now.
    for label in ("orders", "shop", "delivery"):
        app_config = apps.get_app_config(label)
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    group, _ = Group.objects.get_or_create(name="Shop staff")
    for name in SHOP_STAFF_PERMISSIONS:
        app_label, codename = name.split(".")
        group.permissions.add(*Permission.objects.filter(content_type__app_label=app_label, codename=codename))


class Migration(migrations.Migration):
    dependencies = [
        ("orders", "0002_initial"),
        ("shop", "0002_dispatch_cutoff_and_terms_address"),
        ("delivery", "0002_closed_days"),
        ("editorial", "0002_roles_and_workflow"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
