"""The `make bench` report: the table, the targets, and the "Benchmark" section of docs/performance.md.

    report.py bench RESULTS_DIR [--write]
    report.py loadtest RESULTS_DIR [--write]

RESULTS_DIR holds what tools/bench/bench.sh (or loadtest.sh) gathered: one wrk summary per scenario
(<name>.json, written by lua/common.lua), the nginx access-log lines of each scenario that went
through nginx (<name>.access.log), queries.json, sizes.json and meta.json. Prints the table and
exits 1 when a target is missed. No Django here.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from cerobio.core.perfdoc import update_section  # a plain module: no Django

SCENARIOS = [
    ("a", "Subtype page, nginx's cache bypassed (gunicorn straight)"),
    ("a2", "Subtype page rendered on every request (gunicorn straight, PAGE_CACHE=0)"),
    ("b", "Subtype page, cached (nginx page cache)"),
    ("c", "Identifier API: POST /api/v1/identify"),
    ("d", "Add to basket: POST /api/v1/baskets/{token}/lines"),
    ("e", "API checkout journey (create basket, add line, checkout)"),
    ("f", "Ceiling: nginx serving the saved page as a static file"),
]
CEILING = "f"
# The targets (docs/performance.md): the numbers this 2-core machine must reach with wrk and nginx on it.
CACHED_VS_CEILING = 0.5
UNCACHED_RPS = 300
UNCACHED_P99_MS = 100
CHECKOUT_P99_MS = 250
LOG_LINE = re.compile(
    r'"(?P<method>[A-Z]+) (?P<path>\S+) [^"]*" (?P<status>\d{3}) \d+ (?P<time>[\d.]+) '
)
CHECKOUT_PATH = re.compile(r"^/api/v1/baskets/[^/]+/checkout$")


@dataclass
class Run:
    """One wrk run, from lua/common.lua's JSON summary."""

    requests: int
    seconds: float
    p50_ms: float
    p99_ms: float
    statuses: dict
    socket_errors: int
    counters: dict

    @classmethod
    def load(cls, path: Path) -> Run:
        data = json.loads(path.read_text())
        errors = data["errors"]
        return cls(
            requests=data["requests"],
            seconds=data["duration_us"] / 1e6,
            p50_ms=data["latency"]["p50"] / 1000,
            p99_ms=data["latency"]["p99"] / 1000,
            statuses={int(k): v for k, v in data["statuses"].items()},
            socket_errors=sum(errors[k] for k in ("connect", "read", "write", "timeout")),
            counters=data.get("counters", {}),
        )

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    @property
    def non_2xx(self) -> int:
        return sum(n for status, n in self.statuses.items() if not 200 <= status < 300)

    @property
    def errors(self) -> int:
        return self.non_2xx + self.socket_errors

    def error_text(self) -> str:
        parts = [
            f"{n}× {status}"
            for status, n in sorted(self.statuses.items())
            if not 200 <= status < 300
        ]
        if self.socket_errors:
            parts.append(f"{self.socket_errors} socket")
        return ", ".join(parts) or "0"


def percentile(values: list[float], pct: float) -> float:
    """Nearest-rank percentile (0 for no values)."""
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[max(0, math.ceil(pct / 100 * len(ordered)) - 1)]


def log_times(
    path: Path, path_pattern: re.Pattern, method: str = "POST"
) -> tuple[list[float], dict]:
    """nginx's $request_time (ms) and status counts of the logged requests whose path matches."""
    times, statuses = [], {}
    if not path.exists():
        return times, statuses
    for line in path.read_text(errors="replace").splitlines():
        match = LOG_LINE.search(line)
        if match and match["method"] == method and path_pattern.match(match["path"]):
            times.append(float(match["time"]) * 1000)
            statuses[match["status"]] = statuses.get(match["status"], 0) + 1
    return times, statuses


CPU_NAMES = {"gunicorn": "gunicorn", "postgres": "PostgreSQL", "python": "task worker", "nginx": "nginx",
             "redis-server": "Redis", "bench": "wrk"}


def cpu_split(results: Path, seconds: float) -> str:
    """Where (e)'s CPU went: each program's share of one core, from bench.sh's cpu_seconds snapshots."""

    def load(name):
        path = results / f"e.cpu-{name}.txt"
        if not path.exists():
            return {}
        return {k: float(v) for k, v in (line.split() for line in path.read_text().splitlines() if len(line.split()) == 2)}

    before, after = load("before"), load("after")
    if not before or not after or not seconds:
        return ""
    used = {CPU_NAMES[k]: (after.get(k, 0) - before.get(k, 0)) / seconds for k in CPU_NAMES}
    shown = [f"{name} {share * 100:.0f}%" for name, share in sorted(used.items(), key=lambda i: -i[1]) if share >= 0.005]
    cores = int(after.get("_cores", 0))
    return (
        f"- CPU used during (e), in % of one core ({cores} cores = {cores * 100}%): " + ", ".join(shown)
        + f"; {sum(used.values()) * 100:.0f}% in all."
    )


def _ms(value: float) -> str:
    return f"{value:.1f}"


def _kb(size: int) -> str:
    return f"{size / 1024:.1f} KB"


def bench_report(results: Path) -> tuple[str, list[tuple[str, bool, str]]]:
    runs = {key: Run.load(results / f"{key}.json") for key, _ in SCENARIOS}
    meta = json.loads((results / "meta.json").read_text())
    queries = json.loads((results / "queries.json").read_text())
    sizes = json.loads((results / "sizes.json").read_text())
    ceiling = runs[CEILING].rps
    rows = [
        "| | scenario | req/s | p50 ms | p99 ms | errors | × ceiling |",
        "|---|---|---:|---:|---:|---|---:|",
    ]
    for key, label in SCENARIOS:
        run = runs[key]
        ratio = run.rps / ceiling if ceiling else 0
        rows.append(
            f"| {key.replace('a2', 'a′')} | {label} | {run.rps:,.0f} | {_ms(run.p50_ms)} | {_ms(run.p99_ms)} | {run.error_text()} | {ratio:.2f} |"
        )
    journey = runs["e"]
    checkout_times, _ = log_times(results / "e.access.log", CHECKOUT_PATH)
    checkout_p50, checkout_p99 = percentile(checkout_times, 50), percentile(checkout_times, 99)
    checkouts = journey.counters.get("checkout_201", 0)
    not_hit = runs["b"].counters.get("not_hit", 0)
    notes = [
        f"- Checkout POST alone (nginx's `$request_time` for the {len(checkout_times):,} checkouts in (e)): "
        f"p50 {_ms(checkout_p50)} ms, p99 {_ms(checkout_p99)} ms; {checkouts / journey.seconds:,.0f} orders/s "
        f"({checkouts:,} orders in {journey.seconds:.0f} s).",
        *([split] if (split := cpu_split(results, journey.seconds)) else []),
        f"- Cached page: {runs['b'].requests - not_hit:,} of {runs['b'].requests:,} responses had `X-Cache-Status: HIT`. "
        f"(a): {runs['a'].counters.get('page_cache_hit', 0):,} of {runs['a'].requests:,} came from the app's page copy "
        f"in Redis (`X-Page-Cache: hit`); (a′): {runs['a2'].counters.get('page_cache_hit', 0):,}.",
        f"- SQL queries per request (Django test client on the bench database, warm): subtype page "
        f"{queries['subtype_page']} rendered, {queries['subtype_page_stored']} from the app's page copy; checkout POST {queries['checkout']} (create basket {queries['create_basket']}, "
        f"add line {queries['add_line']}); identifier {queries['identify']}.",
        f"- Subtype page size: {_kb(sizes['html'])} HTML, {_kb(sizes['gzip'])} gzipped as nginx sends it "
        f"(the static copy: {_kb(sizes['ceiling_gzip'])} gzipped).",
    ]
    uncached, cached = runs["a"], runs["b"]
    all_errors = sum(run.errors for run in runs.values()) + not_hit
    targets = [
        (
            f"subtype page from nginx's cache (b) ≥ {CACHED_VS_CEILING}× the static ceiling (f)",
            cached.rps >= CACHED_VS_CEILING * ceiling,
            f"{cached.rps / ceiling if ceiling else 0:.2f}×",
        ),
        (
            f"subtype page with nginx's cache bypassed (a) ≥ {UNCACHED_RPS} req/s",
            uncached.rps >= UNCACHED_RPS,
            f"{uncached.rps:,.0f} req/s",
        ),
        (
            f"subtype page with nginx's cache bypassed (a): p99 < {UNCACHED_P99_MS} ms",
            uncached.p99_ms < UNCACHED_P99_MS,
            f"{_ms(uncached.p99_ms)} ms",
        ),
        (
            f"checkout POST (e): p99 < {CHECKOUT_P99_MS} ms",
            bool(checkout_times) and checkout_p99 < CHECKOUT_P99_MS,
            f"{_ms(checkout_p99)} ms",
        ),
        ("no errors (non-2xx, socket errors, cache misses in b)", all_errors == 0, str(all_errors)),
    ]
    header = (
        f"Run on {meta['date']} at commit `{meta['commit']}` on {meta['machine']} "
        f"(load average {meta['load_before']} before the run). wrk {meta['wrk']}: {meta['connections']} connections, "
        f"{meta['threads']} threads, {meta['duration']} per scenario, `Accept-Encoding: gzip` on every request; "
        f"gunicorn with {meta['workers']} workers."
    )
    text = "\n".join([header, "", *rows, "", *notes, "", _targets_table(targets)])
    return text, targets


def _targets_table(targets) -> str:
    lines = ["| target | measured | result |", "|---|---:|---|"]
    lines += [
        f"| {name} | {measured} | {'pass' if ok else '**FAIL**'} |"
        for name, ok, measured in targets
    ]
    return "\n".join(lines)


def loadtest_report(results: Path) -> tuple[str, list[tuple[str, bool, str]]]:
    run = Run.load(results / "mixed.json")
    meta = json.loads((results / "meta.json").read_text())
    verify_file = results / "verify.txt"
    verify = (
        "; ".join(verify_file.read_text().split("\n")).strip("; ") if verify_file.exists() else ""
    )
    verified = (results / "verify.ok").exists()
    five_xx = sum(n for status, n in run.statuses.items() if status >= 500)
    statuses = ", ".join(f"{n:,}× {status}" for status, n in sorted(run.statuses.items()))
    c = run.counters
    checkout_times, checkout_logged = log_times(results / "mixed.access.log", CHECKOUT_PATH)
    lines = [
        f"Run on {meta['date']} at commit `{meta['commit']}` on {meta['machine']} "
        f"(load average {meta['load_before']} before the run). wrk {meta['wrk']}: {meta['connections']} connections, "
        f"{meta['threads']} threads, {meta['duration']}, through nginx; gunicorn with {meta['workers']} workers.",
        "",
        "| requests | req/s | p50 ms | p99 ms | statuses | socket errors |",
        "|---:|---:|---:|---:|---|---:|",
        f"| {run.requests:,} | {run.rps:,.0f} | {_ms(run.p50_ms)} | {_ms(run.p99_ms)} | {statuses} | {run.socket_errors} |",
        "",
        f"- Mix: {c.get('page', 0):,} guide page GETs, {c.get('identify', 0):,} identifier POSTs, "
        f"{c.get('shop', 0):,} Store API calls ({c.get('create_basket_sent', 0):,} baskets, "
        f"{c.get('add_line_sent', 0):,} lines, {c.get('checkout_sent', 0):,} checkouts).",
        f"- Checkouts answered 201: {c.get('checkout_201', 0):,}; checkout POST p99 "
        f"{_ms(percentile(checkout_times, 99))} ms (nginx's `$request_time`); nginx logged the checkouts as "
        + (", ".join(f"{n:,}× {status}" for status, n in sorted(checkout_logged.items())) or "none")
        + ".",
        f"- Database check: {verify or 'not run'}",
    ]
    if checkout_logged.get("499"):
        lines.append(
            f"- wrk stopped before {checkout_logged['499']:,} checkouts were answered (nginx logged 499): their orders "
            "exist but no 201 was counted. The checkouts took longer than the last LOADTEST_DRAIN seconds, in "
            "which only pages are asked for; raise it, or run on a quieter machine."
        )
    targets = [
        ("no 5xx", five_xx == 0, str(five_xx)),
        (
            "no socket errors (every request answered)",
            run.socket_errors == 0,
            str(run.socket_errors),
        ),
        (
            "every 201 checkout is exactly one order; no key twice; stock down by what was ordered",
            verified,
            "checked" if verified else "mismatch",
        ),
    ]
    return "\n".join([*lines, "", _targets_table(targets)]), targets


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("kind", choices=["bench", "loadtest"])
    parser.add_argument("results", type=Path)
    parser.add_argument("--write", action="store_true", help="update docs/performance.md")
    args = parser.parse_args()
    if args.kind == "bench":
        text, targets = bench_report(args.results)
        key, heading = "benchmark", "Benchmark"
    else:
        text, targets = loadtest_report(args.results)
        key, heading = "loadtest", "Load test"
    print(text)
    if args.write:
        update_section(key, heading, text)
        print(f"\nWrote the results into docs/performance.md ({heading}).")
    missed = [name for name, ok, _ in targets if not ok]
    if missed:
        print("\nMissed: " + "; ".join(missed), file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
