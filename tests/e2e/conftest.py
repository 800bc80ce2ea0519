"""Browser journeys: a real server process over its own database, driven by Debian's Chromium.

A session-wide server (`manage.py runserver`) runs on a free port over a copy of the worker's test
database, which already holds the migrations and the demo content (pytest-django builds it once per
worker; conftest.py loads the demo): on PostgreSQL `CREATE DATABASE ... TEMPLATE`, on SQLite a copy
in a temporary file with sqlite3's backup. The media files are copied with it. Chromium comes from
CHROMIUM_PATH or /usr/bin/chromium; without it the browser tests are skipped with the reason shown,
unless REQUIRE_BROWSER=1 (as in CI), where a missing browser fails the run.
"""

import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from ..databases import DATABASE_URL, copy_test_database, copy_test_database_to_file, drop_database

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
SERVER_ENV: dict = {}  # the environment of the running test server (its DATABASE_URL), for manage()


def pytest_collection_modifyitems(items):
    for item in items:
        if "/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)
            # On PostgreSQL the server's database is a copy of the worker's test database, which
            # pytest-django builds only for a run with a test that uses it.
            item.add_marker(pytest.mark.django_db)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def server_url(request):
    """Start the site with the demo content; yield its base URL."""
    from django.conf import settings

    tmp = Path(tempfile.mkdtemp(prefix="cerobio-e2e-"))
    request.getfixturevalue("django_db_setup")
    if DATABASE_URL.startswith(("postgres://", "postgresql://")):
        name = f"{urlsplit(DATABASE_URL).path.lstrip('/')}_e2e{os.environ.get('PYTEST_XDIST_WORKER', '')}"
        database = copy_test_database(name)
    else:
        database = copy_test_database_to_file(tmp / "e2e.sqlite3")
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "cerobio.settings.test", "DATABASE_URL": database,
           "TEST_MEDIA_ROOT": str(tmp / "media")}
    if Path(settings.MEDIA_ROOT).exists():  # to the server's MEDIA_ROOT, as cerobio.settings.test makes it
        shutil.copytree(settings.MEDIA_ROOT, f"{tmp / 'media'}{os.environ.get('PYTEST_XDIST_WORKER', '')}")
    SERVER_ENV.update(env)
    yield from serve(env, tmp / "server.log")
    if not database.startswith("sqlite"):
        drop_database(name)


def serve(env: dict, log_path: Path, port: int | None = None):
    """Run `manage.py runserver` with `env` on `port` (default: a free one); yield its URL, then stop it."""
    port = port or free_port()
    log = open(log_path, "w")  # noqa: SIM115
    proc = subprocess.Popen(
        [sys.executable, str(ROOT / "manage.py"), "runserver", f"127.0.0.1:{port}", "--noreload"],
        env=env, stdout=log, stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120  # system checks and URL loading take a while on a busy machine
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url + "/robots.txt", timeout=2)
            break
        except OSError:
            if proc.poll() is not None:
                raise RuntimeError(log_path.read_text()) from None
            time.sleep(0.2)
    else:
        proc.kill()
        raise RuntimeError("The test server did not start within 120 s")
    yield url
    proc.terminate()
    proc.wait(timeout=10)
    log.close()


@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium driven by Playwright, one per file: Playwright's sync API runs an event loop
    in the test thread while it is open, and the tests that run after a browser file on the same
    worker (asgiref's async_to_sync, in django-health-check) must not find one."""
    if not Path(CHROMIUM).exists():
        reason = f"Chromium not found at {CHROMIUM} (install Debian's chromium or set CHROMIUM_PATH)"
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(reason)
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        instance = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield instance
        instance.close()


def _new_page(browser, viewport, javascript=True, touch=False):
    context = browser.new_context(viewport=viewport, java_script_enabled=javascript, has_touch=touch, is_mobile=touch)
    page = context.new_page()
    page.console_errors = []
    page.on("console", lambda msg: msg.type == "error" and page.console_errors.append(msg.text))
    page.on("pageerror", lambda exc: page.console_errors.append(str(exc)))
    return context, page


@pytest.fixture
def page(browser, server_url):
    """A phone-sized page with JavaScript on; console errors collected in page.console_errors."""
    context, pg = _new_page(browser, PHONE)
    pg.base_url = server_url
    yield pg
    context.close()


@pytest.fixture
def new_page(browser, server_url):
    """Factory for pages at a given viewport, with or without JavaScript, optionally a touch screen."""
    contexts = []

    def make(viewport=PHONE, javascript=True, touch=False):
        context, pg = _new_page(browser, viewport, javascript, touch)
        pg.base_url = server_url
        contexts.append(context)
        return pg

    yield make
    for context in contexts:
        context.close()


# Screenshots are for people to look at; nothing compares them. `make screenshots` (SCREENSHOTS=1)
# takes them; other runs skip them, and the tests that do nothing else.
MAKING_SCREENSHOTS = os.environ.get("SCREENSHOTS") == "1"
screenshots_only = pytest.mark.skipif(not MAKING_SCREENSHOTS, reason="screenshots only (make screenshots)")


def screenshot(page, name: str):
    """With SCREENSHOTS=1, save a full-page screenshot in test-artifacts/ (`name` may hold a folder)."""
    if MAKING_SCREENSHOTS:
        path = ARTIFACTS / f"{name}.png"
        path.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(path), full_page=True)


def axe_violations(page) -> list:
    """Run axe-core (WCAG 2.x A/AA + best practice tags) in the page; return violations."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(
        page,
        options={"resultTypes": ["violations"], "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]}},
    )
    return results.response["violations"]


def describe_violations(violations) -> str:
    return "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']} -> {[n['target'] for n in v['nodes']][:5]}" for v in violations
    )


_SCRIPT = re.compile(r"<script\b(?![^>]*application/ld\+json)[^>]*>.*?</script>", re.S | re.I)


def axe_violations_without_js(page) -> list:
    """axe-core over the page exactly as a reader without JavaScript has it.

    axe needs JavaScript, so the no-JS page's HTML is replayed, with its scripts removed, at the
    same address in a JavaScript-enabled page (styles and images load from the server as usual).
    """
    html = _SCRIPT.sub("", page.content())
    context = page.context.browser.new_context(viewport=page.viewport_size, java_script_enabled=True)
    try:
        replay = context.new_page()
        replay.route(page.url, lambda route: route.fulfill(status=200, content_type="text/html; charset=utf-8", body=html))
        replay.goto(page.url)
        return axe_violations(replay)
    finally:
        context.close()


def manage(*args, env=None) -> str:
    """Run a manage.py command against the browser tests' server database; return its output."""
    assert SERVER_ENV, "use the server_url fixture first"
    result = subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *args], env={**SERVER_ENV, **(env or {})},
        check=True, capture_output=True, text=True,
    )
    return result.stdout


def create_admin_user(username: str, password: str) -> None:
    """A superuser in the server's database, without two-factor authentication set up yet."""
    manage("createsuperuser", "--noinput", "--username", username, "--email", f"{username}@example.org",
           env={"DJANGO_SUPERUSER_PASSWORD": password})


ADMIN_SECOND_FACTORS: dict = {}  # username -> {"secret": base32 key, "backup": [unused backup codes]}


def totp_code(secret: str) -> str:
    """The 6-digit code an authenticator app shows now for a base32 key (as typed from the enrol page)."""
    from base64 import b32decode

    from django_otp.oath import totp

    key = b32decode(secret.replace(" ", "") + "=" * (-len(secret.replace(" ", "")) % 8))
    return f"{totp(key):06d}"


def sign_in_to_admin(page, username: str, password: str):
    """Sign in at /admin/ with the password and then the second factor, as staff do.

    The first time for a user this enrols an authenticator app (reading the key from the page) and
    keeps its backup codes; later sign-ins use one backup code each, because a TOTP code cannot be
    used twice in the same 30 seconds.
    """
    page.goto(page.base_url + "/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/admin/two-factor/**")
    if "/enrol/" in page.url:
        secret = page.locator("#twofactor-secret").inner_text()
        page.get_by_label("6-digit code from your authenticator app").fill(totp_code(secret))
        page.get_by_role("button", name="Turn on two-factor authentication").click()
        # all_inner_texts() does not wait: read the codes only once the page that shows them is there.
        page.get_by_role("heading", name="Save your backup codes").wait_for()
        codes = [c.replace(" ", "") for c in page.locator(".twofactor-backup-codes code").all_inner_texts()]
        ADMIN_SECOND_FACTORS[username] = {"secret": secret, "backup": codes}
        page.get_by_role("link", name="Continue to the admin").click()
    else:
        page.get_by_label("Backup code").fill(ADMIN_SECOND_FACTORS[username]["backup"].pop())
        page.get_by_role("button", name="Use backup code").click()
    page.wait_for_url(lambda url: "/two-factor/" not in url)
