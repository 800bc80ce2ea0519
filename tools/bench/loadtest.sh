#!/usr/bin/env bash
# `make loadtest`: 200 connections for 60 s through nginx, mixing guide pages (70%), the identifier
# API (20%) and API checkouts (10%), then a database check: every checkout answered 201 is exactly
# one paid order, no idempotency key twice, and the stock went down by exactly what was ordered.
# Exit 1 on any 5xx, unanswered request or mismatch. docs/performance.md, "Load test".
set -euo pipefail
source "$(dirname "$0")/stack.sh"

SECONDS_TO_RUN="${LOADTEST_SECONDS:-60}"
CONNECTIONS="${LOADTEST_CONNECTIONS:-200}"
THREADS="${LOADTEST_THREADS:-2}"
LOAD_BEFORE="$(cut -d' ' -f1 /proc/loadavg)"
export BENCH_RUN_ID="load-$(date +%s)"
export BENCH_SECONDS="$SECONDS_TO_RUN" BENCH_DRAIN="${LOADTEST_DRAIN:-15}"

start_stack
RESULTS="$RUN/results"
mkdir -p "$RESULTS"
SITE="http://localhost:$BENCH_PORT"

say "warming up: every guide page into nginx's cache, the API once"
for path in $(grep -o '"/[^"]*/"\|"/"' tools/bench/lua/mixed.lua | tr -d '"'); do
    for _ in 1 2; do
        code="$(curl -s -o /dev/null -w '%{http_code}' -H 'Accept-Encoding: gzip' "$SITE$path")"
        [ "$code" = 200 ] || die "$path answered $code"
    done
done
BENCH_OUT="$RESULTS/warm.json" BENCH_SECONDS=4 BENCH_DRAIN=2 BENCH_RUN_ID="warm-$BENCH_RUN_ID" \
    wrk -t"$THREADS" -c20 -d4s --timeout 30s -s tools/bench/lua/mixed.lua "$SITE" >/dev/null

"$PY" tools/bench/measure.py snapshot "$RESULTS/before.json"
say "load: $CONNECTIONS connections, $THREADS threads, ${SECONDS_TO_RUN}s (no checkouts in the last ${BENCH_DRAIN}s)"
offset="$(stat -c %s "$RUN/access.log")"
BENCH_OUT="$RESULTS/mixed.json" wrk -t"$THREADS" -c"$CONNECTIONS" -d"${SECONDS_TO_RUN}s" --timeout 30s --latency \
    -s tools/bench/lua/mixed.lua "$SITE" | tee "$RESULTS/mixed.txt"
sleep 2  # nginx writes a request's log line when it ends
tail -c +"$((offset + 1))" "$RUN/access.log" >"$RESULTS/mixed.access.log"

say "database check"
if LOG_LEVEL=WARNING "$PY" tools/bench/measure.py verify "$RESULTS/before.json" "$RESULTS/mixed.json" "$BENCH_RUN_ID" \
    >"$RESULTS/verify.txt" 2>&1; then
    touch "$RESULTS/verify.ok"
fi
cat "$RESULTS/verify.txt"

commit="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
[ -z "$(git status --porcelain 2>/dev/null | grep -v '^??' | head -1)" ] || commit="$commit + uncommitted changes"
cat >"$RESULTS/meta.json" <<EOF
{"date": "$(date -u '+%Y-%m-%d %H:%M UTC')", "commit": "$commit", "machine": "$(machine_description)",
 "load_before": "$LOAD_BEFORE", "wrk": "$(wrk -v 2>&1 | head -1 | awk '{print $2}')",
 "connections": $CONNECTIONS, "threads": $THREADS, "duration": "${SECONDS_TO_RUN}s", "workers": $WEB_CONCURRENCY}
EOF

say "results (raw files in $RESULTS)"
write=()
[ "${BENCH_WRITE:-1}" = 0 ] || write=(--write)
"$PY" tools/bench/report.py loadtest "$RESULTS" "${write[@]}"
