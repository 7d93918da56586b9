"""The recording server's access log: one row per request, allowed or refused (table ``footage_access``)."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime, timezone

from videowall.runtime.clock import SYSTEM_CLOCK, Clock
from videowall.storage.db import connection_lock, transaction


@dataclass(frozen=True)
class AccessRecord:
    at_utc: datetime
    session_id: int | None
    user_name: str | None
    remote: str
    method: str
    path: str
    camera_id: int | None
    segment_id: int | None
    byte_range: str | None
    status: int
    bytes: int | None


_COLUMNS = ("at_utc, session_id, user_name, remote, method, path, camera_id, segment_id, byte_range, status,"
            " bytes")


class AccessLog:
    def __init__(self, conn: sqlite3.Connection, clock: Clock = SYSTEM_CLOCK) -> None:
        self._conn = conn
        self._clock = clock

    def now(self) -> datetime:
        return self._clock.now_utc().astimezone(timezone.utc)

    def record(self, entry: AccessRecord) -> None:
        with transaction(self._conn) as conn:
            conn.execute(f"INSERT INTO footage_access ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                         (entry.at_utc.isoformat(timespec="milliseconds"), entry.session_id, entry.user_name,
                          entry.remote, entry.method, entry.path, entry.camera_id, entry.segment_id,
                          entry.byte_range, entry.status, entry.bytes))

    def entries(self, limit: int = 1000) -> list[AccessRecord]:
        """The newest ``limit`` entries, oldest first."""
        with connection_lock(self._conn):
            rows = self._conn.execute(f"SELECT {_COLUMNS} FROM footage_access ORDER BY id DESC LIMIT ?",
                                      (limit,)).fetchall()
        return [AccessRecord(datetime.fromisoformat(r[0]), *r[1:]) for r in reversed(rows)]
