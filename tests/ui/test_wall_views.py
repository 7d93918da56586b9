"""The wall switching what it shows: views, maximise (sub → main), camera numbers, drops, tours, cap."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPointF, Qt
from PySide6.QtGui import QDropEvent

from tests.ui.conftest import add_sim_cameras
from tests.ui.wall_helpers import shown_camera, wait_wall_tick
from ui.wall.dnd import camera_mime, tile_mime
from ui.wall.tour import Tour
from videowall.media.types import SessionState
from videowall.model.camera import Profile
from videowall.model.layout import layout_named, uniform
from tests.fixtures.clock import FakeClock
from videowall.streams.supervisor import StreamSupervisor

LIVE_MS = 20_000


def live(tile, after=None) -> bool:
    frame = tile.current_frame
    return (tile.label.state is SessionState.LIVE and frame is not None and frame is not after
            and tile.painted_frames > 0)


def wait_shows(qtbot, wall, expected: list[int], cameras=9, timeout=LIVE_MS, watch_black=True):
    """Wait until each tile shows its expected simulated camera; on every check no tile may be without a picture."""
    black = []

    def done() -> bool:
        if watch_black:
            black.extend(i for i, t in enumerate(wall.tiles) if t.current_frame is None and expected[i])
        return all(t.current_frame is not None and shown_camera(t, cameras) == cam
                   for t, cam in zip(wall.tiles, expected) if cam)
    qtbot.waitUntil(done, timeout=timeout)
    return black


def test_view_switch_keeps_old_pictures_and_closes_unneeded_sessions(qtbot, station, simulator, open_wall):
    ids = add_sim_cameras(station, simulator, 9)
    wall = open_wall(ids)
    wait_shows(qtbot, wall, list(range(1, 10)), watch_black=False)
    assert station.supervisor.session_count() == 9
    wall.show_view(layout_named("1+5"), [ids[8], ids[7], ids[6], ids[5], ids[4], ids[3]])
    assert len(wall.tiles) == 6
    assert station.supervisor.session_count() <= 6 + 1   # at most the big tile's main stream extra
    assert all(t.current_frame is not None for t in wall.tiles), "a switched tile went black"
    black = wait_shows(qtbot, wall, [9, 8, 7, 6, 5, 4])
    assert not black, f"tiles {sorted(set(black))} showed black during the switch"
    assert wall.tiles[0].view.profile is Profile.MAIN     # the 1280×720 tile takes the main stream
    wall.show_view(uniform(2), [ids[0], None, ids[0], ids[1]])
    qtbot.waitUntil(lambda: station.supervisor.session_count() == 2, timeout=15_000)
    wait_shows(qtbot, wall, [1, None, 1, 2])


def test_maximise_switches_to_main_without_a_black_frame(qtbot, station, simulator, open_wall):
    ids = add_sim_cameras(station, simulator, 9)
    wall = open_wall(ids)
    wait_shows(qtbot, wall, list(range(1, 10)), watch_black=False)
    tile = wall.tiles[4]
    assert tile.view.profile is Profile.SUB and tile.current_frame.source_width == 640
    wall.select(4)
    assert wall.handle_key(Qt.Key.Key_Return)
    assert wall.maximised_index == 4 and tile.view.profile is Profile.MAIN
    pictures = []
    qtbot.waitUntil(lambda: pictures.append(tile.current_frame) or tile.current_frame.source_width == 1280,
                    timeout=LIVE_MS)
    assert all(p is not None for p in pictures)
    assert tile.current_frame.image.shape[1] > 640        # decoded at the maximised size
    assert not any(t.isVisible() for t in wall.tiles if t is not tile)
    assert station.supervisor.live_decoder_count() == 1    # hidden tiles stop decoding
    assert wall.handle_key(Qt.Key.Key_Escape)
    assert wall.maximised_index is None and tile.view.profile is Profile.SUB
    qtbot.waitUntil(lambda: station.supervisor.live_decoder_count() == 9, timeout=15_000)
    assert shown_camera(tile, 9) == 5


def test_arrows_and_camera_number_entry(qtbot, station, simulator, open_wall):
    ids = add_sim_cameras(station, simulator, 9)
    wall = open_wall(ids[:4])
    wall.select(0)
    wall.handle_key(Qt.Key.Key_Right)
    wall.handle_key(Qt.Key.Key_Down)
    assert wall.selected_index == 3
    for digit in str(ids[6]):
        wall.handle_key(getattr(Qt.Key, f"Key_{digit}"), text=digit)
    assert wall.typed_number == str(ids[6])
    wall.handle_key(Qt.Key.Key_Enter)
    assert wall.cameras() == [ids[0], ids[1], ids[2], ids[6]]
    wait_shows(qtbot, wall, [1, 2, 3, 7], watch_black=False)
    wall.handle_key(Qt.Key.Key_9, text="9")
    wall.handle_key(Qt.Key.Key_9, text="9")
    wall.handle_key(Qt.Key.Key_Enter)                     # no camera 99: nothing changes
    assert wall.cameras()[3] == ids[6]
    assert wall.handle_key(Qt.Key.Key_F1)
    assert wall.help_visible
    wall.handle_key(Qt.Key.Key_Escape)
    assert not wall.help_visible


def _drop(tile, mime: QMimeData) -> None:
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.MoveAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    tile.dropEvent(event)


def test_drop_camera_on_tile_and_tile_on_tile_swaps(qtbot, station, simulator, open_wall):
    ids = add_sim_cameras(station, simulator, 9)
    wall = open_wall([ids[0], ids[1], ids[2], None])
    _drop(wall.tiles[3], camera_mime(ids[8]))
    _drop(wall.tiles[2], tile_mime(id(wall), 0))
    assert wall.cameras() == [ids[2], ids[1], ids[0], ids[8]]
    _drop(wall.tiles[1], tile_mime(12345, 0))             # from another wall: ignored
    assert wall.cameras() == [ids[2], ids[1], ids[0], ids[8]]
    wait_shows(qtbot, wall, [3, 2, 1, 9], watch_black=False)


def test_tile_tour_follows_the_injected_clock_and_pauses_for_the_operator(qtbot, station, simulator, open_wall):
    ids = add_sim_cameras(station, simulator, 3)
    wall = open_wall(ids[:1], size=(640, 360))
    clock = FakeClock()
    wall.set_tile_tour(0, Tour(ids, dwell_s=10, resume_after_s=30, clock=clock))
    clock.advance(10)
    qtbot.waitUntil(lambda: wall.cameras() == [ids[1]], timeout=15_000)
    wall.handle_key(Qt.Key.Key_I)                         # the operator works in the tile
    clock.advance(20)
    wait_wall_tick(qtbot, wall)
    assert wall.cameras() == [ids[1]]
    clock.advance(10 + 10)                                # 30 s idle → resumes with a full dwell
    wait_wall_tick(qtbot, wall)
    assert wall.cameras() == [ids[1]]
    clock.advance(10)
    qtbot.waitUntil(lambda: wall.cameras() == [ids[2]], timeout=10_000)
    wait_shows(qtbot, wall, [3], cameras=3, watch_black=False)


def test_decoder_cap_pauses_the_rest_with_a_clear_state(qtbot, station, simulator, open_wall):
    ids = add_sim_cameras(station, simulator, 4)
    supervisor = StreamSupervisor(station.cameras.get, lambda cid: None, max_live_decoders=2)
    try:
        wall = open_wall(ids, size=(1280, 720), supervisor=supervisor)
        qtbot.waitUntil(lambda: sum(t.state_text() == "paused: limit" for t in wall.tiles) == 2, timeout=15_000)
        assert supervisor.live_decoder_count() == 2
        wall.set_tile_camera(0, None)                     # a slot frees up → a paused tile starts
        qtbot.waitUntil(lambda: sum(t.state_text() == "paused: limit" for t in wall.tiles) == 1, timeout=15_000)
        wall.close()
    finally:
        supervisor.close()
