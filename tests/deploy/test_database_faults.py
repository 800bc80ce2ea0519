"""Database blips under load: `deploy/serve.sh` (what `make serve` runs) keeps serving and loses nothing.

The stack is serve.sh itself on a copy of the demo database: gunicorn and the task worker, with
the order emails written to files. Checkout clients run while the task worker is killed outright
once (serve.sh starts another) and then every application connection to PostgreSQL is terminated
several times (pg_terminate_backend, as a failover or a restart does). Each client repeats its
request with the same Idempotency-Key until it gets a final answer, as the API tells clients to.

Afterwards: the site answers 200, the worker started after the kill is still the same process (it
rode out every lost connection), every checkout answered 201 is a paid order, each key made at
most one order, stock went down by exactly what was paid for, no background task is left running
or waiting, and each paid order got exactly one confirmation email.
"""

from __future__ import annotations

import json
import os
import signal
import threading
import time
import uuid
from collections import Counter
from pathlib import Path

import psycopg
import pytest

from ..databases import copy_database, drop_database
from . import stack
from .conftest import REDIS_URL, _flush_redis, requires_postgres

pytestmark = [pytest.mark.deploy, pytest.mark.django_db, requires_postgres]

SKU = "CRB-KIT-STD"
CLIENTS = 6
CHECKOUTS_PER_CLIENT = 4
BLIPS = 4
FINAL = {201, 402, 409, 422}


def _body() -> dict:
    return {
        "email": "fault@example.com",
        "shipping_address": {"name": "Ann Example", "line1": "1 High Street", "city": "London",
                             "postcode": "SW1A 1AA", "country": "GB"},
        "shipping_method": "uk-standard", "accept_terms": True,
        "payment": {"method": "dummy", "card_number": "4242424242424242"},
    }  # fmt: skip


class Serve:
    """deploy/serve.sh running in its own process group, with its output in a log file."""

    def __init__(self, env: dict, folder: Path):
        self.log_path = folder / "serve.log"
        self.process = stack.Process("serve", ["deploy/serve.sh"], env, folder)

    def alive(self) -> bool:
        return self.process.popen.poll() is None

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")


@pytest.fixture
def served(ports, static_root, demo_database, tmp_path):
    name = f"cerobio_faults_{os.getpid()}"
    database_url = copy_database(demo_database, name)
    _flush_redis(REDIS_URL)
    mail_dir = tmp_path / "mail"
    mail_dir.mkdir()
    env = stack.production_env(
        database_url=database_url, redis_url=REDIS_URL, static_root=static_root, media_root=tmp_path / "media",
        cert=None, EMAIL_BACKEND="django.core.mail.backends.filebased.EmailBackend", EMAIL_FILE_PATH=mail_dir,
        PORT=ports.spare, HOST="127.0.0.1", WEB_CONCURRENCY="2", PAYMENT_ATTEMPT_SECONDS="3",
        WORKER_ID=f"faults-{os.getpid()}",
        # Every client is 127.0.0.1 here: the per-address limits would otherwise stop the test, not a fault.
        CHECKOUT_RATE_LIMIT="100000/60", BASKET_RATE_LIMIT="100000/60",
    )  # fmt: skip
    env.pop("SITE_URL")
    serve = Serve(env, tmp_path)
    try:
        stack.wait_until_serving(serve.process, ports.spare, timeout=180)
        yield serve, database_url, mail_dir, ports.spare, env["WORKER_ID"]
    except BaseException:
        print(serve.log()[-6000:])
        raise
    finally:
        serve.process.stop(signal.SIGINT, timeout=60)
        drop_database(name)


def _call(port, method, path, payload=None, headers=None):
    body = json.dumps(payload).encode() if payload is not None else None
    try:
        response = stack.request(
            port, path, https=False, method=method, body=body, timeout=20,
            headers={"Content-Type": "application/json", **(headers or {})},
        )  # fmt: skip
    except OSError:
        return 0, None
    try:
        return response.status, json.loads(response.body or b"null")
    except ValueError:
        return response.status, None


SEEN: Counter = Counter()  # every answer the clients got, final or not (printed with -s)


def _until_answered(port, method, path, payload=None, headers=None, ok=FINAL, deadline=90.0):
    """Repeat the same request (same key) until a final answer, as a careful client would."""
    stop = time.monotonic() + deadline
    while True:
        status, body = _call(port, method, path, payload, headers)
        SEEN[status] += 1
        if status in ok or time.monotonic() > stop:
            return status, body
        wait = (body or {}).get("retry_after") if isinstance(body, dict) else None
        time.sleep(min(float(wait or 0.5), 3))


def _shopper(port, results, errors, done):
    """At least CHECKOUTS_PER_CLIENT checkouts, and more until `done` is set (load during every fault)."""
    count = 0
    while count < CHECKOUTS_PER_CLIENT or not done.is_set():
        count += 1
        try:
            status, basket = _until_answered(port, "POST", "/api/v1/baskets", ok={201})
            assert status == 201, (status, basket)
            token = basket["token"]
            status, _ = _until_answered(port, "POST", f"/api/v1/baskets/{token}/lines", {"sku": SKU, "quantity": 2}, ok={201, 409})
            assert status in (201, 409), status
            key = f"fault-{uuid.uuid4().hex}"
            status, body = _until_answered(
                port, "POST", f"/api/v1/baskets/{token}/checkout", _body(), {"Idempotency-Key": key}
            )
            results.append((key, status, body))
        except Exception as exc:  # reported by the test, not lost in a thread
            errors.append(repr(exc))


def _terminate_app_connections(database_url: str) -> int:
    name = database_url.rsplit("/", 1)[1]
    admin = database_url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as conn:
        rows = conn.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()",
            [name],
        ).fetchall()
    return len(rows)


def _worker_pids(worker_id: str) -> list[int]:
    pids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                cmdline = (entry / "cmdline").read_bytes().split(b"\x00")
            except OSError:
                continue
            if b"task_worker" in cmdline and worker_id.encode() in cmdline:
                pids.append(int(entry.name))
    return sorted(pids)


def _query(database_url: str, sql: str, params=()) -> list:
    with psycopg.connect(database_url, autocommit=True) as conn:
        return conn.execute(sql, params).fetchall()


def test_checkouts_survive_database_blips_and_a_killed_worker(served):
    serve, database_url, mail_dir, port, worker_id = served
    (stock_before,) = _query(
        database_url,
        "SELECT s.quantity FROM shop_stock s JOIN shop_productvariant v ON v.id = s.variant_id WHERE v.sku = %s",
        [SKU],
    )[0]

    results, errors, done = [], [], threading.Event()
    shoppers = [threading.Thread(target=_shopper, args=(port, results, errors, done)) for _ in range(CLIENTS)]
    for thread in shoppers:
        thread.start()
    # A crash, not a clean stop: serve.sh starts another worker (with the same id) a few seconds later.
    time.sleep(1.5)
    crashed = _worker_pids(worker_id)
    assert crashed, serve.log()[-4000:]
    for pid in crashed:
        os.kill(pid, signal.SIGKILL)
    deadline = time.monotonic() + 90
    while not (set(_worker_pids(worker_id)) - set(crashed)) and time.monotonic() < deadline:
        time.sleep(0.5)
    restarted = _worker_pids(worker_id)
    assert restarted and not set(restarted) & set(crashed), "the task worker was not started again:\n" + serve.log()[-4000:]
    time.sleep(3)  # the new worker is connected and working through the queue
    killed = 0
    for _blip in range(BLIPS):
        killed += _terminate_app_connections(database_url)
        time.sleep(1.5)
    done.set()
    for thread in shoppers:
        thread.join(240)
    assert not errors, errors
    assert killed > 0, "no application connection was there to terminate"
    print(f"\nfault test: {killed} connections terminated in {BLIPS} blips; answers seen {dict(SEEN)}")

    # The web server never went down with the worker; the worker came back after the crash and then rode
    # out every lost connection in the same process.
    assert serve.alive(), serve.log()[-4000:]
    status, _ = _call(port, "GET", "/what-is-milia/")
    assert status == 200
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        waiting = _query(
            database_url, "SELECT count(*) FROM django_tasks_database_dbtaskresult WHERE status IN ('READY', 'RUNNING')"
        )[0][0]
        if waiting == 0 and _worker_pids(worker_id):
            break
        time.sleep(1)
    assert _worker_pids(worker_id) == restarted, "the task worker did not ride out the blips:\n" + serve.log()[-4000:]
    assert serve.log().count("the task worker stopped") == 1, serve.log()[-4000:]  # only after the kill
    running = _query(database_url, "SELECT task_path, status FROM django_tasks_database_dbtaskresult WHERE status IN ('READY', 'RUNNING')")
    assert running == [], running

    assert len(results) >= CLIENTS * CHECKOUTS_PER_CLIENT
    keys = [key for key, _status, _body in results]
    orders = {
        key: (number, paid)
        for key, number, paid in _query(
            database_url,
            "SELECT idempotency_key, number, paid_at IS NOT NULL FROM orders_order WHERE idempotency_key = ANY(%s)",
            [keys],
        )
    }
    created = [(key, body) for key, status, body in results if status == 201]
    assert created, results
    for key, body in created:
        assert orders[key] == (body["order_number"], True), (key, body)  # every 201 is a paid order
    for key, status, body in results:
        assert status in FINAL, (key, status, body)
        if key in orders and not orders[key][1]:
            assert status != 201
    # Each key made at most one order (also the unique constraint's job) ...
    per_key = _query(database_url, "SELECT idempotency_key, count(*) FROM orders_order GROUP BY 1 HAVING count(*) > 1")
    assert per_key == []
    # ... stock went down by exactly what was paid for ...
    (sold,) = _query(
        database_url,
        "SELECT coalesce(sum(l.quantity), 0) FROM orders_orderline l JOIN orders_order o ON o.id = l.order_id "
        "WHERE o.paid_at IS NOT NULL AND l.sku = %s",
        [SKU],
    )[0]
    (stock_after,) = _query(
        database_url,
        "SELECT s.quantity FROM shop_stock s JOIN shop_productvariant v ON v.id = s.variant_id WHERE v.sku = %s",
        [SKU],
    )[0]
    assert stock_before - stock_after == sold
    # ... and each paid order got exactly one confirmation.
    paid_numbers = [number for number, paid in orders.values() if paid]
    subjects = []
    for message in mail_dir.iterdir():
        subjects += [line for line in message.read_text(errors="replace").splitlines() if line.startswith("Subject:")]
    for number in paid_numbers:
        confirmations = [s for s in subjects if number in s and "confirmed" in s]
        assert len(confirmations) == 1, (number, confirmations)
