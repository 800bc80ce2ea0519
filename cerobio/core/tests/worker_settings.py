"""The test settings with production's task queue in the database, for a real `manage.py task_worker`."""

from cerobio.settings.test import *  # noqa: F403

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
