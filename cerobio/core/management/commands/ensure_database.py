"""Create the PostgreSQL database named by DATABASE_URL if it does not exist yet (SQLite needs nothing)."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Create the configured PostgreSQL database when it is missing, so `make run` works on a new server."

    def handle(self, *args, **options):
        db = settings.DATABASES["default"]
        if db["ENGINE"] != "django.db.backends.postgresql":
            return
        import psycopg
        from psycopg import sql

        params = {k: v for k, v in {"host": db.get("HOST"), "port": db.get("PORT"), "user": db.get("USER"),
                                    "password": db.get("PASSWORD")}.items() if v}
        try:
            with psycopg.connect(dbname="postgres", autocommit=True, connect_timeout=5, **params) as conn:
                exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [db["NAME"]]).fetchone()
                if not exists:
                    conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(db["NAME"])))
                    self.stdout.write(f"Created PostgreSQL database {db['NAME']}.")
        except psycopg.OperationalError as exc:
            raise CommandError(f"Cannot reach PostgreSQL at {db.get('HOST')}:{db.get('PORT')}: {exc}") from exc
