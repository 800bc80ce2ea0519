"""The knowledge records go under "Clinical sign-off": permissions, the workflow, existing rows stay live.

- Wagtail's publish/lock/unlock permissions for the records are made now (Wagtail makes them only
  after all migrations), then Editors get add/change/lock and Clinical reviewers publish/lock/unlock
  (cerobio/editorial/roles.py).
- "Clinical sign-off" is assigned to the records' content types (once; recorded in SetupStep).
- Every existing row is live already (the `live` default); rows with revisions get their first and
  last publication dates from them, and their latest revision becomes the live one (before draft
  state every saved revision was live at once).
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations
from django.db.models import Max, Min


def mark_existing_rows_published(apps):
    from cerobio.editorial.roles import SIGNED_OFF_MODELS

    ContentType = apps.get_model("contenttypes", "ContentType")
    Revision = apps.get_model("wagtailcore", "Revision")
    for label in SIGNED_OFF_MODELS:
        try:
            model = apps.get_model(label)
        except LookupError:  # a model added by a later migration (e.g. guide.careadvice in 0005)
            continue
        content_type = ContentType.objects.filter(
            app_label=model._meta.app_label, model=model._meta.model_name
        ).first()
        if content_type is None:
            continue
        dates = {
            row["object_id"]: (row["first"], row["last"])
            for row in Revision.objects.filter(base_content_type=content_type)
            .values("object_id")
            .annotate(first=Min("created_at"), last=Max("created_at"))
        }
        for record in model.objects.filter(latest_revision__isnull=False):
            first, last = dates.get(str(record.pk), (None, None))
            model.objects.filter(pk=record.pk).update(
                live=True,
                live_revision_id=record.latest_revision_id,
                first_published_at=first,
                last_published_at=last,
            )


def forwards(apps, schema_editor):
    from cerobio.editorial import roles

    for label in ("guide", "identify"):
        app_config = apps.get_app_config(label)
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    roles.create_knowledge_permissions(apps)
    roles.grant_knowledge_sign_off(apps)
    roles.attach_to_knowledge(apps)
    mark_existing_rows_published(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("guide", "0003_knowledge_draft_state"),
        ("identify", "0002_rule_draft_state"),
        ("editorial", "0002_roles_and_workflow"),
        ("wagtailcore", "0098_apitoken"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
