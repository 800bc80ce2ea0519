"""Fixtures for the deploy tests: a copy of the test database, collected static files, and the stack.

The stack (session-wide, started by the first test that asks for it): two gunicorn app servers with
production settings on one PostgreSQL database and one Redis database, behind one nginx running
deploy/nginx/cerobio.conf with a self-signed certificate. When django-tasks-db is installed the task
worker runs too (cache refreshes then go through it, as in production).
"""

from __future__ import annotations

import os
import shutil
import signal
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from ..databases import copy_database, database_as_built, drop_database
from . import stack

DATABASE_URL = os.environ.get("DATABASE_URL", "")
ON_POSTGRES = DATABASE_URL.startswith(("postgres://", "postgresql://"))
REDIS_URL = os.environ.get("DEPLOY_TEST_REDIS_URL", "redis://127.0.0.1:6379/7")

# CI sets REQUIRE_NGINX=1: there a missing nginx fails the deploy tests instead of skipping them.
requires_nginx = pytest.mark.skipif(
    stack.nginx_binary() is None and not os.environ.get("REQUIRE_NGINX"),
    reason="nginx is not installed (apt-get install nginx; .ci/run installs it)",
)
requires_postgres = pytest.mark.skipif(
    not ON_POSTGRES,
    reason="the production stack runs on PostgreSQL: set DATABASE_URL=postgres://... (CI's PostgreSQL pass does)",
)


def _port_offset() -> int:
    """Each pytest-xdist worker gets its own ten ports in 8650-8669."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0")
    index = int(worker[2:]) if worker[2:].isdigit() else 0
    if index > 1:
        pytest.skip("deploy tests use ports 8650-8669: run them with at most two xdist workers")
    return index * 10


@dataclass
class Ports:
    http: int
    https: int
    apps: tuple[int, int]
    spare: int


@pytest.fixture(scope="session")
def ports() -> Ports:
    offset = _port_offset()
    ports = Ports(
        stack.HTTP_PORT + offset, stack.HTTPS_PORT + offset, tuple(p + offset for p in stack.APP_PORTS),
        stack.SPARE_APP_PORT + offset,
    )  # fmt: skip
    busy = [
        p for p in (ports.http, ports.https, *ports.apps, ports.spare) if not stack.port_is_free(p)
    ]
    if busy:
        pytest.fail(
            f"ports {busy} are already in use: is another deploy test run (or server) still going?"
        )
    return ports


@pytest.fixture(scope="session")
def static_root() -> Path:
    """collectstatic with the production storage, kept in .local/ so that later runs only re-hash."""
    root = stack.REPO / ".local" / "deploy-tests" / "static"
    manifest = root / "staticfiles.json"
    sources = [stack.REPO / "requirements" / "base.lock"]
    sources += [
        p for d in stack.REPO.glob("cerobio/**/static") for p in d.rglob("*") if p.is_file()
    ]
    if not manifest.exists() or max(p.stat().st_mtime for p in sources) > manifest.stat().st_mtime:
        env = stack.production_env(
            database_url="postgres://unused@127.0.0.1/unused", redis_url="", static_root=root,
            media_root=root.parent / "media", cert=None,
        )  # fmt: skip
        stack.manage(env, "collectstatic", "--noinput", timeout=600)
    return root


@dataclass
class Stack:
    """The running stack: where things are, and how to reach them."""

    ports: Ports
    folder: Path
    env: dict  # the app servers' environment (for manage.py commands "on" them)
    database_url: str
    media_root: Path
    static_root: Path
    apps: list = field(default_factory=list)
    nginx: stack.Process | None = None
    worker: stack.Process | None = None
    shell: stack.Shell | None = None

    def get(self, path: str, **kwargs) -> stack.Response:
        """Through nginx over https."""
        return stack.request(self.ports.https, path, **kwargs)

    def app(self, index: int, path: str, **kwargs) -> stack.Response:
        """Straight to app server A (0) or B (1), plain http as nginx speaks to it."""
        headers = {"X-Forwarded-Proto": "https", **kwargs.pop("headers", {})}
        return stack.request(self.ports.apps[index], path, https=False, headers=headers, **kwargs)

    def run(self, code: str) -> str:
        """Run Python code with Django set up as on the app servers (an editor's change, say)."""
        return self.shell.run(code)

    def logs(self) -> str:
        parts = []
        for process in [*self.apps, self.worker, self.nginx]:
            if process is not None:
                parts.append(f"--- {process.name} ---\n{process.log()[-4000:]}")
        error_log = self.folder / "error.log"
        if error_log.exists():
            parts.append(f"--- nginx error.log ---\n{error_log.read_text()[-4000:]}")
        return "\n".join(parts)


def _flush_redis(url: str) -> None:
    import redis

    redis.Redis.from_url(url, socket_connect_timeout=3).flushdb()


@pytest.fixture(scope="session")
def demo_database(django_db_setup) -> str:
    """The PostgreSQL database with the demo content as the test database was built (tests/databases.py),
    for the deploy tests to copy: nothing stays connected to it, unlike the test database.
    (Deploy tests carry the django_db mark so that pytest-django creates the test database.)
    """
    if not ON_POSTGRES:
        pytest.skip(requires_postgres.kwargs["reason"])
    return database_as_built()


@pytest.fixture(scope="session")
def deploy_stack(ports, static_root, demo_database, tmp_path_factory):
    """nginx in front of two gunicorn app servers (A and B) sharing PostgreSQL and Redis."""
    if stack.nginx_binary() is None:
        if os.environ.get("REQUIRE_NGINX"):
            pytest.fail("REQUIRE_NGINX=1 but nginx is not installed (apt-get install nginx)")
        pytest.skip(requires_nginx.kwargs["reason"])
    began = time.monotonic()
    folder = tmp_path_factory.mktemp("stack")
    name = f"cerobio_deploy_stack_{os.getpid()}"
    database_url = copy_database(demo_database, name)
    _flush_redis(REDIS_URL)
    media_root = folder / "media"
    media_root.mkdir()
    mail_dir = folder / "mail"  # the emails the stack sends, one file each
    mail_dir.mkdir()
    cert, key = stack.make_certificate(folder)
    env = stack.production_env(
        database_url=database_url, redis_url=REDIS_URL, static_root=static_root, media_root=media_root, cert=cert,
        https_port=ports.https, EMAIL_BACKEND="django.core.mail.backends.filebased.EmailBackend",
        EMAIL_FILE_PATH=mail_dir,
    )  # fmt: skip
    running = Stack(ports, folder, env, database_url, media_root, static_root)
    try:
        site = stack.render_site_config(
            folder, static_root=static_root, media_root=media_root, upstreams=ports.apps, cert=cert, key=key,
            http_port=ports.http, https_port=ports.https,
        )  # fmt: skip
        conf = stack.write_nginx_config(folder, site, brotli=stack.BROTLI_MODULE.exists())
        running.shell = stack.Shell(env)
        servers = stack.start_servers(folder, env, app_ports=ports.apps, nginx_conf=conf, nginx_port=ports.https)
        running.apps, running.worker, running.nginx = servers.apps, servers.worker, servers.nginx
        if os.environ.get("DEPLOY_TEST_TIMINGS"):
            print(f"stack up in {time.monotonic() - began:.1f}s")
        yield running
    except BaseException:
        print(running.logs())
        raise
    finally:
        started = time.monotonic()
        if running.shell is not None:
            running.shell.stop()
        for process in [running.nginx, running.worker]:
            if process is not None:
                process.stop()
        for app in running.apps:
            app.stop(signal.SIGINT)  # gunicorn's quick shutdown: nothing is in flight any more
        stopped = time.monotonic()
        drop_database(name)
        if os.environ.get("DEPLOY_TEST_TIMINGS"):
            print(f"stack stop {stopped - started:.1f}s, drop {time.monotonic() - stopped:.1f}s")
        shutil.rmtree(folder / "cache", ignore_errors=True)
