"""The playback timeline: its pure model (mapping, zoom, ticks, lanes) and the widget (paint, scrub, zoom)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QWheelEvent

from ui.app import create_application
from ui.playback.badge import LIVE, NO_RECORDING, RECORDED, live_badge, local_time_text, recorded_badge, speed_text
from ui.playback.timeline_model import MIN_SPAN_US, CameraLane, Span, TimelineModel, lane_at, lane_for
from ui.playback.timeline_widget import GAP_COLOR, HOLD_COLOR, LANE_HEIGHT, RECORDED_COLOR, TimelineWidget
from videowall.recording.timebase import to_us
from videowall.recording.types import RecordedSegment, SegmentState, TimeGap, TimeSource

WARSAW = ZoneInfo("Europe/Warsaw")
T0 = datetime(2026, 3, 28, 23, 0, tzinfo=timezone.utc)     # 00:00 local on the night clocks go forward
T0_US = to_us(T0)
MIN = 60 * 1_000_000


def _segment(n: int, start_min: float, end_min: float) -> RecordedSegment:
    return RecordedSegment(n, 1, "main", Path(f"/x/{n}.mp4"), T0 + timedelta(minutes=start_min),
                           T0 + timedelta(minutes=end_min), 1, TimeSource.CAMERA_NTP, SegmentState.COMPLETE)


# -- model ----------------------------------------------------------------------------------------------
def test_time_and_pixels_map_both_ways():
    model = TimelineModel(T0_US, T0_US + 10 * MIN, T0_US)
    assert model.x_of(T0_US + 5 * MIN, 1000) == 500
    assert model.time_at(250, 1000) == T0_US + int(2.5 * MIN)
    assert model.time_at(-20, 1000) == T0_US and model.time_at(5000, 1000) == T0_US + 10 * MIN


def test_zoom_keeps_the_pointed_moment_in_place_and_has_limits():
    model = TimelineModel(T0_US, T0_US + 10 * MIN, T0_US + 5 * MIN)
    around = T0_US + 2 * MIN
    zoomed = model.zoomed(0.5, around)
    assert zoomed.span_us == 5 * MIN
    assert zoomed.x_of(around, 1000) == pytest.approx(model.x_of(around, 1000))
    assert model.zoomed(1e-9).span_us == MIN_SPAN_US


def test_cursor_leaving_the_window_pages_it():
    model = TimelineModel(T0_US, T0_US + 10 * MIN, T0_US)
    assert model.with_cursor(T0_US + 3 * MIN).start_us == T0_US
    moved = model.with_cursor(T0_US + 30 * MIN)
    assert moved.start_us < T0_US + 30 * MIN < moved.end_us and moved.span_us == model.span_us


def test_ticks_are_local_time_and_mark_days():
    model = TimelineModel(T0_US - 30 * MIN, T0_US + 3 * 60 * MIN, T0_US)
    ticks = model.ticks(800, WARSAW)
    labels = [t.label for t in ticks]
    assert "2026-03-29" in labels                          # local midnight is a major tick
    assert next(t for t in ticks if t.major).at_us == T0_US
    assert "03:00" in labels and "02:00" not in labels     # 02:00 does not exist that night in Warsaw


def test_lane_merges_contiguous_segments_and_keeps_gap_reasons():
    gap = TimeGap(T0 + timedelta(minutes=2), T0 + timedelta(minutes=3), "disk full")
    lane = lane_for(1, "Gate", [_segment(2, 1, 2), _segment(1, 0, 1), _segment(3, 3, 4)], [gap],
                    [(T0, T0 + timedelta(minutes=1), "II K 1/26")])
    assert lane.recorded == (Span(T0_US, T0_US + 2 * MIN), Span(T0_US + 3 * MIN, T0_US + 4 * MIN))
    assert lane.gaps == (Span(T0_US + 2 * MIN, T0_US + 3 * MIN, "disk full"),)
    assert lane.holds[0].label == "II K 1/26"
    assert lane_at(lane, T0_US + int(2.5 * MIN)) == "disk full" and lane_at(lane, T0_US) == "recorded"


# -- badge ----------------------------------------------------------------------------------------------
def test_badges_say_live_or_recorded_with_local_time():
    assert live_badge().mode == LIVE and not live_badge().recorded
    shown = T0_US + 61 * MIN + 123_456
    badge = recorded_badge(shown, shown + 10_000, 2.0, True, WARSAW)
    assert (badge.mode, badge.time_text, badge.detail) == (RECORDED, "2026-03-29 01:01:00.1", "2×")
    assert recorded_badge(shown, shown, 1.0, False, WARSAW).detail == "paused"
    gap = recorded_badge(None, shown, 1.0, True, WARSAW, "disk full")
    assert (gap.mode, gap.detail) == (NO_RECORDING, "disk full") and gap.recorded
    assert [speed_text(r) for r in (0.25, 0.5, 16.0, -4.0)] == ["¼×", "½×", "16×", "-4×"]
    assert local_time_text(to_us(datetime(2026, 7, 1, 10, 0, tzinfo=timezone.utc)), WARSAW).startswith(
        "2026-07-01 12:00:00")


# -- widget ---------------------------------------------------------------------------------------------
@pytest.fixture
def timeline(qtbot):
    create_application(offscreen=True, language="en")
    lane_a = CameraLane(1, "Gate", recorded=(Span(T0_US, T0_US + 4 * MIN),),
                        gaps=(Span(T0_US + 4 * MIN, T0_US + 6 * MIN, "disk full"),),
                        holds=(Span(T0_US + MIN, T0_US + 2 * MIN, "II K 1/26"),))
    lane_b = CameraLane(2, "Square", recorded=(Span(T0_US + 5 * MIN, T0_US + 10 * MIN),))
    widget = TimelineWidget(TimelineModel(T0_US, T0_US + 10 * MIN, T0_US + 3 * MIN, (lane_a, lane_b)), WARSAW)
    qtbot.addWidget(widget)
    widget.resize(1110, widget.height())
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _color_at(widget: TimelineWidget, t_us: int, lane: int, dy: int = LANE_HEIGHT // 2) -> QColor:
    image = widget.grab().toImage()
    return QColor(image.pixel(round(widget.x_of(t_us)), widget.lane_y(lane) + dy))


def test_lanes_paint_recorded_gaps_and_holds(timeline):
    assert _color_at(timeline, T0_US + int(0.5 * MIN), 0) == RECORDED_COLOR
    assert _color_at(timeline, T0_US + 5 * MIN, 0) == GAP_COLOR
    assert _color_at(timeline, T0_US + int(1.5 * MIN), 0, dy=1) == HOLD_COLOR
    assert _color_at(timeline, T0_US + int(0.5 * MIN), 1) != RECORDED_COLOR   # camera 2 had nothing then
    assert _color_at(timeline, T0_US + 7 * MIN, 1) == RECORDED_COLOR


def test_click_and_drag_scrub(qtbot, timeline):
    target = T0_US + 7 * MIN
    x = round(timeline.x_of(target))
    with qtbot.waitSignal(timeline.position_requested) as blocker:
        qtbot.mouseClick(timeline, Qt.MouseButton.LeftButton, pos=QPoint(x, 30))
    assert abs(blocker.args[0] - target) <= timeline.model.span_us / timeline.lane_width()


def test_wheel_zooms_around_the_pointer(qtbot, timeline):
    pointed = T0_US + 2 * MIN
    x = timeline.x_of(pointed)
    event = QWheelEvent(QPointF(x, 30), timeline.mapToGlobal(QPointF(x, 30)), QPoint(0, 0), QPoint(0, 120),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase,
                        False)
    with qtbot.waitSignal(timeline.window_changed) as blocker:
        timeline.wheelEvent(event)
    start, end = blocker.args
    assert end - start < 10 * MIN
    assert timeline.x_of(pointed) == pytest.approx(x, abs=1)
