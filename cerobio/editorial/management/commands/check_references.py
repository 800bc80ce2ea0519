"""Report every reference by strength and by source rule; exit 1 when a rule is broken."""

from django.core.management.base import BaseCommand, CommandError

from cerobio.editorial.references import check_references
from cerobio.guide.citation import citation_text


class Command(BaseCommand):
    help = (
        "Count the references by strength, list any that break a source rule (copy, mirror, app export, "
        "staging host, search-engine redirect, plain http, malformed DOI), any that are incomplete, and "
        "the pages and records citing a withdrawn one. --list prints every reference under its strength. "
        "Exits with status 1 if there is a problem."
    )

    def add_arguments(self, parser):
        parser.add_argument("--list", action="store_true", help="Print every reference, as cited, under its strength.")

    def handle(self, *args, **options):
        report = check_references()
        out = self.stdout
        out.write(f"References by strength ({report.total}):")
        for label, refs in report.by_strength.items():
            out.write(f"  {len(refs):>4}  {label}")
        out.write(f"  of which {len(report.copies)} known only from an unidentified copy (shown without a link)")
        if options["list"]:
            for label, refs in report.by_strength.items():
                out.write(f"\n{label} ({len(refs)}):")
                for ref in refs:
                    out.write(f"  - [{ref.key}] {citation_text(ref)}")
        self._problems(report)
        if report.problems:
            raise CommandError(f"{report.problems} reference problem(s) found.")
        out.write(
            self.style.SUCCESS(
                "Every reference passes the source rules, is complete, and no withdrawn reference is cited."
            )
        )

    def _problems(self, report):
        out = self.stdout
        for rule, found in report.by_rule.items():
            out.write(self.style.WARNING(f"Refused by the rule '{rule}' ({len(found)}):"))
            for ref, problem in found:
                out.write(f"  - {ref.title} [{ref.key}]: {problem.message}")
        if report.incomplete:
            out.write(self.style.WARNING(f"Incomplete references ({len(report.incomplete)}):"))
            for ref, missing in report.incomplete:
                out.write(f"  - {ref.title or '(no title)'} [{ref.key}]: missing {', '.join(missing)}")
        cited = [(ref, pages, records) for ref, pages, records in report.withdrawn if pages or records]
        if cited:
            out.write(self.style.WARNING(f"Withdrawn references still cited ({len(cited)}):"))
            for ref, pages, records in cited:
                out.write(f"  - {ref.title} [{ref.key}]")
                for page in pages:
                    out.write(f"      page: {page.title} ({page.url_path.removeprefix('/home') or '/'})")
                for record in records:
                    out.write(f"      {record._meta.verbose_name}: {record}")
