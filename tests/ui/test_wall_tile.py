"""A tile's own tools: digital zoom (sharp: decoded larger, main stream), snapshot to PNG, info overlay."""

from __future__ import annotations

from datetime import datetime, timezone

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from tests.ui.conftest import add_sim_cameras
from tests.ui.wall_helpers import picture_area
from ui.wall.snapshot import snapshot_name
from videowall.media.types import SessionState
from videowall.model.camera import Profile

LIVE_MS = 20_000


def wait_live(qtbot, tile):
    qtbot.waitUntil(lambda: tile.label.state is SessionState.LIVE and tile.painted_frames > 2, timeout=LIVE_MS)


def test_zoom_decodes_the_crop_at_full_detail(qtbot, station, simulator, open_wall):
    ids = add_sim_cameras(station, simulator, 1)
    wall = open_wall(ids, size=(640, 360))
    tile = wall.tiles[0]
    wait_live(qtbot, tile)
    assert tile.view.profile is Profile.SUB and tile.current_frame.image.shape[1] == 640
    tile.zoom_by(4)                                       # 1.25⁴ ≈ 2.4×
    assert tile.view.crop is not None and tile.view.profile is Profile.MAIN
    qtbot.waitUntil(lambda: tile.current_frame.image.shape[1] >= 1280, timeout=LIVE_MS)
    x, y, w, h = tile._source_rect().getRect()
    assert w >= 500, "the crop must hold about as many decoded pixels as the tile shows"
    assert picture_area(tile).shape[:2] == (360, 640)
    assert wall.handle_key(Qt.Key.Key_Escape)             # Esc resets the zoom
    assert tile.view.crop is None
    qtbot.waitUntil(lambda: tile.view.profile is Profile.SUB and tile.current_frame.image.shape[1] == 640,
                    timeout=LIVE_MS)


def test_ctrl_s_writes_png_with_camera_and_utc_time(qtbot, station, simulator, open_wall, tmp_path):
    ids = add_sim_cameras(station, simulator, 2)
    wall = open_wall(ids, size=(1280, 360))
    wall.snapshot_dir = tmp_path / "snaps"
    wait_live(qtbot, wall.tiles[1])
    wall.select(1)
    assert wall.handle_key(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    path = wall.last_snapshot
    assert path is not None and path.parent == tmp_path / "snaps"
    assert path.name.startswith("CAM_02_") and path.name.endswith("Z.png")
    image = QImage(str(path))
    assert image.width() == wall.tiles[1].current_frame.image.shape[1]
    assert image.text("Camera") == "CAM 02" and image.text("CameraId") == str(ids[1])
    taken = datetime.fromisoformat(image.text("CaptureTimeUTC").replace("Z", "+00:00"))
    assert abs((datetime.now(timezone.utc) - taken).total_seconds()) < 60


def test_snapshot_name_is_safe_and_sortable():
    when = datetime(2026, 3, 1, 7, 5, 9, 123456, tzinfo=timezone.utc)
    assert snapshot_name("Rynek / Sukiennice", when) == "Rynek_Sukiennice_20260301T070509.123Z.png"


def test_info_overlay_shows_stream_details(qtbot, station, simulator, open_wall):
    ids = add_sim_cameras(station, simulator, 1)
    wall = open_wall(ids, size=(640, 360))
    tile = wall.tiles[0]
    wait_live(qtbot, tile)
    wall.handle_key(Qt.Key.Key_I, text="i")
    qtbot.waitUntil(lambda: "kb/s" in tile._overlay.detail and "sub 640×360" in tile._overlay.detail, timeout=15_000)
    assert tile._overlay.detail.endswith("ms")
