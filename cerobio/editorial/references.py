"""Reference checks: every source by strength, the source rules it breaks, completeness, withdrawn ones cited."""

from collections import defaultdict
from dataclasses import dataclass, field

from cerobio.guide.sources import RULES


@dataclass
class ReferenceReport:
    by_strength: dict = field(default_factory=dict)  # strength label -> [references], every strength listed
    copies: list = field(default_factory=list)  # references known only from an unidentified copy
    by_rule: dict = field(default_factory=dict)  # rule name -> [(reference, SourceProblem)]
    incomplete: list = field(default_factory=list)  # (reference, [missing field labels])
    withdrawn: list = field(default_factory=list)  # (reference, [pages], [knowledge records])

    @property
    def total(self) -> int:
        return sum(len(refs) for refs in self.by_strength.values())

    @property
    def problems(self) -> int:
        refused = {ref.pk for found in self.by_rule.values() for ref, _ in found}
        return (
            len(refused)
            + len(self.incomplete)
            + sum(1 for _, pages, records in self.withdrawn if pages or records)
        )


def check_references() -> ReferenceReport:
    """Every reference by strength, the source rules each breaks, incomplete ones, and withdrawn ones cited."""
    from wagtail.models import Page

    from cerobio.guide.models import ClassificationCode, PageReference, Reference, Synonym, Trigger

    report = ReferenceReport()
    refs = list(Reference.objects.order_by("title", "pk"))
    by_strength = defaultdict(list)
    by_rule = defaultdict(list)
    for ref in refs:
        by_strength[ref.strength].append(ref)
        if ref.kind == Reference.Kind.COPY:
            report.copies.append(ref)
        for problem in ref.problems:
            by_rule[problem.rule].append((ref, problem))
        if ref.missing_fields:
            report.incomplete.append((ref, ref.missing_fields))
    report.by_strength = {label: by_strength[value] for value, label in Reference.Strength.choices}
    report.by_rule = {rule: by_rule[rule] for rule in RULES if by_rule[rule]}
    for ref in Reference.objects.filter(withdrawn=True).order_by("title"):
        page_ids = PageReference.objects.filter(reference=ref).values_list("page_id", flat=True)
        pages = list(Page.objects.filter(pk__in=page_ids).order_by("path"))
        records = [
            *ref.milia_types.all(),
            *ref.look_alikes.all(),
            *Trigger.objects.filter(references=ref),
            *Synonym.objects.filter(reference=ref),
            *ClassificationCode.objects.filter(reference=ref),
        ]
        report.withdrawn.append((ref, pages, records))
    return report
