"""`systemctl reload cerobio-web` (SIGHUP to gunicorn) under load: new workers, and not one failed request."""

import os
import signal
import threading
import time

import pytest

from . import stack
from .conftest import requires_nginx, requires_postgres

pytestmark = [pytest.mark.deploy, pytest.mark.django_db, requires_nginx, requires_postgres]

PATHS = ["/what-is-milia/", "/robots.txt", "/types/milia-en-plaque/", "/api/v1/products"]


def _hammer(port: int, stop: threading.Event, results: list, index: int) -> None:
    """Request pages from the app server, one new connection each time, until told to stop."""
    n = 0
    while not stop.is_set():
        path = PATHS[(index + n) % len(PATHS)]
        n += 1
        try:
            response = stack.request(
                port, path, https=False, headers={"X-Forwarded-Proto": "https"}, timeout=60
            )
            results.append((time.monotonic(), path, response.status))
        except OSError as exc:
            results.append((time.monotonic(), path, repr(exc)))


def _booted_workers(server) -> int:
    return server.log().count("Booting worker with pid")


def test_sighup_replaces_the_workers_without_failing_a_request(deploy_stack):
    server, port = deploy_stack.apps[0], deploy_stack.ports.apps[0]
    workers_before = _booted_workers(server)
    stop, results = threading.Event(), []
    threads = [threading.Thread(target=_hammer, args=(port, stop, results, i)) for i in range(4)]
    for thread in threads:
        thread.start()
    try:
        while len(results) < 4:  # the load is on
            time.sleep(0.1)
        reloaded_at = time.monotonic()
        os.kill(server.pid, signal.SIGHUP)  # what ExecReload in cerobio-web.service sends
        deadline = time.monotonic() + 60
        while _booted_workers(server) < workers_before + 2 and time.monotonic() < deadline:
            time.sleep(0.2)
        booted_at = time.monotonic()
        while sum(1 for r in results if r[0] > booted_at) < 8 and time.monotonic() < deadline:
            time.sleep(0.2)  # keep the load on while the old workers finish and the new ones serve
    finally:
        stop.set()
        for thread in threads:
            thread.join(70)
    failures = [r for r in results if r[2] != 200]
    assert _booted_workers(server) >= workers_before + 2, "HUP started new workers"
    assert sum(1 for r in results if r[0] > reloaded_at) >= 8, (
        "requests kept coming during and after the reload"
    )
    assert not failures, (
        f"{len(failures)} of {len(results)} requests failed: {failures[:5]}\n{server.log()[-3000:]}"
    )
    assert server.popen.poll() is None, "the master keeps running"
