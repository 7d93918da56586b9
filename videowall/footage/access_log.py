"""The recording server's access log: one row per request, allowed or refused (table ``footage_access``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone

from videowall.runtime.clock import SYSTEM_CLOCK, Clock
from videowall.storage.database import Database


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


_NAMES = ("at_utc", "session_id", "user_name", "remote", "method", "path", "camera_id", "segment_id", "byte_range",
          "status", "bytes")
_COLUMNS = ", ".join(_NAMES)


class AccessLog:
    def __init__(self, db: Database, clock: Clock = SYSTEM_CLOCK) -> None:
        self._db = db
        self._clock = clock

    def now(self) -> datetime:
        return self._clock.now_utc().astimezone(timezone.utc)

    def record(self, entry: AccessRecord) -> None:
        values = {name: getattr(entry, name) for name in _NAMES}
        values["at_utc"] = entry.at_utc.isoformat(timespec="milliseconds")
        with self._db.transaction() as db:
            db.execute(f"INSERT INTO footage_access ({_COLUMNS}) VALUES ({', '.join(':' + n for n in _NAMES)})",
                       values)

    def entries(self, limit: int = 1000) -> list[AccessRecord]:
        """The newest ``limit`` entries, oldest first."""
        rows = self._db.execute(f"SELECT {_COLUMNS} FROM footage_access ORDER BY id DESC LIMIT :limit",
                                {"limit": limit}).fetchall()
        return [AccessRecord(datetime.fromisoformat(r[0]), *r[1:]) for r in reversed(rows)]
