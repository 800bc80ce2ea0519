"""The customer data log, and its permission for the Shop staff group (editors and reviewers never get it)."""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


def grant_to_shop_staff(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    # Permissions are normally created after all migrations; the group needs this one now.
    app_config = apps.get_app_config("editorial")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name="Shop staff").first()  # a group an administrator removed stays removed
    permission = Permission.objects.filter(content_type__app_label="editorial", codename="manage_customer_data").first()
    if group is not None and permission is not None:
        group.permissions.add(permission)


class Migration(migrations.Migration):

    dependencies = [
        ('editorial', '0003_seed_claim_phrases'),
        ('auth', '0012_alter_user_first_name_max_length'),
        ('contenttypes', '0002_remove_content_type_name'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='CustomerDataLog',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('action', models.CharField(choices=[('search', 'Looked up'), ('export', 'Exported'), ('erase', 'Erased')], max_length=10)),
                ('email_hash', models.CharField(db_index=True, help_text='Salted SHA-256 of the trimmed, lower-case address.', max_length=64, verbose_name='Email hash')),
                ('username', models.CharField(blank=True, help_text='Kept if the staff account is later deleted.', max_length=150)),
                ('via', models.CharField(choices=[('admin', 'Admin'), ('command', 'Command line')], default='admin', max_length=10)),
                ('orders', models.PositiveIntegerField(default=0, help_text='Orders found, exported or anonymised.')),
                ('contact_messages', models.PositiveIntegerField(default=0, help_text='Contact messages found, exported or deleted.')),
                ('created_at', models.DateTimeField(db_index=True, default=django.utils.timezone.now)),
                ('user', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'customer data log entry',
                'verbose_name_plural': 'customer data log entries',
                'ordering': ['-created_at', '-pk'],
                'permissions': [('manage_customer_data', "Can find, export and erase a customer's personal data")],
                'default_permissions': ('view',),
            },
        ),
        migrations.RunPython(grant_to_shop_staff, migrations.RunPython.noop),
    ]
