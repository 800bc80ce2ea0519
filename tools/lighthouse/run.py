"""`make lighthouse`: Lighthouse (mobile preset) on six pages of the production stack; scores into docs/performance.md.

The stack is the one a server runs: `deploy/serve.sh` (what `make serve` starts: gunicorn with
production settings, WhiteNoise's hashed static files, PostgreSQL, the demo content) behind nginx
with the real deploy/nginx/cerobio.conf (TLS with a throwaway self-signed certificate for
localhost, gzip and brotli, the whole-page cache), set up the way tests/deploy/stack.py does it.
Without nginx installed, Lighthouse talks to gunicorn directly and the report says so.

For each page it runs Lighthouse 12 (.cache/lighthouse, pinned by tools/lighthouse/package-lock.json)
against Debian's Chromium LIGHTHOUSE_RUNS times (default 3) and keeps the median run by performance,
as Lighthouse's own advice on variability says. A run that Lighthouse itself flags as taken on a CPU
too slow to trust (benchmark index under 1000, usually a machine busy with other work) is repeated,
up to twice the number of runs; a run where Chromium fails to trace is retried. It prints the four
category scores, writes them under "Lighthouse" in docs/performance.md, and exits 1 when a target
is missed:

    home, guide page, subtype page        100 in performance, accessibility, best practices and SEO
    identifier, product page, checkout    performance >= 95, the other three 100

Environment: LIGHTHOUSE_PORT (default 8670: gunicorn; nginx takes the next two ports for https and
http), DATABASE_URL (default postgres://postgres@127.0.0.1:5432/cerobio_lighthouse), REDIS_URL (as
`make serve`), CHROME_PATH (default /usr/bin/chromium), LIGHTHOUSE_RUNS, LIGHTHOUSE_URL (measure a
server that is already running instead; one basket is created there). Needs Node.js 18.16+ and npm.
"""

# ruff: noqa: S603, S607, S310 (a developer's tool: runs git, nginx, Chromium and Lighthouse, fetches localhost)
from __future__ import annotations

import argparse
import contextlib
import datetime
import http.cookiejar
import json
import os
import re
import shutil
import signal
import ssl
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tools.perfdoc import update_section  # noqa: E402 (no Django needed)

CACHE = ROOT / ".cache" / "lighthouse"
LIGHTHOUSE = CACHE / "node_modules" / ".bin" / "lighthouse"
REPORTS = CACHE / "reports"
CHROME = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
CHROME_FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# Below this, Lighthouse warns that the machine is too slow for its CPU throttling to be trusted
# (core/gather/driver/environment.js, SLOW_CPU_BENCHMARK_INDEX_THRESHOLD).
SLOW_HOST_BENCHMARK = 1000
ALL_100 = {"performance": 100, "accessibility": 100, "best-practices": 100, "seo": 100}
SHOP_LIKE = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
# The checkout is a visitor's own page: it says noindex and robots.txt keeps crawlers out, on purpose.
# Lighthouse's "Page isn't blocked from indexing" fails it for exactly that, so that one audit is
# skipped there; the rest of SEO still counts (docs/performance.md).
CHECKOUT_SKIPS = ["is-crawlable"]
INSECURE = ssl.create_default_context()
INSECURE.check_hostname = False
INSECURE.verify_mode = ssl.CERT_NONE  # our own throwaway certificate for localhost


@dataclass
class Target:
    key: str
    label: str
    path: str
    wanted: dict
    needs_basket: bool = False
    skip_audits: list = field(default_factory=list)


@dataclass
class Run:
    scores: dict
    benchmark: float
    costly: list  # the audits that cost points


@dataclass
class Result:
    target: Target
    url: str
    runs: list = field(default_factory=list)
    error: str = ""

    @property
    def chosen(self) -> Run | None:
        """The median run by performance, among the runs Lighthouse trusts (all runs if none)."""
        trusted = [r for r in self.runs if r.benchmark >= SLOW_HOST_BENCHMARK] or self.runs
        if not trusted:
            return None
        ordered = sorted(trusted, key=lambda r: r.scores["performance"])
        return ordered[(len(ordered) - 1) // 2]

    @property
    def scores(self) -> dict:
        return self.chosen.scores if self.chosen else {}

    @property
    def busy_host(self) -> bool:
        return bool(self.runs) and all(r.benchmark < SLOW_HOST_BENCHMARK for r in self.runs)

    @property
    def missed(self) -> list[str]:
        if not self.runs:
            return [self.error or "no run finished"]
        return [
            f"{c} {self.scores.get(c)} < {want}"
            for c, want in self.target.wanted.items()
            if self.scores.get(c, 0) < want
        ]


def targets(product_path: str) -> list[Target]:
    return [
        Target("home", "Home", "/", ALL_100),
        Target("guide", "Guide page (What is milia?)", "/what-is-milia/", ALL_100),
        Target("subtype", "Subtype page (milia en plaque)", "/types/milia-en-plaque/", ALL_100),
        Target("identify", "Identifier start", "/identify/", SHOP_LIKE),
        Target("product", "Product page", product_path, SHOP_LIKE),
        Target(
            "checkout",
            "Checkout (one kit in the basket)",
            "/checkout/",
            SHOP_LIKE,
            needs_basket=True,
            skip_audits=CHECKOUT_SKIPS,
        ),
    ]


# ---------- the stack ----------


class Stack:
    """deploy/serve.sh on app_port, with nginx in front on the next two ports when nginx is installed."""

    def __init__(self, app_port: int):
        self.app_port, self.https_port, self.http_port = app_port, app_port + 1, app_port + 2
        self.processes: list[subprocess.Popen] = []
        self.nginx = self._nginx_helpers()
        self.base = (
            f"https://localhost:{self.https_port}"
            if self.nginx
            else f"http://localhost:{self.app_port}"
        )
        self.description = (
            "the production stack: nginx with deploy/nginx/cerobio.conf (TLS, gzip, page cache) in front of "
            "`make serve`'s gunicorn with production settings on PostgreSQL"
            if self.nginx
            else "`make serve`'s gunicorn with production settings on PostgreSQL, without nginx (not installed here), "
            "so HTML is sent uncompressed"
        )

    @staticmethod
    def _nginx_helpers():
        if not shutil.which("nginx", path=f"{os.environ.get('PATH', '')}:/usr/sbin:/sbin"):
            return None
        try:
            from tests.deploy import stack
        except ImportError:
            return None
        return stack

    def start(self) -> None:
        CACHE.mkdir(parents=True, exist_ok=True)
        env = {
            **os.environ,
            "PORT": str(self.app_port),
            "HOST": "127.0.0.1",
            "DATABASE_URL": os.environ.get(
                "DATABASE_URL", "postgres://postgres@127.0.0.1:5432/cerobio_lighthouse"
            ),
            "SITE_URL": self.base,
            "ALLOWED_HOSTS": "localhost,127.0.0.1",
            "SECURE_SSL_REDIRECT": "0",
            "SERVE_DEMO": "1",
            "STATIC_ROOT": str(CACHE / "staticfiles"),
            "MEDIA_ROOT": str(CACHE / "media"),
            "LOG_LEVEL": os.environ.get("LOG_LEVEL", "WARNING"),
        }
        # serve.sh collects static files only when cerobio/static changed; the stylesheet bundles are
        # defined in Python (cerobio/core/stylesheet.py), so always collect (it is incremental).
        (CACHE / "staticfiles" / "staticfiles.json").unlink(missing_ok=True)
        print(
            f"Starting deploy/serve.sh on port {self.app_port} (log: {CACHE / 'server.log'})",
            flush=True,
        )
        self._spawn(["deploy/serve.sh"], env, CACHE / "server.log")
        wait_until_ready(f"http://127.0.0.1:{self.app_port}", self.processes[0])
        if self.nginx:
            self._start_nginx()
            wait_until_ready(self.base, self.processes[-1])

    def _start_nginx(self) -> None:
        stack, folder = self.nginx, CACHE / "nginx"
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        cert, key = stack.make_certificate(folder)
        site = stack.render_site_config(
            folder,
            static_root=CACHE / "staticfiles",
            media_root=CACHE / "media",
            upstreams=[self.app_port],
            cert=cert,
            key=key,
            http_port=self.http_port,
            https_port=self.https_port,
        )
        conf = stack.write_nginx_config(folder, site, brotli=stack.BROTLI_MODULE.exists())
        print(f"Starting nginx on https://localhost:{self.https_port} (config: {conf})", flush=True)
        self._spawn(
            [stack.nginx_binary(), "-p", str(folder), "-c", str(conf)],
            dict(os.environ),
            folder / "nginx.log",
        )

    def _spawn(self, command: list[str], env: dict, log: Path) -> None:
        handle = log.open("w")
        self.processes.append(
            subprocess.Popen(
                command,
                cwd=ROOT,
                env=env,
                stdout=handle,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        )

    def stop(self) -> None:
        for process in reversed(self.processes):
            try:
                os.killpg(process.pid, signal.SIGTERM)
                process.wait(timeout=30)
            except (ProcessLookupError, subprocess.TimeoutExpired):
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGKILL)


def opener(jar: http.cookiejar.CookieJar | None = None) -> urllib.request.OpenerDirector:
    handlers = [urllib.request.HTTPSHandler(context=INSECURE)]
    if jar is not None:
        handlers.append(urllib.request.HTTPCookieProcessor(jar))
    return urllib.request.build_opener(*handlers)


def wait_until_ready(base: str, process: subprocess.Popen | None, seconds: int = 900) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            sys.exit(
                f"{process.args[0]} stopped (exit {process.returncode}); see the logs in {CACHE}."
            )
        try:
            with opener().open(f"{base}/readyz", timeout=5) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(2)
    sys.exit(f"{base} did not become ready in {seconds} s.")


def fetch(base: str, path: str) -> str:
    with opener().open(f"{base}{path}", timeout=60) as response:
        return response.read().decode()


def product_path(base: str) -> str:
    match = re.search(r'href="(/shop/[a-z0-9-]+/)"', fetch(base, "/shop/"))
    if not match:
        sys.exit("No product link on /shop/.")
    return match.group(1)


def basket_cookie(base: str, path: str) -> str:
    """Add the product page's first variant to a new basket as its form does; return the Cookie header.

    `base` is the app server itself: behind nginx the app sees the host without its port (nginx sends
    `Host $host`), so an Origin with this machine's odd port would not match; on a real server it is 443.
    """
    sku = re.search(r'name="sku" id="[^"]+" value="([^"]+)"', fetch(base, path))
    if not sku:
        sys.exit(f"No variant to add on {path}.")
    jar = http.cookiejar.CookieJar()
    body = urllib.parse.urlencode({"action": "add", "sku": sku.group(1), "quantity": "1"}).encode()
    request = urllib.request.Request(
        f"{base}/basket/", data=body, headers={"Origin": base, "Referer": f"{base}{path}"}
    )
    opener(jar).open(request, timeout=60).read()
    cookies = [f"{c.name}={c.value}" for c in jar if c.name == "cerobio_basket"]
    if not cookies:
        sys.exit("Adding to the basket set no basket cookie.")
    return "; ".join(cookies)


# ---------- Lighthouse ----------


def run_lighthouse(url: str, key: str, extra_headers: dict | None, skip: list[str]) -> dict:
    REPORTS.mkdir(parents=True, exist_ok=True)
    report = REPORTS / f"{key}.json"
    report.unlink(missing_ok=True)
    flags = [
        *CHROME_FLAGS,
        *(["--ignore-certificate-errors"] if url.startswith("https://localhost") else []),
    ]
    command = [
        str(LIGHTHOUSE),
        url,
        "--output=json",
        f"--output-path={report}",
        "--quiet",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={' '.join(flags)}",
    ]
    if extra_headers:
        command.append(f"--extra-headers={json.dumps(extra_headers)}")
    if skip:
        command.append(f"--skip-audits={','.join(skip)}")
    completed = subprocess.run(
        command,
        env={**os.environ, "CHROME_PATH": CHROME},
        capture_output=True,
        text=True,
        timeout=300,
    )
    if completed.returncode != 0 or not report.exists():
        raise RuntimeError(
            f"lighthouse exited {completed.returncode}: {completed.stderr.strip()[-400:]}"
        )
    data = json.loads(report.read_text())
    if data.get("runtimeError"):
        raise RuntimeError(
            f"{data['runtimeError'].get('code')}: {data['runtimeError'].get('message')}"
        )
    if any(data["categories"][c]["score"] is None for c in CATEGORIES):
        raise RuntimeError("a category has no score (the trace failed)")
    final = data.get("finalDisplayedUrl", url)
    if final.rstrip("/") != url.rstrip("/"):
        raise RuntimeError(f"ended on {final}, not {url}")
    return data


def costly_audits(data: dict) -> list[str]:
    """Audits that scored below 1 in a category, with their titles, for whoever fixes them."""
    seen = []
    for category in CATEGORIES:
        for ref in data["categories"][category]["auditRefs"]:
            audit = data["audits"][ref["id"]]
            if ref.get("weight", 0) > 0 and audit.get("score") is not None and audit["score"] < 1:
                value = f" ({audit['displayValue']})" if audit.get("displayValue") else ""
                seen.append(
                    f"{category}: {ref['id']} {audit['score']:.2f}{value}: {audit['title']}"
                )
    return seen


def measure(base: str, target: Target, cookie: str | None, runs: int) -> Result:
    result = Result(target, f"{base}{target.path}")
    headers = {"Cookie": cookie} if target.needs_basket and cookie else None
    trusted = 0
    for attempt in range(1, 2 * runs + 1):
        if trusted >= runs:
            break
        try:
            data = run_lighthouse(
                result.url, f"{target.key}-{attempt}", headers, target.skip_audits
            )
        except (RuntimeError, subprocess.TimeoutExpired, json.JSONDecodeError) as error:
            result.error = str(error)
            print(f"  run {attempt}: {error}", flush=True)
            continue
        run = Run(
            scores={c: round(data["categories"][c]["score"] * 100) for c in CATEGORIES},
            benchmark=data["environment"].get("benchmarkIndex") or 0,
            costly=costly_audits(data),
        )
        result.runs.append(run)
        trusted += run.benchmark >= SLOW_HOST_BENCHMARK
        note = (
            ""
            if run.benchmark >= SLOW_HOST_BENCHMARK
            else "  (CPU busy: Lighthouse does not trust this run)"
        )
        print(
            f"  run {attempt}: {format_scores(run.scores)}  benchmark index {run.benchmark:.0f}{note}",
            flush=True,
        )
    return result


# ---------- report ----------


def format_scores(scores: dict) -> str:
    return "  ".join(f"{c} {scores.get(c, '–')}" for c in CATEGORIES)


def first_line(command: list[str]) -> str:
    try:
        return (
            subprocess.run(command, capture_output=True, text=True, timeout=30)
            .stdout.strip()
            .splitlines()[0]
        )
    except (OSError, IndexError, subprocess.TimeoutExpired):
        return "unknown"


def commit() -> str:
    sha = first_line(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"])
    dirty = subprocess.run(
        ["git", "-C", str(ROOT), "status", "--porcelain", "--untracked-files=no"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    return f"{sha} (with uncommitted changes)" if dirty else sha


def markdown(results: list[Result], stack: str, runs: int) -> str:
    def target_text(r: Result) -> str:
        text = "100 in all four" if r.target.wanted == ALL_100 else "performance ≥ 95, the rest 100"
        return text + (
            " (SEO without `is-crawlable`: noindex on purpose)" if r.target.skip_audits else ""
        )

    lines = [
        f"Measured {datetime.date.today().isoformat()} at commit {commit()} with {first_line([CHROME, '--version'])} "
        f"and Lighthouse {first_line([str(LIGHTHOUSE), '--version'])}, mobile preset (simulated slow 4G, 4x CPU "
        f"slowdown), median of {runs} run{'s' if runs > 1 else ''} per page, against {stack}. "
        "CPU: Lighthouse's benchmark index of the run shown (under 1000, Lighthouse warns that the "
        "machine is too busy or slow for the performance score to be trusted). Refresh with `make lighthouse`.",
        "",
        "| page | path | performance | accessibility | best practices | SEO | CPU | target | met |",
        "|---|---|--:|--:|--:|--:|--:|---|---|",
    ]
    for r in results:
        cells = " | ".join(str(r.scores.get(c, "–")) for c in CATEGORIES)
        met = "yes" if not r.missed else "**no**: " + "; ".join(r.missed)
        if r.busy_host:
            met += " (every run on a busy CPU: benchmark index under 1000)"
        path = urllib.parse.urlsplit(r.url).path
        cpu = f"{r.chosen.benchmark:.0f}" if r.chosen else "–"
        lines.append(
            f"| {r.target.label} | `{path}` | {cells} | {cpu} | {target_text(r)} | {met} |"
        )
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--no-write", action="store_true", help="print the scores, leave docs/performance.md alone"
    )
    parser.add_argument(
        "--only", help="comma-separated page keys (home,guide,subtype,identify,product,checkout)"
    )
    args = parser.parse_args()
    if not LIGHTHOUSE.exists():
        sys.exit(
            "Lighthouse is not installed: run `make lighthouse` (it runs npm ci into .cache/lighthouse)."
        )
    runs = max(1, int(os.environ.get("LIGHTHOUSE_RUNS", "3")))
    # Stopped with TERM (or Ctrl-C): still stop the servers it started, in the `finally` below.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    signal.signal(signal.SIGINT, lambda *_: sys.exit(130))

    stack = None
    base = os.environ.get("LIGHTHOUSE_URL", "").rstrip("/")
    description = f"the server already running at {base}"
    if not base:
        stack = Stack(int(os.environ.get("LIGHTHOUSE_PORT", "8670")))
        base, description = stack.base, stack.description
    results = []
    try:
        if stack is not None:
            stack.start()
        product = product_path(base)
        chosen = targets(product)
        if args.only:
            chosen = [t for t in chosen if t.key in set(args.only.split(","))]
        app = f"http://127.0.0.1:{stack.app_port}" if stack is not None else base
        cookie = basket_cookie(app, product) if any(t.needs_basket for t in chosen) else None
        for target in chosen:
            if not target.needs_basket:
                # A visitor has been here before: nginx has the page in its cache.
                fetch(base, target.path)
            print(f"Lighthouse: {target.label} ({base}{target.path})", flush=True)
            result = measure(base, target, cookie, runs)
            results.append(result)
            verdict = "ok" if not result.missed else "MISSED: " + "; ".join(result.missed)
            print(f"  median: {format_scores(result.scores)}  {verdict}", flush=True)
            for problem in result.chosen.costly if result.chosen else []:
                print(f"    - {problem}")
    finally:
        if stack is not None:
            stack.stop()

    if not args.no_write and not args.only:
        update_section("lighthouse", "Lighthouse", markdown(results, description, runs))
        print("Wrote the scores into docs/performance.md.")
    missed = [r for r in results if r.missed]
    if missed:
        print(
            f"Targets missed on: {', '.join(r.target.label for r in missed)}. Reports: {REPORTS}/"
        )
        return 1
    print(f"Every Lighthouse target met (median of {runs} runs per page).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
