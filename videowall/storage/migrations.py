"""The database schema as an ordered list of migrations; ``PRAGMA user_version`` records the last applied.

Append new migrations at the end (next version number); never edit one that has shipped.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from videowall.runtime.errors import ErrorKind, VideowallError
from videowall.storage import (
    schema_audit, schema_bookmarks, schema_events, schema_onvif, schema_recorder, schema_recordings,
    schema_ptz_leases, schema_station, schema_users, schema_views,
)


@dataclass(frozen=True)
class Migration:
    version: int
    description: str
    statements: tuple[str, ...] = ()
    # For changes SQL alone cannot express; runs after ``statements`` inside the same transaction.
    apply: Callable[[sqlite3.Connection], None] | None = None


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "cameras", (
        # AUTOINCREMENT: an id is never reused, so a removed camera's keyring entry ("camera:<id>")
        # can never be picked up by a camera added later.
        """CREATE TABLE cameras (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            name TEXT NOT NULL UNIQUE COLLATE NOCASE,
            location TEXT NOT NULL DEFAULT '',
            grp TEXT NOT NULL DEFAULT '',
            main_url TEXT NOT NULL,
            sub_url TEXT,
            transport TEXT NOT NULL DEFAULT 'tcp' CHECK (transport IN ('tcp', 'udp')),
            has_credentials INTEGER NOT NULL DEFAULT 0 CHECK (has_credentials IN (0, 1)),
            created_utc TEXT NOT NULL,
            updated_utc TEXT NOT NULL
        )""",
    )),
    Migration(2, "audit log", schema_audit.STATEMENTS),
    Migration(schema_recordings.VERSION, schema_recordings.DESCRIPTION, schema_recordings.STATEMENTS),
    Migration(schema_views.VERSION, schema_views.DESCRIPTION, schema_views.STATEMENTS),
    Migration(schema_onvif.VERSION, schema_onvif.DESCRIPTION, schema_onvif.STATEMENTS),
    Migration(schema_bookmarks.VERSION, schema_bookmarks.DESCRIPTION, schema_bookmarks.STATEMENTS),
    Migration(schema_station.VERSION, schema_station.DESCRIPTION, schema_station.STATEMENTS,
              apply=schema_station.create_identity),
    Migration(schema_events.VERSION, schema_events.DESCRIPTION, schema_events.STATEMENTS),
    Migration(schema_recorder.VERSION, schema_recorder.DESCRIPTION, schema_recorder.STATEMENTS),
    Migration(schema_users.VERSION, schema_users.DESCRIPTION, schema_users.STATEMENTS),
    Migration(schema_ptz_leases.VERSION, schema_ptz_leases.DESCRIPTION, schema_ptz_leases.STATEMENTS),
)


def latest_version(migrations: Sequence[Migration] = MIGRATIONS) -> int:
    return migrations[-1].version if migrations else 0


def check_order(migrations: Sequence[Migration]) -> None:
    """Versions must be 1, 2, 3, … with no gap, so ``user_version`` alone says what is applied."""
    for expected, migration in enumerate(migrations, start=1):
        if migration.version != expected:
            raise ValueError(f"migration {migration.description!r} has version {migration.version}, "
                             f"expected {expected}")


def schema_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def apply_migrations(conn: sqlite3.Connection, migrations: Sequence[Migration] = MIGRATIONS) -> None:
    """Apply every migration newer than the database, each in its own transaction.

    ``conn`` must be in autocommit mode (``isolation_level=None``). The version is re-read under the
    write lock, so two processes opening the same database at once do not apply a migration twice.
    """
    check_order(migrations)
    for migration in migrations:
        if schema_version(conn) >= migration.version:
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            if schema_version(conn) < migration.version:
                for statement in migration.statements:
                    conn.execute(statement)
                if migration.apply is not None:
                    migration.apply(conn)
                conn.execute(f"PRAGMA user_version = {int(migration.version)}")
            conn.execute("COMMIT")
        except BaseException as err:
            conn.execute("ROLLBACK")
            if isinstance(err, sqlite3.Error):
                raise VideowallError(
                    ErrorKind.STORAGE_ERROR,
                    f"Could not upgrade the database to schema version {migration.version} "
                    f"({migration.description}): {err}. The database was left at version "
                    f"{schema_version(conn)}.",
                    detail=repr(err)) from err
            raise
