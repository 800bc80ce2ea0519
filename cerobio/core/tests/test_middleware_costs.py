"""Per-request work the middleware no longer repeats, with the same headers as before.

SecurityHeadersMiddleware keeps the Content-Security-Policy it gives an ordinary response instead of
letting django-csp rebuild it for every response; anything that changes a response's policy (a
nonce, a decorator, the admin, a 5xx, a changed setting) still gets its own.
"""

import re
from dataclasses import asdict

from csp.utils import build_policy
from django.http import HttpResponse
from django.test import RequestFactory

from cerobio.core import security
from cerobio.core.security import SecurityHeadersMiddleware

from .test_security_headers import directives


def _django_csp_policy(path: str, status: int = 200) -> str:
    """The policy django-csp itself builds for a response (no memo)."""
    middleware = SecurityHeadersMiddleware(lambda request: HttpResponse())
    request = RequestFactory().get(path)
    return build_policy(**asdict(middleware.get_policy_parts(request, HttpResponse(status=status))))


def test_the_kept_policies_are_the_ones_django_csp_builds():
    security._usual_policies.clear()
    cases = [("/types/", 200), ("/admin/", 200), ("/types/", 500), ("/admin/", 503)]
    for _ in range(2):  # built, then kept: each kind of response keeps its own
        for path, status in cases:
            middleware = SecurityHeadersMiddleware(
                lambda request, status=status: HttpResponse(status=status)
            )
            policy = middleware(RequestFactory().get(path))["Content-Security-Policy"]
            assert policy == _django_csp_policy(path, status), (path, status)
    assert len(security._usual_policies) == len(cases)


def test_a_response_with_a_nonce_gets_its_own(settings):
    """No public page uses a nonce today; a page that did would get its own policy every time."""
    from csp.constants import NONCE

    policy = settings.CONTENT_SECURITY_POLICY
    settings.CONTENT_SECURITY_POLICY = {
        "DIRECTIVES": {**policy["DIRECTIVES"], "style-src": [*policy["DIRECTIVES"]["style-src"], NONCE]}
    }
    plain = SecurityHeadersMiddleware(lambda request: HttpResponse())
    plain(RequestFactory().get("/types/"))  # an ordinary policy is kept
    styled = SecurityHeadersMiddleware(
        lambda request: HttpResponse(f'<style nonce="{request.csp_nonce}">')
    )
    nonces = []
    for _ in range(2):
        response = styled(RequestFactory().get("/types/"))
        nonce = re.search(r'<style nonce="([^"]+)">', response.content.decode()).group(1)
        assert directives(response["Content-Security-Policy"])["style-src"] == [
            "'self'",
            f"'nonce-{nonce}'",
        ]
        nonces.append(nonce)
    assert nonces[0] != nonces[1]
    assert "nonce" not in plain(RequestFactory().get("/types/"))["Content-Security-Policy"]


def test_a_changed_setting_changes_the_policy(client, demo, settings):
    client.get("/types/")
    settings.STATIC_URL = "https://static.cerobio.example/static/"
    policy = directives(client.get("/types/")["Content-Security-Policy"])
    assert "https://static.cerobio.example" in policy["style-src"]
