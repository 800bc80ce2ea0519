# Sourced by deploy/serve.sh, backup.sh and restore.sh: defaults for trying production mode on this
# machine (README.md, "Production mode on your machine"). On a server every one of them comes from
# /etc/cerobio/cerobio.env instead, and these defaults never apply.
export DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/cerobio}"
export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379/0}"
export MEDIA_ROOT="${MEDIA_ROOT:-$PWD/media}"
export STATIC_ROOT="${STATIC_ROOT:-$PWD/staticfiles}"
export BACKUP_DIR="${BACKUP_DIR:-$PWD/backups}"

is_postgres() {
    case "$DATABASE_URL" in
        postgres://* | postgresql://*) return 0 ;;
        *) return 1 ;;
    esac
}
