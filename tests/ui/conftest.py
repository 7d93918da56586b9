from __future__ import annotations

from zoneinfo import ZoneInfo

import pytest

from ui.app import create_application
from ui.wall.wall_window import WallWindow
from videowall.station import Station

WARSAW = ZoneInfo("Europe/Warsaw")


@pytest.fixture
def station(tmp_path):
    st = Station.open(tmp_path / "data", secrets_kind="memory")
    yield st
    st.close()


@pytest.fixture
def open_wall(qtbot, station):
    """Opens a wall of the given camera ids at 1920×1080 (offscreen) and closes it after the test."""
    create_application(offscreen=True, language="en")
    walls = []

    def _open(camera_ids, size=(1920, 1080), rows=None, cols=None, supervisor=None):
        wall = WallWindow(supervisor or station.supervisor, camera_ids, WARSAW, rows=rows, cols=cols)
        qtbot.addWidget(wall)
        wall.resize(*size)
        wall.show()
        walls.append(wall)
        return wall

    yield _open
    for wall in walls:
        wall.close()


def add_sim_cameras(station, sim, count, **kwargs):
    return [station.cameras.add(name=f"CAM {i:02d}", main_url=sim.url(i, "main"), sub_url=sim.url(i, "sub"),
                                **kwargs).id for i in range(1, count + 1)]
