"""The simulator's scene look through the real GStreamer server: a tile shows a moving street, not a flat field."""

from __future__ import annotations

import numpy as np

from tests.ui.wall_helpers import picture_area

LIVE_MS = 30_000


def test_scene_look_streams_a_moving_street(qtbot, station, open_wall, sim_factory):
    sim = sim_factory(cameras=1, look="scene", main_size=(640, 360))
    camera = station.cameras.add(name="Ulica", main_url=sim.url(1, "main"), sub_url=sim.url(1, "sub"))
    wall = open_wall([camera.id], size=(640, 360))
    tile = wall.tiles[0]
    qtbot.waitUntil(lambda: tile.current_frame is not None, timeout=LIVE_MS)
    first = picture_area(tile)[:, :, :3].astype(int)
    assert first.std() > 20
    qtbot.waitUntil(lambda: np.count_nonzero(np.abs(picture_area(tile)[:, :, :3].astype(int) - first) > 40) > 500,
                    timeout=LIVE_MS)
