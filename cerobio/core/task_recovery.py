"""Background tasks that were running when their worker died are put back in the queue.

django-tasks-db marks a task RUNNING when a worker claims it and never looks at it again, so a task
whose worker lost its database connection, was killed or lost its machine would stay RUNNING for
ever. `requeue_interrupted` makes such tasks READY again, to be run by the next free worker:

- at once, the tasks last claimed by a named worker that is known to have stopped (the worker's
  supervisor, deploy/serve.sh or systemd, runs `manage.py requeue_stalled_tasks --worker-id ID` before
  starting a new worker with the same id);
- and any task RUNNING for longer than TASK_STALL_SECONDS, whatever its worker (a machine that died
  and never came back), from the same command (also run by cerobio-requeue-tasks.timer).

A requeued task runs again, so every task must be safe to repeat: the order emails are, through
their idempotency mark on the order (cerobio/shop/orders/emails.py).
"""

from __future__ import annotations

import datetime
import logging

from django.conf import settings
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

log = logging.getLogger("cerobio.tasks")


def requeue_interrupted(worker_id: str = "", now: datetime.datetime | None = None) -> int:
    """Put interrupted RUNNING tasks back in the queue (see the module); returns how many."""
    now = now or timezone.now()
    stalled_since = now - datetime.timedelta(seconds=settings.TASK_STALL_SECONDS)
    interrupted = [
        task.pk
        for task in DBTaskResult.objects.running().only("pk", "started_at", "worker_ids")
        if (worker_id and task.worker_ids and task.worker_ids[-1] == worker_id)
        or (task.started_at is not None and task.started_at < stalled_since)
    ]
    if not interrupted:
        return 0
    # Only rows still RUNNING: a task that finished in the meantime stays finished.
    count = DBTaskResult.objects.filter(pk__in=interrupted, status=TaskResultStatus.RUNNING).update(
        status=TaskResultStatus.READY, started_at=None
    )
    if count:
        log.warning("put %d interrupted background task(s) back in the queue", count)
    return count
