"""PTZ against the simulator: the picture follows ContinuousMove/Stop, presets and home (pixels, not mocks)."""

from __future__ import annotations

import pytest

from tests.fixtures.onvif import PASSWORD, USER, FrameGrabber, difference, wait_until_still
from tests.fixtures.waiting import wait_for
from videowall.model.camera import Credentials
from videowall.onvif.client import OnvifClient
from videowall.onvif.ptz_device import PtzDevice
from videowall.onvif.ptz_queue import PtzCommand, PtzController

SAME = 2.0      # mean |Δgrey| of two frames of a still picture (H.264 noise)
MOVED = 10.0    # a shifted random-block scene differs far more


@pytest.fixture
def ptz(ptz_sim):
    client = OnvifClient(ptz_sim.onvif_url(1), Credentials(USER, PASSWORD))
    client.connect()
    device = PtzDevice(client, "sub")
    device.goto_home()
    grabber = FrameGrabber(ptz_sim.url(1, "sub"), Credentials(USER, PASSWORD))
    yield device, grabber
    device.stop()
    grabber.close()
    client.close()


def _wait_until_moved(grabber: FrameGrabber, before) -> None:
    wait_for(lambda: difference(grabber.frame_after(), before) > MOVED, "the picture to move", 20)


def test_continuous_move_shifts_the_picture_and_stop_freezes_it(ptz):
    device, grabber = ptz
    before = grabber.frame_after()
    device.move(0.5, 0.3, 0.0, timeout_s=5)
    _wait_until_moved(grabber, before)
    device.stop()
    frozen = grabber.frame_after()
    assert difference(grabber.frame_after(later_by_s=0.3), frozen) < SAME    # 0.3 s later in the stream


def test_a_preset_returns_the_picture_to_the_same_place(ptz):
    device, grabber = ptz
    device.move(-0.6, 0.0, 0.4, timeout_s=0.4)
    wait_until_still(device)     # stopped by the move's own timeout
    token = device.set_preset("Gate")
    at_preset = grabber.frame_after()
    assert any(p.token == token and p.name == "Gate" for p in device.presets())
    device.goto_home()
    assert difference(grabber.frame_after(), at_preset) > MOVED
    device.goto_preset(token)
    assert difference(grabber.frame_after(), at_preset) < SAME
    device.set_preset("Main gate", token)
    assert [p.name for p in device.presets() if p.token == token] == ["Main gate"]
    device.remove_preset(token)
    assert token not in {p.token for p in device.presets()}


def test_home_returns_to_the_home_picture(ptz):
    device, grabber = ptz
    home = grabber.frame_after()
    device.move(0.0, -0.8, 0.0, timeout_s=0.3)
    _wait_until_moved(grabber, home)
    device.goto_home()
    assert difference(grabber.frame_after(), home) < SAME


def test_the_queue_stops_a_move_by_itself_after_the_safety_timeout(ptz):
    device, grabber = ptz
    results = []
    controller = PtzController(lambda _cid: device, lambda *r: results.append(r[1]), safety_timeout_s=0.5)
    try:
        controller.move(1, 0.8, 0.0, 0.0)
        wait_for(lambda: any(c.kind == "stop" for c in results), "a stop", 20)
        assert PtzCommand("stop", reason="safety") in results
        frozen = grabber.frame_after()
        assert difference(grabber.frame_after(later_by_s=0.3), frozen) < SAME
    finally:
        controller.close()


def test_a_tour_visits_its_presets(ptz):
    from videowall.onvif.ptz_tour import PtzTourRunner
    from tests.fixtures.clock import FakeClock

    device, _grabber = ptz
    tokens = []
    for pan in (-0.5, 0.5):
        device.move(pan * 2, 0.0, 0.0, timeout_s=0.5)
        wait_until_still(device)
        tokens.append(device.set_preset(f"Tour {pan}"))
    positions = {p.token: p.position for p in device.presets()}
    done = []
    controller = PtzController(lambda _cid: device, lambda *r: done.append(r[1]))
    clock = FakeClock()
    runner = PtzTourRunner(tokens, 5.0, True, lambda token: controller.submit(1, "goto", token), clock)
    try:
        visited = []
        runner.start()
        for _ in range(3):
            wait_for(lambda: sum(c.kind == "goto" for c in done) > len(visited), "the next preset", 20)
            visited.append(device.status())
            clock.advance(5.0)
            runner.poll()
        assert visited == [positions[tokens[0]], positions[tokens[1]], positions[tokens[0]]]
    finally:
        controller.close()
        for token in tokens:
            device.remove_preset(token)
