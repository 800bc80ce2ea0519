#!/usr/bin/env bash
# `make serve`: the site with production settings under gunicorn, with the task worker beside it;
# either is started again if it stops, without stopping the other; Ctrl-C stops both.
# `make worker` (this script with "worker") runs only the worker.
# Before serving: create the database if missing, migrate, collect static files (only when they
# changed), and on a new database load the demo content. README.md explains the defaults.
set -euo pipefail
cd "$(dirname "$0")/.."
source deploy/local-defaults.sh
mode="${1:-all}"
PY=.venv/bin/python
export DJANGO_SETTINGS_MODULE=cerobio.settings.production
export PORT="${PORT:-8000}" HOST="${HOST:-127.0.0.1}"
export ALLOWED_HOSTS="${ALLOWED_HOSTS:-localhost,127.0.0.1}"
export SITE_URL="${SITE_URL:-http://localhost:$PORT}"
# Plain http on this machine: no redirect to https (a real server sits behind nginx with TLS).
export SECURE_SSL_REDIRECT="${SECURE_SSL_REDIRECT:-0}"
export LOG_FORMAT="${LOG_FORMAT:-plain}"
# Production refuses the console email backend; on this machine emails are written as files instead.
if [ -z "${EMAIL_BACKEND:-}" ]; then
    export EMAIL_BACKEND=django.core.mail.backends.filebased.EmailBackend
    export EMAIL_FILE_PATH="${EMAIL_FILE_PATH:-$PWD/.local/mail}"
    mkdir -p "$EMAIL_FILE_PATH"
fi

if ! is_postgres; then
    echo "make $([ "$mode" = worker ] && echo worker || echo serve): production mode runs on PostgreSQL;" \
         "DATABASE_URL is '$DATABASE_URL'. Set DATABASE_URL=postgres://USER@HOST:PORT/NAME." >&2
    exit 2
fi
if [ -z "${SECRET_KEY:-}" ]; then
    # A key of this machine's own, kept out of git (.local/ is ignored).
    mkdir -p .local
    if [ ! -s .local/secret-key ]; then
        (umask 077 && "$PY" -c 'import secrets; print(secrets.token_urlsafe(50))' > .local/secret-key)
        echo "Generated SECRET_KEY into .local/secret-key."
    fi
    SECRET_KEY="$(cat .local/secret-key)"
    export SECRET_KEY
fi

# The worker's id is this machine and port: a worker (the first, or one started in place of one that
# stopped) first puts back in the queue any task last claimed by that id (cerobio/core/task_recovery.py).
WORKER_ID="${WORKER_ID:-$(hostname)-$PORT}"
run_worker() {
    # Lower CPU priority than the web workers, as cerobio-worker.service (Nice=10): emails can wait.
    exec nice -n 10 "$PY" manage.py task_worker --worker-id "$WORKER_ID"
}
if [ "$mode" = worker ]; then
    run_worker
fi

created="$("$PY" manage.py ensure_database)"
[ -n "$created" ] && echo "$created"
"$PY" manage.py migrate --noinput
if [ -n "$created" ] || [ "${SERVE_DEMO:-0}" = 1 ]; then
    "$PY" manage.py load_demo
    "$PY" manage.py ensure_editor
fi
# Collected again when a static file, the stylesheet bundles (cerobio/core/stylesheet.py) or the
# locked packages changed.
manifest="$STATIC_ROOT/staticfiles.json"
if [ ! -f "$manifest" ] || [ -n "$(find cerobio/static cerobio/core/stylesheet.py requirements/base.lock -newer "$manifest" -print -quit)" ]; then
    "$PY" manage.py collectstatic --noinput
fi

# gunicorn and the worker are watched separately: whichever stops (a crash, a kill; the worker rides out
# a lost database connection itself) is started again after a pause, and the other goes on serving.
# Ctrl-C stops both.
stopping=0
web=0
worker=0
stop() {
    stopping=1
    trap - INT TERM EXIT
    kill -TERM "$web" "$worker" 2>/dev/null || true
    wait || true
    exit 0
}
trap stop INT TERM EXIT
start_web() { .venv/bin/gunicorn --config deploy/gunicorn.conf.py & web=$!; }
start_worker() { (run_worker) & worker=$!; }
start_web
start_worker
echo "Serving http://localhost:$PORT/ with production settings (Ctrl-C stops)."
while [ "$stopping" = 0 ]; do
    wait -n || true
    [ "$stopping" = 0 ] || break
    if ! kill -0 "$web" 2>/dev/null; then
        echo "serve: gunicorn stopped; starting it again in 2 s." >&2
        sleep 2
        start_web
    fi
    if ! kill -0 "$worker" 2>/dev/null; then
        echo "serve: the task worker stopped; starting it again in 5 s (its unfinished task goes back in the queue)." >&2
        sleep 5
        start_worker
    fi
done
