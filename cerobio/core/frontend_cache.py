"""A Wagtail frontend-cache backend for nginx's proxy cache, which has no PURGE method of its own.

To "purge" a URL it asks nginx for the page with the secret `X-Cache-Refresh` header. nginx maps a
correct secret to `proxy_cache_bypass` (deploy/nginx/cerobio.conf), so it fetches the page from the
app afresh and stores the new copy in place of the old one: the next visitor gets a cache hit with
the new text. (An unpublished or deleted page answers 404, which is stored briefly, so it replaces
the old copy too.) Refreshing waits until the publishing transaction has committed, or nginx would
store the old page again.

Settings (production.py builds them from the environment, docs/deploy.md):

    WAGTAILFRONTENDCACHE = {"nginx": {
        "BACKEND": "cerobio.core.frontend_cache.NginxCacheBackend",
        "SECRET": "...",                     # NGINX_CACHE_REFRESH_SECRET, also in nginx's map
        "BASE_URL": "https://cerobio.example",  # SITE_URL: the address visitors use (see below)
        "SERVERS": ["10.0.0.5:443"],         # optional: every nginx to refresh; default the page's own host
        "TIMEOUT": 10,
    }}

Wagtail builds a page's URL from its Site record (e.g. http://localhost:80 after the demo loader);
BASE_URL replaces that scheme and host with the public ones, which nginx's cache key uses.
With SERVERS each nginx is asked directly (like `curl --resolve`): the connection goes to that address
while the Host header, the TLS server name and the certificate check stay those of the page's URL.
"""

from __future__ import annotations

import http.client
import logging
import socket
import ssl
from urllib.parse import urlsplit

from django.db import transaction
from wagtail.contrib.frontend_cache.backends.base import BaseBackend

logger = logging.getLogger("cerobio.frontend_cache")

HEADER = "X-Cache-Refresh"


class NginxCacheBackend(BaseBackend):
    """Refresh pages in nginx's cache by fetching them with the secret bypass header."""

    def __init__(self, params):
        super().__init__(params)
        self.secret = params.get("SECRET", "")
        if not self.secret:
            raise ValueError("NginxCacheBackend needs a SECRET (NGINX_CACHE_REFRESH_SECRET).")
        self.servers = [s for s in params.get("SERVERS", []) if s] or [None]
        self.base = urlsplit(params["BASE_URL"]) if params.get("BASE_URL") else None
        self.timeout = float(params.get("TIMEOUT", 10))

    def purge(self, url) -> None:
        self.purge_batch([url])

    def purge_batch(self, urls) -> None:
        urls = list(urls)
        transaction.on_commit(lambda: self._refresh_all(urls))

    def _refresh_all(self, urls) -> None:
        for url in urls:
            for server in self.servers:
                self.refresh(url, server)

    def refresh(self, url: str, server: str | None = None) -> int | None:
        """Fetch `url` through nginx at `server` ("host:port", default the URL's host) bypassing its cache.

        Returns the status nginx answered, or None when it could not be reached (logged, never raised:
        an editor's publish must not fail because a cache is down; the copy then expires by itself).
        """
        parts = urlsplit(url)
        if self.base is not None:
            parts = parts._replace(scheme=self.base.scheme, netloc=self.base.netloc)
            url = parts.geturl()
        https = parts.scheme == "https"
        port = parts.port or (443 if https else 80)
        connect_host, connect_port = parts.hostname, port
        if server:
            connect_host, _, given_port = server.rpartition(":")
            connect_port = int(given_port)
        path = parts.path or "/"
        if parts.query:
            path += "?" + parts.query
        try:
            conn = self._connection(https, parts.hostname, port, connect_host, connect_port)
            try:
                conn.request(
                    "GET",
                    path,
                    headers={
                        "Host": parts.netloc,
                        HEADER: self.secret,
                        "User-Agent": "cerobio-cache-refresh",
                        "Accept-Encoding": "identity",
                    },
                )
                response = conn.getresponse()
                response.read()
            finally:
                conn.close()
        except (OSError, http.client.HTTPException) as exc:
            logger.error(
                "Could not refresh %s in nginx at %s: %s", url, server or parts.netloc, exc
            )
            return None
        if response.status not in (200, 404, 410):
            logger.warning(
                "Refreshing %s in nginx at %s answered %s",
                url,
                server or parts.netloc,
                response.status,
            )
        return response.status

    def _connection(self, https, host, port, connect_host, connect_port):
        if not https:
            return http.client.HTTPConnection(connect_host, connect_port, timeout=self.timeout)
        context = ssl.create_default_context()
        conn = http.client.HTTPSConnection(host, port, timeout=self.timeout, context=context)
        raw = socket.create_connection((connect_host, connect_port), timeout=self.timeout)
        try:
            conn.sock = context.wrap_socket(raw, server_hostname=host)
        except (OSError, ssl.SSLError):
            raw.close()
            raise
        return conn
