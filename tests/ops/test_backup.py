"""A backup made by scripts/backup.sh restores into a fresh database with the same rows, table by
table, and the same media files."""

from __future__ import annotations

import subprocess
from pathlib import Path

import psycopg2
import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection

pytestmark = [pytest.mark.postgres, pytest.mark.pg_dump, pytest.mark.django_db(transaction=True)]

ROOT = Path(__file__).resolve().parents[2]


def _url(name: str) -> str:
    db = settings.DATABASES["default"]
    auth = db["USER"] + (f":{db['PASSWORD']}" if db.get("PASSWORD") else "")
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{name}"


def _table_digests(url: str) -> dict[str, tuple[int, str]]:
    """(row count, md5 of every row's text, rows sorted) of each table: a restore that
    loses a column's values, truncates a text or reorders ids does not keep the digest."""
    with psycopg2.connect(url) as conn, conn.cursor() as cur:
        cur.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
        )
        tables = [row[0] for row in cur.fetchall()]
        digests = {}
        for table in tables:
            cur.execute(
                "SELECT count(*), coalesce(md5(string_agg(t::text, chr(10) ORDER BY t::text)), '')"
                f' FROM "{table}" AS t'
            )
            count, digest = cur.fetchone()
            digests[table] = (count, digest)
    return digests


def _files(root: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(root)): path.read_bytes() for path in root.rglob("*") if path.is_file()
    }


def test_backup_restores_into_a_fresh_database_with_the_same_row_counts(tmp_path):
    call_command("load_demo", "--with-users", verbosity=0)
    source_url = _url(connection.settings_dict["NAME"])
    restore_name = f"{connection.settings_dict['NAME']}_restore"
    media = tmp_path / "media"
    (media / "reports").mkdir(parents=True)
    (media / "reports" / "sample.pdf").write_bytes(b"%PDF-1.7 sample")
    (media / "resolutions" / "2019").mkdir(parents=True)
    (media / "resolutions" / "2019" / "nghị-quyết 12.pdf").write_bytes(bytes(range(256)) * 40)

    backup_dir = tmp_path / "backup"
    env = {
        "PATH": "/usr/bin:/bin:/usr/local/bin",
        "DATABASE_URL": source_url,
        "MEDIA_ROOT": str(media),
    }
    subprocess.run(
        [str(ROOT / "scripts" / "backup.sh"), str(backup_dir)],
        check=True,
        env=env,
        capture_output=True,
    )

    admin = psycopg2.connect(_url("postgres"))
    admin.autocommit = True
    with admin.cursor() as cur:
        cur.execute(f'DROP DATABASE IF EXISTS "{restore_name}"')
        cur.execute(f'CREATE DATABASE "{restore_name}"')
    try:
        restored_media = tmp_path / "restored-media"
        env.update(DATABASE_URL=_url(restore_name), MEDIA_ROOT=str(restored_media))
        subprocess.run(
            [str(ROOT / "scripts" / "restore.sh"), str(backup_dir)],
            check=True,
            env=env,
            capture_output=True,
        )
        before = _table_digests(source_url)
        assert before["council_delegate"][0] > 0
        assert before["voters_voterpetition"][0] > 0
        after = _table_digests(_url(restore_name))
        assert after.keys() == before.keys()
        for table, expected in before.items():
            assert after[table] == expected, table
        assert _files(restored_media) == _files(media)
    finally:
        with admin.cursor() as cur:
            cur.execute(f'DROP DATABASE IF EXISTS "{restore_name}" WITH (FORCE)')
        admin.close()
