"""The three roles, what each may do on the site's pages, and who counts as a clinical reviewer.

- **Editors** write and change guide pages and the clinical knowledge records (milia types,
  look-alikes, triggers, names, codes, references, identifier rules, care advice) and submit them to
  "Clinical sign-off"; they cannot publish either, nor delete a record, and only look at body sites.
- **Clinical reviewers** approve (and so publish) guide pages and knowledge records, change body
  sites, and may override the claims checker with a written reason.
- **Shop staff** run the shop: they may publish pages under the shop index only, and never the
  guide, and may change orders, stock, delivery and the shop's settings.

The groups, their model permissions and the workflow are made by migrations (editorial 0002, guide
0004, orders 0003 and the ones after), each with its own copy of the lists as they were then.
Page-level permissions and the workflow assignment need the pages to exist, so `attach_to_pages`
runs both from the migration (existing sites) and from the demo loader (new sites); each step is
recorded in `SetupStep` and never repeated, so an administrator's later changes to the groups are
kept.
"""

from django.apps import apps as global_apps

EDITORS = "Editors"
CLINICAL_REVIEWERS = "Clinical reviewers"
SHOP_STAFF = "Shop staff"
WORKFLOW_NAME = "Clinical sign-off"

KNOWLEDGE_MODELS = [
    "guide.miliatype", "guide.lookalike", "guide.trigger", "guide.bodysite", "guide.synonym",
    "guide.classificationcode", "guide.reference", "guide.careadvice", "identify.evidencerule",
]
# The records under "Clinical sign-off" (guide.models.knowledge.KnowledgeRecord): drafts, and
# publish_<model> for Clinical reviewers only. Body sites are not (see BodySite's docstring).
SIGNED_OFF_MODELS = [m for m in KNOWLEDGE_MODELS if m != "guide.bodysite"]

# Page permissions: on the home page (the whole guide) and on the shop index (the shop only).
GUIDE_PAGE_PERMISSIONS = {
    EDITORS: ["add_page", "change_page", "lock_page"],
    CLINICAL_REVIEWERS: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
}
SHOP_PAGE_PERMISSIONS = {SHOP_STAFF: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]}


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
