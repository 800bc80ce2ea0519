"""Health probes for load balancers and orchestrators (docs/operations.md).

/healthz: the process is alive; touches neither the database nor the cache.
/readyz: django-health-check runs the database, cache and migrations checks: 200 when all pass,
else 503 with Retry-After. It answers JSON (`Accept: application/json` or `?format=json`), plain
text (`text/plain`) or an HTML page (a browser, `*/*`). Neither answer is ever cached.
"""

from __future__ import annotations

import dataclasses

from asgiref.sync import async_to_sync
from django.db import connections
from django.db.migrations.executor import MigrationExecutor
from django.http import JsonResponse
from health_check.base import HealthCheck
from health_check.exceptions import ServiceUnavailable
from health_check.views import HealthCheckView


def healthz(request):
    """Alive: answers without the database or the cache."""
    response = JsonResponse({"status": "ok"})
    response["Cache-Control"] = "no-store"
    return response


@dataclasses.dataclass
class Migrations(HealthCheck):
    """Every migration on disk is applied: a deploy that did not run `migrate` is not ready."""

    # Once a process has seen every migration applied that cannot change under it (a deploy starts
    # new processes), so the migration graph, which is slow to load, is not read again.
    all_applied = False

    def run(self):
        if Migrations.all_applied:
            return
        connection = connections["default"]  # this check's own thread: its own connection
        try:
            executor = MigrationExecutor(connection)
            plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
        finally:
            connection.close()
        unapplied = [f"{migration.app_label}.{migration.name}" for migration, backwards in plan if not backwards]
        if unapplied:
            raise ServiceUnavailable(f"{len(unapplied)} unapplied migrations: {', '.join(unapplied)}")
        Migrations.all_applied = True


class ReadyView(HealthCheckView):
    """django-health-check's view; a failing check answers 503 + Retry-After, as load balancers expect."""

    checks = ("health_check.checks.Database", "health_check.checks.Cache", "cerobio.core.health.Migrations")

    async def get(self, request, *args, **kwargs):
        response = await super().get(request, *args, **kwargs)
        if response.status_code == 500:
            response.status_code = 503
            response["Retry-After"] = "10"
        return response


_ready = async_to_sync(ReadyView.as_view())


def readyz(request):
    """Ready for traffic (HealthProbeMiddleware answers it before host checks, so render it here)."""
    response = _ready(request)
    if hasattr(response, "render"):
        response.render()
    return response
