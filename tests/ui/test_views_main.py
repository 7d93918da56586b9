"""The operator's main window: save a view, restart, recall it by key; layout editor; tree → tile; view tour."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.conftest import add_sim_cameras
from tests.ui.wall_helpers import shown_camera, wait_wall_tick
from ui.app import create_application
from ui.main_window import MainWindow
from ui.wall.tour import Tour
from videowall.model.layout import layout_named, uniform
from tests.fixtures.clock import FakeClock
from videowall.station import Station

LIVE_MS = 20_000


def open_main(qtbot, station, ids, layout=None):
    create_application(offscreen=True, language="en")
    window = MainWindow(station, ids, layout=layout, extra_screens=False)
    qtbot.addWidget(window)
    window.resize(1920, 1080)
    window.show()
    return window


def wait_shows(qtbot, wall, expected, cameras=9):
    qtbot.waitUntil(lambda: all(t.current_frame is not None and shown_camera(t, cameras) == cam
                                for t, cam in zip(wall.tiles, expected) if cam), timeout=LIVE_MS)


def test_saved_view_survives_a_restart_and_comes_back_on_its_key(qtbot, tmp_path, simulator):
    data = tmp_path / "data"
    station = Station.open(data, secrets_kind="memory")
    ids = add_sim_cameras(station, simulator, 9)
    window = open_main(qtbot, station, ids[:4], uniform(2))
    window.wall.set_tile_camera(0, ids[6])
    window.views_panel.name.setText("Rynek nocą")
    window.views_panel.hotkey.setCurrentIndex(3)          # F3 / Alt+3
    window.views_panel.name.returnPressed.emit()
    assert window.views_panel.names() == ["Rynek nocą"]
    window.close()
    station.close()

    station = Station.open(data, secrets_kind="memory")
    try:
        window = open_main(qtbot, station, ids[4:5], uniform(1))
        assert window.wall.cameras() == [ids[4]]
        supervisor = station.supervisor
        # The view on F3 is pre-opened: recalling it connects to nothing new.
        qtbot.waitUntil(lambda: supervisor.stats().warm_ready == 4, timeout=LIVE_MS)
        opened = supervisor.stats().sessions_opened
        assert window.wall.handle_key(Qt.Key.Key_F3)
        assert window.wall.layout_ == uniform(2)
        assert window.wall.cameras() == [ids[6], ids[1], ids[2], ids[3]]
        wait_shows(qtbot, window.wall, [7, 2, 3, 4])
        assert supervisor.stats().sessions_opened == opened
        window.close()
    finally:
        station.close()


def test_layout_editor_merges_and_tree_puts_camera_in_selected_tile(qtbot, station, simulator):
    ids = add_sim_cameras(station, simulator, 9)
    window = open_main(qtbot, station, ids[:9], uniform(3))
    editor = window.layout_editor
    editor.canvas.chosen = {0, 1, 3, 4}
    assert editor.merge()
    assert not editor.split() and editor.problem                # nothing chosen after the merge
    editor.layout_applied.emit(editor.layout_)
    assert window.wall.layout_ == layout_named("1+5")
    assert window.wall.cameras() == ids[:6]
    window.wall.select(5)
    window.cameras_panel.search.setText(str(ids[8]))
    window.cameras_panel.search.returnPressed.emit()
    assert window.wall.cameras()[5] == ids[8]
    wait_shows(qtbot, window.wall, [1, 2, 3, 4, 5, 9])
    window.close()


def test_view_tour_cycles_views_with_the_injected_clock(qtbot, station, simulator):
    ids = add_sim_cameras(station, simulator, 4)
    window = open_main(qtbot, station, ids[:1], uniform(1))
    for name, cams in (("A", ids[:2]), ("B", ids[2:4])):
        window.wall.show_view(layout_named("1x2"), cams)
        window.save_view(name)
    clock = FakeClock()
    window.set_view_tour(window.wall, Tour(["A", "B"], dwell_s=15, clock=clock))
    assert window.wall.cameras() == ids[:2]
    clock.advance(15)
    qtbot.waitUntil(lambda: window.wall.cameras() == ids[2:4], timeout=15_000)
    window.wall.handle_key(Qt.Key.Key_Right)                    # operator at work: the tour holds
    clock.advance(15)
    wait_wall_tick(qtbot, window.wall)
    assert window.wall.cameras() == ids[2:4]
    wait_shows(qtbot, window.wall, [3, 4], cameras=4)
    window.close()
