"""PostgreSQL: Django's own backend, with two changes for the requests that run most often.

`settings.base` selects it (ENGINE `cerobio.core.postgresql`) whenever DATABASE_URL names PostgreSQL;
everything not written here is Django's (`vendor` stays "postgresql"). docs/performance.md explains
both changes and what they saved.

1. The health check asks the socket, not the server. With CONN_HEALTH_CHECKS, Django checks a kept
   connection before the first query of every request (and the task worker before every task) by
   sending `SELECT 1`: a round trip, and a statement for PostgreSQL to parse and plan, each time.
   A connection the server has closed, or is closing (a restart, `pg_terminate_backend`, an idle
   timeout), has something waiting to be read: the server's goodbye, or the end of the stream. A
   healthy idle connection has nothing. So: nothing to read and the connection idle is healthy;
   anything else is checked the way Django checks it.

2. `prepared_cursor()`: statements sent through it go with their values as separate parameters and
   are prepared on first use, so PostgreSQL parses and plans each once per connection instead of on
   every call. cerobio/core/prepared.py sends the hot reads and writes it writes once per process
   through it; every other query goes exactly as Django sends it (values bound into the SQL text).
   DB_PREPARED_STATEMENTS=0 turns it off, for a connection pooler that cannot keep prepared
   statements (PgBouncer before 1.21, or without `max_prepared_statements`; docs/deploy.md).
"""

from __future__ import annotations

import select

import psycopg
from django.db.backends.postgresql import base as django_postgresql
from django.db.backends.postgresql.operations import DatabaseOperations as DjangoOperations
from django.utils.asyncio import async_unsafe
from psycopg import pq

# psycopg prepares a statement after it has seen it this many times. Django turns that off (None); this
# backend turns it on only for the statements sent through prepared_cursor(), which ask for it at once,
# so every other query is never counted towards it.
NEVER_BY_COUNT = 2**62


class PreparingCursor(django_postgresql.ServerBindingCursor):
    """Values sent apart from the SQL, and the statement prepared the first time this connection sees it."""

    def execute(self, query, params=None, *, prepare=None, binary=None):
        return super().execute(query, params, prepare=True, binary=binary)


class DatabaseOperations(DjangoOperations):
    def last_executed_query(self, cursor, sql, params):
        """The SQL with its values, for the query log (DEBUG, tests): a prepared statement's text is not kept."""
        if isinstance(cursor, PreparingCursor):
            try:
                return self.compose_sql(sql, params)
            except psycopg.DataError:
                return None
        return super().last_executed_query(cursor, sql, params)


class DatabaseWrapper(django_postgresql.DatabaseWrapper):
    ops_class = DatabaseOperations

    @property
    def prepares_statements(self) -> bool:
        """DATABASES[...]["PREPARED_STATEMENTS"] (settings.base: DB_PREPARED_STATEMENTS), on unless False."""
        return self.settings_dict.get("PREPARED_STATEMENTS", True) is not False

    def get_connection_params(self):
        params = super().get_connection_params()
        if self.prepares_statements and params.get("prepare_threshold") is None:
            params["prepare_threshold"] = NEVER_BY_COUNT
        return params

    def is_usable(self):
        connection = self.connection
        if connection is None or connection.closed or connection.broken:
            return False
        try:
            pgconn = connection.pgconn
            if pgconn.status != pq.ConnStatus.OK or pgconn.transaction_status != pq.TransactionStatus.IDLE:
                return super().is_usable()  # not idle: let the server answer, as Django's check does
            socket = pgconn.socket
        except psycopg.Error:
            return False
        try:
            # poll(), not select(): no limit on the descriptor's number in a process with many files open.
            poller = select.poll()
            poller.register(socket, select.POLLIN)
            waiting = poller.poll(0)
        except (OSError, ValueError):
            return super().is_usable()
        # Something to read: the server's goodbye, or something unexpected; let the server answer.
        return super().is_usable() if waiting else True

    @async_unsafe
    def prepared_cursor(self):
        """A cursor (wrapped as Django wraps every cursor: errors, query log, execute wrappers) whose
        statements are prepared; a plain `cursor()` where prepared statements are turned off."""
        if not self.prepares_statements:
            return self.cursor()
        self.close_if_health_check_failed()
        self.ensure_connection()
        with self.wrap_database_errors:
            cursor = PreparingCursor(self.connection)
            # As Django's create_cursor(): the connection's time zone for timestamps read back.
            loader = self.connection.adapters.get_loader(django_postgresql.TIMESTAMPTZ_OID, pq.Format.TEXT)
            if self.timezone != loader.timezone:
                django_postgresql.register_tzloader(self.timezone, cursor)
            return self._prepare_cursor(cursor)

