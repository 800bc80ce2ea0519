"""The `make bench` / `make loadtest` harness itself (tools/bench/): fast checks, no servers started.

The benchmark runs nowhere near the test suite (it needs the whole machine for minutes); these tests
only make sure that it still fits the project: its nginx is the production config turned into plain
http, and its report fails a run that misses a target.
"""

import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "tools" / "bench"))

import cpu  # noqa: E402
import nginx_conf  # noqa: E402
import report  # noqa: E402


def _nginx() -> str | None:
    return shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin:/sbin")


def _render(tmp_path) -> str:
    nginx_conf.write(
        tmp_path, port=8700, ceiling_port=8701, app_port=8702,
        static_root=tmp_path / "static", media_root=tmp_path / "media",
    )  # fmt: skip
    return (tmp_path / "cerobio.conf").read_text()


def test_the_bench_nginx_is_the_production_config_on_plain_http(tmp_path):
    site = _render(tmp_path)
    assert "listen 127.0.0.1:8700;" in site and "listen 127.0.0.1:8701;" in site
    assert not [
        line for line in site.splitlines() if line.strip().startswith(("ssl_", "listen 443"))
    ]
    assert "return 301 https" not in site, "the redirect to https would answer every request"
    # What the bench measures: the production page cache, its key and its bypass rules.
    for production in ("proxy_cache cerobio;", "proxy_cache_bypass $cerobio_private", "gzip on;",
                       "add_header X-Cache-Status $upstream_cache_status always;"):  # fmt: skip
        assert production in site, production
    assert "server 127.0.0.1:8702 " in site
    assert str(tmp_path / "cache") in site and "/var/cache/nginx" not in site


@pytest.mark.skipif(_nginx() is None, reason="nginx is not installed (make bench installs it)")
def test_the_bench_nginx_config_passes_nginx_t(tmp_path):
    _render(tmp_path)
    result = subprocess.run(
        [_nginx(), "-t", "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf")],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr


def _wrk(
    path: Path, *, requests: int, p99_ms: float, statuses=None, timeouts: int = 0, **counters
) -> None:
    path.write_text(json.dumps({
        "duration_us": 15_000_000, "requests": requests, "bytes": 0,
        "errors": {"connect": 0, "read": 0, "write": 0, "status": 0, "timeout": timeouts},
        "latency": {"p50": p99_ms * 500, "p90": p99_ms * 900, "p99": p99_ms * 1000, "max": p99_ms * 1000, "mean": 0},
        "statuses": statuses or {"200": requests}, "counters": counters,
    }))  # fmt: skip


def _results(tmp_path, *, cached_rps=85_000, checkout_ms=0.1, timeouts=0, not_hit=0) -> Path:
    _wrk(tmp_path / "a.json", requests=6000, p99_ms=50, timeouts=timeouts)
    _wrk(tmp_path / "a2.json", requests=600, p99_ms=500)
    _wrk(tmp_path / "b.json", requests=cached_rps, p99_ms=10, not_hit=not_hit)
    _wrk(tmp_path / "c.json", requests=3000, p99_ms=80)
    _wrk(tmp_path / "d.json", requests=3000, p99_ms=80, statuses={"201": 3000})
    _wrk(tmp_path / "e.json", requests=900, p99_ms=300, statuses={"201": 900}, checkout_201=300)
    _wrk(tmp_path / "e4.json", requests=600, p99_ms=100, statuses={"201": 600}, checkout_201=200)
    _wrk(tmp_path / "f.json", requests=90_000, p99_ms=5)
    line = '127.0.0.1 [x] "POST /api/v1/baskets/abc/checkout HTTP/1.1" 201 120 {t} cache=- upstream=u id=i\n'
    (tmp_path / "e.access.log").write_text(line.format(t=0.3) * 300)  # 300 ms at 16 journeys: no target
    (tmp_path / "e4.access.log").write_text(line.format(t=checkout_ms) * 200)
    (tmp_path / "meta.json").write_text(json.dumps({
        "date": "today", "commit": "abc", "machine": "2 cores", "load_before": "0.1", "wrk": "4",
        "connections": 16, "checkout_connections": 4, "threads": 2, "duration": "15s", "workers": 2,
    }))  # fmt: skip
    (tmp_path / "queries.json").write_text(json.dumps(
        {"subtype_page": 15, "create_basket": 1, "add_line": 12, "checkout": 52, "identify": 0}
    ))  # fmt: skip
    (tmp_path / "sizes.json").write_text(
        json.dumps({"html": 51620, "gzip": 12312, "ceiling_gzip": 12312})
    )
    return tmp_path


def _failed(results: Path) -> list[str]:
    _, targets = report.bench_report(results)
    return [name for name, ok, _ in targets if not ok]


def test_a_run_that_meets_every_target_passes(tmp_path):
    assert _failed(_results(tmp_path)) == []


@pytest.mark.parametrize(
    ("change", "missed"),
    [
        ({"cached_rps": 1000}, "subtype page from nginx's cache (b) ≥"),
        ({"checkout_ms": 0.4}, "checkout POST at 4 journeys at once (e4): p99 < 250 ms"),
        ({"timeouts": 1}, "no errors"),
        ({"not_hit": 1}, "no errors"),
    ],
)
def test_a_missed_target_fails_the_run(tmp_path, change, missed):
    failed = _failed(_results(tmp_path, **change))
    assert len(failed) == 1 and failed[0].startswith(missed), failed


def test_the_checkout_latency_is_the_checkout_calls_own(tmp_path):
    """wrk's p99 mixes the journey's three calls; the target reads nginx's time for the checkout POSTs."""
    results = _results(tmp_path)
    with (results / "e4.access.log").open("a") as log:
        log.write(
            '127.0.0.1 [x] "POST /api/v1/baskets HTTP/1.1" 201 50 9.000 cache=- upstream=u id=i\n'
        )
    text, targets = report.bench_report(results)
    assert "| e4 | 4 | 13 | 100.0 | 100.0 |" in text  # 200 orders in 15 s; the 9 s basket POST is not a checkout
    assert all(ok for _, ok, _ in targets)


def _snapshot(path: Path, *, wall, gunicorn, worker, nginx, postgres, paid, busy, waiting=0) -> None:
    path.write_text(json.dumps({
        "wall": wall, "groups": {"gunicorn": gunicorn, "worker": worker, "nginx": nginx},
        "postgres": postgres, "paid_orders": paid, "emails_waiting": waiting, "machine_busy": busy, "cores": 2,
    }))  # fmt: skip


def test_the_report_gives_the_processor_time_per_paid_order(tmp_path):
    """gunicorn, the task worker and the bench database's backends, divided by the orders paid meanwhile."""
    results = _results(tmp_path)
    _snapshot(results / "e4.cpu-before.json", wall=100, gunicorn=50, worker=10, nginx=1,
              postgres={"7": 5.0, "8": 1.0}, paid=1000, busy=500)  # fmt: skip
    # 20 s later, 200 orders paid: gunicorn 4 s, the worker 1 s, backends 7 and 9 (new) 1.5 s, backend 8 gone.
    _snapshot(results / "e4.cpu-after.json", wall=120, gunicorn=54, worker=11, nginx=1.2,
              postgres={"7": 6.0, "9": 0.5}, paid=1200, busy=536)  # fmt: skip
    text, _ = report.bench_report(results)
    assert "| e4 | 4 | 13 | 100.0 | 100.0 | **32.5** | 20.0 | 5.0 | 7.5 | 1.0 |" in text
    assert (
        "(e4): 200 orders paid between the CPU snapshots; the machine's cores were 90% busy over the run, "
        "the stack's own processes 17%."
    ) in text
    assert "1 PostgreSQL backends ended during the run (not counted)." in text
    assert "| e | 16 | 20 | 300.0 | 300.0 | – |" in text  # no snapshots for (e) here


def test_a_run_of_the_checkouts_only_reports_and_judges_just_those(tmp_path):
    """BENCH_SCENARIOS="e e4": the runs by turns that compare two commits or settings."""
    results = _results(tmp_path)
    for key in ("a", "a2", "b", "c", "d", "f"):
        (results / f"{key}.json").unlink()
    text, targets = report.bench_report(results)
    assert [name.split(":")[0] for name, _, _ in targets] == [
        "checkout POST at 4 journeys at once (e4)", "no errors (non-2xx, socket errors, cache misses in b)"
    ]
    assert "| e4 | 4 |" in text and "| a |" not in text and "| f |" not in text


def test_the_cpu_snapshot_counts_a_process_and_everything_under_it(tmp_path):
    """Finished children included (the kernel adds a reaped child's time to its parent's)."""
    parent = subprocess.Popen(
        [sys.executable, "-c",
         "import subprocess, sys, time; subprocess.run([sys.executable, '-c', 'sum(range(30_000_000))']); "
         "time.sleep(30)"],
    )  # fmt: skip
    try:
        for _ in range(300):  # until the child has finished and been reaped
            table = cpu.processes()
            if cpu.tree_seconds(table, parent.pid) > 0.2 and not [p for p, (pp, _) in table.items() if pp == parent.pid]:
                break
            time.sleep(0.05)
        assert cpu.tree_seconds(table, parent.pid) > 0.2
        assert cpu.tree_seconds(table, parent.pid) < cpu.tree_seconds(table, 1)  # not the whole machine
        assert cpu.tree_seconds(table, 2**22 + 1) == 0  # a process that is not there
    finally:
        parent.kill()
        parent.wait()
    assert cpu.machine_busy_seconds() > 0


def test_the_visitors_basket_cookie_opens_a_basket_with_the_kit(demo, client):
    """Row a2's cookie: a real basket line (price seen recorded), which the header then counts."""
    import measure  # tools/bench, on the path above

    name, value = measure.basket_cookie().split("=", 1)
    client.cookies[name] = value
    html = client.get("/types/milia-en-plaque/").content.decode()
    assert html.split('class="mini-basket__count">', 1)[1].startswith("1")
