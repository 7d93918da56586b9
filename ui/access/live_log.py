"""Live view sessions of the walls in the access log: one session per camera while some wall shows it.

Followed from each wall's ``content_changed``; the audit writes run in order on one worker thread (never on the
GUI thread). A police viewer gives the reason and case number once per login (the reason dialog); without them
the core logs no session and the refusal is shown in the status bar. At a switch of user every session ends,
and the next person's begin with what the walls show.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor

from PySide6.QtCore import QObject, Signal

from ui.i18n.core import core_text
from videowall.access.purpose import NO_PURPOSE, Purpose, ViewKind
from videowall.audit.view_log import ViewTicket
from videowall.runtime.errors import VideowallError
from videowall.station import Station

log = logging.getLogger(__name__)


class LiveViewLog(QObject):
    refused = Signal(object)         # the VideowallError a live session was not logged for (from the worker)

    def __init__(self, station: Station, ask_purpose: Callable[[Sequence[str]], Purpose | None],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._station = station
        self._ask = ask_purpose
        self._purpose: Purpose | None = None
        self._walls: dict[int, set[int]] = {}           # id(wall) → cameras it shows
        self._open: set[int] = set()                    # cameras with a session begun (GUI thread)
        self._tickets: dict[int, ViewTicket] = {}       # camera id → its logged session (worker thread only)
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="live-view-log")

    def follow(self, wall) -> None:
        wall.content_changed.connect(lambda w=wall: self.wall_shows(id(w), w.cameras()))
        self.wall_shows(id(wall), wall.cameras())

    def wall_shows(self, key: int, camera_ids: Sequence[int | None]) -> None:
        self._walls[key] = {cid for cid in camera_ids if cid is not None}
        self._sync()

    def person_changed(self) -> None:
        """Lock or login: the sessions of the person before end; the new person's start (asked anew)."""
        for camera_id in list(self._open):
            self._end(camera_id)
        self._purpose = None
        self._sync()

    def close(self) -> None:
        for camera_id in list(self._open):
            self._end(camera_id)
        self._worker.shutdown(wait=True)

    def _sync(self) -> None:
        shown = set().union(*self._walls.values()) if self._walls else set()
        for camera_id in self._open - shown:
            self._end(camera_id)
        new = sorted(shown - self._open)
        if not new or self._station.session is None:
            return
        purpose = self._purpose_for(new)
        for camera_id in new:
            self._open.add(camera_id)
            self._worker.submit(self._begin, camera_id, purpose)

    def _purpose_for(self, camera_ids: list[int]) -> Purpose:
        if not self._station.reason_needed(ViewKind.LIVE):
            return NO_PURPOSE
        if self._purpose is None:
            names = {camera.id: camera.name for camera in self._station.cameras.list()}
            self._purpose = self._ask([names.get(cid, str(cid)) for cid in camera_ids]) or NO_PURPOSE
        return self._purpose

    def _end(self, camera_id: int) -> None:
        self._open.discard(camera_id)
        self._worker.submit(self._finish, camera_id)

    # -- worker thread: one, so a camera's end always follows its begin -------------------------------
    def _begin(self, camera_id: int, purpose: Purpose) -> None:
        try:
            self._tickets[camera_id] = self._station.begin_view(ViewKind.LIVE, camera_id, purpose)
        except VideowallError as err:
            self.refused.emit(err)

    def _finish(self, camera_id: int) -> None:
        ticket = self._tickets.pop(camera_id, None)
        if ticket is None:
            return
        try:
            self._station.end_view(ticket)
        except VideowallError as err:
            log.warning("the end of a live view session was not logged: %s", err.user_message)


def attach_live_log(main_window) -> LiveViewLog:
    """Log the live sessions of the main window's walls (and of walls added later for other screens)."""
    from ui.access.reason_dialog import ShiftCaseMemory, ask_purpose

    station = main_window.station
    memory = ShiftCaseMemory(station)
    live = LiveViewLog(station, lambda names: ask_purpose(station, ViewKind.LIVE, names, memory, main_window),
                       parent=main_window)
    live.refused.connect(lambda err: main_window.statusBar().showMessage(core_text(err.user_message)))
    live.follow(main_window.wall)
    main_window.wall_added.connect(live.follow)
    return live
