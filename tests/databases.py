"""The test databases: built once, then copied for the other worker, the servers and after a flush.

The first pytest worker to need one builds it (migrations, then the demo content) and keeps a copy
as built, before any test runs; on PostgreSQL the other worker copies that instead of building its
own (`set_up_test_database`). A server of the deploy and browser tests gets a copy of the copy, so
it holds the demo site without migrating or loading it again. PostgreSQL copies with
`CREATE DATABASE ... TEMPLATE`, SQLite with sqlite3's backup. A transactional test's flush empties
the test database; it is put back from the same copy right after such a test (`restore_as_built`,
conftest.py), in about a second instead of loading the demo again.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

DATABASE_URL = os.environ.get("DATABASE_URL", "")


def with_database(url: str, name: str) -> str:
    return urlunsplit(urlsplit(url)._replace(path=f"/{name}"))


def admin_connection():
    import psycopg

    return psycopg.connect(
        with_database(DATABASE_URL, "postgres"), autocommit=True, connect_timeout=10
    )


def set_up_test_database(verbosity: int, shared_folder: Path):
    """Make this worker's test database: migrations, then the demo content; return its teardown.

    On PostgreSQL under pytest-xdist the first worker to get here builds it while the other waits
    (an advisory lock), then copies the first one's as built (`CREATE DATABASE ... TEMPLATE`, a
    second or two) instead of migrating and loading the demo again. If that copy is not there (the
    builder failed), it builds its own.
    """
    from django.conf import settings
    from django.db import connection
    from django.test.utils import setup_databases, teardown_databases

    from cerobio.demo.loader import load_demo

    run = os.environ.get("PYTEST_XDIST_TESTRUNUID", "")
    shared = shared_folder / "database-as-built.txt"
    lock = None
    if connection.vendor == "postgresql" and run:
        lock = admin_connection()
        lock.execute("SELECT pg_advisory_lock(hashtext(%s))", [f"cerobio-test-database-{run}"])
    try:
        if lock is not None and shared.exists():
            name = connection.settings_dict["TEST"]["NAME"]
            import psycopg

            try:
                copy_database(shared.read_text(), name)
            except psycopg.Error as exc:  # the builder dropped it already: build our own below
                print(
                    f"No copy of the test database as built ({exc}); building this worker's own",
                    file=sys.stderr,
                )
            else:
                connection.close()
                settings.DATABASES["default"]["NAME"] = connection.settings_dict["NAME"] = name
                keep_pristine_copy()
                return _drop_test_database
        # No serialized copy: a transactional test is followed by restore_as_built instead.
        config = setup_databases(
            verbosity=verbosity, interactive=False, aliases={"default"}, serialized_aliases=set()
        )
        load_demo()
        keep_pristine_copy()
        if lock is not None:
            shared.write_text(database_as_built())
        if connection.vendor == "postgresql":
            return _drop_test_database
        return lambda: teardown_databases(config, verbosity=verbosity)
    finally:
        if lock is not None:
            lock.close()  # releases the advisory lock


def _drop_test_database() -> None:
    """Drop this worker's PostgreSQL test database, even if a test left a connection to it open."""
    from django.db import connection, connections

    name = connection.settings_dict["NAME"]
    connections.close_all()
    drop_database(name)  # WITH (FORCE): ends the sessions still on it


# The database as built (migrations, their data, the demo), copied before any test runs: a
# transactional test leaves the test database empty until the next one restores it, so copies for
# servers are made from this one. Set by keep_pristine_copy (conftest.py's django_db_setup).
_pristine: dict[str, str] = {}


def keep_pristine_copy() -> None:
    """Copy the test database just built; the copies for servers are made from it."""
    from django.db import connection, connections

    if connection.vendor == "sqlite":
        path = Path(tempfile.mkdtemp(prefix="cerobio-pristine-")) / "db.sqlite3"
        connection.ensure_connection()
        with sqlite3.connect(path) as target:
            connection.connection.backup(target)
        _pristine["path"] = str(path)
        return
    test_database = connection.settings_dict["NAME"]
    connections.close_all()  # PostgreSQL copies a database only while nobody is connected to it
    _pristine["url"] = copy_database(
        with_database(DATABASE_URL, test_database), f"{test_database}_pristine"
    )


def restore_as_built() -> None:
    """Put the test database back as built (after a transactional test's flush emptied it)."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection, connections

    if connection.vendor == "sqlite":
        connection.ensure_connection()
        with sqlite3.connect(_pristine["path"]) as source:
            source.backup(connection.connection)
    else:
        connections.close_all()
        copy_database(database_as_built(), connection.settings_dict["NAME"])
    ContentType.objects.clear_cache()  # the ids are the ones as built again


def drop_pristine_copy() -> None:
    if url := _pristine.pop("url", None):
        drop_database(urlsplit(url).path.lstrip("/"))
    if path := _pristine.pop("path", None):
        shutil.rmtree(Path(path).parent, ignore_errors=True)


def database_as_built() -> str:
    """DATABASE_URL of the PostgreSQL copy kept as built: copy it, never serve from it."""
    return _pristine["url"]


def copy_test_database(name: str) -> str:
    """DATABASE_URL of a new PostgreSQL database `name`: a copy of the test database as built."""
    return copy_database(database_as_built(), name)


def copy_test_database_to_file(path: Path) -> str:
    """DATABASE_URL of a new SQLite file at `path`: a copy of the SQLite test database as built."""
    shutil.copyfile(_pristine["path"], path)
    return f"sqlite:///{path}"


def copy_database(source_url: str, name: str) -> str:
    """A new database `name` made from the database at `source_url` (nothing may be connected to it)."""
    from psycopg import sql

    source = urlsplit(source_url).path.lstrip("/")
    with admin_connection() as admin:
        admin.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )
        admin.execute(
            sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(
                sql.Identifier(name), sql.Identifier(source)
            )
        )
    return with_database(DATABASE_URL, name)


def drop_database(name: str) -> None:
    from psycopg import sql

    with admin_connection() as admin:
        admin.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )
