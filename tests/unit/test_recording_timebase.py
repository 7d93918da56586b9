"""Stream time → UTC: which anchor a segment gets, and what a wrong camera clock does."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from videowall.recording.timebase import TimeMapper, from_us, to_us
from videowall.recording.types import TimeSource
from tests.fixtures.clock import FakeClock

START = datetime(2026, 4, 1, 10, 0, 0, tzinfo=timezone.utc)
START_US = to_us(START)
FRAME_S = 0.04


def _feed(mapper: TimeMapper, clock: FakeClock, frames: int, delays_s=(0.05,), camera_anchor_us=None,
          first_frame: int = 0) -> None:
    """Frame n is captured at START + n × 40 ms and arrives ``delays_s[n % len]`` later."""
    for n in range(first_frame, first_frame + frames):
        arrival = START + timedelta(seconds=n * FRAME_S + delays_s[n % len(delays_s)])
        clock.advance((arrival - clock.now_utc()).total_seconds())
        mapper.observe(n * FRAME_S, clock.monotonic(), camera_anchor_us)


@pytest.fixture
def clock():
    return FakeClock(start_utc=START)


def test_microsecond_round_trip():
    moment = datetime(2026, 12, 31, 23, 59, 59, 999999, tzinfo=timezone.utc)
    assert from_us(to_us(moment)) == moment
    assert to_us(datetime(1970, 1, 1, tzinfo=timezone.utc)) == 0
    with pytest.raises(ValueError):
        to_us(datetime(2026, 1, 1))


def test_no_mapping_before_the_first_packet(clock):
    assert TimeMapper(clock).mapping() is None


def test_station_anchor_is_the_least_delayed_packet(clock):
    mapper = TimeMapper(clock, window_s=2.0)
    _feed(mapper, clock, 50, delays_s=(0.30, 0.12, 0.02, 0.2))
    mapping = mapper.mapping()
    assert mapping.source is TimeSource.RECEIVE
    assert mapping.anchor_us - START_US == pytest.approx(20_000, abs=2)   # the smallest delay wins


def test_a_trusted_camera_clock_wins_and_its_offset_is_kept(clock):
    mapper = TimeMapper(clock, max_camera_offset_s=2.0)
    camera_anchor = START_US - 10_000        # the camera says 10 ms earlier than capture: a fine clock
    _feed(mapper, clock, 50, camera_anchor_us=camera_anchor)
    mapping = mapper.mapping()
    assert mapping.source is TimeSource.CAMERA_NTP
    assert mapping.anchor_us == camera_anchor
    assert mapping.camera_offset_s == pytest.approx(-0.06, abs=1e-3)   # camera minus station (50 ms transit)
    assert not mapper.camera_clock_wrong()


def test_a_camera_clock_seconds_off_is_kept_with_its_offset(clock):
    # A few seconds may be the station reading late (overloaded), not the camera: its time is kept.
    mapper = TimeMapper(clock, max_camera_offset_s=10.0)
    _feed(mapper, clock, 50, camera_anchor_us=START_US + 5_000_000)
    mapping = mapper.mapping()
    assert mapping.source is TimeSource.CAMERA_NTP and not mapper.camera_clock_wrong()
    assert mapping.camera_offset_s == pytest.approx(4.95, abs=1e-3)


def test_a_camera_clock_hours_off_is_not_trusted(clock):
    mapper = TimeMapper(clock, max_camera_offset_s=2.0)
    _feed(mapper, clock, 50, camera_anchor_us=START_US + 3 * 3600 * 1_000_000)
    mapping = mapper.mapping()
    assert mapper.camera_clock_wrong()
    assert mapping.source is TimeSource.RECEIVE
    assert mapping.camera_offset_s == pytest.approx(3 * 3600, abs=1)
    assert abs(mapping.anchor_us - START_US) < 100_000


def test_consecutive_segments_keep_one_anchor_despite_jitter(clock):
    mapper = TimeMapper(clock, window_s=2.0, reanchor_s=0.1)
    _feed(mapper, clock, 50, delays_s=(0.05,))
    first = mapper.mapping()
    _feed(mapper, clock, 100, delays_s=(0.08,), first_frame=50)   # the network got 30 ms slower
    assert mapper.mapping().anchor_us == first.anchor_us
    _feed(mapper, clock, 100, delays_s=(0.5,), first_frame=150)   # a real jump: re-anchor
    assert mapper.mapping().anchor_us - first.anchor_us == pytest.approx(450_000, abs=2)


def test_reset_forgets_the_connection(clock):
    mapper = TimeMapper(clock)
    _feed(mapper, clock, 10, camera_anchor_us=START_US)
    mapper.reset()
    assert mapper.mapping() is None
    assert not mapper.has_camera_anchor


def test_mapping_converts_stream_seconds():
    from videowall.recording.timebase import TimeMapping
    mapping = TimeMapping(START_US, TimeSource.RECEIVE)
    assert from_us(mapping.utc_us(61.5)) == START + timedelta(seconds=61.5)
