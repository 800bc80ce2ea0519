#!/usr/bin/env bash
# `make bench`: the production stack on this machine, measured with wrk (docs/performance.md, "Benchmark").
#
# (a) a subtype page straight from gunicorn (no page cache), (b) the same page from nginx's page cache,
# (c) POST /api/v1/identify, (d) adding to a basket, (e) the whole API checkout at BENCH_CONNECTIONS and
# (e4) at BENCH_CHECKOUT_CONNECTIONS journeys at once, each with the stack's processor time per paid
# order, (f) nginx sending a saved copy of the page as a static file (the ceiling). Then the tables,
# the targets (exit 1 if one is missed) and, unless BENCH_WRITE=0, the "Benchmark" section of
# docs/performance.md.
set -euo pipefail
source "$(dirname "$0")/stack.sh"

DURATION="${BENCH_DURATION:-15s}"
CONNECTIONS="${BENCH_CONNECTIONS:-16}"
CHECKOUT_CONNECTIONS="${BENCH_CHECKOUT_CONNECTIONS:-4}"
SCENARIOS=" ${BENCH_SCENARIOS:-a a2 b c d e e4 f} "  # e.g. BENCH_SCENARIOS="e e4": the checkouts only
export BENCH_THREADS="${BENCH_THREADS:-2}"
PAGE="${BENCH_PAGE:-/types/milia-en-plaque/}"
LOAD_BEFORE="$(cut -d' ' -f1 /proc/loadavg)"
export BENCH_RUN_ID="bench-$(date +%s)"

start_stack
RESULTS="$RUN/results"
mkdir -p "$RESULTS"
SITE="http://localhost:$BENCH_PORT"
APP="http://localhost:$BENCH_APP_PORT"
CEILING="http://localhost:$BENCH_CEILING_PORT"

wanted() { [[ "$SCENARIOS" == *" $1 "* ]]; }
status_of() { curl -s -o /dev/null -w '%{http_code}' -H 'Accept-Encoding: gzip' "$@"; }
size_of() { curl -s -o /dev/null -w '%{size_download}' "$@"; }

# wrk_run NAME URL SCRIPT [DURATION]: one scenario with $CONNECTIONS connections (WRK_CONNECTIONS=N
# for another number); its summary in RESULTS/NAME.json and the nginx access-log lines it caused in
# RESULTS/NAME.access.log.
wrk_run() {
    local name="$1" url="$2" script="$3" duration="${4:-$DURATION}" connections="${WRK_CONNECTIONS:-$CONNECTIONS}" offset
    offset="$(stat -c %s "$RUN/access.log")"
    local extra=()
    [ -z "${BENCH_HEADER:-}" ] || extra=(-H "$BENCH_HEADER")  # (a'): the visitor's basket cookie
    BENCH_OUT="$RESULTS/$name.json" wrk -t"$BENCH_THREADS" -c"$connections" -d"$duration" --latency \
        -H 'Accept-Encoding: gzip' "${extra[@]}" -s "tools/bench/lua/$script" "$url" >"$RESULTS/$name.txt"
    tail -c +"$((offset + 1))" "$RUN/access.log" >"$RESULTS/$name.access.log"
    drain
}

# Requests wrk left behind (it stops with some still queued at gunicorn) would slow the next scenario
# down: wait until gunicorn answers a probe at once.
drain() {
    local deadline=$((SECONDS + 120)) port
    for port in "$BENCH_APP_PORT"; do
        until [ "$(curl -s -o /dev/null -w '%{time_total}' "http://127.0.0.1:$port/healthz" | awk '{print ($1 < 0.1)}')" = 1 ]; do
            [ $SECONDS -lt "$deadline" ] || die "gunicorn on port $port is still busy 120 s after wrk stopped"
            sleep 0.5
        done
    done
}

say "checking the page answers, and that nginx keeps it"
[ "$(status_of "$APP$PAGE")" = 200 ] || die "$APP$PAGE does not answer 200"
status_of "$SITE$PAGE" >/dev/null
cache="$(curl -s -o /dev/null -D - -H 'Accept-Encoding: gzip' "$SITE$PAGE" | tr -d '\r' | awk -F': ' 'tolower($1) == "x-cache-status" {print $2}')"
[ "$cache" = HIT ] || die "nginx did not serve $PAGE from its cache on the second request (X-Cache-Status: ${cache:-none})"

say "the ceiling: the page saved through the stack, served by nginx as a static file"
curl -s -o "$RUN/ceiling/page.html" "$SITE$PAGE"
[ "$(status_of "$CEILING/")" = 200 ] || die "the ceiling server does not answer"
printf '{"html": %s, "gzip": %s, "ceiling_gzip": %s}\n' \
    "$(stat -c %s "$RUN/ceiling/page.html")" \
    "$(size_of -H 'Accept-Encoding: gzip' "$SITE$PAGE")" \
    "$(size_of -H 'Accept-Encoding: gzip' "$CEILING/")" >"$RESULTS/sizes.json"

say "SQL queries per request (Django test client on $BENCH_DB)"
LOG_LEVEL=WARNING "$PY" tools/bench/measure.py queries >"$RESULTS/queries.json"
cat "$RESULTS/queries.json"
"$PY" tools/bench/measure.py baskets 4000 "$RUN/baskets.txt"
export BENCH_BASKETS="$RUN/baskets.txt"

# measure NAME URL SCRIPT: a short warm-up of the same requests (so both workers have run that code
# since they last started: gunicorn recycles workers, and a new one compiles templates on first use),
# then the measured run.
measure() {
    wrk_run "warm-$1" "$2" "$3" "${BENCH_WARMUP:-3s}"
    wrk_run "$@"
}

# checkout_run NAME CONNECTIONS: the API checkout journey (create a basket, add the kit, check out)
# with that many connections: a warm-up, then the measured run between two snapshots of the stack's
# processor time (tools/bench/cpu.py), each taken once gunicorn has answered what wrk left queued and
# the task worker has sent every order email, so the run's orders carry all that they cost.
checkout_run() {
    local name="$1" WRK_CONNECTIONS="$2"
    wrk_run "warm-$name" "$SITE" checkout.lua "${BENCH_WARMUP:-3s}"
    cpu_snapshot "$name.cpu-before"
    wrk_run "$name" "$SITE" checkout.lua
    cpu_snapshot "$name.cpu-after"
}

cpu_snapshot() {
    "$PY" tools/bench/cpu.py wait-for-emails 120
    "$PY" tools/bench/cpu.py snapshot "$RESULTS/$1.json" \
        --gunicorn "$GUNICORN_PID" --worker "$WORKER_PID" --nginx "$NGINX_PID"
}

if wanted a; then
    say "(a) $PAGE with nginx's cache bypassed: straight to gunicorn"
    measure a "$APP$PAGE" get.lua
fi
if wanted a2; then
    say "(a') $PAGE for a visitor with a basket: rendered on every request, straight to gunicorn"
    BENCH_HEADER="Cookie: $("$PY" tools/bench/measure.py basket-cookie)" measure a2 "$APP$PAGE" get.lua
fi
if wanted b; then
    say "(b) $PAGE from nginx's page cache"
    BENCH_EXPECT_HIT=1 measure b "$SITE$PAGE" get.lua
fi
if wanted c; then
    say "(c) POST /api/v1/identify"
    measure c "$SITE/api/v1/identify" identify.lua
fi
if wanted d; then
    say "(d) POST /api/v1/baskets/{token}/lines"
    measure d "$SITE" basket.lua
fi
if wanted e; then
    say "(e) API checkout with $CONNECTIONS journeys at once: create basket, add line, checkout"
    checkout_run e "$CONNECTIONS"
fi
if wanted e4; then
    say "(e4) API checkout with $CHECKOUT_CONNECTIONS journeys at once"
    checkout_run e4 "$CHECKOUT_CONNECTIONS"
fi
if wanted f; then
    say "(f) the ceiling: nginx serving the saved page"
    measure f "$CEILING/" get.lua
fi

commit="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
[ -z "$(git status --porcelain 2>/dev/null | grep -v '^??' | head -1)" ] || commit="$commit + uncommitted changes"
cat >"$RESULTS/meta.json" <<EOF
{"date": "$(date -u '+%Y-%m-%d %H:%M UTC')", "commit": "$commit", "machine": "$(machine_description)",
 "load_before": "$LOAD_BEFORE", "wrk": "$(wrk -v 2>&1 | head -1 | awk '{print $2}')",
 "connections": $CONNECTIONS, "checkout_connections": $CHECKOUT_CONNECTIONS, "threads": $BENCH_THREADS, "duration": "$DURATION", "workers": $WEB_CONCURRENCY}
EOF

say "results (raw files in $RESULTS)"
write=()
# A run of some scenarios only (BENCH_SCENARIOS) never replaces the full table in the docs.
[ "${BENCH_WRITE:-1}" = 0 ] || [ -n "${BENCH_SCENARIOS:-}" ] || write=(--write)
"$PY" tools/bench/report.py bench "$RESULTS" "${write[@]}"
