"""PlaybackSession: synchronized playback of several cameras' recordings, driven by one clock.

Commands (play, pause, speed, seek, frame step, tile sizes) may come from any thread, the GUI's
included: they are queued to the session's own thread, which decodes and publishes the frames. The
GUI reads the newest frames with ``frame``/``state`` without waiting. Every tick all cameras are
rendered for the same recorded moment t, each showing its last frame at or before t, so any two
cameras are less than one frame interval apart.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from videowall.recording.camera_playback import CameraPlayback, PlaybackFrame
from videowall.recording.playback_clock import KEYFRAMES_ONLY_ABOVE, PlaybackClock
from videowall.recording.timebase import to_us
from videowall.recording.types import FootageSource
from videowall.runtime.clock import SYSTEM_CLOCK, Clock
from videowall.runtime.errors import VideowallError

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PlaybackState:
    position_us: int
    rate: float
    playing: bool
    at_live_edge: bool        # caught up with now: nothing newer is recorded yet
    generation: int           # increases with every published render


@dataclass(frozen=True)
class CameraPicture:
    camera_id: int
    frame: PlaybackFrame | None
    gap_reason: str | None    # why there is no picture at the position (None when there is one)


class PlaybackSession:
    def __init__(self, index: FootageSource, camera_ids: Sequence[int], start_us: int,
                 clock: Clock = SYSTEM_CLOCK, tick_s: float = 0.02, threads: int = 1) -> None:
        self._index = index
        self._clock = clock
        self._tick_s = tick_s
        self._cameras = {cid: CameraPlayback(index, cid, threads=threads) for cid in camera_ids}
        self._playback_clock = PlaybackClock(clock, start_us)
        self._commands: queue.Queue[Callable[[], None] | None] = queue.Queue()
        self._lock = threading.Lock()
        self._pictures: dict[int, CameraPicture] = {cid: CameraPicture(cid, None, None) for cid in camera_ids}
        self._state = PlaybackState(start_us, 1.0, False, False, 0)
        self._thread = threading.Thread(target=self._run, name="playback", daemon=True)
        self._dirty = True

    # -- any thread -----------------------------------------------------------------------------------
    def start(self) -> None:
        self._thread.start()

    def close(self, timeout_s: float = 5.0) -> None:
        """Stop the session. A started session's thread closes the readers itself as it ends; a join that
        times out (a starved machine) leaves it to finish on its own and never closes what it still uses.
        A session that was never started is driven by its caller, who owns the readers: they close here."""
        self._commands.put(None)
        if self._thread.ident is None:
            self._close_readers()
        elif self._thread.is_alive():
            self._thread.join(timeout_s)

    def play(self) -> None:
        self._command(self._playback_clock.play)

    def pause(self) -> None:
        self._command(self._playback_clock.pause)

    def set_rate(self, rate: float) -> None:
        PlaybackClock(self._clock, 0, rate)     # validates on the caller's thread, so errors reach it
        self._command(lambda: self._playback_clock.set_rate(rate))

    def seek(self, utc_us: int) -> None:
        self._command(lambda: self._playback_clock.seek(utc_us))

    def step(self, frames: int) -> None:
        """Pause and move one frame forward (+1) or back (-1), all cameras together."""
        self._command(lambda: self._step(frames))

    def set_box(self, camera_id: int, width: int, height: int) -> None:
        box = (max(1, width), max(1, height))
        self._command(lambda: self._cameras[camera_id].set_box(box))

    def picture(self, camera_id: int) -> CameraPicture:
        with self._lock:
            return self._pictures[camera_id]

    def state(self) -> PlaybackState:
        with self._lock:
            return self._state

    # -- playback thread (or the caller's, for a session that was not started: tests, benchmarks) --------
    def run_pending(self) -> None:
        """Apply the queued commands now, on the caller's thread (only for a session not started)."""
        if self._thread.is_alive():
            raise RuntimeError("the playback thread applies the commands of a started session")
        while True:
            try:
                command = self._commands.get_nowait()
            except queue.Empty:
                return
            if command is not None:
                self._apply(command)

    def render(self) -> PlaybackState:
        """Render every camera at the clock's position and publish; returns the published state."""
        clock = self._playback_clock
        now_us = to_us(self._clock.now_utc())
        t_us = clock.position_us()
        live_edge = t_us >= now_us
        if live_edge:
            clock.seek(now_us)
            t_us = now_us
        for camera_id, camera in self._cameras.items():
            self._publish(camera_id, self._frame(camera, t_us, clock.rate), t_us)
        with self._lock:
            self._state = PlaybackState(t_us, clock.rate, clock.playing, live_edge, self._state.generation + 1)
            return self._state

    def _run(self) -> None:
        try:
            self._serve()
        finally:
            self._close_readers()

    def _close_readers(self) -> None:
        for camera in self._cameras.values():
            camera.close()

    def _serve(self) -> None:
        while True:
            timeout = self._tick_s if self._playback_clock.playing else 0.5
            try:
                command = self._commands.get(timeout=timeout)
            except queue.Empty:
                command = False
            while command is not False:
                if command is None:
                    return
                self._apply(command)
                try:
                    command = self._commands.get_nowait()
                except queue.Empty:
                    command = False
            if self._playback_clock.playing or self._dirty:
                self._dirty = False
                try:
                    self.render()
                except Exception:
                    log.exception("playback render failed")

    def _command(self, action: Callable[[], None]) -> None:
        self._commands.put(action)

    def _apply(self, action: Callable[[], None]) -> None:
        try:
            action()
        except Exception:
            log.exception("playback command failed")
        self._dirty = True

    def _frame(self, camera: CameraPlayback, t_us: int, rate: float) -> PlaybackFrame | None:
        if rate < 0:
            return camera.keyframe_at(t_us)
        return camera.frame_at(t_us, keyframes_only=rate > KEYFRAMES_ONLY_ABOVE)

    def _step(self, frames: int) -> None:
        """Step the first camera that has a picture; the others follow to its frame's time."""
        self._playback_clock.pause()
        for camera in self._cameras.values():
            if camera.current_utc_us is None:
                continue
            frame = camera.step_forward() if frames > 0 else camera.step_backward()
            if frame is not None:
                self._playback_clock.seek(frame.utc_us)
            return

    def _publish(self, camera_id: int, frame: PlaybackFrame | None, t_us: int) -> None:
        reason = None
        if frame is None:
            try:
                reason = self._index.reason_at(camera_id, t_us)
            except VideowallError as err:   # the recording server cannot say: why is the reason
                reason = err.user_message
        with self._lock:
            self._pictures[camera_id] = CameraPicture(camera_id, frame, reason)
