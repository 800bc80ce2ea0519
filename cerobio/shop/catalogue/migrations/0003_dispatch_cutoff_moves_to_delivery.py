from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("shop", "0002_dispatch_cutoff_and_terms_address"),
        ("delivery", "0003_delivery_settings"),  # copies the cut-off before it goes from here
    ]

    operations = [
        migrations.RemoveField(model_name="shopsettings", name="dispatch_cutoff"),
    ]
