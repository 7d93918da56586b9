"""Benchmark: the real wall (offscreen) on N simulated cameras against FFmpeg on the same streams, same run.

    .venv/bin/python bench/live_wall.py --tiles 16 --stream sub --seconds 20
    .venv/bin/python bench/live_wall.py --layout 8x8 --seconds 10
    .venv/bin/python bench/live_wall.py --screens 4 --seconds 10          # 4 wall windows × 4×4
    .venv/bin/python bench/live_wall.py --layout 5x5 --maximised-main --seconds 20

Rounds (``--rounds``), each measuring three things for ``--seconds`` on the same streams, one after the other:
the wall's CPU (this whole process, no instrumentation), then 16 (N) ``ffmpeg -f null`` processes decoding
only, then N ``ffmpeg`` processes decoding, scaling to the size the wall converts each stream to and
converting to BGRA (``-vf scale=W:H:flags=…,format=bgra``: what any CPU player must do). The wall is hidden
during the FFmpeg phases (its decoders pause; its sessions keep demuxing) and one ``ffmpeg -c copy`` reader
keeps every simulator mount streaming all along, so the simulator's load is the same in every phase. The
wall's CPU is printed as ratios to both baselines, per round and as ranges.

Then, once: the wall's CPU by thread group (GUI, stream threads, other; user/system; context switches) and
by parts of the frame path (bench/wall_path.py: decode, conversion, the image over its buffer, publishing,
repaint timer, painting, overlay, and the waiting inside those parts: GIL, locks, preemption), delivered
fps per tile and the share of the cameras' frames not painted, time to first frame p50/p95, glass-to-glass latency
p50/p95 (paint time minus the capture time the simulator stamped into the frame's pixels) and RSS.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path
from statistics import median

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from zoneinfo import ZoneInfo  # noqa: E402

from bench import threads_cpu  # noqa: E402
from bench.measure import (  # noqa: E402
    ffmpeg_cpu, keep_mounts_streaming, percentile, process_cpu_s, rss_mb, stop_processes,
)
from bench.wall_parts import PartTimer  # noqa: E402
from bench.wall_path import PARTS_BY_GROUP, frame_path_parts  # noqa: E402
from ui.app import create_application  # noqa: E402
from ui.wall.wall_window import WallWindow  # noqa: E402
from videowall.config.paths import settings_path  # noqa: E402
from videowall.config.settings import Settings, save_settings  # noqa: E402
from videowall.model.layout import layout_named, uniform  # noqa: E402
from videowall.sim.pixelcode import decode_timestamp  # noqa: E402
from videowall.sim.simulator import SimulatorProcess  # noqa: E402
from videowall.station import Station  # noqa: E402

WALL_SIZE = (1920, 1080)


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
    return round(os.getloadavg()[0], 1)


def wall_cpu(tiles: list, seconds: float, camera_fps: float) -> dict:
    """This process's CPU over ``seconds`` of a live wall, and what its tiles delivered meanwhile.

    The share dropped is of the cameras' frames: those never painted, whether skipped undecoded while the
    decoder was late, decoded and replaced before a repaint took them, or lost before the station.
    """
    painted0 = [t.painted_frames for t in tiles]
    stats0 = [t.view.stats() for t in tiles]
    cpu0, t0 = process_cpu_s(os.getpid()), time.monotonic()
    spin(seconds)
    elapsed = time.monotonic() - t0
    cores = (process_cpu_s(os.getpid()) - cpu0) / elapsed
    fps = [(t.painted_frames - p0) / elapsed for t, p0 in zip(tiles, painted0)]
    stats1 = [t.view.stats() for t in tiles]
    decoded = sum(b.frames_decoded - a.frames_decoded for a, b in zip(stats0, stats1))
    return {"cores": cores, "fps": fps, "decoded_fps": decoded / elapsed / len(tiles),
            "dropped_share": max(0.0, 1 - sum(fps) / (camera_fps * len(tiles)))}


def show_walls(walls: list, tiles: list, visible: bool) -> None:
    for wall in walls:
        wall.show() if visible else wall.hide()
    if visible:
        before = [t.painted_frames for t in tiles]
        spin_until(lambda: all(t.painted_frames > b for t, b in zip(tiles, before)), 30)


def baseline_filters(tiles: list, flags: str) -> list[str]:
    """Per stream: scale to the size the wall converts it to (its newest picture's size), then BGRA."""
    filters = []
    for tile in tiles:
        height, width = tile.current_frame.image.shape[:2]
        filters.append(f"scale={width}:{height}:flags={flags},format=bgra")
    return filters


def run(args: argparse.Namespace) -> dict:
    create_application(offscreen=True, language="en")
    layout = layout_named(args.layout) if args.layout else uniform(*{4: (2, 2), 9: (3, 3), 16: (4, 4)}[args.tiles])
    if args.layout:
        args.stream = "sub"
    per_wall = layout.tile_count
    cameras = per_wall * args.screens
    sim = SimulatorProcess(cameras=cameras, max_seconds=args.rounds * args.seconds * 4 + args.seconds * 3 + 300)
    sim.start()
    data = Path(tempfile.mkdtemp(prefix="bench-wall-"))
    # The station's cap on live decoders (16 by default) would pause tiles of big walls: lift it here.
    save_settings(settings_path(data), Settings(max_live_decoders=min(64, cameras + 1)))
    station = Station.open(data, secrets_kind="memory")
    keeper = None
    try:
        ids = [station.cameras.add(name=f"CAM {i:02d}", main_url=sim.url(i, "main"),
                                   sub_url=sim.url(i, "sub") if args.stream == "sub" else None).id
               for i in range(1, cameras + 1)]
        stream_urls = [sim.url(i, args.stream) for i in range(1, cameras + 1)]
        if args.maximised_main:
            stream_urls.append(sim.url(1, "main"))
        # ffmpeg opens its inputs one after another: allow for a slow machine on big walls.
        keeper = keep_mounts_streaming(sorted(set(stream_urls)), timeout_s=30 + 3 * len(stream_urls), wait=spin_until)
        walls = [WallWindow(station.supervisor, ids[s * per_wall:(s + 1) * per_wall], ZoneInfo("Europe/Warsaw"),
                            layout=layout) for s in range(args.screens)]
        if args.maximised_main:
            walls.append(WallWindow(station.supervisor, ids[:1], ZoneInfo("Europe/Warsaw")))
        t_open = time.monotonic()
        for wall in walls:
            wall.resize(*WALL_SIZE)
            wall.show()
        tiles = [t for wall in walls for t in wall.tiles]
        spin_until(lambda: all(t.painted_frames > 0 for t in tiles), 30)
        first_paint = [t.first_paint_monotonic - t_open for t in tiles if t.first_paint_monotonic]
        first = first_frame_split([t.view.stats() for t in tiles])
        profiles = [t.view.profile.value for t in tiles]
        spin(args.warmup)
        filters = baseline_filters(tiles, args.baseline_flags)

        rounds = []
        for _ in range(args.rounds):
            measured = wall_cpu(tiles, args.seconds, sim.fps)
            load_wall = load()
            show_walls(walls, tiles, False)
            decode_only = ffmpeg_cpu(stream_urls, args.seconds, warmup_s=args.warmup)
            scaled = ffmpeg_cpu(stream_urls, args.seconds, warmup_s=args.warmup, video_filters=filters)
            show_walls(walls, tiles, True)
            rounds.append({"wall_cores": round(measured["cores"], 3), "ffmpeg_decode_cores": round(decode_only, 3),
                           "ffmpeg_scale_bgra_cores": round(scaled, 3),
                           "ratio_vs_decode": round(measured["cores"] / decode_only, 2) if decode_only else None,
                           "ratio_vs_scale_bgra": round(measured["cores"] / scaled, 2) if scaled else None,
                           # A starved wall decodes fewer frames than FFmpeg (it skips to keyframes when late):
                           # this ratio compares CPU per decoded frame (FFmpeg decodes all of the camera's).
                           "ratio_vs_scale_bgra_per_frame": round(
                               measured["cores"] / measured["decoded_fps"] / (scaled / sim.fps), 2)
                           if scaled and measured["decoded_fps"] else None,
                           "decoded_fps_per_tile": round(measured["decoded_fps"], 1),
                           "fps_per_tile_min": round(min(measured["fps"]), 1),
                           "fps_per_tile_mean": round(sum(measured["fps"]) / len(measured["fps"]), 1),
                           "dropped_share": _r(measured["dropped_share"]), "load_avg": load_wall})
            spin(args.warmup)

        breakdown = measure_by_parts(args.parts_seconds)
        latencies, unreadable = measure_latency(tiles, args.latency_seconds)
        rss = rss_mb()
        for wall in walls:
            wall.close()
    finally:
        station.close()
        if keeper is not None:
            stop_processes([keeper])
        sim.stop()
    return {
        "tiles": len(tiles), "layout": args.layout or f"{layout.rows}x{layout.cols}", "screens": args.screens,
        "stream": args.stream, "seconds": args.seconds, "baseline_scale_flags": args.baseline_flags,
        "baseline_sizes": sorted(set(f.split(":flags")[0] for f in filters)),
        "profiles": {p: profiles.count(p) for p in sorted(set(profiles))},
        "rounds": rounds,
        "summary": summarise(rounds),
        **first,
        "first_paint_s_p50": _r(percentile(first_paint, 50)), "first_paint_s_p95": _r(percentile(first_paint, 95)),
        "latency_ms_p50": _r(percentile(latencies, 50), 1), "latency_ms_p95": _r(percentile(latencies, 95), 1),
        "latency_samples": len(latencies), "latency_unreadable": unreadable,
        "rss_mb": round(rss, 1),
        **breakdown,
    }


def measure_by_parts(seconds: float) -> dict:
    """One phase with the frame path's parts timed (see wall_parts.py), beside the threads' own CPU clocks."""
    timer = PartTimer()
    with timer.installed(frame_path_parts()):
        before, cpu0, t0 = threads_cpu.sample(), process_cpu_s(os.getpid()), time.monotonic()
        spin(seconds)
        elapsed = time.monotonic() - t0
        after, cpu1 = threads_cpu.sample(), process_cpu_s(os.getpid())
        parts = timer.report(elapsed)
    groups = threads_cpu.per_second(before, after, elapsed)
    for group, names in PARTS_BY_GROUP.items():
        if group in groups:
            groups[group]["outside_timed_parts_cores"] = round(
                groups[group]["cores"] - sum(parts[n]["cores"] for n in names if n in parts), 3)
    return {"parts_phase": {"seconds": round(elapsed, 1), "process_cores_instrumented": round((cpu1 - cpu0) / elapsed, 3),
                            "load_avg": load()},
            "threads": groups, "parts": parts}


def first_frame_split(stats: list) -> dict:
    """p50/p95 of the first frame and its stages: stream open (handshake, probing), first keyframe, decoded."""
    out = {}
    for name in ("open_s", "first_keyframe_s", "first_frame_s"):
        values = [getattr(s, name) for s in stats if getattr(s, name) is not None]
        out[f"{name}_p50"], out[f"{name}_p95"] = _r(percentile(values, 50)), _r(percentile(values, 95))
    return out


def measure_latency(tiles: list, seconds: float) -> tuple[list[float], int]:
    latencies: list[float] = []
    unreadable = [0]

    def on_paint(frame, painted_epoch_s: float) -> None:
        captured_ms = decode_timestamp(frame.image)
        if captured_ms is None:
            unreadable[0] += 1
        else:
            latencies.append(painted_epoch_s * 1000 - captured_ms)

    for tile in tiles:
        tile.add_paint_listener(on_paint)
    spin(seconds)
    return latencies, unreadable[0]


def summarise(rounds: list[dict]) -> dict:
    summary = {}
    for key in ("wall_cores", "ffmpeg_decode_cores", "ffmpeg_scale_bgra_cores", "ratio_vs_decode",
                "ratio_vs_scale_bgra", "ratio_vs_scale_bgra_per_frame", "decoded_fps_per_tile", "fps_per_tile_mean", "fps_per_tile_min", "dropped_share"):
        values = [r[key] for r in rounds if r[key] is not None]
        if values:
            summary[key] = {"median": round(median(values), 3), "min": min(values), "max": max(values)}
    return summary


def _r(value: float | None, digits: int = 3) -> float | None:
    return None if value is None else round(value, digits)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tiles", type=int, choices=(4, 9, 16), default=16)
    parser.add_argument("--stream", choices=("sub", "main"), default="sub")
    parser.add_argument("--layout", help="wall layout (e.g. 8x8, 5x5, 1+7); overrides --tiles, sub streams")
    parser.add_argument("--screens", type=int, default=1, help="wall windows, each with the layout and its own cameras")
    parser.add_argument("--maximised-main", action="store_true",
                        help="add a wall window with camera 1 maximised on its main stream")
    parser.add_argument("--rounds", type=int, default=2, help="wall / ffmpeg decode / ffmpeg scale+BGRA rounds")
    parser.add_argument("--seconds", type=float, default=20.0, help="length of each measured phase")
    parser.add_argument("--warmup", type=float, default=3.0)
    parser.add_argument("--parts-seconds", type=float, default=8.0)
    parser.add_argument("--latency-seconds", type=float, default=5.0)
    parser.add_argument("--baseline-flags", default="fast_bilinear",
                        help="swscale flags of the scale+BGRA baseline (the wall's own interpolation by default)")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()
    result = run(args)
    print(json.dumps(result, indent=2))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
