"""Renders the operator's main screens on a real (virtual) screen to PNGs: ``scripts/screenshots.sh``.

Run under an X server (Xvfb 1920×1080): the simulator's street cameras, a throw-away station with recorded
footage and bookmarks, then per language the live 3×3 wall, the 8×8 wall, the bookmarks panel, playback with
its timeline, one tile replaying beside live ones and the export dialog, each grabbed from the screen as a person would see it. Writes
``report.json`` beside the PNGs with the layout invariants measured on each screen (wall share of the window,
overlay texts that overlap: must be none).
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from itertools import combinations
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from ui.app import create_application, install_translator
from ui.demo import footage_cameras, register_demo_cameras
from ui.demo_content import add_demo_bookmarks
from videowall.config.paths import database_path
from videowall.model.layout import uniform
from videowall.recording.demo_footage import prerecord
from videowall.recording.index import RecordingStore
from videowall.recording.service import recordings_root
from videowall.recording.timebase import to_us
from videowall.sim.simulator import SimulatorProcess
from videowall.station import Station

SCREEN = (1920, 1080)
CAMERAS = 9
FOOTAGE = timedelta(minutes=20)
WAIT_S = 90


def wait_until(condition: Callable[[], bool], timeout_s: float = WAIT_S) -> bool:
    """Run the event loop until ``condition()`` holds (a script, not a test: polling it is fine). A real loop,
    not processEvents(): deferred deletions (tiles of a previous layout) must happen as in the app."""
    deadline = time.monotonic() + timeout_s
    loop = QEventLoop()
    while time.monotonic() < deadline:
        if condition():
            return True
        QTimer.singleShot(50, loop.quit)
        loop.exec()
    return False


def settle(seconds: float = 1.0) -> None:
    wait_until(lambda: False, seconds)


def overlapping_texts(tiles) -> int:
    return sum(1 for tile in tiles for a, b in combinations(tile.overlay_texts, 2) if a.overlaps(b))


class Shooter:
    def __init__(self, out: Path) -> None:
        self.out = out
        self.report: dict[str, dict] = {}

    def shot(self, name: str, window, tiles) -> None:
        settle(1.5)
        path = self.out / f"{name}.png"
        QGuiApplication.primaryScreen().grabWindow(0).save(str(path))
        wall = window.centre
        self.report[name] = {"wall_share": round(wall.width() * wall.height() / (window.width() * window.height()), 3),
                             "overlapping_texts": overlapping_texts(tiles), "tiles": len(tiles)}
        print(f"screenshots: {path}", flush=True)


def live(tiles) -> bool:
    return all(t.current_frame is not None and t.painted_frame is not None for t in tiles if t.view is not None)


def shoot_language(language: str, station: Station, ids: list[int], end: datetime, shooter: Shooter) -> None:
    from ui.export import open_export_dialog
    from ui.main_window import MainWindow
    from ui.runner import attach_ptz, attach_recording

    install_translator(QApplication.instance(), language)
    window = MainWindow(station, ids, layout=uniform(3), extra_screens=False)
    ptz = attach_ptz(window.wall, station, window)
    recording = attach_recording(station, window)
    window.setGeometry(0, 0, *SCREEN)
    window.show()
    try:
        wait_until(lambda: live(window.wall.tiles))
        shooter.shot(f"wall-3x3-live-{language}", window, window.wall.tiles)
        window.apply_layout(uniform(8))
        window.wall.show_view(uniform(8), [ids[i % len(ids)] for i in range(64)])
        wait_until(lambda: live(window.wall.tiles))
        shooter.shot(f"wall-8x8-{language}", window, window.wall.tiles)
        window.apply_layout(uniform(3))
        window.wall.show_view(uniform(3), ids)
        window.show_panels({"cameras", "bookmarks"})
        wait_until(lambda: window.bookmarks_panel.table.model().rowCount() > 0 and live(window.wall.tiles))
        shooter.shot(f"bookmarks-{language}", window, window.wall.tiles)
        window.show_panels(set())
        recording.open_playback(window.wall.cameras(), to_us(end - timedelta(minutes=8)), layout=window.wall.layout_)
        wait_until(lambda: window.playback is not None and all(t.frame is not None for t in window.playback.tiles))
        playback_tiles = window.playback.tiles if window.playback is not None else []
        shooter.shot(f"playback-{language}", window, playback_tiles)
        window.show_live()
        window.wall.select(4)
        window.play_tile(back=datetime.now(timezone.utc) - end + timedelta(minutes=5))
        key = (id(window.wall), 4)
        wait_until(lambda: key in window.tile_playbacks and window.tile_playbacks[key].tiles[0].frame is not None)
        shooter.shot(f"wall-one-tile-replay-{language}", window, window.wall.tiles)
        window.end_tile_playback(window.wall, 4)
        dialog = open_export_dialog(window, station, camera_ids=(ids[1],), start_utc=end - timedelta(minutes=12),
                                    end_utc=end - timedelta(minutes=2))
        dialog.adjustSize()
        dialog.move((SCREEN[0] - dialog.width()) // 2, (SCREEN[1] - dialog.height()) // 2)
        shooter.shot(f"export-dialog-{language}", window, window.wall.tiles)
        dialog.close()
    finally:
        ptz.close()
        recording.close()
        window.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="render the main screens to PNGs (needs an X server)")
    parser.add_argument("--out", type=Path, default=Path("build/screenshots"))
    parser.add_argument("--languages", default="en,pl")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    create_application(language="en")
    root = Path(tempfile.mkdtemp(prefix="videowall-shots-"))
    station = Station.open(root, secrets_kind="memory")
    sim = SimulatorProcess(cameras=CAMERAS, ptz_cameras=(1,), look="scene", timezone=station.settings.timezone,
                           max_seconds=900)
    try:
        sim.start()
        ids = register_demo_cameras(station, sim, CAMERAS)
        end = datetime.now(timezone.utc).replace(microsecond=0)
        add_demo_bookmarks(station, ids, end)
        store = RecordingStore.open(database_path(root), recordings_root(root, station.settings))
        try:
            prerecord(store, footage_cameras(station, ids), end, FOOTAGE)
        finally:
            store.close()
        shooter = Shooter(args.out)
        for language in args.languages.split(","):
            shoot_language(language.strip(), station, ids, end, shooter)
        (args.out / "report.json").write_text(json.dumps(shooter.report, indent=2), encoding="utf-8")
    finally:
        station.close()
        sim.stop()
        shutil.rmtree(root, ignore_errors=True)
    bad = [name for name, facts in shooter.report.items() if facts["overlapping_texts"]]
    if bad:
        print(f"screenshots: overlay texts overlap on {', '.join(bad)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
