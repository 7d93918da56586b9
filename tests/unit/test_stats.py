"""Stream statistics over a sliding window of a FakeClock."""

from __future__ import annotations

import threading

import pytest

from videowall.media.stats import StatsRecorder
from tests.fixtures.clock import FakeClock


def feed(stats: StatsRecorder, clock: FakeClock, frames: int, fps: float, packet_bytes: int,
         decode_s: float = 0.004) -> None:
    for _ in range(frames):
        stats.packet_received(packet_bytes)
        stats.frame_decoded(decode_s)
        clock.advance(1.0 / fps)


def test_rates_and_means_of_a_steady_stream() -> None:
    clock = FakeClock()
    stats = StatsRecorder(clock)
    stats.connection_started()
    feed(stats, clock, frames=100, fps=25, packet_bytes=5000)
    snap = stats.snapshot()
    assert snap.packets_in == 100 and snap.frames_decoded == 100
    assert snap.fps_in == pytest.approx(25, rel=0.02)
    assert snap.bitrate_kbps == pytest.approx(25 * 5000 * 8 / 1000, rel=0.02)
    assert snap.decode_ms_avg == pytest.approx(4.0)


def test_first_frame_time_is_measured_from_the_connection_start() -> None:
    clock = FakeClock()
    stats = StatsRecorder(clock)
    assert stats.snapshot().first_frame_s is None
    stats.connection_started()
    clock.advance(0.16)
    stats.frame_decoded(0.002)
    clock.advance(1.0)
    stats.frame_decoded(0.002)
    assert stats.snapshot().first_frame_s == pytest.approx(0.16)
    stats.connection_started()
    clock.advance(0.5)
    stats.frame_decoded(0.002)
    assert stats.snapshot().first_frame_s == pytest.approx(0.5)


def test_first_frame_is_split_into_open_and_keyframe_wait() -> None:
    clock = FakeClock()
    stats = StatsRecorder(clock)
    stats.connection_started()
    clock.advance(0.08)
    stats.stream_opened()
    clock.advance(0.4)
    stats.keyframe_arrived()
    clock.advance(0.02)
    stats.frame_decoded(0.002)
    clock.advance(1.0)
    stats.keyframe_arrived()          # a later keyframe (a resume) does not move the connection's figure
    snap = stats.snapshot()
    assert (snap.open_s, snap.first_keyframe_s, snap.first_frame_s) == pytest.approx((0.08, 0.48, 0.5))
    stats.connection_started()        # a reconnection measures afresh
    assert (stats.snapshot().open_s, stats.snapshot().first_keyframe_s) == (None, None)


def test_rates_decay_when_the_stream_stops() -> None:
    clock = FakeClock()
    stats = StatsRecorder(clock, window_s=3.0)
    feed(stats, clock, frames=75, fps=25, packet_bytes=1000)
    clock.advance(1.0)
    stalled = stats.snapshot()
    assert 0 < stalled.fps_in < 20
    clock.advance(5.0)
    gone = stats.snapshot()
    assert gone.fps_in == 0 and gone.bitrate_kbps == 0 and gone.decode_ms_avg == 0
    assert gone.frames_decoded == 75


def test_delivered_dropped_reconnects_error_and_size() -> None:
    stats = StatsRecorder(FakeClock())
    stats.frame_delivered()
    stats.frame_dropped()
    stats.frame_dropped()
    stats.reconnected()
    stats.set_source_size(640, 360)
    stats.set_error("open rtsp://admin:pw12345@cam/x failed")
    snap = stats.snapshot()
    assert (snap.frames_delivered, snap.frames_dropped, snap.reconnects) == (1, 2, 1)
    assert (snap.width, snap.height) == (640, 360)
    assert "pw12345" not in snap.last_error and "cam/x" in snap.last_error
    stats.set_error(None)
    assert stats.snapshot().last_error is None


def test_a_single_event_has_no_rate_yet() -> None:
    clock = FakeClock()
    stats = StatsRecorder(clock)
    stats.packet_received(100)
    stats.frame_decoded(0.001)
    snap = stats.snapshot()
    assert snap.fps_in == 0 and snap.bitrate_kbps == 0


def test_counters_are_exact_under_concurrent_writers() -> None:
    stats = StatsRecorder(FakeClock())

    def writer() -> None:
        for _ in range(2000):
            stats.packet_received(10)
            stats.frame_delivered()

    threads = [threading.Thread(target=writer) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    snap = stats.snapshot()
    assert snap.packets_in == 8000 and snap.frames_delivered == 8000


def test_a_recovery_clears_the_current_error_and_keeps_the_history() -> None:
    clock = FakeClock()
    stats = StatsRecorder(clock)
    stats.set_error("The camera at cam:554 refused the connection.")
    clock.advance(2.0)
    stats.set_error("The camera at cam:554 did not answer within 5 s.")
    stats.clear_error()
    stats.set_transport("udp")
    snap = stats.snapshot()
    assert snap.last_error is None and snap.transport == "udp"
    assert [(r.at_monotonic - snap.error_history[0].at_monotonic, r.message) for r in snap.error_history] == [
        (0.0, "The camera at cam:554 refused the connection."),
        (2.0, "The camera at cam:554 did not answer within 5 s.")]


def test_the_error_history_is_bounded() -> None:
    from videowall.media.stats import ERROR_HISTORY

    stats = StatsRecorder(FakeClock())
    for index in range(ERROR_HISTORY + 5):
        stats.set_error(f"failure {index}")
    history = stats.snapshot().error_history
    assert len(history) == ERROR_HISTORY and history[0].message == "failure 5"
