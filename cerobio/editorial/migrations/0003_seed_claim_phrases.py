"""The starting list of medicinal-claim phrases; editors change it in the admin afterwards."""

from django.db import migrations


def forwards(apps, schema_editor):
    from cerobio.editorial.claim_phrases import SEED

    ClaimPhrase = apps.get_model("editorial", "ClaimPhrase")
    for phrase, suggestion, why, scope, unless_referenced in SEED:
        ClaimPhrase.objects.get_or_create(
            phrase=phrase,
            defaults={"suggestion": suggestion, "why": why, "scope": scope, "unless_referenced": unless_referenced},
        )


class Migration(migrations.Migration):
    dependencies = [("editorial", "0002_roles_and_workflow")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
