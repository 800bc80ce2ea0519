"""Turn the demo data modules into database records, adding only what is missing.

Knowledge records made here are live (the model default): demo knowledge is published content.
Only records created in the admin start as drafts waiting for "Clinical sign-off".
"""

import datetime
from collections import Counter

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page, Site

from cerobio.guide.models import (
    BodySite,
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

from . import knowledge, pages

REVIEWER = "Cerobio clinical team (demo reviewer)"
REVIEWED = datetime.date(2026, 11, 27)
ACCESSED = datetime.date(2026, 11, 27)

APPEARANCE_FIELDS = (
    "colour", "shape", "centre", "grouping", "size_min_mm", "size_max_mm", "typical_count", "red_base",
)


def _refs(urls: list[str]) -> list[Reference]:
    found = {r.url: r for r in Reference.objects.filter(url__in=urls)}
    missing = [u for u in urls if u not in found]
    if missing:
        raise ValueError(f"Demo content cites addresses missing from REFERENCES: {missing}")
    return [found[u] for u in urls]


def _load_references(created: Counter):
    for data in knowledge.REFERENCES:
        _, made = Reference.objects.get_or_create(
            url=data["url"],
            defaults={
                "key": data["key"],
                "title": data["title"],
                "publisher": data.get("publisher", ""),
                "accessed": ACCESSED,
                "strength": data.get("strength", "strong"),
            },
        )
        created["references"] += made


def _load_simple(created: Counter):
    for i, data in enumerate(knowledge.BODY_SITES):
        _, made = BodySite.objects.get_or_create(
            code=data["code"], defaults={"name": data["name"], "region": data["region"], "sort_order": i}
        )
        created["body sites"] += made
    for data in knowledge.TRIGGERS:
        if Trigger.objects.filter(slug=data["slug"]).exists():
            continue
        trigger = Trigger(**{k: v for k, v in data.items() if k != "references"})
        trigger.references = _refs(data.get("references", []))
        trigger.save()
        created["triggers"] += 1


def _load_with_relations(model, records, created: Counter, label: str):
    for i, data in enumerate(records):
        if model.objects.filter(slug=data["slug"]).exists():
            continue
        plain = {k: v for k, v in data.items() if k not in ("body_sites", "triggers", "references")}
        obj = model(sort_order=i, **plain)
        obj.body_sites = list(BodySite.objects.filter(code__in=data.get("body_sites", [])))
        if "triggers" in data:
            obj.triggers = list(Trigger.objects.filter(slug__in=data["triggers"]))
        obj.references = _refs(data.get("references", []))
        obj.save()  # live: demo knowledge is published content
        obj.save_revision(log_action=False).publish(log_action=False)
        created[label] += 1


def _page_kwargs(data: dict) -> dict:
    return {
        "title": data["title"],
        "slug": data["slug"],
        "seo_title": data.get("seo_title", ""),
        "search_description": data.get("search_description", ""),
        "summary": data.get("summary", ""),
        "last_reviewed": REVIEWED,
        "next_review_due": REVIEWED + datetime.timedelta(days=365),
        "reviewer_name": REVIEWER,
    }


def _add_page(parent: Page, page: Page, references: list[str]) -> Page:
    page.page_references = [PageReference(reference=r, sort_order=i) for i, r in enumerate(_refs(references))]
    parent.add_child(instance=page)
    page.save_revision().publish(log_action=False)
    return page


def _home(created: Counter) -> HomePage:
    home = HomePage.objects.first()
    if home:
        return home
    data = pages.PAGES[0]
    root = Page.get_first_root_node()
    # Wagtail's initial migration makes a placeholder "Welcome" page at the root; the site moves to ours.
    placeholder = list(
        Page.objects.filter(depth=2, slug="home", content_type=ContentType.objects.get_for_model(Page))
    )
    for old in placeholder:
        old.slug = "wagtail-placeholder"
        old.save()
    home = HomePage(**{**_page_kwargs(data), "slug": "home"}, body=data.get("body", []))
    _add_page(root, home, data["references"])
    site = Site.objects.filter(is_default_site=True).first()
    if site:
        site.root_page = home
        site.site_name = "Cerobio"
        site.save()
    else:
        Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="Cerobio")
    for old in placeholder:
        old.delete()
    created["pages"] += 1
    return home


def _load_pages(created: Counter):
    home = _home(created)
    for data in pages.PAGES[1:]:
        if home.get_children().filter(slug=data["slug"]).exists():
            continue
        cls = TypesIndexPage if data.get("type") == "types" else GuidePage
        _add_page(home, cls(**_page_kwargs(data), body=data.get("body", [])), data["references"])
        created["pages"] += 1
    index = TypesIndexPage.objects.child_of(home).first()
    if not index:
        return
    for milia_type in MiliaType.objects.order_by("sort_order"):
        if MiliaTypePage.objects.filter(milia_type=milia_type).exists():
            continue
        if index.get_children().filter(slug=milia_type.slug).exists():
            continue
        extra = pages.TYPE_PAGES.get(milia_type.slug, {})
        page = MiliaTypePage(
            **_page_kwargs(
                {
                    "title": milia_type.name,
                    "slug": milia_type.slug,
                    "summary": milia_type.summary,
                    "search_description": extra.get("search_description", milia_type.summary[:155]),
                    "seo_title": extra.get("seo_title", ""),
                }
            ),
            milia_type=milia_type,
            body=extra.get("body", []),
        )
        refs = [r.url for r in milia_type.references.all()]
        refs += [u for u in extra.get("references", []) if u not in refs]
        _add_page(index, page, refs)
        created["pages"] += 1


def _load_synonyms_and_codes(created: Counter):
    for i, data in enumerate(knowledge.SYNONYMS):
        if Synonym.objects.filter(term__iexact=data["term"]).exists():
            continue
        target = Page.objects.filter(url_path__endswith="/home" + data["target"]).first() if data.get("target") else None
        reference = _refs([data["reference"]])[0] if data.get("reference") else None
        Synonym.objects.create(
            term=data["term"], kind=data["kind"], meaning=data.get("meaning", ""),
            target=target, reference=reference, sort_order=i,
        )
        created["names"] += 1
    if not ClassificationCode.objects.exists():
        for i, data in enumerate(knowledge.CODES):
            reference = _refs([data["reference"]])[0] if data.get("reference") else None
            ClassificationCode.objects.create(
                **{k: v for k, v in data.items() if k != "reference"}, reference=reference, sort_order=i
            )
            created["codes"] += 1


def load_demo() -> dict[str, int]:
    """Create every missing demo record and page; return how many of each were added."""
    created: Counter = Counter()
    _load_references(created)
    _load_simple(created)
    _load_with_relations(MiliaType, knowledge.MILIA_TYPES, created, "milia types")
    _load_with_relations(LookAlike, knowledge.LOOK_ALIKES, created, "look-alikes")
    _load_pages(created)
    _load_synonyms_and_codes(created)
    from cerobio.identify.demo import load_rules

    created.update(load_rules())
    from cerobio.shop.demo import load_shop

    created.update(load_shop())
    from cerobio.editorial.demo import load_editorial

    created.update(load_editorial())
    return {k: v for k, v in created.items() if v}
