"""The database opener on real SQLite files: migrations, WAL, damaged files, newer schemas, transactions."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timezone

import pytest

from tests.fixtures.clock import FakeClock
from videowall.runtime.errors import ErrorKind, VideowallError
from videowall.storage.db import open_database, transaction
from videowall.storage.migrations import MIGRATIONS, Migration, check_order, latest_version, schema_version

CLOCK = FakeClock(start_utc=datetime(2026, 3, 4, 5, 6, 7, tzinfo=timezone.utc))
STAMP = "20260304T050607Z"


def _notes_migration(version: int) -> Migration:
    def fill(conn: sqlite3.Connection) -> None:
        conn.execute("INSERT INTO notes (camera_id, text) SELECT id, 'migrated ' || name FROM cameras")

    return Migration(version, "notes", (
        "CREATE TABLE notes (id INTEGER PRIMARY KEY, "
        "camera_id INTEGER NOT NULL REFERENCES cameras(id), text TEXT NOT NULL)",), apply=fill)


def _insert_camera(conn: sqlite3.Connection, name: str) -> None:
    conn.execute("INSERT INTO cameras (name, main_url, created_utc, updated_utc) "
                 "VALUES (?, 'rtsp://127.0.0.1/x', '2026-01-01T00:00:00+00:00', '2026-01-01T00:00:00+00:00')",
                 (name,))


def test_new_database_gets_every_migration_wal_and_foreign_keys(tmp_path):
    path = tmp_path / "nested" / "videowall.sqlite3"
    conn = open_database(path)
    try:
        assert schema_version(conn) == latest_version() == len(MIGRATIONS)
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000
        columns = [row[1] for row in conn.execute("PRAGMA table_info(cameras)")]
        assert columns == ["id", "name", "location", "grp", "main_url", "sub_url", "has_credentials",
                           "created_utc", "updated_utc", "record", "record_profile", "transport"]
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert {"cameras", "audit_log", "recording_segments", "legal_holds", "bookmarks", "bookmark_cameras",
                "bookmark_holds", "bookmark_revisions", "station_identity", "legacy_camera_secrets"} <= tables
    finally:
        conn.close()


def test_reopening_an_up_to_date_database_changes_nothing(tmp_path):
    path = tmp_path / "videowall.sqlite3"
    conn = open_database(path)
    _insert_camera(conn, "Gate")
    conn.close()
    conn = open_database(path)
    try:
        assert [r[0] for r in conn.execute("SELECT name FROM cameras")] == ["Gate"]
        assert schema_version(conn) == latest_version()
    finally:
        conn.close()


def test_older_database_is_migrated_forward_keeping_its_data(tmp_path):
    path = tmp_path / "videowall.sqlite3"
    conn = open_database(path, migrations=MIGRATIONS[:1])
    _insert_camera(conn, "Gate")
    conn.close()
    newer = (*MIGRATIONS, _notes_migration(len(MIGRATIONS) + 1))
    conn = open_database(path, migrations=newer)
    try:
        assert schema_version(conn) == len(newer)
        assert conn.execute("SELECT text FROM notes").fetchall() == [("migrated Gate",)]
        with pytest.raises(sqlite3.IntegrityError):  # foreign keys are enforced
            conn.execute("INSERT INTO notes (camera_id, text) VALUES (999, 'orphan')")
    finally:
        conn.close()


def test_failed_migration_is_rolled_back_whole_and_reported(tmp_path):
    path = tmp_path / "videowall.sqlite3"
    broken = Migration(len(MIGRATIONS) + 1, "half-done", (
        "CREATE TABLE first_half (x INTEGER)",
        "CREATE TABLE cameras (x INTEGER)",  # fails: exists already
    ))
    with pytest.raises(VideowallError) as err:
        open_database(path, migrations=(*MIGRATIONS, broken))
    assert err.value.kind is ErrorKind.STORAGE_ERROR
    assert "half-done" in err.value.user_message
    conn = sqlite3.connect(path)
    try:
        assert schema_version(conn) == len(MIGRATIONS)
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert "first_half" not in tables and "cameras" in tables
    finally:
        conn.close()


def test_migration_list_must_be_numbered_without_gaps():
    with pytest.raises(ValueError):
        check_order((MIGRATIONS[0], _notes_migration(3)))
    check_order(MIGRATIONS)


def test_file_that_is_not_a_database_is_moved_aside_and_reported(tmp_path):
    path = tmp_path / "videowall.sqlite3"
    garbage = b"this is a text file, not SQLite " * 200
    path.write_bytes(garbage)
    with pytest.raises(VideowallError) as err:
        open_database(path, clock=CLOCK)
    backup = tmp_path / f"videowall.sqlite3.corrupt-{STAMP}"
    assert err.value.kind is ErrorKind.STORAGE_CORRUPT
    assert str(backup) in err.value.user_message
    assert backup.read_bytes() == garbage
    assert not path.exists()
    conn = open_database(path)  # the caller chose to start afresh
    try:
        assert conn.execute("SELECT count(*) FROM cameras").fetchone()[0] == 0
    finally:
        conn.close()


def test_database_failing_quick_check_is_moved_aside_and_reported(tmp_path):
    path = tmp_path / "videowall.sqlite3"
    conn = open_database(path)
    conn.execute("CREATE TABLE filler (a TEXT)")
    conn.execute("CREATE INDEX filler_a ON filler (a)")
    conn.executemany("INSERT INTO filler VALUES (?)", [(f"row{i:05d}" * 5,) for i in range(2000)])
    root_page = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'filler_a'").fetchone()[0]
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    with open(path, "r+b") as f:  # scribble over the cell pointers of the index's root page
        f.seek((root_page - 1) * page_size + 12)
        f.write(b"\xff" * 2000)
    with pytest.raises(VideowallError) as err:
        open_database(path, clock=CLOCK)
    assert err.value.kind is ErrorKind.STORAGE_CORRUPT
    assert (tmp_path / f"videowall.sqlite3.corrupt-{STAMP}").exists()
    assert not path.exists()
    assert len(err.value.user_message) < 600


def test_schema_newer_than_the_code_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "videowall.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE from_the_future (x INTEGER)")
    conn.execute(f"PRAGMA user_version = {latest_version() + 7}")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(VideowallError) as err:
        open_database(path)
    assert err.value.kind is ErrorKind.STORAGE_ERROR
    assert "newer videowall" in err.value.user_message
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["videowall.sqlite3"]


def test_transaction_commits_or_rolls_back_and_nests(tmp_path):
    conn = open_database(tmp_path / "videowall.sqlite3")
    try:
        with transaction(conn):
            _insert_camera(conn, "Kept")
            with pytest.raises(RuntimeError):
                with transaction(conn):
                    _insert_camera(conn, "Inner, rolled back")
                    raise RuntimeError("inner failure")
        with pytest.raises(RuntimeError):
            with transaction(conn):
                _insert_camera(conn, "Outer, rolled back")
                raise RuntimeError("outer failure")
        assert [r[0] for r in conn.execute("SELECT name FROM cameras")] == ["Kept"]
        assert not conn.in_transaction
    finally:
        conn.close()
