"""`make backup` and `make restore`: a round trip into a fresh database gives back the same site."""

import hashlib
import os
import subprocess

import pytest

from ..databases import copy_database, drop_database
from . import stack
from .conftest import requires_postgres

pytestmark = [pytest.mark.deploy, pytest.mark.django_db, requires_postgres]

KEY_TABLES = [
    "wagtailcore_page", "wagtailcore_revision", "guide_miliatype", "guide_lookalike", "guide_reference",
    "identify_evidencerule", "shop_productvariant", "shop_stock", "images_cerobioimage", "auth_user",
]  # fmt: skip


def make(target: str, env: dict, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["make", "-s", target, *args],
        cwd=stack.REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def row_counts(url: str) -> dict:
    import psycopg

    with psycopg.connect(url) as conn:
        return {
            table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # noqa: S608 - our own names
            for table in KEY_TABLES
        }


def sha256(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def source(demo_database, tmp_path):
    """A database with the demo content, and a media folder with an uploaded photo in it."""
    url = copy_database(demo_database, f"cerobio_deploy_backup_src_{os.getpid()}")
    media = tmp_path / "media"
    (media / "original_images").mkdir(parents=True)
    (media / "original_images" / "closeup.jpg").write_bytes(os.urandom(50_000))
    yield url, media
    drop_database(f"cerobio_deploy_backup_src_{os.getpid()}")


def test_backup_and_restore_round_trip(source, tmp_path):
    url, media = source
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DATABASE_URL", "MEDIA_ROOT", "BACKUP_", "FORCE"))
    }
    backups = tmp_path / "backups"
    backed_up = make(
        "backup", {**env, "DATABASE_URL": url, "MEDIA_ROOT": str(media), "BACKUP_DIR": str(backups)}
    )
    assert backed_up.returncode == 0, backed_up.stderr
    (dump,) = backups.glob("cerobio-*.dump")
    (archive,) = backups.glob("cerobio-*.media.tar.gz")
    assert dump.name.removesuffix(".dump") == archive.name.removesuffix(".media.tar.gz"), (
        "one time stamp for both"
    )

    name = f"cerobio_deploy_restored_{os.getpid()}"
    restored_url = url.rsplit("/", 1)[0] + f"/{name}"
    drop_database(name)
    restored_media = tmp_path / "restored-media"
    target = {**env, "DATABASE_URL": restored_url, "MEDIA_ROOT": str(restored_media)}
    try:
        restored = make("restore", target, f"FILE={dump}")
        assert restored.returncode == 0, restored.stderr
        assert row_counts(restored_url) == row_counts(url)
        assert row_counts(url)["wagtailcore_page"] > 20, "the demo site really was there"
        photo = "original_images/closeup.jpg"
        assert sha256(restored_media / photo) == sha256(media / photo)

        # A database with tables (or media) is never overwritten by accident...
        again = make("restore", target, f"FILE={dump}")
        assert again.returncode != 0
        assert "refusing to overwrite" in again.stderr and name in again.stderr
        # ...only on purpose.
        (restored_media / "stray.txt").write_text("left from before")
        forced = make("restore", {**target, "FORCE": "1"}, f"FILE={dump}")
        assert forced.returncode == 0, forced.stderr
        assert row_counts(restored_url) == row_counts(url)
        assert not (restored_media / "stray.txt").exists()
    finally:
        drop_database(name)


def test_restore_explains_what_it_needs(tmp_path):
    missing = make("restore", dict(os.environ), "FILE=")
    assert missing.returncode != 0 and "name the backup" in missing.stderr
    wrong = make("restore", dict(os.environ), f"FILE={tmp_path / 'notes.txt'}")
    assert wrong.returncode != 0 and "is not a backup" in wrong.stderr


def test_backup_refuses_a_database_that_is_not_postgresql(tmp_path):
    result = make(
        "backup",
        {**os.environ, "DATABASE_URL": "sqlite:///db.sqlite3", "BACKUP_DIR": str(tmp_path)},
    )
    assert result.returncode != 0 and "PostgreSQL" in result.stderr
    assert not list(tmp_path.iterdir())
