"""Production's task queue (cerobio/core/tasks.py): the library's database backend, its INSERT prepared.

The row a task is queued as must be the one django-tasks-db writes itself, or the worker would not
find it, run it in the wrong order, or run it at the wrong time.
"""

import datetime

import pytest
from django.test import override_settings
from django.utils import timezone
from django_tasks import task
from django_tasks_db.backend import DatabaseBackend as LibraryBackend
from django_tasks_db.models import DBTaskResult

from cerobio.core.tasks import DatabaseBackend

QUEUES = {
    "default": {"BACKEND": "cerobio.core.tasks.DatabaseBackend", "QUEUES": ["default", "slow"]},
    "library": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default", "slow"]},
}


@task()
def noted(text: str, n: int = 0) -> str:
    return f"{text} {n}"


def _row(result_id):
    fields = [f.attname for f in DBTaskResult._meta.concrete_fields if f.attname not in ("id", "enqueued_at")]
    return DBTaskResult.objects.filter(id=result_id).values(*fields).get()


@pytest.mark.django_db
@override_settings(TASKS=QUEUES)
def test_a_task_is_queued_as_the_library_queues_it():
    later = timezone.now() + datetime.timedelta(hours=1)
    for variant in (
        noted,
        noted.using(priority=5, queue_name="slow"),
        noted.using(run_after=later),
    ):
        before = timezone.now()
        ours = variant.using(backend="default").enqueue("hello", n=3)
        theirs = variant.using(backend="library").enqueue("hello", n=3)
        assert isinstance(ours.task.get_backend(), DatabaseBackend)
        assert type(theirs.task.get_backend()) is LibraryBackend
        assert {**_row(ours.id), "backend_name": None} == {**_row(theirs.id), "backend_name": None}
        assert _row(ours.id)["backend_name"] == "default"
        stored = DBTaskResult.objects.get(id=ours.id)
        assert before <= stored.enqueued_at <= timezone.now()
        # The result the caller gets back is the stored row's, as the library's.
        assert (ours.status, ours.args, ours.kwargs) == (theirs.status, ["hello"], {"n": 3})
        assert stored.task_result.id == ours.id


def test_the_queue_row_has_no_post_save_receiver_to_miss():
    """Only pre_save is sent (as save() sends it); a post_save receiver would silently not run."""
    from django.db.models.signals import post_save

    assert not post_save.has_listeners(DBTaskResult)


@pytest.mark.django_db
@override_settings(TASKS=QUEUES)
def test_the_worker_runs_a_task_queued_here():
    queued = noted.using(backend="default").enqueue("ran", n=1)
    row = DBTaskResult.objects.ready().filter(backend_name="default").get()
    assert str(row.id) == queued.id
    assert row.task.call(*row.args_kwargs["args"], **row.args_kwargs["kwargs"]) == "ran 1"
