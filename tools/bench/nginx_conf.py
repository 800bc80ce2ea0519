"""Render a private nginx for `make bench` / `make loadtest` from the project's deploy/nginx/cerobio.conf.

The site file is the production one with its server-specific parts swapped for this machine's, for
plain http on one port: no TLS server, no redirect to https, everything (pid, logs, page cache,
temporary files) inside the run folder. A second server on its own port serves a saved copy of a
page as a static file with the same gzip settings: the ceiling the cached page is compared with.

    python tools/bench/nginx_conf.py RUN_DIR --port 8700 --ceiling-port 8701 --app-port 8702 \
        --static-root DIR --media-root DIR

writes RUN_DIR/nginx.conf (and the files it includes). A replacement that no longer matches the
production file stops the run with a clear message, so the bench never measures a config that
drifted from deploy/.
"""

from __future__ import annotations

import argparse
import os
import re
import secrets
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
NGINX_DIR = REPO / "deploy" / "nginx"


def _replace(text: str, old: str, new: str) -> str:
    if old not in text:
        sys.exit(
            f"tools/bench/nginx_conf.py: deploy/nginx/cerobio.conf no longer contains {old!r}; update the bench."
        )
    return text.replace(old, new)


def render_site(run: Path, *, port: int, app_port: int, static_root: Path, media_root: Path) -> str:
    """deploy/nginx/cerobio.conf for plain http on 127.0.0.1:port in front of gunicorn on app_port."""
    text = (NGINX_DIR / "cerobio.conf").read_text()
    # The port-80 server only redirects to https: dropped (its address is the one we serve on).
    redirect = re.compile(r"^server \{\n    listen 80;.*?^\}\n", re.M | re.S)
    if not redirect.search(text):
        sys.exit(
            "tools/bench/nginx_conf.py: the http-to-https server block in deploy/nginx/cerobio.conf changed."
        )
    text = redirect.sub("", text, count=1)
    # TLS off: the https server listens for plain http here.
    text = _replace(text, "listen 443 ssl http2;", f"listen 127.0.0.1:{port};")
    text = _replace(text, "    listen [::]:443 ssl http2;\n", "")
    text = re.sub(r"^\s*ssl_[a-z_]+ [^\n]*;\n", "", text, flags=re.M)
    for old, new in [
        (
            "server 127.0.0.1:8000 max_fails=3 fail_timeout=10s;",
            f"server 127.0.0.1:{app_port} max_fails=3 fail_timeout=10s;",
        ),
        ("server_name cerobio.example;", "server_name localhost;"),
        ("/srv/cerobio/staticfiles/", f"{static_root}/"),
        ("/srv/cerobio/media/", f"{media_root}/"),
        ("/var/cache/nginx/cerobio", str(run / "cache")),
        ("/etc/nginx/cerobio/", f"{run}/"),
        ("/var/log/nginx/cerobio.access.log", str(run / "access.log")),
    ]:
        text = _replace(text, old, new)
    return text


def render_ceiling(run: Path, *, port: int) -> str:
    """A server that answers every request with RUN_DIR/ceiling/page.html, gzipped like the site."""
    return f"""
# The ceiling: nginx sending a saved copy of the page as a static file, gzip on as in the site.
server {{
    listen 127.0.0.1:{port};
    server_name localhost;
    access_log {run}/ceiling.access.log cerobio;
    root {run}/ceiling;
    gzip on;
    gzip_vary on;
    gzip_comp_level 5;
    gzip_min_length 256;
    gzip_types text/css text/plain text/xml application/javascript application/json;
    location / {{
        default_type text/html;
        try_files /page.html =404;
    }}
}}
"""


def write(
    run: Path, *, port: int, ceiling_port: int, app_port: int, static_root: Path, media_root: Path
) -> Path:
    """Write RUN_DIR/nginx.conf and what it includes; return its path."""
    for name in ("temp", "cache", "ceiling", "acme"):
        (run / name).mkdir(parents=True, exist_ok=True)
    site = render_site(
        run, port=port, app_port=app_port, static_root=static_root, media_root=media_root
    )
    (run / "cerobio.conf").write_text(site + render_ceiling(run, port=ceiling_port))
    refresh = (NGINX_DIR / "cerobio-refresh.conf").read_text()
    # 32 hex digits: with 64 (`openssl rand -hex 32`) nginx -t fails ("could not build map_hash,
    # you should increase map_hash_bucket_size: 64") unless the http block raises that size.
    refresh = _replace(refresh, "REPLACE-WITH-NGINX_CACHE_REFRESH_SECRET", secrets.token_hex(16))
    (run / "refresh-secret.conf").write_text(refresh)
    lines = [
        "user root;" if os.geteuid() == 0 else "",  # workers read files in this checkout
        "daemon off;",
        "worker_processes auto;",
        f"pid {run}/nginx.pid;",
        f"error_log {run}/error.log warn;",
        "events { worker_connections 4096; }",
        "http {",
        "    include /etc/nginx/mime.types;",
        "    default_type application/octet-stream;",
        "    sendfile on;",
        "    tcp_nopush on;",
        f"    access_log {run}/access.log;",
        *(
            f"    {kind}_temp_path {run}/temp/{kind};"
            for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
        ),
        f"    include {run}/cerobio.conf;",
        "}",
    ]
    conf = run / "nginx.conf"
    conf.write_text("\n".join(line for line in lines if line) + "\n")
    return conf


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("run", type=Path)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--ceiling-port", type=int, required=True)
    parser.add_argument("--app-port", type=int, required=True)
    parser.add_argument("--static-root", type=Path, required=True)
    parser.add_argument("--media-root", type=Path, required=True)
    args = parser.parse_args()
    print(
        write(
            args.run.resolve(),
            port=args.port,
            ceiling_port=args.ceiling_port,
            app_port=args.app_port,
            static_root=args.static_root.resolve(),
            media_root=args.media_root.resolve(),
        )
    )


if __name__ == "__main__":
    main()
