"""Processor time of the bench stack's own processes, taken around each checkout run of `make bench`.

    cpu.py snapshot OUT.json --gunicorn PID --worker PID --nginx PID
    cpu.py wait-for-emails [SECONDS]

A snapshot holds seconds of processor time (user + system, from /proc/<pid>/stat) for
- gunicorn, the task worker (`manage.py task_worker`) and nginx: each started process and every
  process under it, finished ones included (the kernel adds a reaped child's time to its parent's,
  so a worker gunicorn recycled still counts);
- PostgreSQL: each backend connected to the bench database (pg_stat_activity), by pid, so other
  databases on the same server (someone's test suite) are left out;
and the paid orders in the bench database, the order emails still waiting for the task worker, and
the machine's busy time (/proc/stat) to tell the stack's share from everything else on the machine.
tools/bench/report.py turns two snapshots into processor time per paid order.

`wait-for-emails` waits until the task worker has sent every queued order email (at most SECONDS,
default 120), so the processor time the emails of a run's orders cost falls inside that run.
Uses DATABASE_URL (tools/bench/stack.sh sets it to the bench database). No Django here.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

import psycopg

TICKS = os.sysconf("SC_CLK_TCK")
EMAILS_WAITING = (
    "SELECT count(*) FROM django_tasks_database_dbtaskresult"
    " WHERE status IN ('READY', 'RUNNING') AND task_path LIKE '%.send_order_email'"
)


def processes() -> dict[int, tuple[int, float]]:
    """Every process on the machine: pid -> (parent pid, its own and its reaped children's CPU seconds)."""
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:  # ended while we looked
            continue
        # After the name: state, ppid, ... utime (index 11), stime, cutime, cstime.
        found[int(entry.name)] = (int(fields[1]), sum(int(f) for f in fields[11:15]) / TICKS)
    return found


def tree_seconds(table: dict[int, tuple[int, float]], root: int) -> float:
    """CPU seconds of `root` and every process under it (0 if it has gone)."""
    children: dict[int, list[int]] = {}
    for pid, (parent, _) in table.items():
        children.setdefault(parent, []).append(pid)
    total, todo = 0.0, [root]
    while todo:
        pid = todo.pop()
        if pid in table:
            total += table[pid][1]
            todo.extend(children.get(pid, []))
    return total


def machine_busy_seconds() -> float:
    """Processor time every core has spent on anything but idling since boot (/proc/stat)."""
    values = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:9]]
    idle, iowait = values[3], values[4]  # user nice system idle iowait irq softirq steal
    return (sum(values) - idle - iowait) / TICKS


def snapshot(database_url: str, roots: dict[str, int]) -> dict:
    with psycopg.connect(database_url, autocommit=True, connect_timeout=10) as db:
        table = processes()
        busy = machine_busy_seconds()
        backends = [
            pid for (pid,) in db.execute(
                "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
        ]  # fmt: skip
        paid = db.execute("SELECT count(*) FROM orders_order WHERE paid_at IS NOT NULL").fetchone()[0]
        waiting = db.execute(EMAILS_WAITING).fetchone()[0]
    return {
        "wall": time.time(),
        "groups": {name: tree_seconds(table, pid) for name, pid in roots.items()},
        "postgres": {str(pid): table[pid][1] for pid in backends if pid in table},
        "paid_orders": paid,
        "emails_waiting": waiting,
        "machine_busy": busy,
        "cores": os.cpu_count(),
    }


def wait_for_emails(database_url: str, seconds: float) -> int:
    """Wait until no order email is queued or being sent; return how many still are after `seconds`."""
    deadline = time.monotonic() + seconds
    with psycopg.connect(database_url, autocommit=True, connect_timeout=10) as db:
        while True:
            waiting = db.execute(EMAILS_WAITING).fetchone()[0]
            if not waiting or time.monotonic() > deadline:
                return waiting
            time.sleep(0.2)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    snap = commands.add_parser("snapshot")
    snap.add_argument("out", type=Path)
    for name in ("gunicorn", "worker", "nginx"):
        snap.add_argument(f"--{name}", type=int, required=True)
    wait = commands.add_parser("wait-for-emails")
    wait.add_argument("seconds", type=float, nargs="?", default=120)
    args = parser.parse_args()
    # Without the query string: Django's OPTIONS there (BENCH_DB_OPTIONS) are no libpq parameters.
    database_url = urlsplit(os.environ["DATABASE_URL"])._replace(query="").geturl()
    if args.command == "snapshot":
        roots = {"gunicorn": args.gunicorn, "worker": args.worker, "nginx": args.nginx}
        args.out.write_text(json.dumps(snapshot(database_url, roots)) + "\n")
    elif waiting := wait_for_emails(database_url, args.seconds):
        print(f"cpu.py: {waiting} order emails still queued after {args.seconds:.0f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
