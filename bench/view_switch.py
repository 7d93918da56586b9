"""Benchmark: switching a 16-tile wall between two views of different cameras — time until all 16 tiles are live.

    .venv/bin/python bench/view_switch.py --switches 10

Two views of 16 simulated cameras each (sub streams, 4×4 at 1920×1080). Each switch is timed from
``show_view`` to the moment every tile has painted a frame of its new camera; tiles keep painting their
old picture in between, and the report counts any tile seen without a picture (black) during a switch.
Also checks that only the new view's sessions stay open.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from zoneinfo import ZoneInfo  # noqa: E402

from bench.measure import percentile  # noqa: E402
from ui.app import create_application  # noqa: E402
from ui.wall.wall_window import WallWindow  # noqa: E402
from videowall.model.layout import uniform  # noqa: E402
from videowall.sim.simulator import SimulatorProcess  # noqa: E402
from videowall.station import Station  # noqa: E402

TILES = 16


def spin(seconds: float) -> None:
    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()


def switch_and_time(wall: WallWindow, cameras: list[int], timeout_s: float) -> tuple[float | None, int]:
    old = [(t.current_frame, t.painted_frame) for t in wall.tiles]
    started = time.monotonic()
    wall.show_view(uniform(4), cameras)
    black = 0
    while time.monotonic() - started < timeout_s:
        black += sum(1 for t in wall.tiles if t.current_frame is None)
        # Only the new camera's frames reach a tile after show_view: any other painted frame is new.
        if all(t.painted_frame is not None and all(t.painted_frame is not f for f in o) for t, o in zip(wall.tiles, old)):
            return time.monotonic() - started, black
        spin(0.005)
    stuck = [f"{t.view.camera.name}: {t.state_text()}" for t, o in zip(wall.tiles, old) if t.current_frame is o[0]]
    print(f"switch timed out; tiles without a new frame: {stuck}", file=sys.stderr)
    return None, black


def run(args: argparse.Namespace) -> dict:
    create_application(offscreen=True, language="en")
    sim = SimulatorProcess(cameras=2 * TILES, max_seconds=args.switches * args.dwell * 3 + 180)
    sim.start()
    station = Station.open(Path(tempfile.mkdtemp(prefix="bench-switch-")), secrets_kind="memory")
    times, blacks, sessions = [], 0, []
    try:
        ids = [station.cameras.add(name=f"CAM {i:02d}", main_url=sim.url(i, "main"), sub_url=sim.url(i, "sub")).id
               for i in range(1, 2 * TILES + 1)]
        views = [ids[:TILES], ids[TILES:]]
        wall = WallWindow(station.supervisor, views[0], ZoneInfo("Europe/Warsaw"), layout=uniform(4))
        wall.resize(1920, 1080)
        wall.show()
        switch_and_time(wall, views[0], 30)       # warm-up: first open of view A
        for n in range(args.switches):
            spin(args.dwell)
            took, black = switch_and_time(wall, views[(n + 1) % 2], 30)
            sessions.append(station.supervisor.session_count())
            blacks += black
            if took is not None:
                times.append(took)
        wall.close()
    finally:
        station.close()
        sim.stop()
    return {
        "tiles": TILES, "switches": args.switches, "completed": len(times),
        "all_live_s_p50": round(percentile(times, 50), 3) if times else None,
        "all_live_s_p95": round(percentile(times, 95), 3) if times else None,
        "all_live_s_max": round(max(times), 3) if times else None,
        "black_tile_samples": blacks,
        "sessions_after_switch_max": max(sessions) if sessions else None,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--switches", type=int, default=10)
    parser.add_argument("--dwell", type=float, default=3.0, help="seconds each view stays up before the next switch")
    result = run(parser.parse_args())
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
