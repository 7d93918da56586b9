"""Lists removable drives on a worker thread every few seconds, so a stick plugged in shows up by itself.

No Qt parent on purpose: the thread holds it until ``stop`` is seen, however the dialog ends.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from videowall.evidence.destination import Destination

log = logging.getLogger(__name__)
REFRESH_S = 2.5
FREE_STEP_BYTES = 16 * 1024**2


class DriveWatcher(QObject):
    drives_changed = Signal(list)   # list[Destination], whenever the list differs from the last one

    def __init__(self, lister: Callable[[], list[Destination]], interval_s: float = REFRESH_S) -> None:
        super().__init__()
        self._lister = lister
        self._interval_s = interval_s
        self._stop = threading.Event()

    def start(self) -> None:
        threading.Thread(target=self._loop, name="export-drives", daemon=True).start()

    def stop(self) -> None:
        self._stop.set()

    def _loop(self) -> None:
        last: list[Destination] | None = None
        while not self._stop.is_set():
            drives = self._list()
            # Only changes are sent (a drive came or went, free space moved by more than FREE_STEP_BYTES):
            # rebuilding the list every few seconds would flicker under the operator's mouse.
            if last is None or _changed(last, drives):
                last = drives
                self.drives_changed.emit(drives)
            self._stop.wait(self._interval_s)

    def _list(self) -> list[Destination]:
        try:
            return list(self._lister())
        except OSError as err:
            log.warning("listing removable drives failed: %s", err)
            return []


def _changed(old: list[Destination], new: list[Destination]) -> bool:
    key = lambda drives: [(d.path, d.label, d.filesystem, d.total_bytes, d.free_bytes // FREE_STEP_BYTES)
                          for d in drives]
    return key(old) != key(new)
