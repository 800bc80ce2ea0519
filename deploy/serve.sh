#!/usr/bin/env bash
# `make serve`: the site with production settings under gunicorn, with the task worker beside it;
# Ctrl-C stops both. `make worker` (this script with "worker") runs only the worker.
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

if [ "$mode" = worker ]; then
    exec nice -n 10 "$PY" manage.py db_worker
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

pids=()
stop() {
    trap - INT TERM EXIT
    for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
    wait || true
}
trap stop INT TERM EXIT
.venv/bin/gunicorn --config deploy/gunicorn.conf.py &
pids+=($!)
# Lower CPU priority than the web workers, as cerobio-worker.service (Nice=10): emails can wait.
nice -n 10 "$PY" manage.py db_worker &
pids+=($!)
echo "Serving http://localhost:$PORT/ with production settings (Ctrl-C stops)."
wait -n
