"""The wall against the real simulator: moving video, the right camera in each tile, outages."""

from __future__ import annotations

import numpy as np

from tests.ui.conftest import add_sim_cameras
from tests.ui.wall_helpers import picture_area, shown_camera
from ui.report import wall_report
from videowall.sim.pixelcode import decode_timestamp
from videowall.media.types import SessionState
from videowall.model.camera import Camera, Credentials, Profile
from videowall.streams.supervisor import StreamSupervisor

LIVE_TIMEOUT_MS = 20_000


def wait_all_live(qtbot, wall, timeout=LIVE_TIMEOUT_MS):
    qtbot.waitUntil(lambda: all(t.label.state is SessionState.LIVE and t.painted_frames > 3 for t in wall.tiles),
                    timeout=timeout)


def painted_ms(tile) -> int | None:
    """When the camera painted the frame the tile last put on screen (the frame's own time code), epoch ms."""
    frame = tile.painted_frame
    return decode_timestamp(frame.image) if frame is not None else None


SIM_PASSWORD = "correct-Horse-7"


def camera_behind_password(station, sim_factory, given: str):
    """A simulated camera that requires SIM_PASSWORD, saved with the password ``given`` in the keyring."""
    sim = sim_factory(cameras=1, user="operator", password=SIM_PASSWORD)
    cam = station.cameras.add(name="Gate", main_url=sim.url(1, "main"), sub_url=sim.url(1, "sub"),
                              has_credentials=True)
    station.secrets.set(cam.id, Credentials("operator", given))
    return cam


def test_nine_tiles_show_moving_video_of_their_own_camera(qtbot, station, simulator, open_wall):
    ids = add_sim_cameras(station, simulator, 9)
    wall = open_wall(ids)
    assert (wall.rows, wall.cols) == (3, 3)
    wait_all_live(qtbot, wall)
    first = [picture_area(tile) for tile in wall.tiles]      # grabbing paints the tile's newest frame
    first_ms = [painted_ms(tile) for tile in wall.tiles]
    assert None not in first_ms
    # A second of the cameras' time later, however slowly this machine decodes and paints.
    qtbot.waitUntil(lambda: all((ms := painted_ms(tile)) is not None and ms >= start + 1000
                                for tile, start in zip(wall.tiles, first_ms)), timeout=LIVE_TIMEOUT_MS)
    second = [picture_area(tile) for tile in wall.tiles]
    for index, tile in enumerate(wall.tiles, start=1):
        assert tile.view.profile is Profile.SUB     # a 640×360 tile takes the sub stream
        a, b = first[index - 1], second[index - 1]
        assert a.shape == b.shape
        changed = np.abs(a.astype(int) - b.astype(int)).max(axis=2) > 40
        assert changed.mean() > 0.002, f"tile {index} did not move"
        assert shown_camera(tile, 9) == index
        assert tile.state_text() == "live"


def test_outage_shows_reconnecting_then_recovers_by_itself(qtbot, station, sim_factory, open_wall):
    sim = sim_factory(cameras=2)
    wall = open_wall(add_sim_cameras(station, sim, 2), size=(1280, 360))
    wait_all_live(qtbot, wall)
    sim.stop()
    qtbot.waitUntil(lambda: all(t.label.state is SessionState.RECONNECTING for t in wall.tiles), timeout=LIVE_TIMEOUT_MS)
    assert all(t.state_text().startswith("reconnecting") for t in wall.tiles)
    sim.restart()
    before = [t.painted_frames for t in wall.tiles]
    qtbot.waitUntil(lambda: all(t.label.state is SessionState.LIVE for t in wall.tiles), timeout=45_000)
    qtbot.waitUntil(lambda: all(t.painted_frames > b + 3 for t, b in zip(wall.tiles, before)), timeout=LIVE_TIMEOUT_MS)
    assert all(t.view.stats().reconnects >= 1 for t in wall.tiles)
    for tile in wall_report(wall, 0.0)["tiles"]:     # live again: the old failure is history, not the state
        assert tile["state"] == "live" and tile["last_error"] is None
        assert any("refused the connection" in e or "ended the stream" in e or "stopped sending" in e
                   for e in tile["error_history"]), tile["error_history"]
        assert tile["transport"] == "tcp"


def test_wrong_password_says_authentication_failed_without_retry_storm(qtbot, station, sim_factory, open_wall):
    cam = camera_behind_password(station, sim_factory, given="wrong-Battery-9")
    lookups = []

    def credentials(camera_id):
        lookups.append(camera_id)      # once per connection attempt
        return station.secrets.get(camera_id)

    supervisor = StreamSupervisor(station.cameras.get, credentials)
    try:
        wall = open_wall([cam.id], size=(640, 360), supervisor=supervisor)
        tile = wall.tiles[0]
        qtbot.waitUntil(lambda: tile.label.state is SessionState.AUTH_FAILED, timeout=LIVE_TIMEOUT_MS)
        # The next attempt is scheduled no sooner than the auth floor (10 s), and it is the only attempt so
        # far: the session's own backoff, checked with an injected clock in test_media_session, does the rest.
        assert tile.label.retry_in_s is not None and tile.label.retry_in_s >= 5, "a wrong password must back off"
        assert lookups == [cam.id]
        assert tile.state_text().startswith("authentication failed")
        wall.close()
    finally:
        supervisor.close()


def test_right_password_plays(qtbot, station, sim_factory, open_wall):
    cam = camera_behind_password(station, sim_factory, given=SIM_PASSWORD)
    wall = open_wall([cam.id], size=(640, 360))
    wait_all_live(qtbot, wall)
    assert shown_camera(wall.tiles[0], 1) == 1


def test_unreachable_camera_is_shown_as_unreachable(qtbot, station, open_wall, unused_tcp_port):
    cam = station.cameras.add(name="Dead", main_url=f"rtsp://127.0.0.1:{unused_tcp_port}/cam1/main")
    wall = open_wall([cam.id], size=(640, 360))
    tile = wall.tiles[0]
    qtbot.waitUntil(lambda: tile.label.state is SessionState.UNREACHABLE, timeout=LIVE_TIMEOUT_MS)
    qtbot.waitUntil(lambda: "unreachable" in tile.state_text(), timeout=LIVE_TIMEOUT_MS)


def test_malformed_url_is_shown_and_never_retried(qtbot, station, open_wall):
    bad = Camera(id=999, name="Typo", main_url="rtsp//10.0.0.5:554/stream")  # cannot be saved: built directly
    supervisor = StreamSupervisor({999: bad}.__getitem__, lambda cid: None)
    wall = open_wall([999], size=(640, 360), supervisor=supervisor)
    tile = wall.tiles[0]
    qtbot.waitUntil(lambda: tile.label.state is SessionState.INVALID_URL, timeout=LIVE_TIMEOUT_MS)
    assert tile.state_text() == "invalid URL"
    assert tile.label.retry_in_s is None
    wall.close()
    supervisor.close()
