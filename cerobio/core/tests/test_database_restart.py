"""A database restart is invisible to visitors: a kept connection that the server has closed is
replaced before the next request's first query (`conn_health_checks` in settings.base, with the
persistent connections production keeps). PostgreSQL only (CI runs it)."""

import os

import psycopg
import pytest
from django.core.signals import request_started
from django.db import connection

from cerobio.shop.basket.models import Basket

pytestmark = pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")),
    reason="Needs PostgreSQL: set DATABASE_URL=postgres://... (CI runs it)",
)


def _terminate(pid: int) -> None:
    """Another session ends ours, as a database restart or an administrator would."""
    db = connection.settings_dict
    params = {"dbname": db["NAME"], "user": db["USER"], "password": db["PASSWORD"], "host": db["HOST"], "port": db["PORT"]}
    with psycopg.connect(**{k: v for k, v in params.items() if v}, autocommit=True) as other:
        assert other.execute("SELECT pg_terminate_backend(%s, 5000)", [pid]).fetchone()[0] is True


# Transactional: the connection must be outside any transaction, as between two requests.
@pytest.mark.django_db(transaction=True)
def test_a_connection_the_server_closed_is_replaced_at_the_next_request(monkeypatch):
    monkeypatch.setitem(connection.settings_dict, "CONN_MAX_AGE", None)  # kept between requests, as in production
    connection.close()
    Basket.objects.count()
    old_pid = connection.connection.info.backend_pid
    _terminate(old_pid)

    request_started.send(sender=None)  # what Django's handler sends as each request starts
    assert Basket.objects.count() >= 0  # the request's first query works...
    assert connection.connection.info.backend_pid != old_pid  # ...on a new connection
    connection.close()
