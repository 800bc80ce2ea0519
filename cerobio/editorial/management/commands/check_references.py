"""List incomplete references and everything citing a withdrawn one; exit 1 when there is a problem."""

from django.core.management.base import BaseCommand, CommandError

from cerobio.editorial.references import check_references


class Command(BaseCommand):
    help = (
        "Check every reference has a title, publisher, address and date accessed, and list the pages "
        "and knowledge records that cite a withdrawn reference. Exits with status 1 if there is a problem."
    )

    def handle(self, *args, **options):
        report = check_references()
        out = self.stdout
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
        if report.problems:
            raise CommandError(f"{report.problems} reference problem(s) found.")
        out.write(self.style.SUCCESS("Every reference is complete and no withdrawn reference is cited."))
