"""PlaybackWindow: synchronized playback of the cameras of a view, with timeline and controls.

One PlaybackSession (core, own thread) decodes; one QTimer here shows what it published. The
timeline's lanes (and the cameras' bookmarks) are read on a worker thread and arrive as a queued signal.
B or Ctrl+B asks the owner to bookmark the selected tile's shown recorded time. "Back to live" (its button,
Esc or L) closes the playback and tells the owner (the wall) to show the live tiles again.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QVBoxLayout, QWidget

from ui.playback.controls_widget import PlaybackControlsWidget
from ui.playback.playback_tile import PlaybackTileWidget
from ui.playback.tile_area import TileArea
from ui.playback.timeline_model import CameraLane, TimelineModel, lane_for
from ui.playback.timeline_widget import TimelineWidget
from videowall.events.model import StoredEvent
from videowall.model.bookmark import Bookmark
from videowall.model.layout import Layout
from videowall.recording.holds import HoldStore
from videowall.recording.index import RecordingStore
from videowall.recording.playback import PlaybackSession, PlaybackState
from videowall.recording.playback_clock import faster, slower
from videowall.recording.timebase import from_us
from videowall.runtime.clock import SYSTEM_CLOCK, Clock

log = logging.getLogger(__name__)

REFRESH_MS = 40
LANES_RELOAD_MS = 15_000
DEFAULT_SPAN_US = 10 * 60 * 1_000_000
BOOKMARK_KEYS = ("B", "Ctrl+B")
BACK_TO_LIVE_KEYS = ("Esc", "L")

# A camera's bookmarks overlapping a time range; called on the timeline's worker thread.
BookmarkSource = Callable[[int, datetime, datetime], list[Bookmark]]
# A camera's stored events overlapping a time range; called on the timeline's worker thread.
EventSource = Callable[[int, datetime, datetime], list[StoredEvent]]


class PlaybackWindow(QWidget):
    back_to_live_requested = Signal()
    bookmark_requested = Signal(int, "qlonglong")   # camera id, the recorded UTC µs shown on its tile
    closing = Signal(object)                 # ``seen_us`` when the window closes
    _lanes_loaded = Signal(object)           # tuple[CameraLane, ...], from the worker thread

    def __init__(self, index: RecordingStore, cameras: Sequence[tuple[int, str]], tz: ZoneInfo, start_us: int,
                 holds: HoldStore | None = None, clock: Clock = SYSTEM_CLOCK, parent: QWidget | None = None,
                 bookmarks: BookmarkSource | None = None, events: EventSource | None = None,
                 layout: Layout | None = None, slots: Sequence[int] | None = None) -> None:
        """``layout``/``slots``: the live wall's layout and each camera's cell in it (default: a grid that fits)."""
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("Playback", "videowall — playback"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._index, self._holds, self._bookmarks, self._cameras = index, holds, bookmarks, list(cameras)
        self._events = events
        self.session = PlaybackSession(index, [cid for cid, _ in cameras], start_us, clock=clock)
        self._seen_us: tuple[int, int] | None = None
        self._state = self.session.state()
        # What the operator asked for last: several clicks arrive before the session reports back.
        self._rate, self._playing = self._state.rate, self._state.playing
        self._shown_generation = -1
        self._closed = False
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="playback-timeline")
        self.tiles = [PlaybackTileWidget(cid, name, tz) for cid, name in cameras]
        self.selected_index = 0
        if self.tiles:
            self.tiles[0].set_selected(True)
        self.timeline = TimelineWidget(TimelineModel(start_us - DEFAULT_SPAN_US // 2,
                                                     start_us + DEFAULT_SPAN_US // 2, start_us,
                                                     tuple(CameraLane(cid, name) for cid, name in cameras)), tz)
        self.controls = PlaybackControlsWidget(tz)
        self.controls.set_jump_time(start_us)
        self.controls.bookmark_button.setVisible(bookmarks is not None)
        self._build_layout(layout, slots)
        self._connect()
        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        self._reload_timer = QTimer(self)
        self._reload_timer.setInterval(LANES_RELOAD_MS)
        self._reload_timer.timeout.connect(self._load_lanes)
        self.session.start()
        self.session.seek(start_us)
        self._timer.start()
        self._reload_timer.start()
        self._load_lanes()

    # -- GUI thread ---------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Show what the playback thread published last (called by the timer)."""
        state = self.session.state()
        if state.generation == self._shown_generation:
            return
        self._shown_generation = state.generation
        self._state = state
        low, high = self._seen_us or (state.position_us, state.position_us)
        self._seen_us = (min(low, state.position_us), max(high, state.position_us))
        for tile in self.tiles:
            tile.show_picture(self.session.picture(tile.camera_id), state)
        self.controls.show_state(state.playing, state.rate)
        before = self.timeline.model
        model = before.with_cursor(state.position_us)
        self.timeline.set_model(model)
        if (model.start_us, model.end_us) != (before.start_us, before.end_us):
            self._load_lanes()

    @property
    def state(self) -> PlaybackState:
        return self._state

    @property
    def seen_us(self) -> tuple[int, int] | None:
        """The earliest and latest recorded moment shown (µs UTC); None before the first picture."""
        return self._seen_us

    def closeEvent(self, event) -> None:  # noqa: N802
        if not self._closed:
            self.closing.emit(self._seen_us)
        self._closed = True
        self._timer.stop()
        self._reload_timer.stop()
        self.session.close()
        self._worker.shutdown(wait=False, cancel_futures=True)
        super().closeEvent(event)

    # -- operator actions ---------------------------------------------------------------------------
    def toggle_play(self) -> None:
        self._playing = not self._playing
        if self._playing:
            self.session.play()
        else:
            self.session.pause()

    def change_speed(self, up: bool) -> None:
        self._rate = faster(self._rate) if up else slower(self._rate)
        self._playing = True
        self.session.set_rate(self._rate)
        self.session.play()

    def step(self, frames: int) -> None:
        self._playing = False
        self.session.step(frames)

    def jump_to(self, utc_us: int) -> None:
        self.session.seek(utc_us)
        self.timeline.set_model(self.timeline.model.centered_on(utc_us))
        self._load_lanes()

    def select(self, index: int) -> None:
        self.selected_index = max(0, min(index, len(self.tiles) - 1))
        for n, tile in enumerate(self.tiles):
            tile.set_selected(n == self.selected_index)

    def request_bookmark(self) -> None:
        """Ask the owner to bookmark the recorded moment the selected tile shows."""
        if self._bookmarks is None or not self.tiles:
            return
        tile = self.tiles[self.selected_index]
        self.bookmark_requested.emit(tile.camera_id, tile.shown_time_us(self.session.state().position_us))

    def reload_timeline(self) -> None:
        """Read the lanes again (e.g. a bookmark was created or changed)."""
        self._load_lanes()

    def back_to_live(self) -> None:
        self.back_to_live_requested.emit()
        self.close()

    # -- internals ----------------------------------------------------------------------------------
    def _build_layout(self, wall_layout: Layout | None, slots: Sequence[int] | None) -> None:
        self.tile_area = TileArea(self.tiles, wall_layout, slots, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.tile_area, 1)
        layout.addWidget(self.timeline)
        layout.addWidget(self.controls)

    def _connect(self) -> None:
        for n, tile in enumerate(self.tiles):
            tile.size_changed.connect(self.session.set_box)
            tile.pressed.connect(lambda _tile, n=n: self.select(n))
        self.timeline.position_requested.connect(self.session.seek)
        self.timeline.window_changed.connect(lambda *_: self._load_lanes())
        self.controls.play_pause.connect(self.toggle_play)
        self.controls.step.connect(self.step)
        self.controls.slower.connect(lambda: self.change_speed(False))
        self.controls.faster.connect(lambda: self.change_speed(True))
        self.controls.jump_requested.connect(self.jump_to)
        self.controls.back_to_live.connect(self.back_to_live)
        self.controls.bookmark.connect(self.request_bookmark)
        self._lanes_loaded.connect(self._on_lanes_loaded, Qt.ConnectionType.QueuedConnection)
        for keys, action in ((Qt.Key.Key_Space, self.toggle_play), (Qt.Key.Key_Right, lambda: self.step(1)),
                             (Qt.Key.Key_Left, lambda: self.step(-1))):
            QShortcut(QKeySequence(keys), self).activated.connect(action)
        for keys in BOOKMARK_KEYS:
            QShortcut(QKeySequence(keys), self).activated.connect(self.request_bookmark)
        for keys in BACK_TO_LIVE_KEYS:      # only while the playback has the focus: a panel's search keeps Esc
            QShortcut(QKeySequence(keys), self, context=Qt.ShortcutContext.WidgetWithChildrenShortcut
                      ).activated.connect(self.back_to_live)

    def _load_lanes(self) -> None:
        if self._closed:
            return
        model = self.timeline.model
        self._worker.submit(self._read_lanes, model.start_us, model.end_us)

    def _read_lanes(self, start_us: int, end_us: int) -> None:
        """Worker thread: the index rows of the visible window."""
        try:
            lanes = []
            for camera_id, name in self._cameras:
                holds = []
                if self._holds is not None:
                    holds = [(h.start_utc, h.end_utc, h.case_number)
                             for h in self._holds.holds_over(camera_id, from_us(start_us), from_us(end_us))]
                lanes.append(lane_for(camera_id, name, self._index.segments_us(camera_id, start_us, end_us),
                                      self._index.gaps_us(camera_id, start_us, end_us), holds,
                                      self._bookmarks_over(camera_id, start_us, end_us),
                                      self._events_over(camera_id, start_us, end_us)))
        except Exception:
            log.exception("loading the playback timeline failed")
            return
        try:
            self._lanes_loaded.emit(tuple(lanes))
        except RuntimeError:   # the window was closed and deleted meanwhile
            pass

    def _bookmarks_over(self, camera_id: int, start_us: int, end_us: int) -> list[Bookmark]:
        """Worker thread: the camera's bookmarks; without them the recorded ranges still show."""
        if self._bookmarks is None:
            return []
        try:
            return self._bookmarks(camera_id, from_us(start_us), from_us(end_us))
        except Exception:
            log.exception("loading the bookmarks of camera %s for the timeline failed", camera_id)
            return []

    def _events_over(self, camera_id: int, start_us: int, end_us: int) -> list[StoredEvent]:
        """Worker thread: the camera's events; without them the recorded ranges still show."""
        if self._events is None:
            return []
        try:
            return self._events(camera_id, from_us(start_us), from_us(end_us))
        except Exception:
            log.exception("loading the events of camera %s for the timeline failed", camera_id)
            return []

    def _on_lanes_loaded(self, lanes: tuple[CameraLane, ...]) -> None:
        self.timeline.set_model(replace(self.timeline.model, lanes=lanes))
