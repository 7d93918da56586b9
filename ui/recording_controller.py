"""Recording inside the GUI app: starts the station's recorder off the GUI thread, reports its warnings,
and opens playback of the wall's cameras (back to live closes it). With the main window's bookmarks,
playback shows them on its timeline and B on a playback tile bookmarks the recorded moment it shows."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Sequence
from zoneinfo import ZoneInfo

from PySide6.QtCore import QObject, QTimer, Signal

from ui.access.reason_dialog import ShiftCaseMemory, ask_purpose as ask_purpose_dialog
from ui.i18n.core import core_text
from ui.playback.playback_window import PlaybackWindow
from videowall.access.purpose import Purpose, ViewKind
from videowall.access.roles import Permission
from videowall.audit.view_log import ViewTicket
from videowall.model.layout import Layout
from videowall.recording.timebase import from_us
from videowall.recording.warnings import recording_warnings
from videowall.runtime.errors import VideowallError
from videowall.station import Station

log = logging.getLogger(__name__)
WARNING_POLL_MS = 2000
PLAYBACK_START_BACK_S = 5 * 60


class RecordingController(QObject):
    warnings_changed = Signal(list)     # list[str], the operator-facing texts (empty: all well)
    playback_opened = Signal(object)    # the PlaybackWindow, once shown
    _start_finished = Signal(object)    # None or the VideowallError from start(), from the worker thread
    _service_ready = Signal(object)     # (camera ids, start µs, layout, service or VideowallError), from a worker

    def __init__(self, station: Station, parent: QObject | None = None, bookmarks=None, events=None,
                 place: Callable[[PlaybackWindow], None] | None = None,
                 ask_purpose: Callable[[Sequence[str]], Purpose | None] | None = None) -> None:
        """``bookmarks``: the main window's BookmarksController, or None (playback without bookmarks);
        ``events``: a camera's events over a time range (worker thread), or None (no event marks);
        ``place``: puts the playback into the operator's window (by default it opens as a window of its own);
        ``ask_purpose``: the reason and case number for playback of these camera names, None if cancelled
        (by default the reason dialog, when the deployment requires one)."""
        super().__init__(parent)
        memory = ShiftCaseMemory(station)
        self._ask_purpose = ask_purpose or (lambda names: ask_purpose_dialog(station, ViewKind.PLAYBACK, names,
                                                                             memory))
        self._place = place
        self._station = station
        self._bookmarks = bookmarks
        self._events = events
        self._service = None
        self._start_requested = False
        self._warnings: list[str] = []
        self._playback: PlaybackWindow | None = None
        self._beside: dict[int, PlaybackWindow] = {}     # playbacks placed elsewhere (one tile), by wrapper id
        self._views: dict[int, list[ViewTicket]] = {}    # the open view sessions of each playback, by wrapper id
        self._start_finished.connect(self._on_self_start_finished)
        self._service_ready.connect(self._on_self_service_ready)
        self._timer = QTimer(self)
        self._timer.setInterval(WARNING_POLL_MS)
        self._timer.timeout.connect(self._on_timer_timeout)

    def start_if_configured(self) -> bool:
        """Start recording when some camera is marked for it; the index reconcile runs on a worker."""
        if self._start_requested or not any(camera.record for camera in self._station.cameras.list()):
            return False
        self._start_requested = True
        service = self._station.recording_service()

        def work() -> None:
            try:
                service.start()
                self._start_finished.emit(None)
            except VideowallError as err:
                self._start_finished.emit(err)

        threading.Thread(target=work, name="recording-start", daemon=True).start()
        return True

    def follow_cameras(self) -> None:
        """The camera list changed (set-up): start recording, or start and stop recorders to match it."""
        if self._service is None:
            self.start_if_configured()
            return
        service = self._service
        threading.Thread(target=service.refresh, name="recording-refresh", daemon=True).start()

    def open_playback(self, camera_ids: Sequence[int | None], start_us: int | None = None,
                      layout: Layout | None = None, place: Callable[[PlaybackWindow], None] | None = None) -> None:
        """Open playback of these cameras at ``start_us`` (default: five minutes ago); ``playback_opened``
        follows. With ``layout``, ``camera_ids`` are the wall's tiles (None: empty) and playback keeps
        their places. With ``place``, this playback goes there (e.g. over one tile of the live wall) and
        runs beside the main one instead of replacing it. Opening the recordings index (an integrity
        check growing with its size) runs on a worker, never on the GUI thread. Where the deployment requires
        it, the reason and case number are asked first; each camera's view session goes into the access log."""
        ids = list(camera_ids)
        if start_us is None:
            start_us = int((time.time() - PLAYBACK_START_BACK_S) * 1_000_000)
        names = {camera.id: camera.name for camera in self._station.cameras.list()}
        purpose = self._ask_purpose([names[cid] for cid in ids if cid in names])
        if purpose is None:
            return

        def work() -> None:
            try:
                service = self._station.recording_service()
                shown = tuple(cid for cid in ids if cid in names)
                self._station.require(Permission.PLAYBACK, shown)    # all refused before any session starts
                tickets = [self._station.begin_view(ViewKind.PLAYBACK, cid, purpose, footage_from=from_us(start_us))
                           for cid in shown]
                self._service_ready.emit((ids, start_us, layout, place, (service, tickets)))
            except VideowallError as err:
                self._service_ready.emit((ids, start_us, layout, place, err))

        threading.Thread(target=work, name="playback-open", daemon=True).start()

    def _on_self_service_ready(self, result) -> None:
        ids, start_us, layout, place, opened = result
        if isinstance(opened, VideowallError):
            self._publish([*self._warnings, core_text(opened.user_message)])
            return
        service, tickets = opened
        names = {camera.id: camera.name for camera in self._station.cameras.list()}
        if self._playback is not None and place is None:
            self._playback.close()
        bookmarks = self._bookmarks
        shown = [(slot, cid) for slot, cid in enumerate(ids) if cid in names]
        if layout is not None and len(ids) > layout.tile_count:
            layout = None
        playback = PlaybackWindow(
            service.store, [(cid, names[cid]) for _, cid in shown],
            ZoneInfo(self._station.settings.timezone), start_us, holds=service.holds,
            bookmarks=bookmarks.over if bookmarks is not None else None, events=self._events,
            layout=layout, slots=[slot for slot, _ in shown] if layout is not None else None)
        if place is None:
            self._playback = playback
        else:
            self._beside[id(playback)] = playback
        playback.back_to_live_requested.connect(playback.close)
        # The wrapper Qt hands to ``destroyed`` may be another object: tell the window by its wrapper's id.
        playback.destroyed.connect(lambda _obj=None, key=id(playback): self._on_playback_destroyed(key))
        self._views[id(playback)] = tickets
        playback.closing.connect(lambda seen, key=id(playback): self._end_views(key, seen))
        if bookmarks is not None:
            playback.bookmark_requested.connect(lambda camera_id, utc_us, p=playback:
                                                self._bookmarks.bookmark_at(camera_id, from_us(utc_us), p))
            bookmarks.changed.connect(playback.reload_timeline)
        (place or self._place or PlaybackWindow.show)(playback)
        self.playback_opened.emit(playback)

    def _end_views(self, key: int, seen_us: tuple[int, int] | None) -> None:
        """Log the end of the playback's view sessions with the footage it showed (a worker: the database)."""
        tickets = self._views.pop(key, [])
        if not tickets:
            return
        footage = (None, None) if seen_us is None else (from_us(seen_us[0]), from_us(seen_us[1]))

        def work() -> None:
            for ticket in tickets:
                try:
                    self._station.end_view(ticket, *footage)
                except VideowallError as err:
                    log.warning("the end of a view session was not logged: %s", err.user_message)

        threading.Thread(target=work, name="playback-view-end", daemon=True).start()

    def _on_playback_destroyed(self, key: int) -> None:
        """The window that took the playback in deleted it (back to live): nothing is left to close."""
        self._end_views(key, None)       # deleted without closing: its sessions end all the same
        if self._playback is not None and id(self._playback) == key:
            self._playback = None
        self._beside.pop(key, None)

    def close(self) -> None:
        self._timer.stop()
        for playback in [self._playback, *self._beside.values()]:
            if playback is not None:
                playback.close()

    def _on_self_start_finished(self, error: VideowallError | None) -> None:
        if error is not None:
            self._publish([core_text(error.user_message)])
            return
        self._service = self._station.recording
        self._timer.start()
        self._on_timer_timeout()

    def _on_timer_timeout(self) -> None:
        if self._service is not None:
            self._publish([core_text(w.text) for w in recording_warnings(self._service.status())])

    def _publish(self, texts: list[str]) -> None:
        if texts != self._warnings:
            self._warnings = texts
            self.warnings_changed.emit(texts)
