"""The PostgreSQL backend (cerobio/core/postgresql): the health check without a round trip, and the
hot statements prepared once per connection. PostgreSQL only (CI runs it)."""

import os

import psycopg
import pytest
from django.db import DEFAULT_DB_ALIAS, connection, connections
from django.db.backends.postgresql import base as django_postgresql
from django.test.utils import CaptureQueriesContext

# Transactional tests (a health check needs a connection outside any transaction). serialized_rollback,
# as every transactional test here: the flush after a plain one would recreate the content types that
# the next serialized test then restores again (a duplicate key at its setup).
pytestmark = pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")),
    reason="Needs PostgreSQL: set DATABASE_URL=postgres://... (CI runs it)",
)


def _terminate_this_connection():
    """Another session ends ours, as a database restart or an administrator would."""
    pid = connection.connection.info.backend_pid
    db = connection.settings_dict
    params = {"dbname": db["NAME"], "user": db["USER"], "password": db["PASSWORD"], "host": db["HOST"], "port": db["PORT"]}
    with psycopg.connect(**{k: v for k, v in params.items() if v}, autocommit=True) as other:
        assert other.execute("SELECT pg_terminate_backend(%s, 5000)", [pid]).fetchone()[0] is True


def _asks_the_server(monkeypatch):
    asked = []

    def select_one(self):
        asked.append(True)
        return original(self)

    original = django_postgresql.DatabaseWrapper.is_usable
    monkeypatch.setattr(django_postgresql.DatabaseWrapper, "is_usable", select_one)
    return asked


def test_the_backend_is_ours_and_still_postgresql():
    assert connection.settings_dict["ENGINE"] == "cerobio.core.postgresql"
    assert connection.vendor == "postgresql"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_healthy_connection_passes_the_health_check_without_a_round_trip(monkeypatch):
    asked = _asks_the_server(monkeypatch)
    connection.ensure_connection()
    assert connection.is_usable() is True
    assert asked == []  # no SELECT 1 was sent


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_connection_the_server_closed_fails_the_check_and_the_next_request_reconnects(monkeypatch):
    from cerobio.shop.basket.models import Basket

    connection.ensure_connection()
    old_pid = connection.connection.info.backend_pid
    _terminate_this_connection()
    assert connection.is_usable() is False
    # What Django does at the first query of a request with CONN_HEALTH_CHECKS: the dead connection is
    # dropped and the query runs on a new one, so the visitor never sees the restart.
    wrapper = connections[DEFAULT_DB_ALIAS]
    monkeypatch.setattr(wrapper, "health_check_enabled", True)
    monkeypatch.setattr(wrapper, "health_check_done", False)
    assert Basket.objects.count() >= 0
    assert connection.connection.info.backend_pid != old_pid


def _prepared_statements():
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        return [row[0] for row in cursor.fetchall()]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_prepared_reads_and_writes_are_prepared_once_and_other_queries_are_not(monkeypatch):
    from cerobio.shop.api.baskets import _INSERT_BASKET, find_basket
    from cerobio.shop.basket.models import Basket

    connection.close()  # a new connection: nothing prepared yet
    basket = _INSERT_BASKET(Basket())
    assert find_basket(basket.token).pk == basket.pk
    assert find_basket(basket.token + "x") is None
    Basket.objects.filter(pk=basket.pk).exists()  # an ordinary ORM query
    statements = _prepared_statements()
    # The insert and the read by token, each prepared once ($1: the values are sent apart), and nothing else.
    assert len(statements) == 2, statements
    assert any(s.startswith('INSERT INTO "basket_basket"') and "$1" in s for s in statements)
    assert any(s.startswith("SELECT") and '"token" = $1' in s for s in statements)

    # The query log still shows each prepared statement with its values (DEBUG, tests).
    with CaptureQueriesContext(connection) as queries:
        find_basket(basket.token)
    assert basket.token in queries.captured_queries[-1]["sql"]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_prepared_statements_can_be_turned_off_for_a_pooler(monkeypatch):
    from cerobio.shop.api.baskets import _INSERT_BASKET, find_basket
    from cerobio.shop.basket.models import Basket

    connection.close()
    monkeypatch.setitem(connection.settings_dict, "PREPARED_STATEMENTS", False)
    basket = _INSERT_BASKET(Basket())
    assert find_basket(basket.token).pk == basket.pk
    assert _prepared_statements() == []
    connection.close()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_prepared_statement_error_is_djangos_and_the_connection_stays_usable():
    from django.db import IntegrityError, transaction

    from cerobio.shop.api.baskets import _INSERT_BASKET
    from cerobio.shop.basket.models import Basket

    taken = _INSERT_BASKET(Basket()).token
    for _ in range(2):  # the second time, the statement is already prepared
        with pytest.raises(IntegrityError), transaction.atomic():
            _INSERT_BASKET(Basket(token=taken))
    assert Basket.objects.filter(token=taken).count() == 1
    assert _INSERT_BASKET(Basket()).pk is not None
