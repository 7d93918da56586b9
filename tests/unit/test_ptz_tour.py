"""Patrol tour logic with an injected clock: order, dwell, loop, finish, pause on manual control."""

from __future__ import annotations

import pytest

from videowall.onvif.ptz_tour import PtzTourRunner, TourState
from tests.fixtures.clock import FakeClock
from videowall.runtime.errors import VideowallError


def _runner(loop=True):
    clock, visited = FakeClock(), []
    return PtzTourRunner(["1", "2", "3"], 10.0, loop, visited.append, clock), clock, visited


def test_the_tour_visits_its_presets_in_order_after_each_dwell():
    runner, clock, visited = _runner()
    runner.start()
    assert visited == ["1"]
    clock.advance(9.9)
    assert runner.poll() is None
    clock.advance(0.1)
    assert runner.poll() == "2"
    for _ in range(3):
        clock.advance(10)
        runner.poll()
    assert visited == ["1", "2", "3", "1", "2"]


def test_a_tour_without_loop_finishes_after_the_last_dwell():
    runner, clock, visited = _runner(loop=False)
    runner.start()
    for _ in range(4):
        clock.advance(10)
        runner.poll()
    assert visited == ["1", "2", "3"] and runner.state is TourState.FINISHED


def test_manual_control_pauses_and_resume_returns_to_the_current_preset():
    runner, clock, visited = _runner()
    runner.start()
    clock.advance(10)
    runner.poll()
    runner.pause()
    clock.advance(100)
    assert runner.poll() is None and runner.seconds_to_next() is None
    runner.resume()
    assert visited == ["1", "2", "2"]
    clock.advance(10)
    runner.poll()
    assert visited[-1] == "3"


def test_an_empty_tour_is_refused():
    with pytest.raises(VideowallError):
        PtzTourRunner([], 5, True, lambda _t: None)
