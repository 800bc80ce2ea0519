#!/usr/bin/env bash
# `make backup`: the PostgreSQL database (pg_dump custom format) and the media folder (tar.gz) into
# BACKUP_DIR, both named with the same UTC time stamp:
#   cerobio-20250131-020000.dump  cerobio-20250131-020000.media.tar.gz
# BACKUP_KEEP_DAYS=N also deletes this script's backups older than N days. docs/deploy.md, "Backups".
set -euo pipefail
cd "$(dirname "$0")/.."
source deploy/local-defaults.sh

if ! is_postgres; then
    echo "make backup: DATABASE_URL must be a PostgreSQL database (postgres://...), not '$DATABASE_URL'." >&2
    exit 2
fi
command -v pg_dump >/dev/null || { echo "make backup: pg_dump is missing (apt-get install postgresql-client)." >&2; exit 2; }

stamp="$(date -u +%Y%m%d-%H%M%S)"
mkdir -p "$BACKUP_DIR"
dump="$BACKUP_DIR/cerobio-$stamp.dump"
media="$BACKUP_DIR/cerobio-$stamp.media.tar.gz"

# Written under a temporary name first, so a half-written file never looks like a backup.
pg_dump --format=custom --no-owner --no-privileges --file="$dump.partial" "$DATABASE_URL"
mv "$dump.partial" "$dump"
echo "Database: $dump ($(du -h "$dump" | cut -f1))"

if [ -d "$MEDIA_ROOT" ]; then
    tar -czf "$media.partial" -C "$MEDIA_ROOT" .
    mv "$media.partial" "$media"
    echo "Media:    $media ($(du -h "$media" | cut -f1))"
else
    echo "Media:    none ($MEDIA_ROOT does not exist; media in S3 are kept by the bucket's versioning)"
fi

if [ -n "${BACKUP_KEEP_DAYS:-}" ]; then
    find "$BACKUP_DIR" -maxdepth 1 -type f \( -name 'cerobio-*.dump' -o -name 'cerobio-*.media.tar.gz' \) \
        -mtime +"$BACKUP_KEEP_DAYS" -print -delete | sed 's/^/Deleted old backup: /'
fi
