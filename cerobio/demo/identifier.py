"""The identifier's evidence rules, from content/identifier/ (docs/identifier.md explains the weights).

A milia type or look-alike gets its rules only while it has none, so an editor's changes (including
deleted rules) survive another load. `snapshot` builds the same rules in memory, without the
database, for the identifier's tests and its benchmark.
"""

from collections import Counter
from types import MappingProxyType

from cerobio.guide.models import LookAlike, MiliaType
from cerobio.identify.models import EvidenceRule
from cerobio.identify.snapshot import Candidate, ProductRules, Rule, Snapshot, care_text, invalidate

from .content import Content, read
from .markup import to_html


def load_rules(content: Content, created: Counter):
    """Create the rules of every type and look-alike that has none yet."""
    types = {t["slug"] for t in content.types}
    added = marked = 0
    for slug, rules in content.rules.items():
        field, model = ("milia_type", MiliaType) if slug in types else ("look_alike", LookAlike)
        record = model.objects.filter(slug=slug).first()
        if record is None:
            continue
        if record.evidence_rules.exists():
            marked += _mark_needed(record, rules)
            continue
        EvidenceRule.objects.bulk_create(EvidenceRule(**{field: record}, **rule) for rule in rules)
        added += len(rules)
    if added:
        created["identifier rules"] += added
    if marked:
        created["identifier rules marked needed"] += marked
    if added or marked:
        invalidate()


def _mark_needed(record, rules: list[dict]) -> int:
    """Rules made before "needed" existed get it from the content, once: only while none is needed.

    Only live rules without a draft are marked, so an editor's changes are never overwritten.
    """
    if record.evidence_rules.filter(required=True).exists():
        return 0
    needed = [(r["question"], r["value"]) for r in rules if r.get("required")]
    count = 0
    for question, value in needed:
        count += record.evidence_rules.filter(
            question=question, value=value, weight__gt=0, live=True, has_unpublished_changes=False
        ).update(required=True)
    return count


def snapshot(content: Content | None = None) -> Snapshot:
    """The snapshot the demo content gives, built without the database."""
    content = content or read()

    def candidate(record: dict, kind: str, url: str, order: int) -> Candidate:
        rules = [r for r in content.rules.get(record["slug"], []) if r["weight"]]
        return Candidate(
            record["slug"],
            record["name"],
            kind,
            url,
            order,
            MappingProxyType(
                {(r["question"], r["value"]): Rule(r["weight"], r.get("reason", "")) for r in rules}
            ),
            frozenset(
                (r["question"], r["value"]) for r in rules if r.get("required") and r["weight"] > 0
            ),
            frozenset(record.get("never_sites") or ()),
        )

    candidates = [
        candidate(t, t["group"], f"/types/{t['slug']}/", i) for i, t in enumerate(content.types)
    ]
    candidates += [
        candidate(la, "look-alike", f"/look-alikes/#{la['slug']}", 100 + i)
        for i, la in enumerate(content.look_alikes)
    ]
    product = content.products[0]
    suitability = {
        "suits": product["suits_types"],
        "not_for": product["not_for_types"],
        "avoid_sites": product["avoid_sites"],
        "minimum_age": product["minimum_age"],
    }
    care = {
        a["key"]: care_text(
            a["key"], a.get("level", "gp"), a.get("heading", ""), to_html(a["text"])
        )
        for a in content.care_advice
    }
    return Snapshot(
        tuple(candidates),
        "demo",
        ProductRules.from_suitability(suitability),
        MappingProxyType(care),
    )
