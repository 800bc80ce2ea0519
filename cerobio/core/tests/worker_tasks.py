"""A background task for the task worker's tests: it notes each run in a file, after an optional pause."""

import time
from pathlib import Path

from django_tasks import task


@task()
def note_run(path: str, label: str, seconds: float = 0) -> None:
    """Wait `seconds` (a task in progress), then append `label` to the file at `path`."""
    time.sleep(seconds)
    with Path(path).open("a") as runs:
        runs.write(label + "\n")
