"""The servers of the deploy and browser tests get the whole demo site, even after a transactional
test has emptied the worker's test database (its flush leaves it empty until the next one restores
it, and pytest-xdist may run one before a browser test)."""

import sqlite3
import uuid
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client

from tests.databases import (
    DATABASE_URL,
    copy_test_database,
    copy_test_database_to_file,
    drop_database,
    restore_as_built,
)

COUNT = "SELECT (SELECT count(*) FROM auth_group), (SELECT count(*) FROM guide_homepage)"


@pytest.mark.django_db(transaction=True)
def test_a_copy_made_while_the_test_database_is_empty_holds_the_whole_site(tmp_path: Path):
    from django.contrib.auth.models import Group

    groups = Group.objects.count()
    call_command(
        "flush", interactive=False, inhibit_post_migrate=True
    )  # as a transactional test leaves it
    assert Group.objects.count() == 0
    if DATABASE_URL.startswith(("postgres://", "postgresql://")):
        import psycopg

        name = f"cerobio_copy_check_{uuid.uuid4().hex[:8]}"
        try:
            with psycopg.connect(copy_test_database(name)) as copy:
                counts = copy.execute(COUNT).fetchone()
        finally:
            drop_database(name)
    else:
        url = copy_test_database_to_file(tmp_path / "copy.sqlite3")
        with sqlite3.connect(url.removeprefix("sqlite:///")) as copy:
            counts = copy.execute(COUNT).fetchone()
    assert counts == (groups, 1)  # the roles the migrations made, and the demo's home page


@pytest.mark.django_db(transaction=True)
def test_the_test_database_is_put_back_as_built_after_a_flush():
    from django.contrib.auth.models import Group

    groups = Group.objects.count()
    call_command("flush", interactive=False, inhibit_post_migrate=True)
    assert Client().get("/").status_code == 404  # no site, no pages
    restore_as_built()
    assert Group.objects.count() == groups
    page = Client().get("/types/milia-en-plaque/")
    assert page.status_code == 200 and b"Milia en plaque" in page.content
