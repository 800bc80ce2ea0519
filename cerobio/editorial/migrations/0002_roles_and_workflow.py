"""Groups (Editors, Clinical reviewers, Shop staff) and the "Clinical sign-off" workflow."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

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

COLLECTION_PERMISSIONS = {
    EDITORS: ["images.add_cerobioimage", "images.change_cerobioimage", "wagtaildocs.add_document",
              "wagtaildocs.change_document", "wagtaildocs.choose_document"],
    CLINICAL_REVIEWERS: ["images.add_cerobioimage", "images.change_cerobioimage", "wagtaildocs.add_document",
                         "wagtaildocs.change_document", "wagtaildocs.choose_document"],
    SHOP_STAFF: ["images.add_cerobioimage", "images.change_cerobioimage"],
}
GUIDE_PAGE_PERMISSIONS = {
    EDITORS: ["add_page", "change_page", "lock_page"],
    CLINICAL_REVIEWERS: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
}
SHOP_PAGE_PERMISSIONS = {SHOP_STAFF: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]}


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


def create_roles(apps) -> None:
    """Create the three groups with their model and collection permissions."""
    Group = apps.get_model("auth", "Group")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    root_collection = Collection.objects.filter(depth=1).first()
    for name, permissions in MODEL_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        # Wagtail's starter "Editors" may edit every page from the root, the shop included;
        # ours edit the guide only (given on the home page by attach_to_pages).
        GroupPagePermission.objects.filter(group=group, page__depth=1).delete()
        group.permissions.add(*_permissions(apps, permissions))
        if root_collection is not None:
            for permission in _permissions(apps, COLLECTION_PERMISSIONS[name]):
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=root_collection, permission=permission
                )
    # Wagtail's starter "Moderators" may publish anything; Clinical reviewers replace it, and its
    # "Moderators approval" workflow (on the root page) is switched off once nobody can approve it.
    Group.objects.filter(name="Moderators", user__isnull=True).delete()
    Workflow = apps.get_model("wagtailcore", "Workflow")
    for workflow in Workflow.objects.filter(name="Moderators approval", active=True):
        tasks = apps.get_model("wagtailcore", "GroupApprovalTask").objects.filter(workflow_tasks__workflow=workflow)
        if not any(task.groups.exists() for task in tasks):
            workflow.active = False
            workflow.save(update_fields=["active"])


def create_workflow(apps) -> None:
    """The "Clinical sign-off" workflow: one group approval task for the Clinical reviewers."""
    Group = apps.get_model("auth", "Group")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    if Workflow.objects.filter(name=WORKFLOW_NAME).exists():
        return
    workflow = Workflow.objects.create(name=WORKFLOW_NAME, active=True)
    content_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
    task = GroupApprovalTask.objects.create(name=TASK_NAME, active=True, content_type=content_type)
    task.groups.set([Group.objects.get(name=CLINICAL_REVIEWERS)])
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)


def _page_of_type(apps, app_label: str, model: str):
    Page = apps.get_model("wagtailcore", "Page")
    return Page.objects.filter(content_type__app_label=app_label, content_type__model=model).order_by("path").first()


def attach_to_pages(apps) -> None:
    """Page permissions on the home page and the shop index, and "Clinical sign-off" on the guide, once each."""
    Group = apps.get_model("auth", "Group")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    Permission = apps.get_model("auth", "Permission")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    targets = [("guide", "homepage", GUIDE_PAGE_PERMISSIONS), ("shop", "shopindexpage", SHOP_PAGE_PERMISSIONS)]
    for app_label, model, grants in targets:
        page = _page_of_type(apps, app_label, model)
        if page is None or _done(apps, f"page-permissions:{page.pk}"):
            continue
        for group_name, codenames in grants.items():
            group = Group.objects.filter(name=group_name).first()
            if group is None:
                continue
            for permission in Permission.objects.filter(
                content_type__app_label="wagtailcore", content_type__model="page", codename__in=codenames
            ):
                GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)
    home = _page_of_type(apps, "guide", "homepage")
    workflow = Workflow.objects.filter(name=WORKFLOW_NAME).first()
    if (
        home is not None
        and workflow is not None
        and not _done(apps, f"workflow:{home.pk}")
        and not WorkflowPage.objects.filter(page=home).exists()
    ):
        WorkflowPage.objects.create(page=home, workflow=workflow)
    attach_to_knowledge(apps)


def forwards(apps, schema_editor):
    # Permissions are normally created after all migrations; the groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    create_roles(apps)
    create_workflow(apps)
    attach_to_pages(apps)  # an existing site; a new one is attached by the demo loader


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("images", "0001_initial"),
        ("guide", "0002_initial"),
        ("identify", "0001_initial"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
