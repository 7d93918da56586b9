"""Playback of real recordings: seeking, synchronized cameras, speeds, frame steps, gaps.

Two simulator cameras are recorded once for the module. Each simulated frame carries the wall-clock
time it was made (pixel code), so what playback shows at t is checked against the picture itself.
"""

from __future__ import annotations

import bisect
import os
import random
import threading
from datetime import datetime, timezone

import av
import pytest

from tests.fixtures.waiting import wait_for
from tests.integration.test_recorder import Rig
from videowall.model.camera import Profile
from videowall.recording.camera_playback import CameraPlayback
from videowall.recording.index import NO_RECORDING
from videowall.recording.playback import PlaybackSession
from videowall.recording.timebase import from_us, to_us
from videowall.recording.types import SegmentState, TimeSource
from tests.fixtures.clock import FakeClock
from videowall.runtime.clock import SystemClock
from videowall.sim.pixelcode import decode_timestamp


FRAME_US = 40_000
GOP_US = 1_000_000


def _ntp_stretch(store, camera_id: int) -> tuple[int, int]:
    """The longest stretch of complete, camera-clock segments without a gap between them.

    A starved machine can make the recorder drop packets or the session reconnect: that leaves a gap
    (with its reason) the tests must not mistake for missing footage. Where the connection's first,
    receive-time segment overlaps the stretch (the anchor switch, docs/design/time.md), the stretch
    starts after it, so every position in it has exactly one segment."""
    segments = store.segments_us(camera_id, 0, 2**62)
    best, run = (0, 0), None
    for segment in segments:
        start, end = to_us(segment.start_utc), to_us(segment.end_utc)
        usable = segment.time_source is TimeSource.CAMERA_NTP and segment.state is SegmentState.COMPLETE
        if not usable:
            run = None
            continue
        run = (run[0], end) if run is not None and start - run[1] <= 1 else (start, end)
        if run[1] - run[0] > best[1] - best[0]:
            best = run
    others = [(to_us(s.start_utc), to_us(s.end_utc)) for s in segments if s.time_source is not TimeSource.CAMERA_NTP]
    start = max([best[0]] + [e for s, e in others if s < best[0] < e])
    end = min([best[1]] + [s for s, e in others if s < best[1] < e])
    return start, end


def _common_stretch(store, cameras) -> tuple[int, int]:
    stretches = [_ntp_stretch(store, c) for c in cameras]
    return max(s[0] for s in stretches), min(s[1] for s in stretches)


@pytest.fixture(scope="module")
def recorded(tmp_path_factory, simulator):
    """(store, [camera ids], (start_us, end_us) where both cameras have gapless camera-clock recordings)."""
    rig = Rig(tmp_path_factory.mktemp("playback"), simulator)
    cameras = [rig.add_camera(5), rig.add_camera(6)]
    service = rig.service(segment_s=2.0)
    service.start()
    for camera_id in cameras:
        service.set_recording(camera_id, True, Profile.SUB)
    store = service.store

    def long_enough() -> bool:
        start, end = _common_stretch(store, cameras)
        return end - start > 4_500_000

    wait_for(long_enough, "4.5 s recorded by both cameras without a gap", 60)
    for camera_id in cameras:
        service.set_recording(camera_id, False)
    yield store, cameras, _common_stretch(store, cameras)
    rig.close()


def _frame_times(store, camera_id: int) -> list[int]:
    """Every recorded frame's UTC, read from the files independently of the playback code.

    The simulator skips frames when its machine is starved, so the recorded frame interval is not
    always 40 ms: tests compare with the frames that really are in the recording."""
    times = []
    for segment in store.segments_us(camera_id, 0, 2**62):
        with av.open(str(segment.path)) as container:
            stream = container.streams.video[0]
            times += [to_us(segment.start_utc) + round(p.pts * stream.time_base * 1_000_000)
                      for p in container.demux(stream) if p.pts is not None]
    return sorted(times)


def _shown_at(times: list[int], t_us: int) -> tuple[int, int | None]:
    """(the last frame at or before t, the frame after it)."""
    index = bisect.bisect_right(times, t_us) - 1
    return times[index], times[index + 1] if index + 1 < len(times) else None


def _code_us(frame) -> int:
    code_ms = decode_timestamp(frame.image)
    assert code_ms is not None, "no pixel code in the picture"
    return code_ms * 1000


MIN_STEADY_SAMPLES = 10


def test_seek_lands_on_the_frame_shown_at_the_target(recorded):
    store, cameras, (start, end) = recorded
    times = _frame_times(store, cameras[0])
    playback = CameraPlayback(store, cameras[0], box=(640, 360))
    rng = random.Random(5)
    targets = [rng.randrange(start, end - FRAME_US) for _ in range(15)]
    try:
        for target in targets + sorted(targets):        # random jumps, then forward in order
            frame = playback.frame_at(target)
            assert frame is not None
            # Exactly the frame a viewer sees at the target (the last one at or before it): within one GOP.
            assert frame.utc_us == _shown_at(times, target)[0]
            assert 0 <= target - frame.utc_us < GOP_US
            assert abs(_code_us(frame) - frame.utc_us) <= 15_000     # the picture really is from then
    finally:
        playback.close()


def test_synchronized_cameras_stay_within_one_frame_interval(recorded):
    store, cameras, (start, end) = recorded
    times = {c: _frame_times(store, c) for c in cameras}
    session = PlaybackSession(store, cameras, start, clock=FakeClock(start_utc=datetime.now(timezone.utc)))
    for camera_id in cameras:
        session.set_box(camera_id, 640, 360)
    steady = 0
    try:
        positions = range(start + 1000, end - 2 * FRAME_US, 170_000)
        for position in positions:
            session.seek(position)
            session.run_pending()
            assert session.render().position_us == position
            frames = [session.picture(c).frame for c in cameras]
            shown = [_shown_at(times[c], position) for c in cameras]
            assert [f.utc_us for f in frames] == [s[0] for s in shown]   # both at the one clock's moment
            # Where neither camera skipped frames, the two pictures are within one frame interval.
            if all(after is not None and after - before <= FRAME_US + 15_000 for before, after in shown):
                steady += 1
                a, b = frames
                assert abs(a.utc_us - b.utc_us) < FRAME_US + 15_000
                assert abs(_code_us(a) - _code_us(b)) < FRAME_US + 15_000   # the pictures too, not only labels
        # Enough frame-accurate samples that the check above was not vacuous (a loaded simulator skips
        # frames, which removes positions from the check but never makes two cameras drift apart).
        assert steady >= MIN_STEADY_SAMPLES
    finally:
        session.close()


def test_speeds_forward_fast_and_reverse_by_keyframes(recorded):
    store, cameras, (start, end) = recorded
    clock = FakeClock(start_utc=datetime.now(timezone.utc))
    session = PlaybackSession(store, cameras[:1], start, clock=clock)
    try:
        session.set_rate(0.25)
        session.play()
        session.run_pending()
        clock.advance(2.0)
        assert session.render().position_us == start + 500_000
        session.set_rate(16.0)
        session.run_pending()
        clock.advance(0.1)
        state = session.render()
        assert state.position_us == start + 2_100_000 and state.rate == 16.0 and state.playing
        assert session.picture(cameras[0]).frame.keyframe         # fast forward shows keyframes only
        session.set_rate(-2.0)
        session.run_pending()
        shown = []
        for _ in range(6):
            clock.advance(0.1)
            position = session.render().position_us
            frame = session.picture(cameras[0]).frame
            shown.append(frame.utc_us)
            assert frame.keyframe and frame.utc_us <= position
        assert shown == sorted(shown, reverse=True) and shown[0] > shown[-1]
        with pytest.raises(ValueError):
            session.set_rate(3.0)
    finally:
        session.close()


def test_frame_steps_cross_segments(recorded):
    store, cameras, (start, end) = recorded
    segments = store.segments_us(cameras[0], start, end)
    boundary = to_us(segments[1].start_utc)
    times = _frame_times(store, cameras[0])
    playback = CameraPlayback(store, cameras[0], box=(320, 180))
    try:
        before = playback.frame_at(boundary - 1)
        after = playback.step_forward()
        assert after.segment_id == segments[1].id and before.segment_id == segments[0].id
        assert after.utc_us == _shown_at(times, before.utc_us)[1]      # the very next recorded frame
        back = playback.step_backward()
        assert (back.utc_us, back.segment_id) == (before.utc_us, before.segment_id)
        forward = [playback.step_forward().utc_us for _ in range(5)]
        first = times.index(after.utc_us)
        assert forward == times[first: first + 5]
    finally:
        playback.close()


def test_no_picture_in_a_gap_says_why(recorded):
    store, cameras, (start, _end) = recorded
    first = store.segments_us(cameras[0], 0, 2**62)[0]
    before = to_us(first.start_utc) - 60_000_000
    session = PlaybackSession(store, cameras[:1], before, clock=FakeClock(start_utc=datetime.now(timezone.utc)))
    try:
        session.render()
        picture = session.picture(cameras[0])
        assert picture.frame is None and picture.gap_reason == NO_RECORDING
    finally:
        session.close()


def test_the_playback_thread_follows_commands(recorded):
    store, cameras, (start, end) = recorded
    times = _frame_times(store, cameras[0])
    session = PlaybackSession(store, cameras, start)
    session.start()
    try:
        session.seek(start + 1_000_000)
        state = wait_for(lambda: (s := session.state()).generation and s.position_us == start + 1_000_000 and s, "the seek", 10)
        assert not state.playing
        assert all(session.picture(c).frame is not None for c in cameras)
        session.play()
        wait_for(lambda: session.state().position_us > start + 1_200_000, "playing", 10)
        session.pause()
        paused = wait_for(lambda: not (s := session.state()).playing and s, "paused", 10)
        session.step(1)
        stepped = wait_for(lambda: (s := session.state()).generation > paused.generation and s, "a step", 10)
        assert stepped.position_us == _shown_at(times, paused.position_us)[1]   # the next frame of the first camera
        assert from_us(stepped.position_us) < from_us(end)
    finally:
        session.close()


def _open_segment_files(store) -> list[str]:
    """The recording files this process holds open, read from the OS (what a reader really holds)."""
    found = []
    for fd in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            continue
        if target.startswith(str(store.root)) and target.endswith(".mp4"):
            found.append(target)
    return found


class GatedClock(SystemClock):
    """Real time, except that once ``hold`` is called the next ``now_utc`` (the start of every render) waits
    until ``release``: the playback thread is then, for sure, inside a render."""

    def __init__(self) -> None:
        self.entered, self._open, self._armed = threading.Event(), threading.Event(), False

    def hold(self) -> None:
        self._open.clear()
        self._armed = True

    def release(self) -> None:
        self._armed = False
        self._open.set()

    def now_utc(self):
        if self._armed:
            self.entered.set()
            self._open.wait(60)
        return super().now_utc()


def test_the_playback_thread_closes_its_readers_even_when_close_gives_up_waiting(recorded):
    """threads.md rule 4: a close whose join times out must not close readers the thread is still using."""
    store, cameras, (start, end) = recorded
    clock = GatedClock()
    session = PlaybackSession(store, cameras, start, clock=clock)
    session.start()
    try:
        session.seek(start + 500_000)
        wait_for(lambda: all(session.picture(c).frame for c in cameras), "pictures", 10)
        before = _open_segment_files(store)
        assert before, "the readers hold their segment files"
        clock.hold()
        session.seek(end - 100_000)
        assert clock.entered.wait(30), "the seek's render began"
        session.close(timeout_s=0.2)      # gives up: the render waits for the clock
        assert sorted(_open_segment_files(store)) == sorted(before), "close() closed the thread's readers"
    finally:
        clock.release()
    wait_for(lambda: not _open_segment_files(store), "the playback thread closing its readers as it ends", 30)
