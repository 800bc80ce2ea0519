"""The production stack on this machine: gunicorn app servers, the task worker and nginx.

Used by the deploy tests, `make lighthouse` and `make bench` (tools/bench/nginx_conf.py).

Everything runs as this user's own processes on ports 8650-8669, with nginx's prefix, pid, logs,
cache and temporary files inside a temporary folder, and the real deploy/nginx/cerobio.conf with
its server-specific paths replaced (`render_site_config`).
"""

from __future__ import annotations

import http.client
import os
import re
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
NGINX_DIR = REPO / "deploy" / "nginx"
BROTLI_MODULE = Path("/usr/lib/nginx/modules/ngx_http_brotli_filter_module.so")
HOST = "localhost"  # the Site's hostname and the certificate's name
# As long as the one docs/deploy.md has operators make (`openssl rand -hex 32`: 64 characters).
REFRESH_SECRET = "5f0c2e8a9b7d41c6a3e2f1d0c9b8a7f6e5d4c3b2a1908f7e6d5c4b3a29180f7e"

HTTP_PORT, HTTPS_PORT = 8650, 8651
APP_PORTS = (8652, 8653)
SPARE_APP_PORT = 8654


def nginx_binary() -> str | None:
    return shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin:/sbin")


def make_certificate(folder: Path) -> tuple[Path, Path]:
    """A self-signed certificate for `localhost`, made with openssl."""
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
         "-keyout", str(key), "-out", str(cert), "-subj", f"/CN={HOST}",
         "-addext", f"subjectAltName=DNS:{HOST}"],
        check=True, capture_output=True,
    )  # fmt: skip
    return cert, key


def render_site_config(
    folder: Path, *, static_root: Path, media_root: Path, upstreams, cert: Path | None = None, key: Path | None = None,
    http_port: int = HTTP_PORT, https_port: int = HTTPS_PORT,
) -> str:  # fmt: skip
    """deploy/nginx/cerobio.conf with this machine's paths and ports in place of the server's.

    With a certificate: as in production, https on `https_port` and the redirect on `http_port` (the
    deploy tests, `make lighthouse`). Without: plain http on `http_port`, the redirect server dropped
    and TLS off (`make bench`). A replacement that no longer matches the production file fails loudly,
    so nothing ever runs a config that drifted from deploy/.
    """
    text = (NGINX_DIR / "cerobio.conf").read_text()
    servers = "\n    ".join(f"server 127.0.0.1:{port} max_fails=3 fail_timeout=10s;" for port in upstreams)
    replacements = [
        ("server 127.0.0.1:8000 max_fails=3 fail_timeout=10s;", servers),
        ("server_name cerobio.example;", f"server_name {HOST};"),
        ("/srv/cerobio/staticfiles/", f"{static_root}/"),
        ("/srv/cerobio/media/", f"{media_root}/"),
        ("/var/cache/nginx/cerobio", str(folder / "cache")),
        ("/etc/nginx/cerobio/", f"{folder}/"),
        ("/var/log/nginx/cerobio.access.log", str(folder / "access.log")),
        ("listen [::]:443 ssl http2;\n", ""),
    ]
    if cert is not None:
        replacements += [
            ("/etc/letsencrypt/live/cerobio.example/fullchain.pem", str(cert)),
            ("/etc/letsencrypt/live/cerobio.example/privkey.pem", str(key)),
            ("/var/www/letsencrypt", str(folder / "acme")),
            ("listen 443 ssl http2;", f"listen 127.0.0.1:{https_port} ssl http2;"),
            ("listen 80;", f"listen 127.0.0.1:{http_port};"),
            ("listen [::]:80;\n", ""),
        ]
    else:
        redirect = re.compile(r"^server \{\n    listen 80;.*?^\}\n", re.M | re.S)
        assert redirect.search(text), "the http-to-https server in deploy/nginx/cerobio.conf changed; update tests/deploy/stack.py"
        text = re.sub(r"^\s*ssl_[a-z_]+ [^\n]*;\n", "", redirect.sub("", text, count=1), flags=re.M)
        replacements.append(("listen 443 ssl http2;", f"listen 127.0.0.1:{http_port};"))
    for old, new in replacements:
        assert old in text, f"deploy/nginx/cerobio.conf no longer contains {old!r}; update tests/deploy/stack.py"
        text = text.replace(old, new)
    return text


def write_nginx_config(folder: Path, site: str, *, brotli: bool, workers: str = "2", connections: int = 1024) -> Path:
    """nginx.conf for a private nginx (`daemon off`, everything inside `folder`) including `site`."""
    (folder / "cerobio.conf").write_text(site)
    refresh = (NGINX_DIR / "cerobio-refresh.conf").read_text()
    refresh = refresh.replace("REPLACE-WITH-NGINX_CACHE_REFRESH_SECRET", REFRESH_SECRET)
    (folder / "refresh-secret.conf").write_text(refresh)
    if brotli:
        shutil.copy(NGINX_DIR / "brotli.conf", folder / "brotli.conf")
    for name in ("tmp", "acme"):
        (folder / name).mkdir(exist_ok=True)
    lines = [
        f"load_module {BROTLI_MODULE};" if brotli else "",
        "user root;" if os.geteuid() == 0 else "",  # the workers read the test's private folders
        "daemon off;",
        f"worker_processes {workers};",
        f"pid {folder}/nginx.pid;",
        f"error_log {folder}/error.log warn;",
        f"events {{ worker_connections {connections}; }}",
        "http {",
        "    include /etc/nginx/mime.types;",
        "    default_type application/octet-stream;",
        "    sendfile on;",
        "    tcp_nopush on;",
        f"    access_log {folder}/access.log;",
        *(
            f"    {kind}_temp_path {folder / 'tmp' / kind};"
            for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
        ),
        f"    include {folder}/cerobio.conf;",
        "}",
    ]
    conf = folder / "nginx.conf"
    conf.write_text("\n".join(line for line in lines if line) + "\n")
    return conf


def nginx_test(conf: Path) -> subprocess.CompletedProcess:
    """`nginx -t` on the configuration."""
    assert nginx_binary(), "nginx is not installed (apt-get install nginx)"
    return subprocess.run(
        [nginx_binary(), "-t", "-p", str(conf.parent), "-c", str(conf)],
        capture_output=True,
        text=True,
        check=False,
    )


def wait_for_port(port: int, process: subprocess.Popen | None = None, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"process on port {port} exited with {process.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.1)
    raise TimeoutError(f"nothing listens on port {port} after {timeout} s")


def port_is_free(port: int) -> bool:
    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) != 0


@dataclass
class Response:
    status: int
    headers: http.client.HTTPMessage
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", "replace")

    def header(self, name: str) -> str:
        return self.headers.get(name, "")


def request(
    port: int, path: str, *, method: str = "GET", headers: dict | None = None, body: bytes | None = None,
    https: bool = True, host: str | None = None, timeout: float = 60,
) -> Response:  # fmt: skip
    """One HTTP request to 127.0.0.1:port, as a browser addressing `localhost` would send it."""
    if https:
        context = ssl.create_default_context()
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE  # the test's self-signed certificate (curl -k)
        conn = http.client.HTTPSConnection("127.0.0.1", port, timeout=timeout, context=context)
        conn.sock = context.wrap_socket(
            socket.create_connection(("127.0.0.1", port), timeout), server_hostname=HOST
        )
    else:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    all_headers = {"Host": host or f"{HOST}:{port}", **(headers or {})}
    try:
        conn.request(method, path, body=body, headers=all_headers)
        response = conn.getresponse()
        return Response(response.status, response.headers, response.read())
    finally:
        conn.close()


class Process:
    """A child process whose output goes to a log file, stopped with TERM (then KILL)."""

    def __init__(self, name: str, command: list[str], env: dict, log_dir: Path):
        self.name = name
        self.log_path = log_dir / f"{name}.log"
        self._log = self.log_path.open("wb")
        self.popen = subprocess.Popen(
            command, cwd=REPO, env=env, stdout=self._log, stderr=subprocess.STDOUT
        )

    @property
    def pid(self) -> int:
        return self.popen.pid

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def stop(self, sig=signal.SIGTERM, timeout: float = 40) -> None:
        if self.popen.poll() is None:
            self.popen.send_signal(sig)
            try:
                self.popen.wait(timeout)
            except subprocess.TimeoutExpired:
                self.popen.kill()
                self.popen.wait()
        self._log.close()


def production_env(*, database_url: str, redis_url: str, static_root: Path, media_root: Path, cert: Path | None,
                   https_port: int = HTTPS_PORT, **extra) -> dict:  # fmt: skip
    """The environment of a production app server (and of `manage.py` commands run beside it)."""
    env = {
        key: value for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "PYTEST", "DATABASE_URL", "REDIS_URL"))
    }  # fmt: skip
    env.update(
        DJANGO_SETTINGS_MODULE="cerobio.settings.production",
        SECRET_KEY="deploy-test-secret-key-" + "x" * 40,
        DATABASE_URL=database_url,
        REDIS_URL=redis_url,
        ALLOWED_HOSTS=f"{HOST},127.0.0.1",
        SITE_URL=f"https://{HOST}",
        STATIC_ROOT=str(static_root),
        MEDIA_ROOT=str(media_root),
        NGINX_CACHE_REFRESH_SECRET=REFRESH_SECRET,
        NGINX_CACHE_SERVERS=f"127.0.0.1:{https_port}",
        LOG_FORMAT="plain",
        WEB_CONCURRENCY="2",
        PYTHONDONTWRITEBYTECODE="1",
    )
    if cert is not None:
        env["SSL_CERT_FILE"] = str(
            cert
        )  # the cache refresh checks nginx's certificate against this one
    env.update({k: str(v) for k, v in extra.items()})
    return env


def start_app_server(name: str, port: int, env: dict, log_dir: Path) -> Process:
    """gunicorn with deploy/gunicorn.conf.py on 127.0.0.1:port."""
    gunicorn = str(Path(sys.executable).with_name("gunicorn"))
    server = Process(
        name, [gunicorn, "--config", "deploy/gunicorn.conf.py"], {**env, "PORT": str(port)}, log_dir
    )
    return server


def wait_until_serving(server: Process, port: int, timeout: float = 90) -> None:
    """Wait until gunicorn answers a page (its workers have started)."""
    wait_for_port(port, server.popen, timeout)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            probe = request(
                port, "/robots.txt", https=False, timeout=5, headers={"X-Forwarded-Proto": "https"}
            )
            if probe.status == 200:
                # Render a page in each worker once, so the first test does not wait for cold templates.
                for _ in range(4):
                    request(
                        port, "/what-is-milia/", https=False, headers={"X-Forwarded-Proto": "https"}
                    )
                return
        except OSError:
            pass
        if server.popen.poll() is not None:
            break
        time.sleep(0.2)
    raise RuntimeError(f"{server.name} did not start:\n{server.log()[-3000:]}")


@dataclass
class Servers:
    """The stack's processes: gunicorn app servers, the task worker and nginx."""

    apps: list[Process]
    worker: Process | None = None
    nginx: Process | None = None

    def stop(self) -> None:
        for process in [self.nginx, self.worker]:
            if process is not None:
                process.stop()
        for app in self.apps:
            app.stop(signal.SIGINT)  # gunicorn's quick shutdown: nothing is in flight any more

    def logs(self) -> str:
        return "\n".join(f"--- {p.name} ---\n{p.log()[-3000:]}" for p in [*self.apps, self.worker, self.nginx] if p)


def start_servers(
    folder: Path, env: dict, *, app_ports, nginx_conf: Path, nginx_port: int, app_names=None, worker_nice: int = 0
) -> Servers:  # fmt: skip
    """gunicorn on each app port, the task worker and nginx (`nginx_conf`, checked with `nginx -t`
    first), each logging into `folder`; returns once the app servers and nginx answer.

    The one start-up of the stack: the deploy tests, and `make bench` through `main` below."""
    checked = nginx_test(nginx_conf)
    assert checked.returncode == 0, checked.stderr
    names = app_names or ["app-" + "ABCDEFGH"[index] for index in range(len(app_ports))]
    servers = Servers([])
    try:
        for name, port in zip(names, app_ports, strict=True):
            servers.apps.append(start_app_server(name, port, env, folder))
        servers.nginx = Process("nginx", [nginx_binary(), "-p", str(nginx_conf.parent), "-c", str(nginx_conf)], env, folder)
        worker = [sys.executable, "manage.py", "task_worker"]
        servers.worker = Process("worker", ["nice", "-n", str(worker_nice), *worker] if worker_nice else worker, env, folder)
        for server, port in zip(servers.apps, app_ports, strict=True):
            wait_until_serving(server, port)
        wait_for_port(nginx_port, servers.nginx.popen)
    except BaseException:
        servers.stop()
        raise
    return servers


class Shell:
    """One Python process with Django set up as the app servers have it, running code sent to it.

    Editors' changes (publishing a revision, editing a snippet or a rule) are made here: the same
    code paths as in the admin, with the servers' settings, without paying Django's start-up each time.
    """

    def __init__(self, env: dict):
        self.popen = subprocess.Popen(
            [sys.executable, str(Path(__file__).with_name("django_shell.py"))], cwd=REPO, text=True,
            env={**env, "PYTHONPATH": str(REPO)},
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        )  # fmt: skip
        self._ready = False

    def run(self, code: str) -> str:
        """Run `code` (statements); its output, or an AssertionError with the traceback."""
        if not self._ready:
            self._read_until("READY")
            self._ready = True
        self.popen.stdin.write(code.rstrip("\n") + "\n--END--\n")
        self.popen.stdin.flush()
        output, status = self._read_until("--OK--", "--FAILED--")
        assert status == "--OK--", output
        return output

    def _read_until(self, *markers: str):
        lines = []
        for line in self.popen.stdout:
            if line.strip() in markers:
                return "".join(lines), line.strip()
            lines.append(line)
        raise AssertionError("the Django shell stopped:\n" + "".join(lines))

    def stop(self) -> None:
        if self.popen.poll() is None:
            self.popen.stdin.close()
            try:
                self.popen.wait(20)
            except subprocess.TimeoutExpired:
                self.popen.kill()


def manage(env: dict, *args: str, stdin: str | None = None, timeout: float = 120) -> str:
    """Run manage.py with the app servers' environment; its output (fails the test on an error)."""
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=REPO, env=env, input=stdin, capture_output=True, text=True,
        timeout=timeout, check=False,
    )  # fmt: skip
    assert result.returncode == 0, (
        f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}"
    )
    return result.stdout


def main() -> None:
    """`python tests/deploy/stack.py RUN_DIR --app-port P --nginx-conf CONF --nginx-port N`: start the
    servers with this environment (tools/bench/stack.sh sets the production one), write their process
    ids to RUN_DIR/stack.pids (for tools/bench/cpu.py), and stop them all on SIGTERM or SIGINT."""
    import argparse
    import threading

    parser = argparse.ArgumentParser(description=main.__doc__.splitlines()[0])
    parser.add_argument("run", type=Path)
    parser.add_argument("--app-port", type=int, required=True)
    parser.add_argument("--nginx-conf", type=Path, required=True)
    parser.add_argument("--nginx-port", type=int, required=True)
    parser.add_argument("--worker-nice", type=int, default=0)
    args = parser.parse_args()
    stop = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stop.set())
    servers = start_servers(
        args.run, dict(os.environ), app_ports=[args.app_port], nginx_conf=args.nginx_conf,
        nginx_port=args.nginx_port, app_names=["gunicorn"], worker_nice=args.worker_nice,
    )  # fmt: skip
    try:
        (args.run / "stack.pids").write_text(
            f"GUNICORN_PID={servers.apps[0].pid}\nWORKER_PID={servers.worker.pid}\nNGINX_PID={servers.nginx.pid}\n"
        )
        print("READY", flush=True)
        while not stop.wait(1):
            if any(p.popen.poll() is not None for p in [*servers.apps, servers.worker, servers.nginx]):
                print(servers.logs(), file=sys.stderr)
                sys.exit("a server of the stack stopped")
    finally:
        servers.stop()


if __name__ == "__main__":
    main()
