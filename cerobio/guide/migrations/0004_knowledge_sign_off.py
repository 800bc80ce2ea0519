"""The knowledge records go under "Clinical sign-off": permissions, the workflow, existing rows stay live.

- Wagtail's publish/lock/unlock permissions for the records are made now (Wagtail makes them only
  after all migrations), then Editors get add/change/lock and Clinical reviewers publish/lock/unlock
  (as cerobio/editorial/roles.py gave them then; copied below).
- "Clinical sign-off" is assigned to the records' content types (once; recorded in SetupStep).
- Every existing row is live already (the `live` default); rows with revisions get their first and
  last publication dates from them, and their latest revision becomes the live one (before draft
  state every saved revision was live at once).
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations
from django.db.models import Max, Min

# A copy of cerobio/editorial/roles.py as it stood when this migration was written: a migration
# imports no application code, so later changes to the roles never change what it did.
EDITORS = "Editors"
CLINICAL_REVIEWERS = "Clinical reviewers"
SHOP_STAFF = "Shop staff"
WORKFLOW_NAME = "Clinical sign-off"
TASK_NAME = "Clinical review"
KNOWLEDGE_MODELS = [
    "guide.miliatype", "guide.lookalike", "guide.trigger", "guide.bodysite", "guide.synonym",
    "guide.classificationcode", "guide.reference", "guide.careadvice", "identify.evidencerule",
]
SIGNED_OFF_MODELS = [m for m in KNOWLEDGE_MODELS if m != "guide.bodysite"]


def _crud(model: str, actions=("add", "change", "delete", "view")) -> list[str]:
    app, name = model.split(".")
    return [f"{app}.{action}_{name}" for action in actions]


COMMON = ["wagtailadmin.access_admin"]
MODEL_PERMISSIONS = {
    EDITORS: [
        *COMMON,
        *[p for m in KNOWLEDGE_MODELS for p in _crud(m, ("view",))],
        *[p for m in SIGNED_OFF_MODELS for p in _crud(m, ("add", "change", "lock"))],
        *_crud("editorial.claimphrase", ("add", "change", "view")),
        *_crud("editorial.plainenglishnote", ("add", "change", "view")),
        "editorial.view_pagefeedback",
        *_crud("editorial.contactmessage", ("change", "view")),
    ],
    CLINICAL_REVIEWERS: [
        *COMMON,
        *[p for m in KNOWLEDGE_MODELS for p in _crud(m)],
        *[p for m in SIGNED_OFF_MODELS for p in _crud(m, ("publish", "lock", "unlock"))],
        *_crud("editorial.claimphrase"),
        *_crud("editorial.plainenglishnote"),
        "editorial.override_claims",
        "editorial.view_claimoverride",
        "editorial.view_pagefeedback",
        *_crud("editorial.contactmessage", ("change", "view")),
    ],
    SHOP_STAFF: [
        *COMMON,
        "editorial.view_claimphrase",
        *_crud("editorial.contactmessage", ("change", "view")),
        "editorial.manage_customer_data",
    ],
}


def _permissions(apps, names: list[str]):
    Permission = apps.get_model("auth", "Permission")
    found = []
    for name in names:
        app_label, codename = name.split(".")
        permission = Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()
        if permission is not None:  # an app that is not installed (yet) is skipped
            found.append(permission)
    return found


def _done(apps, key: str) -> bool:
    SetupStep = apps.get_model("editorial", "SetupStep")
    _, created = SetupStep.objects.get_or_create(key=key)
    return not created


def attach_to_knowledge(apps) -> None:
    """Put the signed-off knowledge records under "Clinical sign-off" (their content types), once."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    workflow = Workflow.objects.filter(name=WORKFLOW_NAME).first()
    if workflow is None or _done(apps, "workflow:knowledge"):
        return
    for label in SIGNED_OFF_MODELS:
        app_label, model = label.split(".")
        content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
        # A content type an administrator gave another workflow keeps it.
        WorkflowContentType.objects.get_or_create(content_type=content_type, defaults={"workflow": workflow})


def _model(apps, label: str):
    """The model, or None where a migration runs before the model exists (a later one adds it)."""
    try:
        return apps.get_model(label)
    except LookupError:
        return None


def create_knowledge_permissions(apps) -> None:
    """Wagtail's publish, lock and unlock permissions for the signed-off records, made now.

    Wagtail creates them after all migrations (post_migrate); the groups need them in the migration.
    The names match Wagtail's, so its own step later finds them and adds nothing.
    """
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    for label in SIGNED_OFF_MODELS:
        model = _model(apps, label)
        if model is None:
            continue
        content_type, _ = ContentType.objects.get_or_create(
            app_label=model._meta.app_label, model=model._meta.model_name
        )
        for action in ("publish", "lock", "unlock"):
            Permission.objects.get_or_create(
                content_type=content_type,
                codename=f"{action}_{model._meta.model_name}",
                defaults={"name": f"Can {action} {model._meta.verbose_name_raw}"},
            )


def grant_knowledge_sign_off(apps) -> None:
    """Give the existing Editors and Clinical reviewers groups their knowledge record permissions
    (a group an administrator removed is not made again)."""
    Group = apps.get_model("auth", "Group")
    prefixes = tuple(f"{label}." for label in ("guide", "identify"))
    for name in (EDITORS, CLINICAL_REVIEWERS):
        group = Group.objects.filter(name=name).first()
        if group is not None:
            names = [p for p in MODEL_PERMISSIONS[name] if p.startswith(prefixes)]
            group.permissions.add(*_permissions(apps, names))


def mark_existing_rows_published(apps):
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
    for label in ("guide", "identify"):
        app_config = apps.get_app_config(label)
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    create_knowledge_permissions(apps)
    grant_knowledge_sign_off(apps)
    attach_to_knowledge(apps)
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
