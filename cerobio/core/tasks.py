"""The production task queue: django-tasks-db's database backend, with its one write prepared.

Every paid order queues its confirmation email inside the checkout's transaction, so enqueuing is
on the checkout's path. The library writes the task's row with `objects.create()`, which builds the
INSERT anew each time; here the same row is written by a `PreparedInsert` (cerobio/core/prepared.py:
written once per process and, on PostgreSQL, a prepared statement). Everything else (the row's
values, validation, the `task_enqueued` signal, the worker) is the library's, and `pre_save` is sent
as `save()` sends it: the library's receiver turns "no run_after" into its far-future date.
`cerobio/core/tests/test_task_queue.py` checks that the row is the one the library writes.
"""

from __future__ import annotations

from django.db import router
from django.db.models.signals import pre_save
from django_tasks_db.backend import DatabaseBackend as LibraryBackend
from django_tasks_db.compat import normalize_json
from django_tasks_db.models import DBTaskResult

from cerobio.core.prepared import PreparedInsert

_INSERT_TASK = PreparedInsert(DBTaskResult)


class DatabaseBackend(LibraryBackend):
    def _task_to_db_task(self, task, args, kwargs) -> DBTaskResult:
        # The library's own values (django_tasks_db/backend.py, _task_to_db_task), one prepared INSERT.
        row = DBTaskResult(
            id=self._get_id(),
            args_kwargs=normalize_json({"args": args, "kwargs": kwargs}),
            priority=task.priority,
            task_path=task.module_path,
            queue_name=task.queue_name,
            run_after=task.run_after,
            backend_name=self.alias,
        )
        using = router.db_for_write(DBTaskResult, instance=row)
        pre_save.send(sender=DBTaskResult, instance=row, raw=False, using=using, update_fields=None)
        return _INSERT_TASK(row, using=using)
