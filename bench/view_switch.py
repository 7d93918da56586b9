"""Benchmark: switching a 16-tile wall between two views of different cameras — time until all 16 tiles are live.

    .venv/bin/python bench/view_switch.py --switches 10              # cold and warm, same run
    .venv/bin/python bench/view_switch.py --warm on --switches 20

Two views of 16 simulated cameras each (sub streams, 4×4 at 1920×1080), saved on keys F2 and F3 as an
operator would have them. Each switch is timed from ``show_view`` to the moment every tile has painted a
frame of its new camera; tiles keep painting their old picture in between, and the report counts any tile
seen without a picture (black) during a switch.

- cold (``--warm off``): nothing pre-opened: every switch opens 16 RTSP sessions and waits for keyframes;
  the old view's sessions close.
- warm (``--warm on``): ``ViewWarmup`` keeps the views on keys warm: the other view's 16 sessions stay
  connected with idle decoders and their last GOP kept, so a switch opens nothing.

The simulator starts an x264 pipeline per mount only while someone watches it; real cameras encode all the
time. So before measuring, one ffmpeg reader (``-c copy``, no decoding) opens every mount and keeps it
streaming for the whole run: the simulator's pipeline start-up is not counted, in either mode.

Then the CPU of N warm sessions (demux only) against the same N sessions live (decoding at tile size).
Every figure comes with the 1-minute load average: other work on the machine dominates the results.
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

from bench.measure import keep_mounts_streaming, percentile, stop_processes  # noqa: E402
from ui.app import create_application  # noqa: E402
from ui.views.warmup import ViewWarmup  # noqa: E402
from ui.wall.wall_window import WallWindow  # noqa: E402
from videowall.model.layout import uniform  # noqa: E402
from videowall.sim.simulator import SimulatorProcess  # noqa: E402
from videowall.station import Station  # noqa: E402
from videowall.storage.views import View  # noqa: E402

TILES = 16
TILE_SIZE = (478, 268)      # a 4×4 tile of a 1920×1080 wall


def spin(seconds: float) -> None:
    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()


def spin_until(condition, timeout_s: float) -> bool:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if condition():
            return True
        spin(0.05)
    return False


def load() -> float:
    return round(os.getloadavg()[0], 2)


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


def measure_switches(station: Station, views: list[list[int]], args: argparse.Namespace, warm: bool) -> dict:
    sup = station.supervisor
    wall = WallWindow(sup, views[0], ZoneInfo("Europe/Warsaw"), layout=uniform(4))
    warmup = None
    if warm:
        warmup = ViewWarmup(sup, station.views)
        warmup.watch(wall)
    wall.resize(1920, 1080)
    wall.show()
    switch_and_time(wall, views[0], 30)       # not measured: the first open of view A
    times, blacks, sessions, ready, loads, stages = [], 0, [], [], [], []
    opened_before = sup.stats().sessions_opened
    for n in range(args.switches):
        spin(args.dwell)
        ready.append(sup.stats().warm_ready)
        loads.append(load())
        took, black = switch_and_time(wall, views[(n + 1) % 2], 30)
        sessions.append(sup.session_count())
        if not warm:        # fresh connections: where their first frame's time went
            stages.append([t.view.stats() for t in wall.tiles if t.view is not None])
        blacks += black
        if took is not None:
            times.append(took)
    opened = sup.stats().sessions_opened - opened_before
    wall.close()
    if warmup is not None:
        warmup.refresh()                     # the closed wall warms nothing any more
        warmup.deleteLater()
    spin_until(lambda: sup.session_count() == 0, 10)
    return {
        "mode": "warm" if warm else "cold", "switches": args.switches, "completed": len(times),
        "all_live_s_p50": _round(percentile(times, 50)), "all_live_s_p95": _round(percentile(times, 95)),
        "all_live_s_max": _round(max(times) if times else None),
        "load_avg_min": min(loads), "load_avg_max": max(loads),
        "black_tile_samples": blacks,
        "sessions_open_after_switch_max": max(sessions) if sessions else None,
        "sessions_opened_per_switch": round(opened / max(1, args.switches), 1),
        "warm_ready_before_switch_min": min(ready) if warm else None,
        **({} if warm else first_frame_stages(stages)),
    }


def first_frame_stages(switches: list[list]) -> dict:
    """Cold switches: p50/p95 over every new session of its stream open, first keyframe and first frame."""
    out = {}
    for name in ("open_s", "first_keyframe_s", "first_frame_s"):
        values = [getattr(s, name) for stats in switches for s in stats if getattr(s, name) is not None]
        out[f"session_{name}_p50"], out[f"session_{name}_p95"] = _round(percentile(values, 50)), _round(percentile(values, 95))
    return out


def cpu_cores(seconds: float) -> float:
    before, t0 = os.times(), time.monotonic()
    spin(seconds)
    after = os.times()
    return round((after.user + after.system - before.user - before.system) / (time.monotonic() - t0), 3)


def measure_cpu(station: Station, cameras: list[int], seconds: float) -> dict:
    """This process's CPU with N sessions warm (demux, GOP kept) and then the same N live (decoding)."""
    sup = station.supervisor
    idle = {"cores": cpu_cores(seconds), "load_avg": load()}
    sup.set_warm("bench", [(cam, *TILE_SIZE) for cam in cameras])
    if not spin_until(lambda: sup.stats().warm_ready == len(cameras), 30):
        print("not every warm session got a GOP", file=sys.stderr)
    warm = {"cores": cpu_cores(seconds), "load_avg": load()}
    views = [sup.open_view(cam, *TILE_SIZE) for cam in cameras]
    spin_until(lambda: all(v.latest() is not None for v in views), 30)
    taker = QTimer()
    taker.timeout.connect(lambda: [v.latest() for v in views])    # take frames as tiles would (no painting)
    taker.start(40)
    live = {"cores": cpu_cores(seconds), "load_avg": load()}
    taker.stop()
    for view in views:
        view.release()
    sup.clear_warm("bench")
    return {"sessions": len(cameras), "seconds": seconds, "idle": idle, "warm": warm, "live": live,
            "warm_vs_live": round(warm["cores"] / live["cores"], 3) if live["cores"] else None}


def run(args: argparse.Namespace) -> dict:
    create_application(offscreen=True, language="en")
    modes = {"off": [False], "on": [True], "both": [False, True]}[args.warm]
    sim = SimulatorProcess(cameras=2 * TILES, max_seconds=len(modes) * args.switches * (args.dwell + 8) + 300)
    sim.start()
    station = Station.open(Path(tempfile.mkdtemp(prefix="bench-switch-")), secrets_kind="memory")
    keeper = None
    result: dict = {"tiles": TILES, "load_avg_start": load()}
    try:
        ids = [station.cameras.add(name=f"CAM {i:02d}", main_url=sim.url(i, "main"), sub_url=sim.url(i, "sub")).id
               for i in range(1, 2 * TILES + 1)]
        views = [ids[:TILES], ids[TILES:]]
        station.views.save(View("A", uniform(4), tuple(views[0]), hotkey=2))
        station.views.save(View("B", uniform(4), tuple(views[1]), hotkey=3))
        keeper = keep_mounts_streaming([sim.url(i, "sub") for i in range(1, 2 * TILES + 1)], wait=spin_until)
        result["simulator"] = ("all 32 sub mounts kept streaming by one ffmpeg -c copy reader for the whole "
                               "run: the simulator's on-demand pipeline start-up is not counted")
        result["runs"] = [measure_switches(station, views, args, warm) for warm in modes]
        if len(result["runs"]) == 2 and all(r["all_live_s_p95"] for r in result["runs"]):
            cold, warm = result["runs"]
            result["p95_cold_over_warm"] = round(cold["all_live_s_p95"] / warm["all_live_s_p95"], 1)
        if args.cpu_seconds > 0:
            result["cpu"] = measure_cpu(station, views[0], args.cpu_seconds)
    finally:
        station.close()
        if keeper is not None:
            stop_processes([keeper])
        sim.stop()
    result["load_avg_end"] = load()
    return result


def _round(value: float | None) -> float | None:
    return round(value, 3) if value is not None else None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--switches", type=int, default=10)
    parser.add_argument("--dwell", type=float, default=3.0, help="seconds each view stays up before the next switch")
    parser.add_argument("--warm", choices=("off", "on", "both"), default="both",
                        help="pre-open the views on keys (on), not (off), or measure both in one run")
    parser.add_argument("--cpu-seconds", type=float, default=5.0, help="CPU window for warm vs live (0: skip)")
    result = run(parser.parse_args())
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
