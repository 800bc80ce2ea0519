"""Real outages for tests: a database that refuses connections, a Redis that is not there or dies."""

from __future__ import annotations

import contextlib
import shutil
import socket
import subprocess
import time

from django.db import connections


def closed_port() -> int:
    """A local TCP port with nothing listening on it (bound, then released)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def database_down(alias: str = "default"):
    """Swap the connection for one that cannot connect: PostgreSQL on a closed port, SQLite in a missing folder.

    The test's own connection (and its transaction) is put aside untouched and comes back afterwards.
    """
    original = connections[alias]
    settings = {**original.settings_dict}
    if original.vendor == "postgresql":
        settings.update(HOST="127.0.0.1", PORT=str(closed_port()))
        settings["OPTIONS"] = {**settings.get("OPTIONS", {}), "connect_timeout": 2}
    else:
        settings["NAME"] = "/nonexistent-cerobio-outage/db.sqlite3"
    broken = original.__class__(settings, alias)
    connections[alias] = broken
    try:
        yield broken
    finally:
        broken.close()
        connections[alias] = original


class RedisServer:
    """A throwaway redis-server on a free local port (needs the redis-server binary)."""

    def __init__(self):
        binary = shutil.which("redis-server")
        if binary is None:
            raise FileNotFoundError("redis-server is not installed")
        self.port = closed_port()
        self.process = subprocess.Popen(
            [
                binary,
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return
            except OSError:
                time.sleep(0.05)
        self.stop()
        raise RuntimeError("redis-server did not start")

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)
