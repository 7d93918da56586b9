"""Benchmark: the real wall (offscreen) on N simulated cameras vs. plain ffmpeg decoding of the same streams.

    .venv/bin/python bench/live_wall.py --tiles 16 --stream sub --seconds 20
    .venv/bin/python bench/live_wall.py --layout 5x5 --maximised-main --seconds 20

Prints the wall's CPU, ffmpeg's CPU and their ratio, delivered fps per tile, time to first frame
p50/p95, glass-to-glass latency p50/p95 (paint time minus the capture time the simulator stamped into
the frame's pixels) and RSS. Phases: CPU is measured without any instrumentation; latency is sampled in
a second phase. All in one run, against the same simulator. ``--layout`` takes any wall layout (5x5,
1+7, …) on sub streams; ``--maximised-main`` adds a second wall window (the second monitor) with camera 1
maximised on its main stream.
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

from bench.measure import ffmpeg_decode_cpu, percentile, process_cpu_s, rss_mb  # noqa: E402
from ui.app import create_application  # noqa: E402
from ui.wall.wall_window import WallWindow  # noqa: E402
from videowall.config.paths import settings_path  # noqa: E402
from videowall.config.settings import Settings, save_settings  # noqa: E402
from videowall.model.layout import layout_named  # noqa: E402
from videowall.sim.pixelcode import decode_timestamp  # noqa: E402
from videowall.sim.simulator import SimulatorProcess  # noqa: E402
from videowall.station import Station  # noqa: E402

WALL_SIZE = (1920, 1080)


def spin(seconds: float) -> None:
    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()


def wait_live(tiles: list, timeout_s: float) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if all(t.painted_frames > 0 for t in tiles):
            return
        spin(0.1)


def run(args: argparse.Namespace) -> dict:
    create_application(offscreen=True, language="en")
    layout = layout_named(args.layout) if args.layout else None
    if layout is not None:
        args.tiles, args.stream = layout.tile_count, "sub"
    sim = SimulatorProcess(cameras=args.tiles, max_seconds=args.seconds * 3 + 120)
    sim.start()
    data = Path(tempfile.mkdtemp(prefix="bench-wall-"))
    # The station's cap on live decoders (16 by default) would pause tiles of big layouts: lift it here.
    save_settings(settings_path(data), Settings(max_live_decoders=min(64, args.tiles + 1)))
    station = Station.open(data, secrets_kind="memory")
    try:
        ids = [station.cameras.add(name=f"CAM {i:02d}", main_url=sim.url(i, "main"),
                                   sub_url=sim.url(i, "sub") if args.stream == "sub" else None).id
               for i in range(1, args.tiles + 1)]
        walls = [WallWindow(station.supervisor, ids, ZoneInfo("Europe/Warsaw"), layout=layout)]
        if args.maximised_main:
            walls.append(WallWindow(station.supervisor, ids[:1], ZoneInfo("Europe/Warsaw")))
        t_open = time.monotonic()
        for wall in walls:
            wall.resize(*WALL_SIZE)
            wall.show()
        tiles = [t for wall in walls for t in wall.tiles]
        wait_live(tiles, 30)
        first_paint = [t.first_paint_monotonic - t_open for t in tiles if t.first_paint_monotonic]
        first_frame = [t.view.stats().first_frame_s for t in tiles if t.view.stats().first_frame_s]
        profiles = [t.view.profile.value for t in tiles]
        spin(args.warmup)

        painted0 = [t.painted_frames for t in tiles]
        cpu0, t0 = process_cpu_s(os.getpid()), time.monotonic()
        sim_cpu0 = process_cpu_s(sim.pid)
        spin(args.seconds)
        elapsed = time.monotonic() - t0
        wall_cpu = (process_cpu_s(os.getpid()) - cpu0) / elapsed
        sim_cpu = (process_cpu_s(sim.pid) - sim_cpu0) / elapsed
        fps = [(t.painted_frames - p0) / elapsed for t, p0 in zip(tiles, painted0)]
        rss = rss_mb()

        latencies: list[float] = []
        unread = [0]

        def on_paint(frame, painted_epoch_s: float) -> None:
            captured_ms = decode_timestamp(frame.image)
            if captured_ms is None:
                unread[0] += 1
            else:
                latencies.append(painted_epoch_s * 1000 - captured_ms)

        for tile in tiles:
            tile.add_paint_listener(on_paint)
        spin(args.latency_seconds)
        for wall in walls:
            wall.close()
        stream_urls = [sim.url(i, args.stream) for i in range(1, args.tiles + 1)]
        if args.maximised_main:
            stream_urls.append(sim.url(1, "main"))
        ffmpeg_cpu = ffmpeg_decode_cpu(stream_urls, args.seconds, warmup_s=args.warmup)
    finally:
        station.close()
        sim.stop()
    return {
        "tiles": len(tiles), "layout": args.layout, "stream": args.stream, "seconds": args.seconds,
        "profiles": {p: profiles.count(p) for p in sorted(set(profiles))},
        "wall_cpu_cores": round(wall_cpu, 3), "ffmpeg_cpu_cores": round(ffmpeg_cpu, 3),
        "cpu_ratio_vs_ffmpeg": round(wall_cpu / ffmpeg_cpu, 2) if ffmpeg_cpu else None,
        "simulator_cpu_cores": round(sim_cpu, 3),
        "fps_per_tile_min": round(min(fps), 2), "fps_per_tile_mean": round(sum(fps) / len(fps), 2),
        "first_frame_s_p50": _r(percentile(first_frame, 50)), "first_frame_s_p95": _r(percentile(first_frame, 95)),
        "first_paint_s_p50": _r(percentile(first_paint, 50)), "first_paint_s_p95": _r(percentile(first_paint, 95)),
        "latency_ms_p50": _r(percentile(latencies, 50), 1), "latency_ms_p95": _r(percentile(latencies, 95), 1),
        "latency_samples": len(latencies), "latency_unreadable": unread[0],
        "rss_mb": round(rss, 1),
    }


def _r(value: float | None, digits: int = 3) -> float | None:
    return None if value is None else round(value, digits)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tiles", type=int, choices=(4, 9, 16), default=16)
    parser.add_argument("--stream", choices=("sub", "main"), default="sub")
    parser.add_argument("--layout", help="wall layout (e.g. 5x5, 1+7); overrides --tiles, sub streams")
    parser.add_argument("--maximised-main", action="store_true",
                        help="add a second wall window with camera 1 maximised on its main stream")
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--warmup", type=float, default=3.0)
    parser.add_argument("--latency-seconds", type=float, default=5.0)
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()
    result = run(args)
    for key, value in result.items():
        print(f"{key:24} {value}")
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
