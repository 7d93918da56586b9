"""Who moves a camera from another station, on its tiles: "PTZ: J. Kowalska, station 2" while that station holds
the camera's PTZ lease.

The leases are read every ``POLL_MS`` on one worker thread (the shared database may be slow or away; the GUI
thread never waits for it) and shown on the GUI thread. A refused move asks for a fresh read at once.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QWidget

from videowall.onvif.ptz_lease import Holder, PtzLeases
from videowall.runtime.errors import VideowallError

log = logging.getLogger(__name__)
POLL_MS = 2000


class LeaseLabel(QLabel):
    """One line in a tile's upper left corner, below its name band."""

    def __init__(self, tile: QWidget) -> None:
        super().__init__(tile)
        self.setStyleSheet("background: rgba(140, 80, 0, 210); color: white; padding: 2px 6px;")
        self.hide()

    def show_holder(self, holder: Holder | None, band_height: int) -> None:
        if holder is None:
            self.hide()
            return
        self.setText(self.tr("PTZ: %1, %2").replace("%1", holder.full_name).replace("%2", holder.station))
        self.adjustSize()
        self.setMaximumWidth(max(0, self.parentWidget().width() - 12))
        self.move(6, band_height + 4)
        self.show()
        self.raise_()


class TileLeases(QObject):
    """``tiles()`` lists the wall tiles; ``camera_of(tile)`` the camera a tile shows; ``me()`` this station's holder."""

    _read = Signal(object)      # {camera id: Holder} of leases held elsewhere, from the worker thread

    def __init__(self, leases: PtzLeases, me: Callable[[], Holder], tiles: Callable[[], list[QWidget]],
                 camera_of: Callable[[QWidget], int | None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._leases = leases
        self._me = me
        self._tiles = tiles
        self._camera_of = camera_of
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="ptz-leases")
        self._reading = False
        self.held_elsewhere: dict[int, Holder] = {}
        self.labels: dict[QWidget, LeaseLabel] = {}
        self._read.connect(self._show, Qt.ConnectionType.QueuedConnection)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.refresh)
        self._timer.start(POLL_MS)
        self.refresh()

    def refresh(self) -> None:
        """Read the leases of the cameras on the tiles again (one read at a time)."""
        if self._reading:
            return
        ids = {camera_id for tile in self._tiles() if (camera_id := self._camera_of(tile)) is not None}
        self._reading = True
        self._pool.submit(self._read_leases, ids, self._me())

    def _read_leases(self, camera_ids: set[int], me: Holder) -> None:
        try:
            held = {camera_id: lease.holder for camera_id, lease in self._leases.held(camera_ids).items()
                    if not lease.holder.is_(me)}
        except VideowallError as err:
            log.warning("PTZ leases not read: %s", err.user_message)
            held = None
        self._read.emit(held)

    def _show(self, held: dict[int, Holder] | None) -> None:
        self._reading = False
        if held is None:
            return          # unknown: the last labels stay
        self.held_elsewhere = held
        self.update_labels()

    def update_labels(self) -> None:
        tiles = self._tiles()
        self.labels = {tile: label for tile, label in self.labels.items() if tile in tiles}
        for tile in tiles:
            holder = self.held_elsewhere.get(self._camera_of(tile))
            if holder is not None or tile in self.labels:
                self.labels.setdefault(tile, LeaseLabel(tile)).show_holder(
                    holder, getattr(tile, "overlay_band_height", 0))

    def close(self) -> None:
        self._timer.stop()
        self._pool.shutdown(wait=True)
