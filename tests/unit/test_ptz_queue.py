"""The per-camera PTZ queue: moves coalesce, stops are never dropped or reordered, safety stop, retry.

The camera here is a recorder whose first call blocks until released: the only way to hold the queue busy
at a known point (timing we cannot cause with the real simulator)."""

from __future__ import annotations

import threading

import pytest

from videowall.onvif.ptz_queue import CameraPtzQueue, PtzAction, PtzCommand
from tests.fixtures.waiting import wait_for

from tests.fixtures.clock import FakeClock
from videowall.runtime.errors import ErrorKind, VideowallError


class RecordingCamera:
    def __init__(self, fail_stops: int = 0) -> None:
        self.calls: list[tuple] = []
        self.release = threading.Event()
        self.fail_stops = fail_stops

    def move(self, pan, tilt, zoom, timeout_s=None):
        self.release.wait(10)
        self.calls.append(("move", pan, tilt, zoom))

    def stop(self):
        if self.fail_stops:
            self.fail_stops -= 1
            raise VideowallError(ErrorKind.TIMEOUT, "no answer")
        self.calls.append(("stop",))

    def goto_preset(self, token):
        self.calls.append(("goto", token))


def _queue(camera, results, clock=None, safety_s=10.0):
    return CameraPtzQueue(7, lambda: camera, lambda *r: results.append(r), safety_s, clock or FakeClock())


def test_moves_coalesce_and_the_latest_wins():
    camera, results = RecordingCamera(), []
    queue = _queue(camera, results)
    queue.submit(PtzCommand("move", (0.1, 0, 0)))           # taken by the worker, blocks
    wait_for(lambda: not queue.pending(), "the worker to take the first command")
    for speed in (0.2, 0.3, 0.4):
        queue.submit(PtzCommand("move", (speed, 0, 0)))
    assert queue.pending() == [PtzCommand("move", (0.4, 0, 0))]
    camera.release.set()
    wait_for(lambda: len(camera.calls) == 2, "two camera calls")
    queue.close()
    assert camera.calls == [("move", 0.1, 0, 0), ("move", 0.4, 0, 0), ("stop",)]


def test_a_stop_drops_waiting_moves_and_keeps_its_place():
    camera, results = RecordingCamera(), []
    queue = _queue(camera, results)
    queue.submit(PtzCommand("move", (0.1, 0, 0)))
    wait_for(lambda: not queue.pending(), "the worker to take the first command")
    queue.submit(PtzCommand("goto", ("3",)))
    queue.submit(PtzCommand("move", (0.5, 0, 0)))
    queue.submit(PtzCommand("stop", reason="release"))
    queue.submit(PtzCommand("move", (0.9, 0, 0)))
    queue.submit(PtzCommand("stop", reason="focus"))
    assert [c.kind for c in queue.pending()] == ["goto", "stop"]
    camera.release.set()
    queue.close(stop_first=False)
    assert camera.calls == [("move", 0.1, 0, 0), ("goto", "3"), ("stop",)]


def test_a_move_after_a_stop_is_kept_behind_it():
    camera, results = RecordingCamera(), []
    queue = _queue(camera, results)
    queue.submit(PtzCommand("move", (0.1, 0, 0)))
    wait_for(lambda: not queue.pending(), "the worker to take the first command")
    queue.submit(PtzCommand("stop"))
    queue.submit(PtzCommand("move", (0.2, 0, 0)))
    assert [c.kind for c in queue.pending()] == ["stop", "move"]
    camera.release.set()
    wait_for(lambda: len(camera.calls) == 3, "three camera calls")
    queue.close()
    assert camera.calls == [("move", 0.1, 0, 0), ("stop",), ("move", 0.2, 0, 0), ("stop",)]


def test_the_safety_timeout_stops_a_move_nobody_renewed():
    camera, results, clock = RecordingCamera(), [], FakeClock()
    camera.release.set()
    queue = _queue(camera, results, clock, safety_s=3.0)
    queue.submit(PtzCommand("move", (0.5, 0, 0)))
    wait_for(lambda: len(results) == 1, "a first result")
    clock.advance(3.1)
    wait_for(lambda: len(results) == 2, "a second result")
    assert results[1][1] == PtzCommand("stop", reason="safety") and camera.calls[-1] == ("stop",)
    queue.close(stop_first=False)


def test_a_failed_stop_is_retried_before_it_is_reported():
    camera, results = RecordingCamera(fail_stops=2), []
    queue = _queue(camera, results)
    queue.submit(PtzCommand("stop"))
    queue.close(stop_first=False)
    assert camera.calls == [("stop",)] and results[-1][3] is None


def test_closing_stops_a_running_move_and_drops_waiting_ones():
    camera, results = RecordingCamera(), []
    queue = _queue(camera, results)
    queue.submit(PtzCommand("move", (0.1, 0, 0)))
    wait_for(lambda: not queue.pending(), "the worker to take the first command")
    queue.submit(PtzCommand("move", (0.3, 0, 0)))
    camera.release.set()
    queue.close()
    assert camera.calls == [("move", 0.1, 0, 0), ("stop",)]


def test_a_stop_that_keeps_failing_is_reported():
    camera, results = RecordingCamera(fail_stops=5), []
    queue = _queue(camera, results)
    queue.submit(PtzCommand("stop"))
    queue.close(stop_first=False)
    assert results[-1][3].kind is ErrorKind.TIMEOUT


def test_commands_are_typed_and_an_unknown_one_is_refused():
    assert PtzCommand("goto", ("3",)).kind is PtzAction.GOTO and PtzAction.GOTO.device_method == "goto_preset"
    with pytest.raises(VideowallError) as raised:
        PtzCommand("spin")
    assert raised.value.kind is ErrorKind.INTERNAL
