"""A PTZ camera moved from another station: its tile names the holder, a move here is refused by the core (the
tile says why, the camera does not move), and the name goes when the other station stops."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.fixtures.onvif import PASSWORD, USER
from ui.ptz.wall_ptz import WallPtz
from videowall.access.roles import Role
from videowall.config.paths import database_path
from videowall.model.camera import Credentials
from videowall.onvif.ptz_lease import Holder, PtzLeases
from videowall.onvif.saved import add_camera, ptz_device
from videowall.onvif.store import OnvifStore
from videowall.storage.db import open_database

PTZ_MS = 15_000
KOWALSKA = Holder("jkowalska", "J. Kowalska", Role.OPERATOR, "station 2")
# The other station's lease outlasts any slow run of this test (its own clock: the real one).
OTHER_LEASE_S = 3600.0


def test_the_tile_names_the_other_station_and_the_core_refuses_the_move(qtbot, station, open_wall, ptz_sim):
    camera, _ = add_camera(station.cameras, station.secrets, "PTZ 1", ptz_sim.onvif_url(1), Credentials(USER, PASSWORD))
    db = open_database(database_path(station.data_dir))
    device = ptz_device(camera.id, OnvifStore(db), station.secrets)
    other_station = PtzLeases(db, lease_s=OTHER_LEASE_S)
    other_station.take(camera.id, KOWALSKA, camera.name)
    start_pan = device.status().pan
    wall = open_wall([camera.id], size=(960, 540), rows=1, cols=1)
    ptz = WallPtz(wall, station)
    tile = wall.tiles[0]
    try:
        qtbot.waitUntil(lambda: tile in ptz.leases.labels and ptz.leases.labels[tile].isVisible(), timeout=PTZ_MS)
        label = ptz.leases.labels[tile]
        assert label.text() == "PTZ: J. Kowalska, station 2"
        assert label.geometry().top() >= tile.overlay_band_height
        tile.setFocus()
        qtbot.keyPress(tile, Qt.Key.Key_Right)
        errors = ptz._labels
        qtbot.waitUntil(lambda: tile in errors and errors[tile].isVisible(), timeout=PTZ_MS)
        assert errors[tile].text().startswith("PTZ: J. Kowalska, station 2 — ")
        qtbot.keyRelease(tile, Qt.Key.Key_Right)
        qtbot.waitUntil(lambda: ptz.bridge.controller.queue(camera.id).pending() == [], timeout=PTZ_MS)
        assert device.status().pan == start_pan                  # nothing was sent to the camera
        assert other_station.current(camera.id).holder == KOWALSKA   # nor was the other station's lease touched

        other_station.release(camera.id, KOWALSKA)
        ptz.leases.refresh()
        qtbot.waitUntil(lambda: not label.isVisible(), timeout=PTZ_MS)
    finally:
        ptz.close()
        db.close()
