"""Events on the playback timeline: marks along a lane's bottom in their kind's colour, tooltips naming the
event, and the playback window reading a real station's stored events for its lanes."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtGui import QColor

from tests.fixtures.segments import write_segments
from ui.app import create_application
from ui.playback.timeline_model import CameraLane, Span, TimelineModel, lane_for
from ui.playback.timeline_widget import EVENT_COLORS, LANE_HEIGHT, RECORDED_COLOR, TimelineWidget
from ui.recording_controller import RecordingController
from videowall.events.model import CameraEvent, EventKind, Origin, StoredEvent
from videowall.recording.timebase import to_us

WARSAW = ZoneInfo("Europe/Warsaw")
T0 = datetime(2026, 11, 21, 21, 0, tzinfo=timezone.utc)
T0_US = to_us(T0)
S = 1_000_000


def _event(event_id: int, kind: EventKind, at_s: float, length_s: float = 0, count: int = 1, active=True):
    at = T0 + timedelta(seconds=at_s)
    return StoredEvent(event_id, 1, kind, at, at + timedelta(seconds=length_s), count, active, "", "",
                       Origin.CAMERA, {})


@pytest.fixture
def timeline(qtbot):
    create_application(offscreen=True, language="en")
    lane = lane_for(1, "Gate", [], [], [], [], [_event(1, EventKind.TAMPER, 100), _event(
        2, EventKind.DIGITAL_INPUT, 300, length_s=60, count=40), _event(3, EventKind.MOTION, 500, active=False)])
    lane = CameraLane(1, "Gate", recorded=(Span(T0_US, T0_US + 600 * S),), events=lane.events)
    widget = TimelineWidget(TimelineModel(T0_US, T0_US + 600 * S, T0_US, (lane,)), WARSAW)
    qtbot.addWidget(widget)
    widget.resize(1110, widget.height())
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _pixel(widget: TimelineWidget, x: float, dy: int) -> QColor:
    return QColor(widget.grab().toImage().pixel(round(x), widget.lane_y(0) + dy))


def test_event_marks_run_along_the_lane_bottom_in_their_colour(timeline):
    assert _pixel(timeline, timeline.x_of(T0_US + 100 * S), LANE_HEIGHT - 1) == EVENT_COLORS["tamper"]
    assert _pixel(timeline, timeline.x_of(T0_US + 330 * S), LANE_HEIGHT - 1) == EVENT_COLORS["digital_input"]
    assert _pixel(timeline, timeline.x_of(T0_US + 330 * S), 2) == RECORDED_COLOR        # the top stays footage
    assert _pixel(timeline, timeline.x_of(T0_US + 500 * S), LANE_HEIGHT - 1) == RECORDED_COLOR   # an "off" end


def test_hovering_an_event_names_it_its_count_and_local_time(timeline):
    bottom = timeline.lane_y(0) + LANE_HEIGHT - 2
    mark = timeline.event_at(timeline.x_of(T0_US + 330 * S), bottom)
    assert mark is not None and mark.event_id == 2
    assert timeline.event_tooltip(mark).split("\n") == ["digital input · on ×40", "2026-11-21 22:05:00"]
    assert timeline.event_at(timeline.x_of(T0_US + 200 * S), bottom) is None


def test_the_playback_window_shows_the_stations_stored_events(qtbot, station, packets):
    create_application(offscreen=True, language="en")
    gate = station.cameras.add(name="Gate", main_url="rtsp://127.0.0.1:9/none").id
    start = datetime.now(timezone.utc).replace(microsecond=0) - timedelta(minutes=10)
    write_segments(station.recording_service().store, gate, start, (0, 2, 4), packets)
    events = station.events()
    events.submit(CameraEvent(gate, EventKind.TAMPER, start + timedelta(seconds=3)))
    assert events.engine.wait_idle(10)
    recording = RecordingController(station, events=events.store.events_over)
    with qtbot.waitSignal(recording.playback_opened, timeout=10_000) as opened:
        recording.open_playback([gate], to_us(start) + S)
    window = opened.args[0]
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.timeline.model.lanes[0].events != (), timeout=10_000)
    (mark,) = window.timeline.model.lanes[0].events
    assert (mark.kind, mark.start_us) == ("tamper", to_us(start + timedelta(seconds=3)))
    window.close()
    recording.close()
