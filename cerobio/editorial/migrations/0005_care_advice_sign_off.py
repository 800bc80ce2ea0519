"""Care advice (guide 0005) goes under "Clinical sign-off" like the other knowledge records (guide 0004)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations


def forwards(apps, schema_editor):
    from cerobio.editorial import roles

    app_config = apps.get_app_config("guide")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    roles.create_knowledge_permissions(apps)
    roles.grant_knowledge_sign_off(apps)
    roles.attach_to_knowledge_model(apps, "guide.careadvice")


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0004_customer_data_log"),
        ("guide", "0005_never_sites_and_care_advice"),
        ("identify", "0003_rule_required"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
