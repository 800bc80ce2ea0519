"""The `make bench` report: the table, the targets, and the "Benchmark" section of docs/performance.md.

    report.py bench RESULTS_DIR [--write]
    report.py loadtest RESULTS_DIR [--write]

RESULTS_DIR holds what tools/bench/bench.sh (or loadtest.sh) gathered: one wrk summary per scenario
(<name>.json, written by lua/common.lua), the nginx access-log lines of each scenario that went
through nginx (<name>.access.log), the processor-time snapshots around each checkout run
(<name>.cpu-before.json and <name>.cpu-after.json, written by cpu.py), queries.json, sizes.json and
meta.json. A scenario that was not run (BENCH_SCENARIOS) is left out of the tables and targets.
Prints the tables and exits 1 when a target is missed. No Django here.
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

from tools.perfdoc import update_section  # a plain module: no Django

SCENARIOS = [
    ("a", "Subtype page, nginx's cache bypassed (gunicorn straight)"),
    ("a2", "Subtype page for a visitor with a basket (rendered on every request, gunicorn straight)"),
    ("b", "Subtype page, cached (nginx page cache)"),
    ("c", "Identifier API: POST /api/v1/identify"),
    ("d", "Add to basket: POST /api/v1/baskets/{token}/lines"),
    ("e", "API checkout journey (create basket, add line, checkout)"),
    ("e4", "API checkout journey, fewer journeys at once"),
    ("f", "Ceiling: nginx serving the saved page as a static file"),
]
CHECKOUTS = ("e", "e4")
CEILING = "f"
# The targets (docs/performance.md): the numbers this 2-core machine must reach with wrk and nginx on it.
CACHED_VS_CEILING = 0.9
CHECKOUT_P99_MS = 250  # at BENCH_CHECKOUT_CONNECTIONS journeys at once (e4)
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


@dataclass
class CheckoutCost:
    """Processor time per paid order over one checkout run, from cpu.py's two snapshots."""

    orders: int  # paid between the snapshots
    ms: dict  # per paid order: gunicorn, worker, postgres, nginx
    machine_busy: float  # the share of all the machine's cores busy over the run
    stack_busy: float  # the share of them the stack used (the four above)
    emails_waiting: int  # order emails the task worker had still not sent at the second snapshot
    backends_gone: int  # PostgreSQL backends that ended during the run (their time is not counted)

    @property
    def app_and_database_ms(self) -> float:
        return self.ms["gunicorn"] + self.ms["worker"] + self.ms["postgres"]

    @classmethod
    def load(cls, results: Path, name: str) -> CheckoutCost | None:
        paths = [results / f"{name}.cpu-{when}.json" for when in ("before", "after")]
        if not all(path.exists() for path in paths):
            return None
        before, after = (json.loads(path.read_text()) for path in paths)
        orders = after["paid_orders"] - before["paid_orders"]
        seconds = after["wall"] - before["wall"]
        if orders <= 0 or seconds <= 0:
            return None
        used = {name: after["groups"][name] - before["groups"][name] for name in ("gunicorn", "worker", "nginx")}
        used["postgres"] = sum(cpu - before["postgres"].get(pid, 0.0) for pid, cpu in after["postgres"].items())
        cores = after["cores"] * seconds
        return cls(
            orders=orders,
            ms={name: value * 1000 / orders for name, value in used.items()},
            machine_busy=(after["machine_busy"] - before["machine_busy"]) / cores,
            stack_busy=sum(used.values()) / cores,
            emails_waiting=after["emails_waiting"],
            backends_gone=len(before["postgres"].keys() - after["postgres"].keys()),
        )


def _ms(value: float) -> str:
    return f"{value:.1f}"


def _kb(size: int) -> str:
    return f"{size / 1024:.1f} KB"


def checkout_times(results: Path, name: str) -> list[float]:
    """nginx's time for each checkout POST of a run (wrk's percentiles mix the journey's three calls)."""
    times, _ = log_times(results / f"{name}.access.log", CHECKOUT_PATH)
    return times


def _checkout_table(results: Path, runs: dict, meta: dict) -> tuple[list[str], list[str]]:
    """The checkout runs' table (latency, orders/s, processor time per paid order) and its notes."""
    journeys = {"e": meta["connections"], "e4": meta.get("checkout_connections", 4)}
    rows = [
        "| | journeys at once | orders/s | checkout p50 ms | checkout p99 ms | CPU ms per paid order "
        "(app + database) | gunicorn | task worker | PostgreSQL | nginx |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    notes = []
    for key in (k for k in CHECKOUTS if k in runs):
        run, times, cost = runs[key], checkout_times(results, key), CheckoutCost.load(results, key)
        orders = run.counters.get("checkout_201", 0)
        cpu = (
            [f"**{cost.app_and_database_ms:.1f}**", *(f"{cost.ms[n]:.1f}" for n in ("gunicorn", "worker", "postgres", "nginx"))]
            if cost else ["–"] * 5
        )  # fmt: skip
        rows.append(
            f"| {key} | {journeys[key]} | {orders / run.seconds:,.0f} | {_ms(percentile(times, 50))} "
            f"| {_ms(percentile(times, 99))} | " + " | ".join(cpu) + " |"
        )
        if cost:
            notes.append(
                f"- ({key}): {cost.orders:,} orders paid between the CPU snapshots; the machine's cores were "
                f"{cost.machine_busy * 100:.0f}% busy over the run, the stack's own processes {cost.stack_busy * 100:.0f}%."
                + (f" {cost.emails_waiting} order emails were still queued at the end." if cost.emails_waiting else "")
                + (f" {cost.backends_gone} PostgreSQL backends ended during the run (not counted)." if cost.backends_gone else "")
            )
    return rows, notes


def bench_report(results: Path) -> tuple[str, list[tuple[str, bool, str]]]:
    runs = {key: Run.load(results / f"{key}.json") for key, _ in SCENARIOS if (results / f"{key}.json").exists()}
    meta = json.loads((results / "meta.json").read_text())
    queries = json.loads((results / "queries.json").read_text())
    sizes = json.loads((results / "sizes.json").read_text())
    ceiling = runs[CEILING].rps if CEILING in runs else 0
    rows = [
        "| | scenario | req/s | p50 ms | p99 ms | errors | × ceiling |",
        "|---|---|---:|---:|---:|---|---:|",
    ]
    for key, label in SCENARIOS:
        if key not in runs:
            continue
        run = runs[key]
        ratio = f"{run.rps / ceiling:.2f}" if ceiling else "–"
        rows.append(
            f"| {key.replace('a2', 'a′')} | {label} | {run.rps:,.0f} | {_ms(run.p50_ms)} | {_ms(run.p99_ms)} | {run.error_text()} | {ratio} |"
        )
    checkout_rows, checkout_notes = _checkout_table(results, runs, meta)
    not_hit = runs["b"].counters.get("not_hit", 0) if "b" in runs else 0
    notes = [
        "- Checkouts: the checkout POST's own latency (nginx's `$request_time`), orders answered 201 per second, "
        "and the processor time (user + system) per paid order of gunicorn, the task worker that sends the "
        "confirmation emails and the PostgreSQL backends of the bench database, from the start of the run "
        "until every order it paid had been answered and emailed (`tools/bench/cpu.py`).",
        *checkout_notes,
    ] if checkout_rows[2:] else []
    if "b" in runs:
        notes.append(f"- Cached page: {runs['b'].requests - not_hit:,} of {runs['b'].requests:,} responses had `X-Cache-Status: HIT`.")
    notes += [
        f"- SQL queries per request (Django test client on the bench database, warm): subtype page "
        f"{queries['subtype_page']}; checkout POST {queries['checkout']} (create basket {queries['create_basket']}, "
        f"add line {queries['add_line']}); identifier {queries['identify']}.",
        f"- Subtype page size: {_kb(sizes['html'])} HTML, {_kb(sizes['gzip'])} gzipped as nginx sends it "
        f"(the static copy: {_kb(sizes['ceiling_gzip'])} gzipped).",
    ]
    targets = []
    if "b" in runs and ceiling:
        cached = runs["b"]
        targets.append((
            f"subtype page from nginx's cache (b) ≥ {CACHED_VS_CEILING}× the static ceiling (f)",
            cached.rps >= CACHED_VS_CEILING * ceiling,
            f"{cached.rps / ceiling:.2f}×",
        ))  # fmt: skip
    if "e4" in runs:
        times = checkout_times(results, "e4")
        targets.append((
            f"checkout POST at {meta.get('checkout_connections', 4)} journeys at once (e4): p99 < {CHECKOUT_P99_MS} ms",
            bool(times) and percentile(times, 99) < CHECKOUT_P99_MS,
            f"{_ms(percentile(times, 99))} ms",
        ))  # fmt: skip
    all_errors = sum(run.errors for run in runs.values()) + not_hit
    targets.append(("no errors (non-2xx, socket errors, cache misses in b)", all_errors == 0, str(all_errors)))
    header = (
        f"Run on {meta['date']} at commit `{meta['commit']}` on {meta['machine']} "
        f"(load average {meta['load_before']} before the run). wrk {meta['wrk']}: {meta['connections']} connections "
        f"(e4: {meta.get('checkout_connections', 4)}), "
        f"{meta['threads']} threads, {meta['duration']} per scenario, `Accept-Encoding: gzip` on every request; "
        f"gunicorn with {meta['workers']} workers."
    )
    parts = [header, "", *rows, ""]
    if checkout_rows[2:]:
        parts += [*checkout_rows, ""]
    text = "\n".join([*parts, *notes, "", _targets_table(targets)])
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
