#!/usr/bin/env bash
# `make test`: every test once, on PostgreSQL (production's database) with two workers, and alongside
# it the embedded default on SQLite: the tests marked `embedded` (migrations, the demo content, one
# journey per section), whose output follows. Without a PostgreSQL server every test runs on SQLite
# instead, with a notice.
#
#   DATABASE_URL=...         run every test on that database only (one pass)
#   TEST_DATABASE_URL=...    the PostgreSQL server of the first pass (default: local, trust auth)
#   REQUIRE_POSTGRES=1       a missing PostgreSQL server fails the run (CI)
#   TEST_WORKERS=N           pytest-xdist workers (default 2; 0 runs in one process)
# Arguments go to pytest, e.g. `make test PYTEST_ARGS="-x cerobio/shop"`.
set -euo pipefail
cd "$(dirname "$0")/.."
export DJANGO_SETTINGS_MODULE=cerobio.settings.test
PY=.venv/bin/python
WORKERS="${TEST_WORKERS:-2}"
parallel=(-n "$WORKERS" --dist loadgroup)
[ "$WORKERS" != 0 ] || parallel=()

if [ -n "${DATABASE_URL:-}" ]; then
    exec "$PY" -m pytest "${parallel[@]}" "$@"
fi

PG="${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/cerobio}"
if "$PY" - "$PG" <<'PYTHON' 2>/dev/null; then
import sys

import dj_database_url
import psycopg

cfg = dj_database_url.parse(sys.argv[1])
options = {"host": cfg["HOST"], "port": cfg["PORT"], "user": cfg["USER"], "password": cfg["PASSWORD"]}
psycopg.connect(dbname="postgres", connect_timeout=3, **{k: v for k, v in options.items() if v}).close()
PYTHON
    # The two passes share nothing (their own databases, media folders and ports), so the SQLite
    # pass runs alongside, in the time the PostgreSQL pass's workers wait on servers and browsers.
    embedded_log="$(mktemp)"
    trap 'rm -f "$embedded_log"' EXIT
    DATABASE_URL=sqlite:///db.sqlite3 "$PY" -m pytest -m embedded "$@" >"$embedded_log" 2>&1 &
    embedded=$!
    printf '\n== every test, on PostgreSQL (%s); the embedded default on SQLite alongside\n' "${PG%%\?*}"
    status=0
    DATABASE_URL="$PG" "$PY" -m pytest "${parallel[@]}" "$@" || status=$?
    embedded_status=0
    wait "$embedded" || embedded_status=$?
    printf '\n== the embedded default, on SQLite (tests marked `embedded`)\n'
    cat "$embedded_log"
    [ "$status" = 0 ] || exit "$status"
    [ "$embedded_status" != 5 ] || embedded_status=0  # 5: PYTEST_ARGS chose no embedded test
    exit "$embedded_status"
else
    if [ "${REQUIRE_POSTGRES:-}" = 1 ]; then
        echo "REQUIRE_POSTGRES=1 but no PostgreSQL server answers at ${PG%%\?*}" >&2
        exit 1
    fi
    printf '\n== no PostgreSQL server at %s: every test on SQLite\n' "${PG%%\?*}"
    DATABASE_URL=sqlite:///db.sqlite3 exec "$PY" -m pytest "${parallel[@]}" "$@"
fi
