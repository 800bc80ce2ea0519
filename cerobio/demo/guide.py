"""The knowledge base and the guide pages, from the content folder; only what is missing is added.

Knowledge records made here are live (the model default): demo knowledge is published content.
Only records created in the admin start as drafts waiting for "Clinical sign-off".
"""

from collections import Counter

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page, Site

from cerobio.guide.models import (
    BodySite,
    CareAdvice,
    ClassificationCode,
    GuidePage,
    HomePage,
    LookAlike,
    MiliaType,
    MiliaTypePage,
    PageReference,
    Reference,
    Synonym,
    Trigger,
    TypesIndexPage,
)

from .content import Content, ContentError
from .markup import fields, stream

RELATIONS = ("body_sites", "never_sites", "triggers", "references")
NOT_FIELDS = ("order", "page", *RELATIONS)
PAGE_FIELDS = (
    "title",
    "seo_title",
    "search_description",
    "summary",
    "last_reviewed",
    "next_review_due",
)


def _refs(keys: list[str]) -> list[Reference]:
    found = {r.key: r for r in Reference.objects.filter(key__in=keys)}
    missing = [k for k in keys if k not in found]
    if missing:
        raise ContentError(f"No file in content/references/ for {', '.join(missing)}")
    return [found[k] for k in keys]


def load_knowledge(content: Content, created: Counter):
    """References, body sites, triggers, milia types, look-alikes, names and codes."""
    for data in content.references:
        if not Reference.objects.filter(key=data["key"]).exists():
            Reference.objects.create(**data)
            created["references"] += 1
    for i, data in enumerate(content.body_sites):
        _, made = BodySite.objects.get_or_create(
            code=data["code"], defaults={**data, "sort_order": i}
        )
        created["body sites"] += made
    for data in content.triggers:
        if Trigger.objects.filter(slug=data["slug"]).exists():
            continue
        trigger = Trigger(**{k: v for k, v in data.items() if k != "references"})
        trigger.references = _refs(data.get("references", []))
        trigger.save()
        created["triggers"] += 1
    _load_with_relations(MiliaType, content.types, created, "milia types")
    _load_with_relations(LookAlike, content.look_alikes, created, "look-alikes")
    _load_care_advice(content, created)


def _load_care_advice(content: Content, created: Counter):
    """The safety net, red flag and advice texts (by key) the guide's pages and the identifier show."""
    for data in content.care_advice:
        if CareAdvice.objects.filter(key=data["key"]).exists():
            continue
        advice = CareAdvice(
            **fields(CareAdvice, {k: v for k, v in data.items() if k not in NOT_FIELDS})
        )
        advice.references = _refs(data.get("references", []))
        advice.save()
        created["care advice"] += 1


def _load_with_relations(model, records, created: Counter, label: str):
    for i, data in enumerate(records):
        existing = model.objects.filter(slug=data["slug"]).first()
        if existing is not None:
            _add_never_sites(existing, data)
            continue
        obj = model(sort_order=i, **{k: v for k, v in data.items() if k not in NOT_FIELDS})
        obj.body_sites = list(BodySite.objects.filter(code__in=data.get("body_sites", [])))
        obj.never_sites = list(BodySite.objects.filter(code__in=data.get("never_sites", [])))
        if "triggers" in data:
            obj.triggers = list(Trigger.objects.filter(slug__in=data["triggers"]))
        obj.references = _refs(data.get("references", []))
        obj.save()  # live: demo knowledge is published content
        obj.save_revision(log_action=False).publish(log_action=False)
        created[label] += 1


def _add_never_sites(record, data: dict):
    """A record made before "never found on" existed gets the content's sites, published as a revision.

    Only while it has none and no draft waits for sign-off, so an editor's work is never touched.
    """
    if (
        not data.get("never_sites")
        or record.has_unpublished_changes
        or list(record.never_sites.all())
    ):
        return
    record.never_sites = list(BodySite.objects.filter(code__in=data["never_sites"]))
    record.save()
    record.save_revision(log_action=False).publish(log_action=False)


def load_names_and_codes(content: Content, created: Counter):
    """Names for milia (each linked to the page a search for it puts first) and classification codes."""
    for i, data in enumerate(content.names):
        if Synonym.objects.filter(term__iexact=data["term"]).exists():
            continue
        target = (
            Page.objects.filter(url_path__endswith="/home" + data["target"]).first()
            if data.get("target")
            else None
        )
        reference = _refs([data["reference"]])[0] if data.get("reference") else None
        Synonym.objects.create(
            term=data["term"],
            kind=data["kind"],
            meaning=data.get("meaning", ""),
            target=target,
            reference=reference,
            sort_order=i,
        )
        created["names"] += 1
    if not ClassificationCode.objects.exists():
        for i, data in enumerate(content.codes):
            reference = _refs([data["reference"]])[0] if data.get("reference") else None
            ClassificationCode.objects.create(
                **{k: v for k, v in data.items() if k != "reference"},
                reference=reference,
                sort_order=i,
            )
            created["codes"] += 1


def _page_fields(data: dict) -> dict:
    return {k: data[k] for k in PAGE_FIELDS if k in data}


def _add_page(parent: Page, page: Page, data: dict, references: list[str]) -> Page:
    try:
        page.body = stream(page._meta.get_field("body").stream_block, data.get("body", []))
    except ValueError as error:
        raise ContentError(f"The page {page.slug}: {error}") from error
    page.page_references = [
        PageReference(reference=r, sort_order=i) for i, r in enumerate(_refs(references))
    ]
    parent.add_child(instance=page)
    page.save_revision().publish(log_action=False)
    return page


def _home(content: Content, created: Counter) -> HomePage:
    home = HomePage.objects.first()
    if home:
        return home
    data = next(page for page in content.pages if page.get("type") == "home")
    root = Page.get_first_root_node()
    # Wagtail's initial migration makes a placeholder "Welcome" page at the root; the site moves to ours.
    placeholder = list(
        Page.objects.filter(
            depth=2, slug="home", content_type=ContentType.objects.get_for_model(Page)
        )
    )
    for old in placeholder:
        old.slug = "wagtail-placeholder"
        old.save()
    home = HomePage(slug="home", **_page_fields(data))
    _add_page(root, home, data, data["references"])
    site = Site.objects.filter(is_default_site=True).first()
    if site:
        site.root_page = home
        site.site_name = "Cerobio"
        site.save()
    else:
        Site.objects.create(
            hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="Cerobio"
        )
    for old in placeholder:
        old.delete()
    created["pages"] += 1
    return home


def load_pages(content: Content, created: Counter):
    """The home page, the guide pages under it, and a page for each milia type under the types index."""
    home = _home(content, created)
    for data in content.pages:
        if data.get("type") == "home" or home.get_children().filter(slug=data["slug"]).exists():
            continue
        cls = TypesIndexPage if data.get("type") == "types" else GuidePage
        page = cls(slug=data["slug"], **_page_fields(data))
        _add_page(home, page, data, data["references"])
        created["pages"] += 1
    index = TypesIndexPage.objects.child_of(home).first()
    if index:
        for data in content.types:
            _type_page(index, data, created)


def _type_page(index: TypesIndexPage, data: dict, created: Counter):
    milia_type = MiliaType.objects.filter(slug=data["slug"]).first()
    if milia_type is None or MiliaTypePage.objects.filter(milia_type=milia_type).exists():
        return
    if index.get_children().filter(slug=milia_type.slug).exists():
        return
    extra = data.get("page", {})
    fields = {
        **_page_fields(extra),
        "title": milia_type.name,
        "summary": milia_type.summary,
        "search_description": extra.get("search_description", milia_type.summary[:155]),
    }
    page = MiliaTypePage(slug=milia_type.slug, milia_type=milia_type, **fields)
    # The type's sources in the order its file lists them (the record's set has no order), then the page's own.
    refs = list(data.get("references", []))
    refs += [k for k in extra.get("references", []) if k not in refs]
    _add_page(index, page, extra, refs)
    created["pages"] += 1
