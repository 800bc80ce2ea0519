"""The production stack end to end: browser → nginx (TLS, gzip, static files, page cache) → gunicorn → PostgreSQL."""

import gzip
import re

import pytest

from .conftest import requires_nginx, requires_postgres

pytestmark = [pytest.mark.deploy, pytest.mark.django_db, requires_nginx, requires_postgres]

SUBTYPE = "/types/milia-en-plaque/"
PRODUCT = "/shop/cerobio-exfoliating-kit/"
SKU = "CRB-KIT-STD"


def test_a_guide_page_comes_through_nginx_gzipped_from_postgresql(deploy_stack):
    response = deploy_stack.get("/what-is-milia/", headers={"Accept-Encoding": "gzip"})
    assert response.status == 200, deploy_stack.logs()
    assert response.header("Content-Encoding") == "gzip"
    html = gzip.decompress(response.body).decode()
    assert "<h1" in html and "milia" in html.lower()
    assert re.fullmatch(r"[0-9a-f]{32}", response.header("X-Request-ID")), (
        "nginx's request id reaches Django"
    )
    # HSTS comes from Django, which sees https through X-Forwarded-Proto.
    assert "max-age=" in response.header("Strict-Transport-Security")


def test_brotli_when_nginx_has_the_module(deploy_stack):
    from . import stack

    if not stack.BROTLI_MODULE.exists():
        pytest.skip("Debian's libnginx-mod-http-brotli-filter is not installed")
    response = deploy_stack.get("/what-is-milia/", headers={"Accept-Encoding": "br, gzip"})
    assert response.status == 200 and response.header("Content-Encoding") == "br"


def test_static_files_are_served_by_nginx_and_cached_for_a_year(deploy_stack):
    html = deploy_stack.get("/what-is-milia/").text
    css = re.search(r'href="(/static/[^"]+\.[0-9a-f]{12}\.css)"', html)
    assert css, "pages link the hashed name from the manifest"
    response = deploy_stack.get(css.group(1), headers={"Accept-Encoding": "gzip"})
    assert response.status == 200
    assert response.header("Cache-Control") == "public, max-age=31536000, immutable"
    assert response.header("Content-Encoding") == "gzip"
    assert "X-Request-ID" not in response.headers, "nginx answered without asking the app"


def test_plain_http_redirects_to_https(deploy_stack):
    from . import stack

    response = stack.request(deploy_stack.ports.http, "/what-is-milia/", https=False)
    assert response.status == 301
    assert response.header("Location").startswith("https://localhost")


def test_a_subtype_page_is_cached_and_revalidated_with_its_etag(deploy_stack):
    deploy_stack.get(SUBTYPE)  # whatever an earlier test left
    first = deploy_stack.get(SUBTYPE)
    second = deploy_stack.get(SUBTYPE)
    assert first.status == second.status == 200
    assert second.header("X-Cache-Status") == "HIT"
    assert second.header("Cache-Control").startswith("public, max-age=")
    assert second.header("Last-Modified")
    etag = second.header("ETag")
    assert etag
    again = deploy_stack.get(SUBTYPE, headers={"If-None-Match": etag})
    assert again.status == 304 and again.body == b""
