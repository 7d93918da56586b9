"""Bookmarks in playback: flags and shaded ranges on the timeline (evidence in its own colour), tooltips,
clicking a flag seeks to the bookmarked moment, and B on a playback tile bookmarks the recorded moment it
shows — on a real station whose recordings index holds real fMP4 segments."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor

from tests.fixtures.segments import write_segments
from ui.app import create_application
from ui.bookmarks.controller import BookmarksController
from ui.playback.timeline_model import CameraLane, Span, TimelineModel, lane_for
from ui.playback.timeline_widget import (
    BOOKMARK_COLOR, EVIDENCE_COLOR, LANE_HEIGHT, RECORDED_COLOR, TimelineWidget,
)
from ui.recording_controller import RecordingController
from videowall.model.bookmark import Bookmark
from videowall.recording.timebase import from_us, to_us
from tests.fixtures.clock import FakeClock

WARSAW = ZoneInfo("Europe/Warsaw")
NO_STREAM = "rtsp://127.0.0.1:9/none"
T0 = datetime(2026, 11, 21, 21, 0, tzinfo=timezone.utc)
T0_US = to_us(T0)
S = 1_000_000


def _bookmark(bookmark_id: int, at_s: float, *, evidence=False, withdrawn=False, description="") -> Bookmark:
    at = T0 + timedelta(seconds=at_s)
    return Bookmark(bookmark_id, at, at - timedelta(seconds=30), at + timedelta(seconds=60), "kradzież",
                    description, "", (1,), "anna.nowak", "", "", at, at, 1, (), evidence, withdrawn)


# -- model and widget -------------------------------------------------------------------------------
def test_lane_marks_bookmarks_but_not_withdrawn_ones():
    lane = lane_for(1, "Gate", [], [], [], [_bookmark(2, 300), _bookmark(1, 120, evidence=True),
                                            _bookmark(3, 200, withdrawn=True)])
    assert [(m.bookmark_id, m.at_us, m.evidence) for m in lane.bookmarks] == [(1, T0_US + 120 * S, True),
                                                                            (2, T0_US + 300 * S, False)]
    assert (lane.bookmarks[0].start_us, lane.bookmarks[0].end_us) == (T0_US + 90 * S, T0_US + 180 * S)


@pytest.fixture
def timeline(qtbot):
    create_application(offscreen=True, language="en")
    lane = lane_for(1, "Gate", [], [], [], [_bookmark(1, 120, evidence=True, description="Rower spod sklepu"),
                                            _bookmark(2, 420, description="Stłuczka")])
    lane = CameraLane(lane.camera_id, lane.name, recorded=(Span(T0_US, T0_US + 600 * S),), bookmarks=lane.bookmarks)
    widget = TimelineWidget(TimelineModel(T0_US, T0_US + 600 * S, T0_US, (lane,)), WARSAW)
    qtbot.addWidget(widget)
    widget.resize(1110, widget.height())
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _pixel(widget: TimelineWidget, x: float, dy: int) -> QColor:
    return QColor(widget.grab().toImage().pixel(round(x), widget.lane_y(0) + dy))


def test_flags_in_their_colours_over_shaded_ranges(timeline):
    evidence_x, plain_x = timeline.x_of(T0_US + 120 * S), timeline.x_of(T0_US + 420 * S)
    assert _pixel(timeline, evidence_x, LANE_HEIGHT - 2) == EVIDENCE_COLOR
    assert _pixel(timeline, plain_x, LANE_HEIGHT - 2) == BOOKMARK_COLOR
    shaded = _pixel(timeline, timeline.x_of(T0_US + 450 * S), LANE_HEIGHT - 2)      # inside the post-roll
    assert shaded != RECORDED_COLOR and shaded.blue() > RECORDED_COLOR.blue()
    assert _pixel(timeline, timeline.x_of(T0_US + 550 * S), LANE_HEIGHT - 2) == RECORDED_COLOR   # after it


def test_tooltip_names_category_description_and_local_time(timeline):
    mark = timeline.mark_at(timeline.x_of(T0_US + 120 * S) + 2, timeline.lane_y(0) + 5)
    assert mark is not None and mark.bookmark_id == 1
    assert timeline.mark_tooltip(mark).split("\n") == ["theft · evidence", "Rower spod sklepu",
                                                       "2026-11-21 22:02:00"]
    assert timeline.mark_at(timeline.x_of(T0_US + 250 * S), timeline.lane_y(0) + 5) is None


def test_clicking_a_flag_seeks_to_the_bookmarked_moment(qtbot, timeline):
    x = round(timeline.x_of(T0_US + 420 * S)) + 3          # a few pixels beside the flag still hits it
    with qtbot.waitSignal(timeline.position_requested) as asked:
        qtbot.mouseClick(timeline, Qt.MouseButton.LeftButton, pos=QPoint(x, timeline.lane_y(0) + 8))
    assert asked.args[0] == T0_US + 420 * S


# -- the playback window on a real station ------------------------------------------------------------
@pytest.fixture
def recorded(station, packets):
    """Cameras Gate and Square with 6 s of footage from ten minutes ago, in the station's own index."""
    ids = [station.cameras.add(name=name, main_url=NO_STREAM).id for name in ("Gate", "Square")]
    store = station.recording_service().store
    start = datetime.now(timezone.utc).replace(microsecond=0) - timedelta(minutes=10)
    for camera_id in ids:
        write_segments(store, camera_id, start, (0, 2, 4), packets)
    return ids, start


@pytest.fixture
def playback(qtbot, station, recorded):
    create_application(offscreen=True, language="en")
    (gate, square), start = recorded
    bookmarks = station.bookmarks()
    theft = bookmarks.create(at_utc=start + timedelta(seconds=3), camera_ids=(gate,), category="kradzież",
                             operator="anna.nowak", pre_roll_s=1, post_roll_s=2)
    crash = bookmarks.create(at_utc=start + timedelta(seconds=5), camera_ids=(gate, square),
                             category="zdarzenie drogowe", operator="anna.nowak", case_number="RSD 5/26")
    bookmarks.mark_as_evidence(crash.id, by="anna.nowak", reason="Wniosek policji")
    controller = BookmarksController(station, FakeClock(start + timedelta(hours=1)))
    recording = RecordingController(station, bookmarks=controller)
    with qtbot.waitSignal(recording.playback_opened, timeout=10_000) as opened:
        recording.open_playback([gate, square], to_us(start) + S)
    window = opened.args[0]
    qtbot.addWidget(window)
    window.resize(1280, 720)
    qtbot.waitUntil(lambda: all(tile.frame is not None for tile in window.tiles), timeout=10_000)
    yield window, controller, theft, crash
    recording.close()
    controller.close()


def _marks(window, lane: int):
    return {m.bookmark_id: m for m in window.timeline.model.lanes[lane].bookmarks} \
        if len(window.timeline.model.lanes) > lane else {}


def test_playback_timeline_shows_the_cameras_bookmarks(qtbot, playback):
    window, _controller, theft, crash = playback
    qtbot.waitUntil(lambda: set(_marks(window, 0)) == {theft.id, crash.id}, timeout=10_000)
    assert set(_marks(window, 1)) == {crash.id}
    assert _marks(window, 0)[crash.id].evidence and not _marks(window, 0)[theft.id].evidence
    assert _marks(window, 0)[theft.id].at_us == to_us(theft.at_utc)


def test_clicking_a_bookmark_on_the_playback_timeline_seeks_there(qtbot, playback):
    window, _controller, theft, _crash = playback
    qtbot.waitUntil(lambda: theft.id in _marks(window, 0), timeout=10_000)
    timeline = window.timeline
    x = round(timeline.x_of(to_us(theft.at_utc)))
    qtbot.mouseClick(timeline, Qt.MouseButton.LeftButton, pos=QPoint(x, timeline.lane_y(0) + 8))
    gate = window.tiles[0]
    qtbot.waitUntil(lambda: gate.frame is not None and abs(gate.frame.utc_us - to_us(theft.at_utc)) <= 45_000,
                    timeout=10_000)


def test_b_on_a_playback_tile_bookmarks_the_recorded_moment_it_shows(qtbot, station, playback):
    window, controller, _theft, _crash = playback
    square = window.tiles[1]
    qtbot.mouseClick(square, Qt.MouseButton.LeftButton)
    assert window.selected_index == 1 and square.selected and not window.tiles[0].selected
    shown_us = square.frame.utc_us
    window.activateWindow()
    qtbot.waitActive(window)
    qtbot.keyClick(square, Qt.Key.Key_B)
    created = lambda: [b for b in station.bookmarks().search() if b.at_utc == from_us(shown_us)]  # noqa: E731
    qtbot.waitUntil(lambda: len(created()) == 1, timeout=10_000)
    bookmark = created()[0]
    assert bookmark.camera_ids == (square.camera_id,)
    assert bookmark.start_utc == bookmark.at_utc - timedelta(seconds=station.settings.bookmark_pre_roll_s)
    qtbot.waitUntil(lambda: controller.editor(bookmark.id) is not None, timeout=15_000)
    assert controller.editor(bookmark.id).parent() is window
    qtbot.waitUntil(lambda: bookmark.id in _marks(window, 1), timeout=10_000)     # the timeline reloaded
