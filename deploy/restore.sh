#!/usr/bin/env bash
# `make restore FILE=backups/cerobio-STAMP.dump`: restore a `make backup` into DATABASE_URL, and the
# media archive with the same time stamp (if there is one) into MEDIA_ROOT. The database is created
# if missing. A database with tables or a media folder with files is left alone unless FORCE=1, which
# empties them first. docs/deploy.md, "Restoring".
set -euo pipefail
cd "$(dirname "$0")/.."
source deploy/local-defaults.sh
PY=.venv/bin/python

file="${1:-}"
if [ -z "$file" ]; then
    echo "make restore: name the backup, e.g. make restore FILE=backups/cerobio-20250131-020000.dump" >&2
    exit 2
fi
case "$file" in
    *.dump) dump="$file"; media="${file%.dump}.media.tar.gz" ;;
    *.media.tar.gz) media="$file"; dump="${file%.media.tar.gz}.dump" ;;
    *) echo "make restore: '$file' is not a backup (cerobio-STAMP.dump or cerobio-STAMP.media.tar.gz)." >&2; exit 2 ;;
esac
if [ ! -f "$dump" ]; then
    echo "make restore: $dump does not exist." >&2
    exit 2
fi
if ! is_postgres; then
    echo "make restore: DATABASE_URL must be a PostgreSQL database (postgres://...), not '$DATABASE_URL'." >&2
    exit 2
fi
[ -x "$PY" ] || { echo "make restore: run make install first (it needs the project's Python)." >&2; exit 2; }
command -v pg_restore >/dev/null || { echo "make restore: pg_restore is missing (apt-get install postgresql-client)." >&2; exit 2; }

# Create the database if needed and count its tables (psycopg, so no psql is needed).
tables="$("$PY" - <<'PY'
import os
from urllib.parse import urlsplit, urlunsplit

import psycopg
from psycopg import sql

url = os.environ["DATABASE_URL"]
parts = urlsplit(url)
name = parts.path.lstrip("/")
with psycopg.connect(urlunsplit(parts._replace(path="/postgres")), autocommit=True, connect_timeout=10) as conn:
    if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
with psycopg.connect(url, connect_timeout=10) as conn:
    print(conn.execute("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'").fetchone()[0])
PY
)"
database="$(basename "${DATABASE_URL%%\?*}")"
media_files=0
if [ -f "$media" ] && [ -d "$MEDIA_ROOT" ]; then
    media_files="$(find "$MEDIA_ROOT" -mindepth 1 -print -quit | wc -l)"
fi

if [ "${FORCE:-0}" != 1 ]; then
    refuse=""
    [ "$tables" -gt 0 ] && refuse="the database $database has $tables tables"
    [ "$media_files" -gt 0 ] && refuse="${refuse:+$refuse and }the media folder $MEDIA_ROOT is not empty"
    if [ -n "$refuse" ]; then
        echo "make restore: refusing to overwrite: $refuse. Restore into an empty database" \
             "(DATABASE_URL=...), or repeat with FORCE=1 to replace what is there." >&2
        exit 3
    fi
fi

if [ "$tables" -gt 0 ]; then
    echo "FORCE=1: emptying the database $database."
    "$PY" -c 'import os, psycopg; c = psycopg.connect(os.environ["DATABASE_URL"], autocommit=True); c.execute("DROP SCHEMA public CASCADE"); c.execute("CREATE SCHEMA public")'
fi
pg_restore --no-owner --no-privileges --exit-on-error --dbname="$DATABASE_URL" "$dump"
echo "Database $database restored from $dump."

if [ -f "$media" ]; then
    mkdir -p "$MEDIA_ROOT"
    if [ "$media_files" -gt 0 ]; then
        echo "FORCE=1: emptying $MEDIA_ROOT."
        find "$MEDIA_ROOT" -mindepth 1 -delete
    fi
    tar -xzf "$media" -C "$MEDIA_ROOT"
    echo "Media restored into $MEDIA_ROOT from $media."
else
    echo "No media archive $media; media left as they are."
fi
echo "If the backup is older than the code, run: manage.py migrate"
