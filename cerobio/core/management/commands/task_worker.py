"""`manage.py task_worker`: django-tasks-db's `db_worker` that carries on when the database connection is lost.

The library's worker exits on the first `OperationalError` or `InterfaceError` (a restart, a failover,
a connection killed by `pg_terminate_backend`). This command takes the same options and runs the same
worker; when the connection is lost it closes the broken connections, logs one warning, waits (1 s,
2 s, 4 s ... at most 30 s while the database stays away), puts back in the queue the task it was
running (cerobio/core/task_recovery.py) and starts the worker again, in the same process. Every start
puts back this worker id's interrupted tasks first, so a worker restarted by its supervisor (systemd,
deploy/serve.sh: still the second line of defence, for a crash) does the same.

A task whose completion could not be recorded runs again: tasks must be safe to repeat (the order
emails are, docs/deploy.md "When a worker dies").
"""

from __future__ import annotations

import logging
import time

from django.db import connections
from django_tasks_db.management.commands.db_worker import Command as DatabaseWorkerCommand

from cerobio.core.outage import DATABASE_ERRORS
from cerobio.core.task_recovery import requeue_interrupted

log = logging.getLogger("cerobio.tasks")
FIRST_WAIT = 1
LONGEST_WAIT = 30
# A worker that ran this long since it last (re)connected starts its waits from FIRST_WAIT again.
SETTLED_SECONDS = 60


class Command(DatabaseWorkerCommand):
    help = (
        "Run the background task worker (django-tasks-db's db_worker, same options); it reconnects and "
        "carries on when the database connection is lost."
    )

    def handle(self, *args, **options):
        wait = FIRST_WAIT
        while True:
            started = time.monotonic()
            try:
                requeue_interrupted(options["worker_id"])
                return super().handle(*args, **options)
            except DATABASE_ERRORS as exc:
                if time.monotonic() - started > SETTLED_SECONDS:
                    wait = FIRST_WAIT
                first_line = (str(exc).strip().splitlines() or [""])[0]
                log.warning(
                    "task worker %s lost the database (%s: %s); reconnecting in %d s",
                    options["worker_id"], type(exc).__name__, first_line, wait,
                )  # fmt: skip
                connections.close_all()
                time.sleep(wait)
                wait = min(wait * 2, LONGEST_WAIT)
