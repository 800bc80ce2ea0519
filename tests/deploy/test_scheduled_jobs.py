"""The systemd timers in deploy/systemd run commands that exist, at times systemd understands."""

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.core.management import get_commands

SYSTEMD = Path(__file__).resolve().parents[2] / "deploy" / "systemd"
TIMERS = sorted(SYSTEMD.glob("*.timer"))


def test_the_shop_and_editorial_jobs_are_scheduled():
    scheduled = {re.search(r"^Unit=cerobio-task@(\w+)\.service$", t.read_text(), re.M).group(1) for t in TIMERS}
    assert {"release_unpaid_orders", "send_review_reminders", "purge_contact_messages", "prune_db_task_results",
            "requeue_stalled_tasks"} <= scheduled


def test_the_worker_unit_restarts_on_its_own_with_a_fixed_worker_id():
    """The worker rides out a lost database connection itself (manage.py task_worker); a worker process that
    stops is started again by systemd for as long as it takes, with the same id, so it first puts back the
    task the old one was running. The web unit is separate."""
    worker = (SYSTEMD / "cerobio-worker.service").read_text()
    assert re.search(r"^Restart=always$", worker, re.M) and re.search(r"^StartLimitIntervalSec=0$", worker, re.M)
    assert re.search(r"^ExecStart=\S+ manage.py task_worker --worker-id %H-%N$", worker, re.M)
    web = (SYSTEMD / "cerobio-web.service").read_text()
    assert "task_worker" not in web and re.search(r"^Restart=on-failure$", web, re.M)


@pytest.mark.parametrize("timer", TIMERS, ids=lambda p: p.name)
def test_each_timer_runs_a_real_command_on_a_valid_calendar(timer):
    text = timer.read_text()
    command = re.search(r"^Unit=cerobio-task@(\w+)\.service$", text, re.M).group(1)
    assert command in get_commands(), f"{timer.name} runs manage.py {command}, which does not exist"
    assert (SYSTEMD / "cerobio-task@.service").exists()
    calendar = re.search(r"^OnCalendar=(.+)$", text, re.M).group(1)
    if shutil.which("systemd-analyze") is None:
        pytest.skip("systemd-analyze is not installed")
    checked = subprocess.run(["systemd-analyze", "calendar", calendar], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr
