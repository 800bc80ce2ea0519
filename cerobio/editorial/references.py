"""Reference checks: every source complete, and where withdrawn sources are still cited."""

from dataclasses import dataclass, field


@dataclass
class ReferenceReport:
    incomplete: list = field(default_factory=list)  # (reference, [missing field labels])
    withdrawn: list = field(default_factory=list)  # (reference, [pages], [knowledge records])

    @property
    def problems(self) -> int:
        return len(self.incomplete) + sum(1 for _, pages, records in self.withdrawn if pages or records)


def check_references() -> ReferenceReport:
    """Find incomplete references and the pages and knowledge records citing withdrawn ones."""
    from wagtail.models import Page

    from cerobio.guide.models import ClassificationCode, PageReference, Reference, Synonym, Trigger

    report = ReferenceReport()
    for ref in Reference.objects.order_by("title", "pk"):
        if ref.missing_fields:
            report.incomplete.append((ref, ref.missing_fields))
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
