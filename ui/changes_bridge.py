"""The shared state's changes, on the GUI thread: the core's ``ChangeFeed`` calls from its listener thread
(or whichever thread committed), this bridge hands them over through queued signals and gathers a burst
into one ``tables_changed`` after ``debounce_ms`` of quiet, so a panel reads its store once per burst.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from videowall.storage.changes import ALL, RESYNC, Change, ChangeFeed

DEBOUNCE_MS = 150


class ChangeBridge(QObject):
    tables_changed = Signal(object)        # frozenset of table names; holds ALL after the server came back
    reachable_changed = Signal(bool)
    _heard = Signal(object)
    _reachable_heard = Signal(bool)

    def __init__(self, change_feed: ChangeFeed, debounce_ms: int = DEBOUNCE_MS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.reachable = change_feed.reachable
        self._pending: set[str] = set()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(debounce_ms)
        self._timer.timeout.connect(self._deliver)
        self._heard.connect(self._on_feed_heard)
        self._reachable_heard.connect(self._on_feed_reachable)
        self._unsubscribe = change_feed.subscribe(self._heard.emit, self._reachable_heard.emit)
        self.destroyed.connect(self._unsubscribe)

    def close(self) -> None:
        self._unsubscribe()

    def _on_feed_heard(self, change: Change) -> None:
        self._pending.add(ALL if change.kind == RESYNC else change.table)
        self._timer.start()

    def _on_feed_reachable(self, reachable: bool) -> None:
        if reachable != self.reachable:
            self.reachable = reachable
            self.reachable_changed.emit(reachable)

    def _deliver(self) -> None:
        tables, self._pending = frozenset(self._pending), set()
        self.tables_changed.emit(tables)
