"""deploy/gunicorn.conf.py: everything from the environment, and a clear refusal when production is not configured."""

import os
import runpy
import subprocess
import sys
from pathlib import Path

import pytest

from . import stack

pytestmark = pytest.mark.deploy

CONF = str(stack.REPO / "deploy" / "gunicorn.conf.py")
REQUIRED = {
    "SECRET_KEY": "k",
    "DATABASE_URL": "postgres://x@127.0.0.1/x",
    "ALLOWED_HOSTS": "cerobio.example",
}


def test_settings_come_from_the_environment(monkeypatch):
    for name, value in {
        **REQUIRED,
        "HOST": "0.0.0.0",  # noqa: S104 - an app server on its own machine
        "PORT": "8123",
        "WEB_CONCURRENCY": "5",
    }.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("DJANGO_SETTINGS_MODULE", "cerobio.settings.production")
    conf = runpy.run_path(CONF)
    assert conf["bind"] == "0.0.0.0:8123" and conf["workers"] == 5
    assert conf["preload_app"] is True and conf["accesslog"] is None
    assert conf["max_requests"] > 0 and 0 < conf["max_requests_jitter"] < conf["max_requests"]
    assert conf["graceful_timeout"] >= 10 and conf["timeout"] >= 10


def test_defaults_listen_on_localhost_with_two_workers(monkeypatch):
    for name in ("HOST", "PORT", "WEB_CONCURRENCY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("DJANGO_SETTINGS_MODULE", "cerobio.settings.dev")
    conf = runpy.run_path(CONF)
    assert conf["bind"] == "127.0.0.1:8000" and conf["workers"] == 2


def test_production_without_its_settings_is_refused_clearly():
    gunicorn = str(Path(sys.executable).with_name("gunicorn"))
    env = {k: v for k, v in os.environ.items() if k not in {*REQUIRED, "DJANGO_SETTINGS_MODULE"}}
    env.update(DJANGO_SETTINGS_MODULE="cerobio.settings.production", SECRET_KEY="k")
    result = subprocess.run(
        [gunicorn, "--config", CONF],
        cwd=stack.REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode != 0
    assert "set DATABASE_URL, ALLOWED_HOSTS before starting gunicorn" in result.stderr


def test_production_refuses_to_start_while_a_deployment_check_fails(tmp_path):
    """A database nobody has migrated yet (cerobio.shop.E002: no shop settings to read): gunicorn exits
    before serving. Which check fails does not matter here; each has its own tests."""
    import secrets

    production = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(tmp_path),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "DJANGO_SETTINGS_MODULE": "cerobio.settings.production", "SECRET_KEY": secrets.token_urlsafe(60),
        "ALLOWED_HOSTS": "cerobio.example", "REDIS_URL": "redis://127.0.0.1:6379/15", "PORT": "8739",
    }
    gunicorn = str(Path(sys.executable).with_name("gunicorn"))
    result = subprocess.run(
        [gunicorn, "--config", CONF], cwd=stack.REPO, env=production, capture_output=True, text=True,
        timeout=120, check=False,
    )
    assert result.returncode != 0
    assert "not starting, a deployment check failed" in result.stderr
    assert "cerobio.shop.E002" in result.stderr and "Listening at" not in result.stderr
