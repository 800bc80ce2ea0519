# Sourced by tools/bench/bench.sh and tools/bench/loadtest.sh: the production stack on this machine.
#
# PostgreSQL database $BENCH_DB (dropped and made afresh: migrate + load_demo), Redis database
# $BENCH_REDIS_DB, gunicorn with deploy/gunicorn.conf.py and production settings on $BENCH_APP_PORT, the
# task worker (manage.py task_worker: the emails),
# and a private nginx running deploy/nginx/cerobio.conf (plain http, tools/bench/nginx_conf.py) on
# $BENCH_PORT, with the static "ceiling" server on $BENCH_CEILING_PORT; those three are started by
# tests/deploy/stack.py, as in the deploy tests. Everything it starts is
# stopped by stop_stack (set as an EXIT trap by start_stack); the system's own nginx is never touched.
# docs/performance.md, "Benchmark", lists the variables.

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$REPO"
PY="$REPO/.venv/bin/python"
BENCH_HOME="$REPO/.local/bench"

: "${BENCH_PG:=postgres://postgres@127.0.0.1:5432}"
: "${BENCH_DB:=cerobio_bench}"
: "${BENCH_REDIS_DB:=10}"
: "${BENCH_PORT:=8700}"          # nginx: the site, as visitors reach it
: "${BENCH_CEILING_PORT:=8701}"  # nginx: the saved page as a static file
: "${BENCH_APP_PORT:=8702}"      # gunicorn, straight
: "${BENCH_STOCK:=10000000}"     # units of the kit in the bench database, so checkouts never run out

export DJANGO_SETTINGS_MODULE=cerobio.settings.production
export PYTHONPATH="$REPO${PYTHONPATH:+:$PYTHONPATH}"
# BENCH_DB_OPTIONS: database OPTIONS as DATABASE_URL's query string (dj-database-url), e.g.
# "server_side_binding=true&prepare_threshold=5" to measure psycopg's prepared statements.
export DATABASE_URL="$BENCH_PG/$BENCH_DB${BENCH_DB_OPTIONS:+?$BENCH_DB_OPTIONS}"
export REDIS_URL="redis://127.0.0.1:6379/$BENCH_REDIS_DB"
export SECRET_KEY="${BENCH_SECRET_KEY:-bench-only-secret-key-not-for-any-real-site-0123456789abcdef}"
export ALLOWED_HOSTS="localhost,127.0.0.1"
export SITE_URL="http://localhost:$BENCH_PORT"
export SECURE_SSL_REDIRECT=0      # plain http on this machine, as `make serve`
export STATIC_ROOT="$BENCH_HOME/static"
export MEDIA_ROOT="$BENCH_HOME/media"
export HOST=127.0.0.1 PORT="$BENCH_APP_PORT"
export WEB_CONCURRENCY="${WEB_CONCURRENCY:-2}"
export LOG_FORMAT=plain
export RATE_LIMIT_CLIENT_HEADER=HTTP_X_REAL_IP
export PAYMENT_PROVIDER=dummy
# Order emails are built and written as files, as `make serve` does (production's deploy check
# refuses backends that deliver nothing: console, locmem, dummy).
export EMAIL_BACKEND="${BENCH_EMAIL_BACKEND:-django.core.mail.backends.filebased.EmailBackend}"
export EMAIL_FILE_PATH="${EMAIL_FILE_PATH:-$BENCH_HOME/mail}"
mkdir -p "$EMAIL_FILE_PATH"
# Every request comes from one address here, so the per-address limits are raised out of the way
# (they still run: each request pays its Redis round trips, as in production).
export IDENTIFY_RATE_LIMIT="${IDENTIFY_RATE_LIMIT:-1000000000/60}"
export BASKET_RATE_LIMIT="${BASKET_RATE_LIMIT:-1000000000/60}"
export CHECKOUT_RATE_LIMIT="${CHECKOUT_RATE_LIMIT:-1000000000/60}"
export SEARCH_RATE_LIMIT="${SEARCH_RATE_LIMIT:-1000000000/60}"
unset NGINX_CACHE_REFRESH_SECRET SENTRY_DSN STRIPE_SECRET_KEY STRIPE_WEBHOOK_SECRET

RUN=""
STACK_PIDS=()
GUNICORN_PID="" WORKER_PID="" NGINX_PID=""  # set by start_stack (tools/bench/cpu.py measures them)

say() { printf '\n== %s\n' "$*" >&2; }
die() { echo "bench: $*" >&2; exit 1; }

nginx_bin() { command -v nginx || { [ -x /usr/sbin/nginx ] && echo /usr/sbin/nginx; } || true; }

ensure_packages() {
    local missing=()
    command -v wrk >/dev/null || missing+=(wrk)
    [ -n "$(nginx_bin)" ] || missing+=(nginx)
    command -v curl >/dev/null || missing+=(curl)
    [ ${#missing[@]} -eq 0 ] && return
    say "installing ${missing[*]} (Debian packages)"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    # (Installing nginx may start Debian's own nginx on port 80: that one is the system's and is
    # left alone; the bench runs its own with a private prefix.)
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
}

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }


# What the demo database is made from: when none of it changed, the last one is copied instead of
# migrating and loading the demo again (minutes on a busy machine).
content_fingerprint() {
    find cerobio -path '*/migrations/*.py' -o -path '*/demo/*.py' -o -name 'demo.py' -o -name 'models.py' \
        -o -path '*/models/*.py' | grep -v __pycache__ | sort | xargs cat requirements/base.lock | sha256sum | cut -c1-16
}

# run_sql SQL...: statements against the server's "postgres" database (autocommit).
run_sql() {
    "$PY" - "$BENCH_PG/postgres" "$@" <<'EOF_SQL'
import sys

import psycopg

with psycopg.connect(sys.argv[1], autocommit=True, connect_timeout=10) as admin:
    for statement in sys.argv[2:]:
        cursor = admin.execute(statement)
        if statement.lstrip().upper().startswith("SELECT"):
            for row in cursor.fetchall():
                print(*row)
EOF_SQL
}

fresh_database() {
    local template="${BENCH_DB}_template" fingerprint
    fingerprint="$(content_fingerprint)"
    run_sql "DROP DATABASE IF EXISTS \"$BENCH_DB\" WITH (FORCE)"
    if [ "$(run_sql "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = '$template'")" = "$fingerprint" ]; then
        say "database $BENCH_DB: a copy of $template (migrations and demo content unchanged)"
        run_sql "CREATE DATABASE \"$BENCH_DB\" TEMPLATE \"$template\""
        "$PY" manage.py migrate --noinput -v 0
    else
        say "database $BENCH_DB: create, migrate, load the demo content (kept as $template for next time)"
        "$PY" manage.py ensure_database >/dev/null
        "$PY" manage.py migrate --noinput -v 0
        "$PY" manage.py load_demo >/dev/null
        run_sql "DROP DATABASE IF EXISTS \"$template\" WITH (FORCE)" \
            "CREATE DATABASE \"$template\" TEMPLATE \"$BENCH_DB\"" \
            "COMMENT ON DATABASE \"$template\" IS '$fingerprint'"
    fi
    "$PY" tools/bench/measure.py stock "$BENCH_STOCK"
    "$PY" - "$REDIS_URL" <<'EOF_REDIS'
import sys

import redis

redis.Redis.from_url(sys.argv[1], socket_connect_timeout=3).flushdb()
EOF_REDIS
}

collect_static() {
    local manifest="$STATIC_ROOT/staticfiles.json"
    if [ ! -f "$manifest" ] || [ -n "$(find cerobio requirements/base.lock -path '*/static/*' -newer "$manifest" -print -quit)" ] \
        || [ requirements/base.lock -nt "$manifest" ]; then
        say "collectstatic into $STATIC_ROOT"
        "$PY" manage.py collectstatic --noinput -v 0
    fi
}

stop_stack() {
    local status=$?
    trap - EXIT INT TERM
    if [ ${#STACK_PIDS[@]} -gt 0 ]; then
        say "stopping what the bench started (pids ${STACK_PIDS[*]})"
        for pid in "${STACK_PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
        for pid in "${STACK_PIDS[@]}"; do
            for _ in $(seq 600); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
            kill -KILL "$pid" 2>/dev/null || true
        done
        wait "${STACK_PIDS[@]}" 2>/dev/null || true
    fi
    exit "$status"
}

start_stack() {
    ensure_packages
    for port in "$BENCH_PORT" "$BENCH_CEILING_PORT" "$BENCH_APP_PORT"; do
        port_free "$port" || die "port $port is in use (another bench run?); set BENCH_PORT/BENCH_CEILING_PORT/BENCH_APP_PORT"
    done
    mkdir -p "$BENCH_HOME" "$MEDIA_ROOT"
    RUN="$(mktemp -d "$BENCH_HOME/run.XXXXXX")"
    trap stop_stack EXIT
    trap 'exit 130' INT TERM
    fresh_database
    collect_static

    say "gunicorn (deploy/gunicorn.conf.py, WEB_CONCURRENCY=$WEB_CONCURRENCY) on 127.0.0.1:$BENCH_APP_PORT, the task worker," \
        "nginx (deploy/nginx/cerobio.conf, plain http) on 127.0.0.1:$BENCH_PORT, ceiling on :$BENCH_CEILING_PORT"
    local conf deadline=$((SECONDS + 300))
    conf="$("$PY" tools/bench/nginx_conf.py "$RUN" --port "$BENCH_PORT" --ceiling-port "$BENCH_CEILING_PORT" \
        --app-port "$BENCH_APP_PORT" --static-root "$STATIC_ROOT" --media-root "$MEDIA_ROOT")"
    # The deploy tests' start-up (tests/deploy/stack.py). The task worker runs as in production (and at
    # cerobio-worker.service's nice 10): confirmation emails are rendered and sent there, not in the checkout.
    "$PY" tests/deploy/stack.py "$RUN" --app-port "$BENCH_APP_PORT" --nginx-conf "$conf" --nginx-port "$BENCH_PORT" \
        --worker-nice 10 >"$RUN/stack.log" 2>&1 &
    STACK_PIDS+=("$!")
    until [ -f "$RUN/stack.pids" ]; do
        kill -0 "${STACK_PIDS[-1]}" 2>/dev/null || { tail -50 "$RUN/stack.log" >&2; die "the stack did not start (log: $RUN/stack.log)"; }
        [ $SECONDS -lt "$deadline" ] || die "the stack did not start in 300 s (log: $RUN/stack.log)"
        sleep 0.5
    done
    # shellcheck source=/dev/null
    source "$RUN/stack.pids"  # GUNICORN_PID, WORKER_PID, NGINX_PID
    echo "run folder: $RUN" >&2
}

machine_description() {
    local cpu
    cpu="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
    printf '%s cores (%s), %s GB RAM' "$(nproc)" "${cpu:-unknown CPU}" \
        "$(awk '/MemTotal/ {printf "%.1f", $2 / 1048576}' /proc/meminfo)"
}
