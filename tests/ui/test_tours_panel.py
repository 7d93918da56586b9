"""Tours in the operator's window: a tile tour made in the tours panel is saved, runs on the selected tile
with the injected clock, and stops; a view tour goes through saved views."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.conftest import add_sim_cameras
from tests.ui.wall_helpers import wait_wall_tick
from ui.app import create_application
from ui.main_window import MainWindow
from ui.tours.panel import DATA_ROLE
from ui.tours.store import CAMERAS, VIEWS, TourStore
from videowall.model.layout import uniform
from tests.fixtures.clock import FakeClock

LIVE_MS = 20_000


def open_main(qtbot, station, ids, clock):
    create_application(offscreen=True, language="en")
    window = MainWindow(station, ids, layout=uniform(2), extra_screens=False, clock=clock)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    return window


def tick(panel, wanted):
    for i in range(panel.items.count()):
        item = panel.items.item(i)
        item.setCheckState(Qt.CheckState.Checked if item.data(DATA_ROLE) in wanted else Qt.CheckState.Unchecked)


def test_a_tile_tour_is_saved_runs_on_the_selected_tile_and_stops(qtbot, station, simulator):
    ids = add_sim_cameras(station, simulator, 4)
    clock = FakeClock()
    window = open_main(qtbot, station, ids[:4], clock)
    try:
        panel = window.tours_panel
        panel.name.setText("Rynek")
        panel.kind.setCurrentIndex(panel.kind.findData(CAMERAS))
        tick(panel, {ids[2], ids[3]})
        panel.dwell.setValue(5)
        assert panel.save() is not None
        assert [(t.name, t.items) for t in TourStore(station.data_dir).list()] == [("Rynek", (ids[2], ids[3]))]
        window.wall.select(1)
        panel.start_button.click()
        assert window.wall.cameras()[1] == ids[2]
        clock.advance(5)
        qtbot.waitUntil(lambda: window.wall.cameras()[1] == ids[3], timeout=LIVE_MS)
        assert window.wall.cameras()[0] == ids[0]           # the other tiles are not toured
        panel.stop_button.click()
        clock.advance(5)
        wait_wall_tick(qtbot, window.wall)
        assert window.wall.cameras()[1] == ids[3] and 1 not in window.wall.tile_tours
    finally:
        window.close()


def test_a_view_tour_goes_through_saved_views(qtbot, station, simulator):
    ids = add_sim_cameras(station, simulator, 4)
    clock = FakeClock()
    window = open_main(qtbot, station, ids[:4], clock)
    try:
        window.wall.show_view(uniform(1, 2), ids[:2])
        window.save_view("A")
        window.wall.show_view(uniform(1, 2), ids[2:4])
        window.save_view("B")
        window.views_panel.views_changed.emit()
        panel = window.tours_panel
        panel.name.setText("Dzielnice")
        panel.kind.setCurrentIndex(panel.kind.findData(VIEWS))
        tick(panel, {"A", "B"})
        panel.start_button.click()
        assert window.wall.cameras() == ids[:2]
        clock.advance(panel.dwell.value())
        qtbot.waitUntil(lambda: window.wall.cameras() == ids[2:4], timeout=LIVE_MS)
        panel.stop_button.click()
        assert window.wall.view_tour is None
    finally:
        window.close()
