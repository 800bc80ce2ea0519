"""Answers are health data: they never reach the database, the logs, a cookie or an address."""

import logging
import re

import pytest
from django.apps import apps
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from cerobio.identify.answers import QUESTION_KEYS

ANSWERS = {
    "age_group": "older_adult",
    "sites": ["knees_elbows", "genitals"],
    "look": ["translucent", "soft_yellow"],
    "count": "few",
    "onset": "gradual",
    "history": ["genetic_skin_condition", "radiotherapy"],
    "symptoms": ["bleeding"],
}
# Values distinctive enough that finding one anywhere can only mean an answer leaked.
SECRETS = [
    "older_adult", "knees_elbows", "genitals", "translucent", "soft_yellow", "genetic_skin_condition",
    "radiotherapy", "bleeding",
]


def walk(client):
    """The whole questionnaire through the HTML pages, then the same answers through the API."""
    responses = [client.get("/identify/"), client.post("/identify/", {"step": "intro", "go": "start"})]
    sent = {}
    for key in QUESTION_KEYS:
        sent[key] = ANSWERS[key]
        responses.append(client.post("/identify/", {**sent, "step": key, "go": "next"}))
    responses.append(client.post("/identify/", {**ANSWERS, "step": "result", "edit": "sites"}))
    responses.append(client.post("/api/v1/identify", ANSWERS, content_type="application/json"))
    responses.append(client.post("/api/v1/identify", {**ANSWERS, "age_group": "ancient"}, content_type="application/json"))
    for response in responses:
        assert response.status_code in (200, 422)
    return responses


def _row_counts():
    return {m._meta.label: m.objects.count() for m in apps.get_models() if not m._meta.proxy}


def test_answers_never_reach_the_database(client, demo_db):
    client.get("/identify/")  # the first page view ever creates the site settings row; not ours to count
    before = _row_counts()
    with CaptureQueriesContext(connection) as queries:
        walk(client)
    assert _row_counts() == before
    for query in queries.captured_queries:
        sql = query["sql"]
        assert not re.match(r"\s*(INSERT|UPDATE|DELETE|REPLACE)\b", sql, re.IGNORECASE), sql
        for secret in SECRETS:
            assert secret not in sql, f"{secret!r} reached the database: {sql[:200]}"


class _Collect(logging.Handler):
    def __init__(self):
        super().__init__(logging.DEBUG)
        self.lines = []

    def emit(self, record):
        self.lines.append(f"{record.name} {self.format(record)} {record.__dict__!r}")


@pytest.fixture
def every_log_line():
    """Everything any logger says at DEBUG, including Django's SQL log."""
    handler = _Collect()
    root = logging.getLogger()
    loggers = [root] + [logging.getLogger(n) for n in list(logging.root.manager.loggerDict)]
    saved = [(lg, lg.level, lg.propagate, lg.disabled) for lg in loggers]
    for lg in loggers:
        lg.setLevel(logging.DEBUG)
        lg.disabled = False
        if lg is not root:
            lg.propagate = True
    root.addHandler(handler)
    yield handler.lines
    root.removeHandler(handler)
    for lg, level, propagate, disabled in saved:
        lg.setLevel(level)
        lg.propagate, lg.disabled = propagate, disabled


def test_answers_never_reach_the_logs(client, demo_db, every_log_line):
    with CaptureQueriesContext(connection):  # turns on Django's SQL logging too
        walk(client)
        # A refused form (no CSRF token) is logged by Django: the log line must not carry answers.
        strict = Client(enforce_csrf_checks=True)
        assert strict.post("/identify/", {**ANSWERS, "step": "symptoms"}).status_code == 403
    assert every_log_line, "the capture works (Django logged the SQL and the refused form)"
    text = "\n".join(every_log_line)
    for secret in SECRETS:
        assert secret not in text, f"{secret!r} was logged"


def test_answers_never_reach_an_address_a_cookie_or_a_session(client, demo_db):
    for response in walk(client):
        assert response.get("Location") is None
        for cookie in response.cookies.values():
            assert cookie.key != "sessionid"
            assert not any(secret in cookie.value for secret in SECRETS)
        html = response.content.decode()
        for action in re.findall(r'<form[^>]*>', html):
            if 'action="/identify/"' in action:
                assert 'method="post"' in action
        for url in re.findall(r'(?:href|action)="([^"]*)"', html):
            assert not any(secret in url for secret in SECRETS), url
    from django.contrib.sessions.models import Session

    assert not Session.objects.exists()


def test_identifier_pages_are_never_cached(client, demo_db):
    for response in walk(client):
        assert "no-store" in response["Cache-Control"]
    def directives(response):
        return {part.strip() for part in response["Cache-Control"].split(",")}

    assert directives(client.get("/identify/")) == {"no-store", "private"}
    assert directives(client.post("/identify/", {"step": "intro", "go": "start"})) == {"no-store", "private"}


def test_a_query_string_carries_nothing_into_the_questionnaire(client, demo_db):
    html = client.get("/identify/?age_group=older_adult&sites=genitals").content.decode()
    assert "older_adult" not in html and "genitals" not in html.split("<main", 1)[1].split("</main>")[0]


def test_the_page_states_the_privacy_promise(client, demo_db):
    html = client.get("/identify/").content.decode()
    assert "never stored" in html and "never attached to a basket or an" in html
