"""PTZ controls on the PTZ tile itself (real simulator over ONVIF): the cross moves while held, the presets
menu recalls a preset, the panel only comes on request; fixed cameras' tiles get no controls."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.fixtures.onvif import PASSWORD, USER
from ui.ptz.wall_ptz import WallPtz
from videowall.config.paths import database_path
from videowall.model.camera import Credentials
from videowall.onvif.saved import add_camera, ptz_device
from videowall.onvif.store import OnvifStore
from videowall.storage.db import open_database

PTZ_MS = 15_000


def test_on_tile_controls_move_recall_presets_and_open_the_panel(qtbot, station, open_wall, ptz_sim):
    ptz_camera, _ = add_camera(station.cameras, station.secrets, "PTZ 1", ptz_sim.onvif_url(1),
                               Credentials(USER, PASSWORD))
    fixed_camera, _ = add_camera(station.cameras, station.secrets, "Fixed 2", ptz_sim.onvif_url(2),
                                 Credentials(USER, PASSWORD))
    device = ptz_device(ptz_camera.id, OnvifStore(open_database(database_path(station.data_dir))), station.secrets)
    device.goto_home()
    qtbot.waitUntil(lambda: abs(device.status().pan) < 0.01, timeout=PTZ_MS)
    token = device.set_preset("Brama")
    wall = open_wall([fixed_camera.id, ptz_camera.id], size=(960, 540), rows=1, cols=2)
    ptz = WallPtz(wall, station)
    try:
        assert not ptz.overlays                      # the selected tile shows a fixed camera
        wall.select(1)
        overlay = ptz.overlays[wall.tiles[1]]
        qtbot.waitUntil(overlay.isVisible)
        assert wall.tiles[0] not in ptz.overlays
        tile = wall.tiles[1]
        bands = tile.overlay_band_height
        assert overlay.geometry().bottom() < tile.height() - bands
        assert overlay.geometry().top() > bands
        wall.tiles[1].setFocus()
        assert not ptz.panel.isVisible()            # focus alone does not open the panel
        overlay.moves["right"].pressed.emit()
        qtbot.waitUntil(lambda: device.status().pan > 0.05, timeout=PTZ_MS)
        overlay.moves["right"].released.emit()
        qtbot.waitUntil(lambda: ptz.bridge.controller.queue(ptz_camera.id).pending() == [], timeout=PTZ_MS)
        overlay.presets_menu.aboutToShow.emit()
        qtbot.waitUntil(lambda: "Brama" in [a.text() for a in overlay.presets_menu.actions()], timeout=PTZ_MS)
        next(a for a in overlay.presets_menu.actions() if a.text() == "Brama").trigger()
        qtbot.waitUntil(lambda: abs(device.status().pan) < 0.01, timeout=PTZ_MS)
        overlay.panel_button.click()
        assert ptz.panel.isVisible() and ptz.panel.camera_id == ptz_camera.id
        ptz.panel.add_tour("Brama", [token], 30.0)
        ptz.panel.tour.start_selected()
        ptz.panel.set_camera(None)                  # the panel moves on: the patrol stays, and shows on the tile
        label = ptz.patrol_labels[tile]
        qtbot.waitUntil(label.isVisible)
        assert label.text() == "patrol Brama" and label.geometry().top() > bands
        ptz.panel.tour.stop_tour(ptz_camera.id)
        assert not label.isVisible()
        wall.select(0)
        assert not overlay.isVisible()
    finally:
        ptz.close()
        device.remove_preset(token)
        device.goto_home()


def test_ptz_works_on_a_second_screens_wall_with_the_same_panel(qtbot, station, open_wall, ptz_sim):
    ptz_camera, _ = add_camera(station.cameras, station.secrets, "PTZ 1", ptz_sim.onvif_url(1),
                               Credentials(USER, PASSWORD))
    device = ptz_device(ptz_camera.id, OnvifStore(open_database(database_path(station.data_dir))), station.secrets)
    device.goto_home()
    qtbot.waitUntil(lambda: abs(device.status().pan) < 0.01, timeout=PTZ_MS)
    first = open_wall([None], size=(640, 360), rows=1, cols=1)
    second = open_wall([ptz_camera.id], size=(640, 360), rows=1, cols=1)
    ptz = WallPtz(first, station)
    try:
        ptz.attach_wall(second)
        tile = second.tiles[0]
        second.select(0)
        ptz.update_overlays()
        qtbot.waitUntil(lambda: tile in ptz.overlays and ptz.overlays[tile].isVisible())
        qtbot.keyPress(tile, Qt.Key.Key_Right)
        qtbot.waitUntil(lambda: device.status().pan > 0.02, timeout=PTZ_MS)
        qtbot.keyRelease(tile, Qt.Key.Key_Right)
        qtbot.waitUntil(lambda: ptz.bridge.controller.queue(ptz_camera.id).pending() == [], timeout=PTZ_MS)
        ptz.overlays[tile].panel_button.click()
        assert ptz.panel.camera_id == ptz_camera.id
    finally:
        ptz.close()
        device.goto_home()
