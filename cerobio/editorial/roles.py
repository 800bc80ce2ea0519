"""The three roles and what each may do. Used by the data migration and by the demo loader.

- **Editors** write and change guide pages and the clinical knowledge records (milia types,
  look-alikes, triggers, names, codes, references, identifier rules) and submit them to
  "Clinical sign-off"; they cannot publish either, nor delete a record, and only look at body sites.
- **Clinical reviewers** approve (and so publish) guide pages and knowledge records, change body
  sites, and may override the claims checker with a written reason.
- **Shop staff** run the shop: they may publish pages under the shop index only, and never the
  guide. The shop's own model permissions (orders, stock, delivery) are added by the shop:

      # in a shop data migration
      from cerobio.editorial.roles import SHOP_STAFF, grant_model_permissions
      grant_model_permissions(apps, SHOP_STAFF, ["orders.view_order", "orders.manage_orders", ...])

Every function takes an `apps` registry so that migrations can pass their historical models.
Page-level permissions and the workflow assignment need the pages to exist, so
`attach_to_pages` runs both from the migration (existing sites) and from the demo loader (new
sites); each step is recorded in `SetupStep` and never repeated, so an administrator's later
changes to the groups are kept. The workflow's assignment to the knowledge records' content types
(`attach_to_knowledge`) needs no pages: the guide migration 0004 runs it on every site, and
`attach_to_pages` runs it again only if it has not run yet.
"""

from django.apps import apps as global_apps

EDITORS = "Editors"
CLINICAL_REVIEWERS = "Clinical reviewers"
SHOP_STAFF = "Shop staff"
WORKFLOW_NAME = "Clinical sign-off"
TASK_NAME = "Clinical review"

KNOWLEDGE_MODELS = [
    "guide.miliatype", "guide.lookalike", "guide.trigger", "guide.bodysite", "guide.synonym",
    "guide.classificationcode", "guide.reference", "guide.careadvice", "identify.evidencerule",
]
# The records under "Clinical sign-off" (guide.models.knowledge.KnowledgeRecord): drafts, and
# publish_<model> for Clinical reviewers only. Body sites are not (see BodySite's docstring).
SIGNED_OFF_MODELS = [m for m in KNOWLEDGE_MODELS if m != "guide.bodysite"]

def _crud(model: str, actions=("add", "change", "delete", "view")) -> list[str]:
    app, name = model.split(".")
    return [f"{app}.{action}_{name}" for action in actions]


COMMON = ["wagtailadmin.access_admin"]
MODEL_PERMISSIONS = {
    EDITORS: [
        *COMMON,
        *[p for m in KNOWLEDGE_MODELS for p in _crud(m, ("view",))],
        # Drafts and "Submit to Clinical sign-off"; never publish or delete (a deletion is live at once).
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
        # Customer data rights (find, export, erase by email); granted by migration 0004 on
        # existing sites. Editors and clinical reviewers never see customer data.
        "editorial.manage_customer_data",
        # The shop adds its own permissions here with grant_model_permissions (see above).
    ],
}
COLLECTION_PERMISSIONS = {
    EDITORS: ["images.add_cerobioimage", "images.change_cerobioimage", "wagtaildocs.add_document",
              "wagtaildocs.change_document", "wagtaildocs.choose_document"],
    CLINICAL_REVIEWERS: ["images.add_cerobioimage", "images.change_cerobioimage", "wagtaildocs.add_document",
                         "wagtaildocs.change_document", "wagtaildocs.choose_document"],
    SHOP_STAFF: ["images.add_cerobioimage", "images.change_cerobioimage"],
}
# Page permissions: on the home page (the whole guide) and on the shop index (the shop only).
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


def grant_model_permissions(apps, group_name: str, names: list[str]) -> None:
    """Add model permissions ("app_label.codename") to a group, creating the group if needed."""
    Group = apps.get_model("auth", "Group")
    group, _ = Group.objects.get_or_create(name=group_name)
    group.permissions.add(*_permissions(apps, names))


def create_roles(apps) -> None:
    """Create the three groups with their model and collection permissions (run once, by migration)."""
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
    """Give the existing Editors and Clinical reviewers groups their knowledge record permissions.

    For sites whose groups were made before the records went under "Clinical sign-off"; a group an
    administrator removed is not made again.
    """
    Group = apps.get_model("auth", "Group")
    prefixes = tuple(f"{label}." for label in ("guide", "identify"))
    for name in (EDITORS, CLINICAL_REVIEWERS):
        group = Group.objects.filter(name=name).first()
        if group is not None:
            names = [p for p in MODEL_PERMISSIONS[name] if p.startswith(prefixes)]
            group.permissions.add(*_permissions(apps, names))


def attach_to_knowledge(apps=global_apps) -> list[str]:
    """Put the signed-off knowledge records under "Clinical sign-off" (their content types), once."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    workflow = Workflow.objects.filter(name=WORKFLOW_NAME).first()
    if workflow is None or _done(apps, "workflow:knowledge"):
        return []
    for label in SIGNED_OFF_MODELS:
        app_label, model = label.split(".")
        content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
        # A content type an administrator gave another workflow keeps it.
        WorkflowContentType.objects.get_or_create(content_type=content_type, defaults={"workflow": workflow})
    return [f"“{WORKFLOW_NAME}” on the knowledge records"]


def _model(apps, label: str):
    """The model, or None where a migration runs before the model exists (a later one adds it)."""
    try:
        return apps.get_model(label)
    except LookupError:
        return None


def attach_to_knowledge_model(apps, label: str) -> None:
    """Put one more knowledge record under "Clinical sign-off" (for a model added after the others)."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    workflow = Workflow.objects.filter(name=WORKFLOW_NAME).first()
    if workflow is None:
        return
    app_label, model = label.split(".")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    WorkflowContentType.objects.get_or_create(
        content_type=content_type, defaults={"workflow": workflow}
    )


def _done(apps, key: str) -> bool:
    SetupStep = apps.get_model("editorial", "SetupStep")
    _, created = SetupStep.objects.get_or_create(key=key)
    return not created


def _page_of_type(apps, app_label: str, model: str):
    Page = apps.get_model("wagtailcore", "Page")
    return Page.objects.filter(content_type__app_label=app_label, content_type__model=model).order_by("path").first()


def attach_to_pages(apps=global_apps) -> list[str]:
    """Give the groups their page permissions and put the guide (and the knowledge records) under
    "Clinical sign-off".

    Runs each step once per page (recorded in SetupStep); returns what it did.
    """
    Group = apps.get_model("auth", "Group")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    Permission = apps.get_model("auth", "Permission")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    done = []
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
        done.append(f"page permissions on {page.title}")
    home = _page_of_type(apps, "guide", "homepage")
    workflow = Workflow.objects.filter(name=WORKFLOW_NAME).first()
    if (
        home is not None
        and workflow is not None
        and not _done(apps, f"workflow:{home.pk}")
        and not WorkflowPage.objects.filter(page=home).exists()
    ):
        WorkflowPage.objects.create(page=home, workflow=workflow)
        done.append(f"“{WORKFLOW_NAME}” on {home.title}")
    return done + attach_to_knowledge(apps)


def clinical_reviewers():
    """Active users in the Clinical reviewers group."""
    from django.contrib.auth import get_user_model

    return get_user_model().objects.filter(is_active=True, groups__name=CLINICAL_REVIEWERS).distinct()


def is_clinical_reviewer(user) -> bool:
    return bool(user and user.is_authenticated and user.groups.filter(name=CLINICAL_REVIEWERS).exists())
