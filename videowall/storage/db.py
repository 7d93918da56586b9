"""Opening the embedded SQLite database: integrity check, WAL, schema migrations; then one ``Database`` on it.

The checks and the shipped migrations run on the plain sqlite3 connection, exactly as before the database
layer served PostgreSQL too; SQLAlchemy then takes over that same connection.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy import create_engine
from sqlalchemy.pool import StaticPool

from videowall.runtime.atomic import move_aside
from videowall.runtime.clock import SYSTEM_CLOCK, Clock
from videowall.runtime.errors import ErrorKind, VideowallError
from videowall.storage.changes import install_sqlite_triggers
from videowall.storage.database import Database, connection_lock, transaction
from videowall.storage.migrations import MIGRATIONS, Migration, apply_migrations, latest_version, schema_version

__all__ = ["BUSY_TIMEOUT_S", "Database", "connection_lock", "open_database", "transaction"]

BUSY_TIMEOUT_S = 5.0
_CORRUPTION_CODES = (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB)


def open_database(path: Path | str, migrations: Sequence[Migration] = MIGRATIONS,
                  clock: Clock = SYSTEM_CLOCK) -> Database:
    """Open (creating if needed) and migrate the database at ``path``.

    Raises VideowallError: STORAGE_CORRUPT after moving a damaged file aside (the caller decides
    whether to start afresh by calling again); STORAGE_ERROR for a schema newer than this code
    (the file is left untouched) or a file that cannot be opened. Runs on the calling thread.
    """
    db_path = Path(path)
    db_path.parent.mkdir(parents=True, exist_ok=True)
    conn = _connect(db_path)
    try:
        _check_integrity(conn)
        found, known = schema_version(conn), latest_version(migrations)
        if found > known:
            raise VideowallError(
                ErrorKind.STORAGE_ERROR,
                f"The database {db_path} was created by a newer videowall (schema version {found}; this "
                f"version knows up to {known}). It was left untouched. Upgrade videowall to open it.")
        # Only now, knowing the schema is ours, may the file be changed (WAL alters its header).
        mode = conn.execute("PRAGMA journal_mode=WAL").fetchone()[0]
        if str(mode).lower() != "wal":
            raise VideowallError(ErrorKind.STORAGE_ERROR,
                                 f"The database {db_path} cannot use write-ahead logging (journal mode {mode}).")
        conn.execute("PRAGMA foreign_keys=ON")
        apply_migrations(conn, migrations)
    except sqlite3.DatabaseError as err:
        conn.close()
        if _is_corruption(err):
            raise _moved_aside(db_path, str(err), clock) from err
        raise VideowallError(ErrorKind.STORAGE_ERROR, f"Could not open the database {db_path}: {err}.",
                             detail=repr(err)) from err
    except _QuickCheckFailed as err:
        conn.close()
        raise _moved_aside(db_path, f"integrity check failed: {err}", clock) from None
    except BaseException:
        conn.close()
        raise
    engine = create_engine("sqlite://", creator=lambda: conn, poolclass=StaticPool)
    db = Database(engine, str(db_path))
    install_sqlite_triggers(conn, db.note_change)
    return db


class _QuickCheckFailed(Exception):
    pass


def _connect(path: Path) -> sqlite3.Connection:
    try:
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False)
    except sqlite3.Error as err:
        raise VideowallError(ErrorKind.STORAGE_ERROR, f"Could not open the database {path}: {err}.",
                             detail=repr(err)) from err
    conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
    return conn


def _check_integrity(conn: sqlite3.Connection) -> None:
    rows = [str(row[0]) for row in conn.execute("PRAGMA quick_check").fetchall()]
    if rows != ["ok"]:
        # The report can run to thousands of lines; its first finding is enough for a message.
        lines = [line for row in rows for line in row.splitlines() if line and not line.startswith("***")]
        raise _QuickCheckFailed((lines[0] if lines else "unknown problem")[:200])


def _is_corruption(err: sqlite3.DatabaseError) -> bool:
    code = getattr(err, "sqlite_errorcode", None)
    return code is not None and (code & 0xFF) in _CORRUPTION_CODES


def _moved_aside(path: Path, reason: str, clock: Clock) -> VideowallError:
    now = clock.now_utc()
    try:
        backup = move_aside(path, now)
        for suffix in ("-wal", "-shm"):  # the journal belongs to the damaged file; keep them together
            sidecar = path.with_name(path.name + suffix)
            if sidecar.exists():
                move_aside(sidecar, now)
    except OSError as err:
        return VideowallError(
            ErrorKind.STORAGE_ERROR,
            f"The database {path} is damaged ({reason}) and could not be moved aside: "
            f"{err.strerror or err}. Move or delete it, then start again.", detail=repr(err))
    return VideowallError(
        ErrorKind.STORAGE_CORRUPT,
        f"The database {path} is damaged ({reason}). It was kept as {backup}; nothing was "
        f"deleted.")
