"""Queue the weekly review reminder to the clinical reviewers. Run it once a week from cron or a timer."""

from django.core.management.base import BaseCommand

from cerobio.editorial.tasks import send_review_reminders


class Command(BaseCommand):
    help = (
        "Email each clinical reviewer the guide pages overdue or due within 30 days (nothing is sent "
        "when nothing is due). Schedule weekly, e.g. cron: 0 7 * * 1 manage.py send_review_reminders"
    )

    def handle(self, *args, **options):
        result = send_review_reminders.enqueue()
        if result.is_finished:
            if result.status == "FAILED":
                self.stderr.write(self.style.ERROR("The reminder task failed; see the log."))
                raise SystemExit(1)
            self.stdout.write(f"Sent {result.return_value} reminder email(s).")
        else:
            self.stdout.write(f"Reminder task queued ({result.id}).")
