"""Sentry: on only with SENTRY_DSN, and an error report carries no email, cookie, body or query string.

The end-to-end test runs a Django process with SENTRY_DSN pointing at a local HTTP server standing in
for Sentry's ingest endpoint, makes a view fail, and reads the envelope the SDK really sent.
"""

import gzip
import json
import os
import subprocess
import sys
import textwrap
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.conf import settings

from cerobio.core import sentry

SECRETS = [
    "jo.bloggs@example.com",
    "SW1A 1AA",
    "cookie-secret-123",
    "white+spots",
    "white spots",
    "Bearer tok",
]


class FakeSentry:
    """Accepts envelopes at /api/<project>/envelope/ and keeps their decoded bodies."""

    def __init__(self):
        received = self.received = []

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                encoding = self.headers.get("Content-Encoding", "")
                if encoding == "gzip":
                    body = gzip.decompress(body)
                elif encoding == "br":
                    import brotli

                    body = brotli.decompress(body)
                received.append((self.path, body.decode("utf-8", "replace")))
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.end_headers()
                self.wfile.write(b"{}")

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    @property
    def dsn(self) -> str:
        return f"http://publickey@127.0.0.1:{self.server.server_port}/1"

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


# Through the real WSGI handler (as gunicorn calls it), where Sentry reads the URL, headers and cookies.
CHILD = textwrap.dedent(
    """
    import django, sentry_sdk
    django.setup()
    from django.conf import settings
    from django.core.wsgi import get_wsgi_application
    from django.test import RequestFactory
    from django.test.utils import override_settings

    assert settings.SENTRY_ENABLED and sentry_sdk.get_client().is_active()
    environ = RequestFactory().post(
        "/boom/?q=white+spots",
        {"email": "jo.bloggs@example.com", "postcode": "SW1A 1AA"},
        HTTP_COOKIE="tracking=cookie-secret-123",
        HTTP_AUTHORIZATION="Bearer tok",
    ).environ
    statuses = []
    with override_settings(ROOT_URLCONF="cerobio.core.tests.boom_urls"):
        body = b"".join(get_wsgi_application()(environ, lambda status, headers: statuses.append(status)))
    print("status", statuses[0])
    sentry_sdk.flush(timeout=10)
    """
)


def test_an_error_in_a_view_reaches_sentry_with_nothing_personal(tmp_path):
    fake = FakeSentry()
    env = {
        **os.environ,
        "SENTRY_DSN": fake.dsn,
        "SENTRY_ENVIRONMENT": "ci-test",
        "SENTRY_RELEASE": "cerobio@test",
        "DJANGO_SETTINGS_MODULE": "cerobio.settings.test",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'unused.sqlite3'}",
    }
    try:
        child = subprocess.run(
            [sys.executable, "-c", CHILD],
            env=env,
            cwd=settings.BASE_DIR,
            capture_output=True,
            text=True,
            timeout=120,
        )
    finally:
        fake.stop()
    assert child.returncode == 0, child.stderr[-3000:]
    assert "status 500" in child.stdout, child.stdout
    envelopes = [body for path, body in fake.received if path == "/api/1/envelope/"]
    events = [
        json.loads(line)
        for body in envelopes
        for line in body.splitlines()
        if '"exception"' in line
    ]
    assert events, fake.received
    event = events[0]
    assert event["exception"]["values"][-1]["type"] == "RuntimeError"
    assert event["environment"] == "ci-test" and event["release"] == "cerobio@test"
    assert "could not save the order for j***@example.com" in json.dumps(event)
    assert (
        event["request"]["url"] == "http://testserver/boom/"
        and event["request"]["method"] == "POST"
    )
    assert "data" not in event["request"] and "cookies" not in event["request"]
    assert "query_string" not in event["request"] and "user" not in event
    text = "\n".join(envelopes)
    for secret in SECRETS:
        assert secret not in text, secret


def test_sentry_is_off_without_a_dsn(monkeypatch):
    import sentry_sdk

    calls = []
    monkeypatch.setattr(sentry_sdk, "init", lambda **kwargs: calls.append(kwargs))
    assert sentry.init_from_env({}) is False
    assert sentry.init_from_env({"SENTRY_DSN": "  "}) is False
    assert calls == []
    assert (
        sentry.init_from_env(
            {"SENTRY_DSN": "http://k@127.0.0.1:9/1", "SENTRY_TRACES_SAMPLE_RATE": "0.25"}
        )
        is True
    )
    (options,) = calls
    assert options["send_default_pii"] is False and options["include_local_variables"] is False
    assert options["max_request_body_size"] == "never" and options["traces_sample_rate"] == 0.25
    assert options["before_send"] is sentry.scrub_event


def test_this_test_run_reports_nothing():
    if os.environ.get("SENTRY_DSN"):
        pytest.skip("SENTRY_DSN is set in this environment")
    import sentry_sdk

    assert settings.SENTRY_ENABLED is False and not sentry_sdk.get_client().is_active()


def test_the_scrubber_drops_bodies_cookies_credentials_and_users_and_masks_the_rest():
    event = {
        "request": {
            "url": "https://cerobio.example/checkout/?email=jo@example.com",
            "method": "POST",
            "query_string": "q=white+spots",
            "data": {"email": "jo@example.com"},
            "cookies": {"sessionid": "abc"},
            "headers": {
                "Cookie": "sessionid=abc",
                "Authorization": "Bearer x",
                "User-Agent": "UA",
                "X-Request-ID": "r-12345678",
            },
            "env": {"REMOTE_ADDR": "203.0.113.9"},
        },
        "user": {"email": "jo@example.com", "ip_address": "203.0.113.9"},
        "extra": {"email": "jo@example.com", "sku": "CRB-KIT-STD"},
        "exception": {
            "values": [
                {
                    "type": "ValueError",
                    "value": "bad postcode SW1A 1AA for jo@example.com",
                    "stacktrace": {
                        "frames": [{"function": "f", "vars": {"email": "jo@example.com"}}]
                    },
                }
            ]
        },
        "breadcrumbs": {
            "values": [{"message": "sent to jo@example.com", "data": {"ship_postcode": "M1 1AE"}}]
        },
        "server_name": "web-1",
    }
    scrubbed = sentry.scrub_event(event, {})
    text = json.dumps(scrubbed)
    for secret in (
        "jo@example.com",
        "SW1A 1AA",
        "M1 1AE",
        "white+spots",
        "sessionid",
        "Bearer",
        "203.0.113.9",
    ):
        assert secret not in text, secret
    assert scrubbed["request"]["url"] == "https://cerobio.example/checkout/"
    assert scrubbed["request"]["headers"] == {"User-Agent": "UA", "X-Request-ID": "r-12345678"}
    assert (
        scrubbed["exception"]["values"][0]["value"]
        == "bad postcode [postcode] for j***@example.com"
    )
    assert scrubbed["extra"] == {"email": "[redacted]", "sku": "CRB-KIT-STD"}
    assert scrubbed["server_name"] == "web-1"
