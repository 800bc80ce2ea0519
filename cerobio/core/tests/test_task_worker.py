"""The task worker survives a lost database connection in the same process (`manage.py task_worker`).

A real worker runs as a subprocess on the test database (PostgreSQL, with production's persistent
connections). Its connection is terminated with pg_terminate_backend several times, while it waits
for work and while it runs a task. It stays the same process, puts the interrupted task back and
runs it again, and then runs each new task exactly once.
"""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

import psycopg
import pytest
from django.conf import settings
from django.db import connection
from django.test import override_settings
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from cerobio.core.tests.worker_tasks import note_run

pytestmark = pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")),
    reason="Needs PostgreSQL: set DATABASE_URL=postgres://... (CI runs it)",
)
DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
WORKER_ID = "test-reconnecting-worker"


def _database_url() -> str:
    db = connection.settings_dict
    user = quote(db["USER"] or "") + (":" + quote(db["PASSWORD"]) if db["PASSWORD"] else "")
    return f"postgres://{user}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def _admin():
    return psycopg.connect(_database_url(), autocommit=True)


def _worker_backends(admin) -> list[int]:
    """The database sessions of the worker: every one on the test database but ours."""
    connection.ensure_connection()
    mine = [admin.info.backend_pid, connection.connection.info.backend_pid]
    rows = admin.execute(
        "SELECT pid FROM pg_stat_activity WHERE datname = %s AND pid <> ALL(%s)",
        [connection.settings_dict["NAME"], mine],
    ).fetchall()
    return [pid for (pid,) in rows]


def _terminate_worker_connection(admin) -> int:
    pids = _worker_backends(admin)
    for pid in pids:
        admin.execute("SELECT pg_terminate_backend(%s, 5000)", [pid])
    return len(pids)


def _until(condition, timeout=30.0, what="condition"):
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.05)


def _status(result) -> str:
    return DBTaskResult.objects.get(pk=result.id).status


@pytest.fixture
def worker(tmp_path):
    """`manage.py task_worker` in its own process, its output in a file."""
    log_path = tmp_path / "worker.log"
    env = {
        **os.environ, "DJANGO_SETTINGS_MODULE": "cerobio.core.tests.worker_settings", "DATABASE_URL": _database_url(),
        "DB_CONN_MAX_AGE": "600",  # production keeps its connection between polls
    }  # fmt: skip
    command = [
        sys.executable,
        "manage.py",
        "task_worker",
        "--worker-id",
        WORKER_ID,
        "--interval",
        "0.1",
        "--no-startup-delay",
    ]
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            command, cwd=settings.BASE_DIR, env=env, stdout=log, stderr=subprocess.STDOUT
        )
    try:
        yield process, log_path
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.mark.django_db(transaction=True)
@override_settings(TASKS=DATABASE_QUEUE)
def test_the_worker_reconnects_after_its_connection_is_terminated_and_runs_each_task_once(
    worker, tmp_path
):
    process, log_path = worker
    runs = tmp_path / "runs.txt"
    runs.touch()
    pid = process.pid
    with _admin() as admin:
        # Twice while it waits for work, each time once it has connected (again: it waits a
        # second or more before reconnecting).
        for _ in range(2):
            _until(lambda: _worker_backends(admin), what="the worker to connect")
            assert _terminate_worker_connection(admin) >= 1
        # Twice while it runs a task: the task's end cannot be recorded, so it goes back in the queue.
        interrupted = []
        for label in ("slow-1", "slow-2"):
            result = note_run.enqueue(str(runs), label, 2)
            _until(
                lambda result=result: _status(result) == TaskResultStatus.RUNNING,
                what=f"{label} to start",
            )
            assert _terminate_worker_connection(admin) >= 1
            interrupted.append(result)
        for result in interrupted:
            _until(
                lambda result=result: _status(result) == TaskResultStatus.SUCCESSFUL,
                60,
                "the interrupted task",
            )
        # New work afterwards.
        quick = [note_run.enqueue(str(runs), f"quick-{n}") for n in range(5)]
        for result in quick:
            _until(
                lambda result=result: _status(result) == TaskResultStatus.SUCCESSFUL,
                what="the new tasks",
            )

    log = log_path.read_text(errors="replace")
    assert process.poll() is None and process.pid == pid, log  # the same process, still running
    noted = Path(runs).read_text().split()
    assert {label: noted.count(label) for label in set(noted)} == {
        "slow-1": 2, "slow-2": 2,  # interrupted, put back, run again (tasks are safe to repeat)
        **{f"quick-{n}": 1 for n in range(5)},
    }  # fmt: skip
    assert DBTaskResult.objects.filter(status__in=["READY", "RUNNING"]).count() == 0
    assert log.count(f"task worker {WORKER_ID} lost the database") >= 2, log
    assert "put 1 interrupted background task(s) back in the queue" in log, log
    assert "Traceback" not in log, log
