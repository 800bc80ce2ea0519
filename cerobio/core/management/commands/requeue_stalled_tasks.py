"""`manage.py requeue_stalled_tasks [--worker-id ID]`: put interrupted background tasks back in the queue."""

from django.core.management.base import BaseCommand

from cerobio.core.task_recovery import requeue_interrupted


class Command(BaseCommand):
    help = (
        "Put background tasks left RUNNING by a stopped worker back in the queue: those last claimed by "
        "--worker-id (a worker known to have stopped), and any running for longer than TASK_STALL_SECONDS."
    )

    def add_arguments(self, parser):
        parser.add_argument("--worker-id", default="", help="The id of a worker that has stopped (task_worker --worker-id).")

    def handle(self, *args, worker_id: str = "", **options):
        count = requeue_interrupted(worker_id)
        if options["verbosity"] > 1 or count:
            self.stdout.write(f"Put {count} interrupted task(s) back in the queue.")
