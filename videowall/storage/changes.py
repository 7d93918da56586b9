"""Changes to the shared state, as every station hears of them: which table, which row, what kind.

A station's panels subscribe to ``feed(db.where)``, one feed per database of this process. What feeds it
depends on the engine, but a subscriber cannot tell:

- PostgreSQL: a trigger on each watched table sends a NOTIFY in the transaction of the change (so only a
  committed change is heard, by every station); ``change_listener.ChangeListener`` receives them on a
  connection of its own and publishes them here.
- SQLite (one station): temporary triggers on the connections of this process call back into
  ``Database``, which publishes what a transaction changed once it commits.

Subscribers are called on the thread that delivers (the listener's, or the one that committed): they must
be quick and must not use the database from inside the callback (a GUI hands the change to its own thread).
"""

from __future__ import annotations

import json
import logging
import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass

log = logging.getLogger(__name__)

CHANNEL = "videowall_changes"
INSERT, UPDATE, DELETE = "insert", "update", "delete"
# Heard after the feed lost the server and found it again: whatever changed meanwhile is unknown, so
# subscribers read everything they show again.
RESYNC = "resync"
ALL = "*"
# Table changed → (the table subscribers hear of, the column naming its row).
WATCHED: dict[str, tuple[str, str]] = {
    "bookmarks": ("bookmarks", "id"),
    "bookmark_cameras": ("bookmarks", "bookmark_id"),
    "bookmark_holds": ("bookmarks", "bookmark_id"),
    "legal_holds": ("legal_holds", "id"),
    "views": ("views", "id"),
    "cameras": ("cameras", "id"),
    "ptz_tours": ("ptz_tours", "id"),
}
SQLITE_FUNCTION = "videowall_changed"


@dataclass(frozen=True)
class Change:
    table: str              # one of WATCHED's published names, or ALL with RESYNC
    row_id: int | None
    kind: str               # INSERT, UPDATE, DELETE or RESYNC

    def to_payload(self) -> str:
        return json.dumps({"table": self.table, "id": self.row_id, "kind": self.kind})

    @classmethod
    def from_payload(cls, payload: str) -> Change | None:
        """The change a NOTIFY carried; None (logged) for a payload this version does not understand."""
        try:
            found = json.loads(payload)
            row_id = found["id"]
            return cls(str(found["table"]), None if row_id is None else int(row_id), str(found["kind"]))
        except (ValueError, KeyError, TypeError):
            log.warning("ignored a change notification this version cannot read")
            return None


RESYNC_ALL = Change(ALL, None, RESYNC)


class ChangeFeed:
    """Subscribers of one database's changes and of whether its server can be reached. Any thread."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._on_change: list[Callable[[Change], None]] = []
        self._on_reachable: list[Callable[[bool], None]] = []
        self.reachable = True

    def subscribe(self, on_change: Callable[[Change], None],
                  on_reachable: Callable[[bool], None] | None = None) -> Callable[[], None]:
        """Hear of every change (and of the server going and coming back); returns what unsubscribes."""
        with self._lock:
            self._on_change.append(on_change)
            if on_reachable is not None:
                self._on_reachable.append(on_reachable)

        def unsubscribe() -> None:
            with self._lock:
                if on_change in self._on_change:
                    self._on_change.remove(on_change)
                if on_reachable in self._on_reachable:
                    self._on_reachable.remove(on_reachable)
        return unsubscribe

    def publish(self, changes: list[Change]) -> None:
        with self._lock:
            listeners = list(self._on_change)
        for change in changes:
            for listener in listeners:
                _call(listener, change)

    def set_reachable(self, reachable: bool) -> None:
        with self._lock:
            if reachable == self.reachable:
                return
            self.reachable = reachable
            listeners = list(self._on_reachable)
        for listener in listeners:
            _call(listener, reachable)


_feeds: dict[str, ChangeFeed] = {}
_feeds_lock = threading.Lock()


def feed(where: str) -> ChangeFeed:
    """The one feed of the database named ``where`` (``Database.where``) in this process."""
    with _feeds_lock:
        return _feeds.setdefault(where, ChangeFeed())


def install_sqlite_triggers(conn: sqlite3.Connection, note: Callable[[Change], None]) -> None:
    """Temporary triggers (this connection only; the file is not changed) that report each change of a
    watched table to ``note`` while the statement runs; ``Database`` publishes them at commit."""
    conn.create_function(SQLITE_FUNCTION, 3, lambda table, row_id, kind: note(Change(table, row_id, kind)),
                         deterministic=False)
    present = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    for table, (published, column) in WATCHED.items():
        if table not in present:
            continue
        for kind, row in ((INSERT, "NEW"), (UPDATE, "NEW"), (DELETE, "OLD")):
            conn.execute(f"CREATE TEMP TRIGGER IF NOT EXISTS videowall_changed_{table}_{kind} AFTER {kind.upper()}"
                         f" ON main.{table} BEGIN SELECT {SQLITE_FUNCTION}('{published}', {row}.{column},"
                         f" '{kind}'); END")


def _call(listener: Callable, value: object) -> None:
    try:
        listener(value)
    except Exception:   # noqa: BLE001 — one broken subscriber must not keep the change from the others
        log.exception("a change subscriber failed")
