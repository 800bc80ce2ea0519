"""Health probes for load balancers and orchestrators (docs/operations.md).

/healthz: the process is alive; touches neither the database nor the cache.
/readyz: the database answers, the cache stores and returns a value, and no migration is waiting;
200 with each check's result, or 503 naming the failing checks. Errors are named by their class
only (the details, such as a database host, go to the log), and neither answer is ever cached.
"""

from __future__ import annotations

import logging
import time
import uuid

from django.core.cache import cache
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.http import JsonResponse

from .logs import Every

log = logging.getLogger("cerobio.health")
_report = {"database": Every(30), "cache": Every(30), "migrations": Every(30)}
# Once this process has seen every migration applied, that cannot change under it (a deploy starts new
# processes), so the migration graph, which is slow to load, is read until then and not after.
_migrations_applied = False


def _no_store(response: JsonResponse) -> JsonResponse:
    response["Cache-Control"] = "no-store"
    return response


def healthz(request):
    """Alive: answers without the database or the cache."""
    return _no_store(JsonResponse({"status": "ok"}))


def check_database() -> dict:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return {}


def check_cache() -> dict:
    key, value = f"readyz:{uuid.uuid4().hex}", uuid.uuid4().hex
    cache.set(key, value, timeout=30)
    read = cache.get(key)
    cache.delete(key)
    if read != value:
        raise RuntimeError("the cache did not return the value just stored")
    return {}


def check_migrations() -> dict:
    global _migrations_applied
    if _migrations_applied:
        return {}
    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    if plan:
        unapplied = [
            f"{migration.app_label}.{migration.name}"
            for migration, backwards in plan
            if not backwards
        ]
        raise PendingMigrations(unapplied)
    _migrations_applied = True
    return {}


class PendingMigrations(Exception):
    def __init__(self, unapplied: list[str]):
        super().__init__(f"{len(unapplied)} unapplied migrations")
        self.unapplied = unapplied


CHECKS = {"database": check_database, "cache": check_cache, "migrations": check_migrations}


def _run(name: str, check) -> dict:
    start = time.perf_counter()
    try:
        result = {"ok": True, **check()}
    except PendingMigrations as exc:
        result = {"ok": False, "error": str(exc), "unapplied": exc.unapplied}
    except Exception as exc:
        if _report[name]():
            log.warning("readiness check %s failed: %s: %s", name, type(exc).__name__, exc)
        result = {"ok": False, "error": type(exc).__name__}
    result["ms"] = round((time.perf_counter() - start) * 1000, 1)
    return result


def readyz(request):
    """Ready for traffic: 200 if every check passes, else 503 naming the failing checks."""
    checks = {}
    for name, check in CHECKS.items():
        if name == "migrations" and not checks["database"]["ok"]:
            checks[name] = {"ok": False, "error": "skipped: no database", "ms": 0.0}
            continue
        checks[name] = _run(name, check)
    failing = [name for name, result in checks.items() if not result["ok"]]
    body = {"status": "unavailable" if failing else "ok", "failing": failing, "checks": checks}
    response = JsonResponse(body, status=503 if failing else 200)
    if failing:
        response["Retry-After"] = "10"
        response._has_been_logged = True  # each failing check is logged once per interval above
    return _no_store(response)
