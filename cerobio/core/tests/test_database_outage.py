"""Database down: a friendly 503 with Retry-After (JSON under /api/), never a stack trace.

`database_down()` swaps in a connection that really cannot connect (PostgreSQL: a closed port;
SQLite: a file in a missing folder), so the errors are the driver's own.
"""

import json
import logging
from types import SimpleNamespace

import pytest
from django.db.utils import OperationalError
from django.test import Client, RequestFactory

from cerobio.core import outage, views
from cerobio.core.tests.log_capture import json_lines
from cerobio.core.tests.outages import database_down
from tests.perf.page_weight import measure

FRIENDLY = "Sorry, the site is not working right now"


@pytest.fixture
def json_log():
    with json_lines() as lines:
        yield lines


@pytest.fixture(autouse=True)
def _fresh_report_interval():
    outage._report_database.reset()
    yield
    outage._report_database.reset()


def assert_friendly_page(response):
    html = response.content.decode()
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert response["Cache-Control"] == "no-store"
    assert FRIENDLY in html
    # The site's layout, not the plain fallback, from the one stylesheet every guide page links.
    page = SimpleNamespace(content=response.content, status_code=503, request={"PATH_INFO": "/"})
    sheets = measure("503", "Database down", page).stylesheets
    assert [sheet.url.rsplit("/", 1)[-1] for sheet in sheets] == ["site.css"]
    assert 'class="site-header"' in html and ".site-header" in sheets[0].text
    assert "Traceback" not in html and "OperationalError" not in html


@pytest.mark.parametrize(
    "path", ["/what-is-milia/", "/shop/cerobio-exfoliating-kit/", "/basket/", "/search/?q=milia"]
)
def test_pages_answer_a_friendly_503_while_the_database_is_down(demo, client, path, caplog):
    assert client.get(path).status_code == 200  # the page works while the database does
    with database_down():
        response = client.get(path)
    assert_friendly_page(response)


def test_a_form_post_answers_503_too(demo, client):
    with database_down():
        response = client.post("/basket/", {"action": "add", "sku": "CRB-KIT-STD", "quantity": "1"})
    assert_friendly_page(response)


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("get", "/api/v1/products", None),
        ("post", "/api/v1/baskets", None),
        ("get", "/api/v1/orders/no-such-token", None),
        ("get", "/api/v1/no-such-endpoint", None),
    ],
)
def test_the_api_answers_json_503_while_the_database_is_down(demo, method, path, body):
    # An unknown address fails in Wagtail's redirect middleware, outside any view: handler500 answers.
    client = Client(raise_request_exception=False)
    with database_down():
        response = getattr(client, method)(path, content_type="application/json")
    assert response.status_code == 503, response.content
    assert response["Retry-After"] == "30"
    assert response.json() == {
        "code": "service_unavailable",
        "message": "The service is unavailable for a moment. Try again shortly.",
        "errors": [],
    }


def test_the_outage_is_logged_once_per_interval_not_per_request(demo, client, caplog):
    caplog.set_level(logging.ERROR)
    with database_down():
        for _ in range(5):
            assert client.get("/what-is-milia/").status_code == 503
            assert client.get("/api/v1/products").status_code == 503
    outage_lines = [r for r in caplog.records if r.name == "cerobio.outage"]
    assert len(outage_lines) == 1 and outage_lines[0].getMessage().startswith(
        "database unavailable: OperationalError"
    )
    assert not [
        r for r in caplog.records if r.name == "django.request"
    ]  # no "Service Unavailable" per request


@pytest.mark.django_db
def test_a_database_error_outside_a_view_still_gets_the_friendly_page():
    """Middleware that loses the database (saving a session, say) reaches handler500, which answers 503."""
    request = RequestFactory().get("/checkout/")
    try:
        raise OperationalError("server closed the connection unexpectedly")
    except OperationalError:
        response = views.server_error(request)
    assert_friendly_page(response)


@pytest.mark.django_db
def test_a_bad_query_is_still_a_500_not_an_outage():
    from django.db.utils import ProgrammingError

    try:
        raise ProgrammingError("relation does not exist")
    except ProgrammingError:
        response = views.server_error(RequestFactory().get("/what-is-milia/"))
    assert response.status_code == 500


def test_an_unexpected_api_error_answers_json_500_with_the_request_id(demo, monkeypatch, json_log):
    """The API's own error shape, never the HTML 500 page; logged with the traceback and the request id."""
    from cerobio.shop.api import products

    def broken():
        raise RuntimeError("the catalogue exploded")

    monkeypatch.setattr(products, "live_products", broken)
    client = Client(raise_request_exception=False)
    response = client.get("/api/v1/products", HTTP_X_REQUEST_ID="lb-request-0001")
    assert response.status_code == 500
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert (
        body["code"] == "server_error"
        and body["message"]
        and body["request_id"] == "lb-request-0001"
    )
    assert "<html" not in response.content.decode() and "exploded" not in response.content.decode()
    (logged,) = [r for r in json_log.records() if r["logger"] == "django.request"]
    assert (
        logged["level"] == "ERROR"
        and logged["request_id"] == "lb-request-0001"
        and logged["status"] == 500
    )
    assert "RuntimeError: the catalogue exploded" in logged["exc_info"]


def test_other_api_errors_keep_their_meaning(demo, monkeypatch):
    from django.core.exceptions import PermissionDenied

    from cerobio.shop.api import products

    def forbidden():
        raise PermissionDenied

    monkeypatch.setattr(products, "live_products", forbidden)
    response = Client(raise_request_exception=False).get("/api/v1/products")
    assert response.status_code == 403 and response.json()["code"] == "forbidden"


@pytest.mark.django_db
def test_a_failure_outside_the_api_views_still_answers_in_the_api_shape():
    """An exception in a middleware for an /api/ address: JSON, not the HTML 500 page."""
    try:
        raise RuntimeError("a middleware broke")
    except RuntimeError:
        response = views.server_error(RequestFactory().get("/api/v1/products"))
    assert response.status_code == 500
    assert response["Content-Type"] == "application/json"
    assert json.loads(response.content)["code"] == "server_error"
