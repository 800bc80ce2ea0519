"""The identifier's evidence rules, from content/identifier/ (docs/identifier.md explains the weights).

A milia type or look-alike gets its rules only while it has none, so an editor's changes (including
deleted rules) survive another load. `snapshot` builds the same rules in memory, without the
database, for the identifier's tests and its benchmark.
"""

from collections import Counter
from types import MappingProxyType

from cerobio.guide.models import LookAlike, MiliaType
from cerobio.identify.models import EvidenceRule
from cerobio.identify.snapshot import Candidate, ProductRules, Rule, Snapshot, invalidate

from .content import Content, read


def load_rules(content: Content, created: Counter):
    """Create the rules of every type and look-alike that has none yet."""
    types = {t["slug"] for t in content.types}
    added = 0
    for slug, rules in content.rules.items():
        field, model = ("milia_type", MiliaType) if slug in types else ("look_alike", LookAlike)
        record = model.objects.filter(slug=slug).first()
        if record is None or record.evidence_rules.exists():
            continue
        EvidenceRule.objects.bulk_create(EvidenceRule(**{field: record}, **rule) for rule in rules)
        added += len(rules)
    if added:
        created["identifier rules"] += added
        invalidate()


def snapshot(content: Content | None = None) -> Snapshot:
    """The snapshot the demo content gives, built without the database."""
    content = content or read()

    def rules(slug):
        return MappingProxyType(
            {
                (r["question"], r["value"]): Rule(r["weight"], r["reason"])
                for r in content.rules.get(slug, [])
                if r["weight"]
            }
        )

    candidates = [
        Candidate(t["slug"], t["name"], t["group"], f"/types/{t['slug']}/", i, rules(t["slug"]))
        for i, t in enumerate(content.types)
    ]
    candidates += [
        Candidate(
            la["slug"],
            la["name"],
            "look-alike",
            f"/look-alikes/#{la['slug']}",
            100 + i,
            rules(la["slug"]),
        )
        for i, la in enumerate(content.look_alikes)
    ]
    product = content.products[0]
    suitability = {
        "suits": product["suits_types"],
        "not_for": product["not_for_types"],
        "avoid_sites": product["avoid_sites"],
        "minimum_age": product["minimum_age"],
    }
    return Snapshot(tuple(candidates), "demo", ProductRules.from_suitability(suitability))
