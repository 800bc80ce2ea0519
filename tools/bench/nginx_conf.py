"""Render a private nginx for `make bench` / `make loadtest` from the project's deploy/nginx/cerobio.conf.

The site file is the production one with its server-specific parts swapped for this machine's, for
plain http on one port: no TLS server, no redirect to https, everything (pid, logs, page cache,
temporary files) inside the run folder. A second server on its own port serves a saved copy of a
page as a static file with the same gzip settings: the ceiling the cached page is compared with.

    python tools/bench/nginx_conf.py RUN_DIR --port 8700 --ceiling-port 8701 --app-port 8702 \
        --static-root DIR --media-root DIR

writes RUN_DIR/nginx.conf (and the files it includes) with tests/deploy/stack.py's writer, the one
the deploy tests and `make lighthouse` use; a replacement that no longer matches the production file
stops the run, so the bench never measures a config that drifted from deploy/.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from tests.deploy.stack import render_site_config, write_nginx_config  # noqa: E402 (the one nginx writer)


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
    for name in ("cache", "ceiling"):
        (run / name).mkdir(parents=True, exist_ok=True)
    site = render_site_config(run, static_root=static_root, media_root=media_root, upstreams=[app_port], http_port=port)
    return write_nginx_config(run, site + render_ceiling(run, port=ceiling_port), brotli=False, workers="auto", connections=4096)


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
