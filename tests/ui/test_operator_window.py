"""The operator's window puts the wall first: dark theme, panels collapsed to a bar, full screen, real grid,
overlay texts that never overlap at any tile size (8×8 on 1920×1080)."""

from __future__ import annotations

from itertools import combinations
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from ui.app import create_application
from ui.main_window import MainWindow
from ui.playback.playback_tile import PlaybackTileWidget
from ui.theme import DARK, LIGHT, current_theme
from videowall.model.layout import uniform
from videowall.recording.playback import CameraPicture, PlaybackState
from videowall.station import Station

LONG_NAMES = ("Rondo Grunwaldzkie — wjazd od ul. Konopnickiej", "Plac Centralny / al. Róż (Nowa Huta)",
              "CAM 07", "Bulwar Wołyński przy moście Dębnickim, kierunek Wawel")
# Port 9 (discard) on loopback refuses connections: tiles show a problem state with its text in the middle.
REFUSED_URL = "rtsp://127.0.0.1:9/cam{}"


def open_main(qtbot, station, ids, layout=None, size=(1920, 1080)):
    create_application(offscreen=True, language="en")
    window = MainWindow(station, ids, layout=layout, extra_screens=False)
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    return window


def add_refused_cameras(station, count):
    return [station.cameras.add(name=f"{i:02d} {LONG_NAMES[i % len(LONG_NAMES)]}",
                                main_url=REFUSED_URL.format(i)).id for i in range(1, count + 1)]


def area(widget) -> int:
    return widget.width() * widget.height()


def test_dark_by_default_and_light_is_remembered(qtbot, tmp_path):
    station = Station.open(tmp_path / "data", secrets_kind="memory")
    try:
        window = open_main(qtbot, station, [])
        assert current_theme(QApplication.instance()) == DARK
        assert QApplication.instance().palette().color(QPalette.ColorRole.Window).lightness() < 80
        window.set_theme(LIGHT)
        assert QApplication.instance().palette().color(QPalette.ColorRole.Window).lightness() > 180
        window.close()
        window = open_main(qtbot, station, [])
        assert current_theme(QApplication.instance()) == LIGHT
        window.set_theme(DARK)
        window.close()
    finally:
        station.close()


def test_panels_start_collapsed_and_one_key_brings_them_back(qtbot, station):
    ids = add_refused_cameras(station, 9)
    window = open_main(qtbot, station, ids)
    try:
        assert window.open_panels() == set()
        assert area(window.wall) >= 0.7 * area(window)
        assert window.panel_bar.width() <= 30
        assert window.wall.handle_key(Qt.Key.Key_P)
        assert window.open_panels() == {"cameras"}
        qtbot.waitUntil(lambda: window.cameras_panel.isVisible())
        window.panel_bar.tabs["bookmarks"].click()
        assert window.open_panels() == {"cameras", "bookmarks"}
        window.wall.handle_key(Qt.Key.Key_P)
        assert window.open_panels() == set()
        qtbot.waitUntil(lambda: area(window.wall) >= 0.7 * area(window))
        window.wall.handle_key(Qt.Key.Key_P)
        assert window.open_panels() == {"cameras", "bookmarks"}
    finally:
        window.close()


def test_full_screen_wall_has_no_chrome_and_esc_restores_it(qtbot, station):
    ids = add_refused_cameras(station, 4)
    window = open_main(qtbot, station, ids)
    try:
        window.wall.handle_key(Qt.Key.Key_P)
        assert window.wall.handle_key(Qt.Key.Key_F)
        assert window.wall_fullscreen
        assert window.open_panels() == set()
        for chrome in (window.menuBar(), window.statusBar(), window.panel_bar):
            assert not chrome.isVisible()
        qtbot.waitUntil(lambda: window.centre.geometry() == window.rect()
                        and window.wall.geometry() == window.centre.rect())
        window.wall.handle_key(Qt.Key.Key_Escape)
        assert not window.wall_fullscreen
        assert window.open_panels() == {"cameras"}
        assert window.menuBar().isVisible() and window.panel_bar.isVisible()
    finally:
        window.close()


def test_layout_editor_shows_the_walls_real_grid(qtbot, station):
    ids = add_refused_cameras(station, 9)
    window = open_main(qtbot, station, ids)
    try:
        assert window.wall.layout_ == uniform(3)
        assert window.layout_editor.preset.currentText() == "3x3"
        assert window.layout_editor.layout_ == uniform(3)
        window.apply_layout(uniform(2, 4))
        assert window.layout_editor.preset.currentText() == "2x4"
    finally:
        window.close()


def assert_texts_apart(texts, width, height):
    for text in texts:
        assert text.text, text
        assert 0 <= text.x and text.x + text.width <= width, (text, width)
        assert 0 <= text.y and text.y + text.height <= height, (text, height)
    for a, b in combinations(texts, 2):
        assert not a.overlaps(b), (a, b)


@pytest.mark.parametrize("grid", [8, 4, 1])
def test_tile_overlay_texts_never_overlap(qtbot, station, grid):
    ids = add_refused_cameras(station, grid * grid)
    window = open_main(qtbot, station, ids, layout=uniform(grid))
    try:
        window.set_wall_fullscreen(True)
        window.resize(1920, 1080)
        wall = window.wall
        # Every tile has painted its name, its state and (no picture) the state in the middle.
        qtbot.waitUntil(lambda: wall.grab() is not None and all(
            {"name", "state", "centre"} <= {t.role for t in tile.overlay_texts} for tile in wall.tiles),
            timeout=20_000)
        for tile in wall.tiles:
            assert_texts_apart(tile.overlay_texts, tile.width(), tile.height())
        if grid == 8:
            assert wall.tiles[0].width() < 250
            assert any(t.text.endswith("…") for tile in wall.tiles for t in tile.overlay_texts)
    finally:
        window.close()


@pytest.mark.parametrize("size", [(160, 90), (238, 133), (480, 270), (1920, 1080)])
def test_no_recording_badge_never_covers_the_camera_name(qtbot, size):
    create_application(offscreen=True, language="en")
    tile = PlaybackTileWidget(1, "Rondo Grunwaldzkie — wjazd od ul. Konopnickiej", ZoneInfo("Europe/Warsaw"))
    qtbot.addWidget(tile)
    tile.resize(*size)
    tile.show()
    tile.show_picture(CameraPicture(1, None, "camera offline"),
                      PlaybackState(1_764_000_000_000_000, 1.0, True, False, 1))
    tile.grab()
    roles = {t.role for t in tile.overlay_texts}
    assert "badge" in roles
    if size[0] >= 238:
        assert "name" in roles
    assert_texts_apart(tile.overlay_texts, *size)
