"""Security headers the framework does not set by itself: the Content-Security-Policy and Permissions-Policy.

The public site gets settings.CONTENT_SECURITY_POLICY (no inline script, style or event handler
anywhere: every script is a file under /static/, every style is in a stylesheet). The Wagtail admin
and the Django admin (settings.CONTENT_SECURITY_POLICY_ADMIN_PREFIXES) get
settings.CONTENT_SECURITY_POLICY_ADMIN instead: Wagtail still writes some inline <script> blocks
(inline panels, date pickers) and style attributes, and its live preview frames our own pages, so
there inline scripts and styles are allowed and frames may come from this site; still nothing from
another origin. When STATIC_URL or MEDIA_URL is an absolute address (a CDN or object storage), its
origin is added where those files are used. See docs/security.md.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import re
from urllib.parse import urlsplit

from csp.constants import HEADER
from csp.middleware import CSPMiddleware, PolicyParts
from csp.utils import default_config
from django.conf import settings


def _origin(url: str) -> str | None:
    parts = urlsplit(url or "")
    if parts.scheme in ("http", "https") and parts.netloc:
        return f"{parts.scheme}://{parts.netloc}"
    return None


def file_origins() -> dict[str, list[str]]:
    """Directives that must also allow the static and media hosts when those are on another origin."""
    extra: dict[str, list[str]] = {}
    static, media = _origin(settings.STATIC_URL), _origin(settings.MEDIA_URL)
    for directive, origin in (
        ("script-src", static),
        ("style-src", static),
        ("font-src", static),
        ("img-src", static),
        ("img-src", media),
    ):
        if origin and origin not in extra.get(directive, []):
            extra.setdefault(directive, []).append(origin)
    return extra


@functools.cache
def error_page_style_hashes() -> tuple[str, ...]:
    """CSP hashes of the <style> blocks in templates/500.html.

    The 500 page is rendered without a request or the database (so no nonce and, if static files
    are what broke, no stylesheet): its own styles are allowed by hash on 5xx responses only.
    """
    from django.template import loader

    source = loader.get_template("500.html").template.source
    return tuple(
        f"'sha256-{base64.b64encode(hashlib.sha256(css.encode()).digest()).decode()}'"
        for css in re.findall(r"<style>(.*?)</style>", source, re.S)
    )


def in_admin(request) -> bool:
    """Is this a request for the Wagtail admin or the Django admin (which get the admin policy)?"""
    return request.path_info.startswith(settings.CONTENT_SECURITY_POLICY_ADMIN_PREFIXES)


def permissions_policy() -> str:
    """settings.PERMISSIONS_POLICY as a header value: 'camera=(), payment=(self)'."""
    return ", ".join(
        f"{feature}=({' '.join(allow)})" for feature, allow in settings.PERMISSIONS_POLICY.items()
    )


def _extend(config: dict, directive: str, sources) -> None:
    """Add sources to a directive; one the policy leaves to default-src starts from default-src's
    sources (adding an origin alone would drop 'self')."""
    current = list(config.get(directive) or config.get("default-src") or [])
    config[directive] = [*current, *(s for s in sources if s not in current)]


class SecurityHeadersMiddleware(CSPMiddleware):
    """django-csp's middleware with a second policy for the admin, plus the Permissions-Policy header.

    Views may still adjust the policy with django-csp's decorators (@csp_update, @csp_replace, @csp_exempt).
    """

    def get_policy_parts(self, request, response, report_only: bool = False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if report_only:
            return parts
        if parts.config is None:
            policy = (
                settings.CONTENT_SECURITY_POLICY_ADMIN
                if in_admin(request)
                else settings.CONTENT_SECURITY_POLICY
            )
            parts.config = default_config(policy["DIRECTIVES"])
        # Only the directives the policy sets: django-csp copies the whole config for every response, and
        # skips unset (None) directives when it writes the header, so the header is the same.
        config = {directive: sources for directive, sources in parts.config.items() if sources is not None}
        if response.status_code >= 500 and not in_admin(request):
            _extend(config, "style-src", error_page_style_hashes())
        for directive, origins in file_origins().items():
            _extend(config, directive, origins)
        parts.config = config
        return parts

    def process_response(self, request, response):
        if in_admin(request) and HEADER in response:
            # Wagtail renders a preview by sending a made-up request for the public page through the
            # middleware, so the preview arrives with the public policy (frame-ancestors 'none', which
            # would stop the admin's preview panel framing it). The admin's request decides.
            del response[HEADER]
        response = super().process_response(request, response)
        if "Permissions-Policy" not in response:
            response["Permissions-Policy"] = permissions_policy()
        return response
