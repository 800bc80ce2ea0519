"""An immutable, in-memory copy of the evidence rules, so that scoring never touches the database.

The snapshot is built once per process and rebuilt only when the rules version in the Django
cache changes. Publishing, unpublishing or deleting a rule, a milia type or a look-alike bumps that
version (`connect_invalidation`; saving a draft does not), so every process sharing the cache (Redis
in production) rebuilds on its next request. With the per-process local-memory cache, other
processes also rebuild at the latest after MAX_AGE seconds. Only published (live) records are read.
"""

import time
import uuid
from dataclasses import dataclass, field
from html.parser import HTMLParser
from types import MappingProxyType

from django.core.cache import cache
from django.db import connection, transaction
from django.db.models.signals import post_delete, post_save

from .answers import BY_KEY

VERSION_KEY = "identify:rules-version"
MAX_AGE = 300  # seconds; a safety net where the cache is not shared between processes


@dataclass(frozen=True)
class Rule:
    weight: int
    reason: str


@dataclass(frozen=True)
class Candidate:
    """A milia type or look-alike with its rules, keyed by (question, value).

    `required`: the (question, value) answers of which at least one must be given for it to fit
    (rules marked "needed"); `never_sites`: the body sites where it is never found.
    """

    slug: str
    name: str
    kind: str  # primary, secondary or look-alike
    url: str
    order: int  # classification order, used to break ties
    rules: MappingProxyType  # {(question, value): Rule}
    required: frozenset = frozenset()
    never_sites: frozenset = frozenset()


@dataclass(frozen=True)
class CareText:
    """A piece of care advice from the knowledge base: `html` for pages, `text` for the API."""

    key: str
    level: str
    heading: str
    html: str
    text: str


class _PlainText(HTMLParser):
    """Rich text as plain lines: paragraphs and list items each on a line, items starting "- "."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "li":
            self.parts.append("\n- ")
        elif tag in ("p", "ul", "ol", "br", "h3", "h4"):
            self.parts.append("\n")

    def handle_data(self, data):
        self.parts.append(data)


def plain_text(html: str) -> str:
    """The words of a rich text field without markup, one paragraph or list item per line."""
    parser = _PlainText()
    parser.feed(html or "")
    lines = (" ".join(line.split()) for line in "".join(parser.parts).splitlines())
    return "\n".join(line for line in lines if line)


def care_text(key: str, level: str, heading: str, html: str) -> CareText:
    return CareText(key, level, heading or "", html or "", plain_text(html))


# The youngest age, in years, in each age group of the questionnaire.
AGE_GROUP_FROM_YEARS = {"newborn": 0, "child": 0, "teen": 13, "adult": 20, "older_adult": 65}


@dataclass(frozen=True)
class ProductRules:
    """Who the live product may be suggested for, from its page in the shop (editors manage it).

    `suits`: milia type slugs it may suit; `not_for`: slugs it must never be suggested for (wins
    over `suits`); `avoid_sites`: body site codes where it must not be used; `age_groups`: the
    questionnaire's age groups old enough for it. No live product means nothing is suggested.
    """

    suits: frozenset = frozenset()
    not_for: frozenset = frozenset()
    avoid_sites: frozenset = frozenset()
    age_groups: frozenset = frozenset()

    @classmethod
    def from_suitability(cls, data: dict) -> "ProductRules":
        minimum = data.get("minimum_age") or 0
        return cls(
            suits=frozenset(data.get("suits", ())),
            not_for=frozenset(data.get("not_for", ())),
            avoid_sites=frozenset(data.get("avoid_sites", ())),
            age_groups=frozenset(g for g, years in AGE_GROUP_FROM_YEARS.items() if years >= minimum)
            if data.get("suits")
            else frozenset(),
        )


@dataclass(frozen=True)
class Snapshot:
    candidates: tuple[Candidate, ...]
    version: str = ""
    product: ProductRules = ProductRules()
    care: MappingProxyType = field(default_factory=lambda: MappingProxyType({}))  # {key: CareText}

    def candidate(self, slug: str) -> Candidate | None:
        return next((c for c in self.candidates if c.slug == slug), None)


KIND_ORDER = {"primary": 0, "secondary": 1, "look-alike": 2}


def build_snapshot(version: str = "") -> Snapshot:
    """Read the milia types, look-alikes, their rules and the product's suitability from the database."""
    from cerobio.guide.models import CareAdvice, LookAlike, MiliaType
    from cerobio.shop.catalogue.fetch import product_suitability

    from .models import EvidenceRule

    rules: dict[tuple[str, int], dict] = {}
    required: dict[tuple[str, int], set] = {}
    # Published rules, types and look-alikes only: drafts live in revisions until "Clinical sign-off".
    for rule in EvidenceRule.objects.live().exclude(weight=0).order_by("pk"):
        question = BY_KEY.get(rule.question)
        if question is None or rule.value not in question.values:
            continue  # an invalid rule never breaks scoring
        subject = ("type", rule.milia_type_id) if rule.milia_type_id else ("look-alike", rule.look_alike_id)
        weight = max(-3, min(3, int(rule.weight)))
        rules.setdefault(subject, {})[(rule.question, rule.value)] = Rule(weight, rule.reason.strip())
        if rule.required and weight > 0:
            required.setdefault(subject, set()).add((rule.question, rule.value))
    candidates = []
    records = [
        ("type", MiliaType.objects.live().order_by("sort_order", "name")),
        ("look-alike", LookAlike.objects.live().order_by("sort_order", "name")),
    ]
    for offset, (kind, queryset) in zip((0, 100), records, strict=True):
        for i, record in enumerate(queryset.prefetch_related("never_sites")):
            subject = (kind, record.pk)
            candidates.append(
                Candidate(
                    slug=record.slug,
                    name=record.name,
                    kind=record.group if kind == "type" else "look-alike",
                    url=record.get_absolute_url(),
                    order=offset + i,
                    rules=MappingProxyType(rules.get(subject, {})),
                    required=frozenset(required.get(subject, ())),
                    never_sites=frozenset(site.code for site in record.never_sites.all()),
                )
            )
    care = {a.key: care_text(a.key, a.level, a.heading, a.text) for a in CareAdvice.objects.live()}
    return Snapshot(
        tuple(candidates),
        version,
        ProductRules.from_suitability(product_suitability()),
        MappingProxyType(care),
    )


_current: Snapshot | None = None
_built_at = 0.0


def current_snapshot() -> Snapshot:
    """The cached snapshot, rebuilt when the rules version changed (or after MAX_AGE seconds)."""
    global _current, _built_at
    version = cache.get(VERSION_KEY)
    if version is None:
        version = uuid.uuid4().hex
        cache.add(VERSION_KEY, version, timeout=None)
        version = cache.get(VERSION_KEY) or version
    now = time.monotonic()
    if _current is None or _current.version != version or now - _built_at > MAX_AGE:
        _current = build_snapshot(version)
        _built_at = now
    return _current


def _bump() -> None:
    global _current
    cache.set(VERSION_KEY, uuid.uuid4().hex, timeout=None)
    _current = None


# What saving a draft writes to the live row: bookkeeping only, never content readers see.
DRAFT_ONLY_FIELDS = frozenset({"latest_revision", "has_unpublished_changes", "locked", "locked_at", "locked_by"})


def invalidate_unless_draft(instance=None, created=False, update_fields=None, **kwargs) -> None:
    """post_save: rebuild, unless the save only recorded a draft revision or made an unpublished record.

    Saving a draft of a live record writes just the revision bookkeeping (`save_revision`), and a
    record created in the admin starts unpublished; neither changes what the identifier shows.
    Publishing saves the whole row (and sends `published`), so it always rebuilds.
    """
    if update_fields is not None and set(update_fields) <= DRAFT_ONLY_FIELDS:
        return
    if created and not getattr(instance, "live", True):
        return
    invalidate()


def invalidate(**kwargs) -> None:
    """Mark the rules as changed, so every process rebuilds its snapshot.

    The version changes when the transaction commits, so no process can rebuild from the old rows
    and keep them under the new version.
    """
    _bump()
    if connection.in_atomic_block:
        transaction.on_commit(_bump)


def connect_invalidation() -> None:
    """Rebuild the snapshot whenever a rule, a milia type, a look-alike, care advice or a product page changes.

    For the rules, types and look-alikes that means publishing, unpublishing, deleting or a direct
    save of the row, not saving a draft for "Clinical sign-off" (`invalidate_unless_draft`).
    """
    from wagtail.signals import page_published, page_unpublished, published, unpublished

    from cerobio.guide.models import CareAdvice, LookAlike, MiliaType
    from cerobio.shop.catalogue.models import ProductPage

    from .models import EvidenceRule

    for model in (EvidenceRule, MiliaType, LookAlike, CareAdvice):
        name = model.__name__
        post_save.connect(invalidate_unless_draft, sender=model, dispatch_uid=f"identify-invalidate-save-{name}")
        post_delete.connect(invalidate, sender=model, dispatch_uid=f"identify-invalidate-delete-{name}")
        published.connect(invalidate, sender=model, dispatch_uid=f"identify-invalidate-published-{name}")
        unpublished.connect(invalidate, sender=model, dispatch_uid=f"identify-invalidate-unpublished-{name}")
    # Publishing, unpublishing or deleting the product changes who it may be suggested for.
    page_published.connect(invalidate, sender=ProductPage, dispatch_uid="identify-product-published")
    page_unpublished.connect(invalidate, sender=ProductPage, dispatch_uid="identify-product-unpublished")
    post_delete.connect(invalidate, sender=ProductPage, dispatch_uid="identify-product-deleted")
