"""deploy/nginx/cerobio.conf passes `nginx -t` and agrees with the app's settings.

Only nginx is needed (no database): the configuration is the real one with this machine's paths and a
self-signed certificate made with openssl.
"""

import os
import re
import signal
import socket
import time

import pytest
from django.conf import settings

from cerobio.core.http_cache import private_cookies

from . import stack
from .conftest import requires_nginx

pytestmark = [pytest.mark.deploy, requires_nginx]

CONF = (stack.NGINX_DIR / "cerobio.conf").read_text()


def _render(tmp_path, brotli: bool):
    cert, key = stack.make_certificate(tmp_path)
    site = stack.render_site_config(
        tmp_path, static_root=tmp_path / "static", media_root=tmp_path / "media", upstreams=(8000, 8001),
        cert=cert, key=key,
    )  # fmt: skip
    return stack.write_nginx_config(tmp_path, site, brotli=brotli)


def test_the_site_configuration_passes_nginx_t(tmp_path):
    result = stack.nginx_test(_render(tmp_path, brotli=False))
    assert result.returncode == 0, result.stderr
    assert "syntax is ok" in result.stderr


def test_it_passes_with_brotli_when_the_module_is_installed(tmp_path):
    if not stack.BROTLI_MODULE.exists():
        pytest.skip("Debian's libnginx-mod-http-brotli-filter is not installed")
    result = stack.nginx_test(_render(tmp_path, brotli=True))
    assert result.returncode == 0, result.stderr


def test_a_broken_configuration_is_caught(tmp_path):
    conf = _render(tmp_path, brotli=False)
    site = conf.parent / "cerobio.conf"
    site.write_text(site.read_text().replace("proxy_cache cerobio;", "proxy_cache no_such_zone;"))
    assert stack.nginx_test(conf).returncode != 0


def _refresh_flag(sock: str, secret: str | None) -> str:
    """$cerobio_cache_refresh for a request carrying `X-Cache-Refresh: secret` (None: no header)."""
    header = "" if secret is None else f"X-Cache-Refresh: {secret}\r\n"
    with socket.socket(socket.AF_UNIX) as client:
        client.settimeout(5)
        client.connect(sock)
        client.sendall(f"GET / HTTP/1.0\r\nHost: localhost\r\n{header}\r\n".encode())
        answer = b""
        while chunk := client.recv(4096):
            answer += chunk
    return answer.decode().split("\r\n\r\n", 1)[1]


def test_only_the_whole_secret_sets_the_refresh_flag(tmp_path):
    """The shipped refresh map with a secret as long as `openssl rand -hex 32` makes, in a running nginx
    that answers with the flag (the full stack's cache test needs PostgreSQL; this needs only nginx)."""
    secret = stack.REFRESH_SECRET
    assert len(secret) == 64
    sock = tmp_path / "nginx.sock"
    site = (
        f"include {tmp_path}/refresh-secret.conf;\n"
        f"server {{ listen unix:{sock}; location / {{ return 200 \"$cerobio_cache_refresh\"; }} }}\n"
    )
    conf = stack.write_nginx_config(tmp_path, site, brotli=False)
    nginx = stack.Process("nginx", [stack.nginx_binary(), "-p", str(tmp_path), "-c", str(conf)],
                          dict(os.environ), tmp_path)  # fmt: skip
    try:
        deadline = time.monotonic() + 10
        while not sock.exists():
            assert nginx.popen.poll() is None and time.monotonic() < deadline, nginx.log()
            time.sleep(0.05)
        assert _refresh_flag(str(sock), secret) == "1"
        for wrong in (None, "", "a-guess", secret[:-1], secret + "0", "x" + secret, secret.upper()):
            assert _refresh_flag(str(sock), wrong) == "0", wrong
    finally:
        nginx.stop(signal.SIGQUIT, timeout=10)


def test_nginx_bypasses_its_cache_for_the_same_cookies_the_app_treats_as_private():
    pattern = re.search(r'"~\(\^\|;\)\\s\*\(([^)]*)\)="', CONF)
    assert pattern, "the $cerobio_private map in cerobio.conf"
    assert set(pattern.group(1).split("|")) == set(private_cookies())


def test_uploads_up_to_the_image_limit_get_through():
    size = re.search(r"client_max_body_size (\d+)m;", CONF)
    limit_mb = int(size.group(1))
    assert (
        settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE
        <= limit_mb * 1024 * 1024
        <= settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE + 2 * 1024 * 1024
    )


def test_tls_is_modern_and_http2():
    assert "ssl_protocols TLSv1.2 TLSv1.3;" in CONF
    assert "listen 443 ssl http2;" in CONF
    ciphers = re.search(r"ssl_ciphers ([^;]+);", CONF).group(1).split(":")
    assert all(("GCM" in c or "CHACHA20" in c) and ("ECDHE" in c or "DHE" in c) for c in ciphers)


def test_the_proxy_passes_what_django_and_the_logs_need():
    for header in ("X-Forwarded-Proto $scheme", "X-Real-IP $remote_addr", "X-Request-ID $request_id",
                   "X-Forwarded-For $proxy_add_x_forwarded_for", 'X-Cache-Refresh ""'):  # fmt: skip
        assert f"proxy_set_header {header};" in CONF
