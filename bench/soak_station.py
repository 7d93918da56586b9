"""The station under soak: a child process running the product as an operator's PC would.

    .venv/bin/python -m bench.soak_station --data-dir D [--every 0.25] [--segment-seconds 10]

An offscreen 1920×1080 wall of every camera in the data dir, and the station's recorder (started the way
the GUI starts it) recording the cameras marked for it. Every ``--every`` seconds it prints one JSON line
on stdout: per tile the state, counters and how old the shown picture is (the capture time the simulator
codes into the pixels), per recorder its state and open segment, and the process's RSS, threads and
file descriptors. SIGTERM closes it in order; the benchmark also kills it with SIGKILL.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QTimer  # noqa: E402

from bench.measure import rss_mb  # noqa: E402
from ui.app import create_application  # noqa: E402
from ui.recording_controller import RecordingController  # noqa: E402
from ui.runner import close_on_signals  # noqa: E402
from ui.wall.wall_window import WallWindow  # noqa: E402
from videowall.cli import setup_logging  # noqa: E402
from videowall.recording.recorder_types import RecorderConfig  # noqa: E402
from videowall.sim.pixelcode import decode_timestamp  # noqa: E402
from videowall.station import Station  # noqa: E402

WALL_SIZE = (1920, 1080)


def process_counts() -> tuple[int, dict[str, int]]:
    """(threads, open file descriptors by kind) of this process."""
    with open("/proc/self/status", encoding="ascii") as fh:
        threads = next(int(line.split()[1]) for line in fh if line.startswith("Threads:"))
    kinds: dict[str, int] = {}
    for fd in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:       # closed meanwhile (the listing's own fd among them)
            continue
        kind = target.split(":", 1)[0] if ":" in target and not target.startswith("/") else Path(target).suffix or target
        kinds[kind] = kinds.get(kind, 0) + 1
    return threads, kinds


def tile_sample(tile) -> dict:
    view = tile.view
    stats = view.stats()
    frame = tile.current_frame
    age_ms = None
    if frame is not None:
        captured_ms = decode_timestamp(frame.image)
        if captured_ms is not None:
            age_ms = round(time.time() * 1000 - captured_ms)
    status = view.status()
    return {"camera_id": view.camera.id, "state": status.state.value, "retry_in_s": status.retry_in_s,
            "packets": stats.packets_in, "decoded": stats.frames_decoded, "painted": tile.painted_frames,
            "seq": frame.seq if frame is not None else None, "age_ms": age_ms, "reconnects": stats.reconnects,
            "error": stats.last_error}


def sample(wall: WallWindow, station: Station) -> dict:
    threads, fd_kinds = process_counts()
    # Recorders exist once the service's start (the index reconcile, on a worker) has finished.
    statuses = station.recording.status().recorders if station.recording is not None else ()
    recorders = [{"camera_id": r.camera_id, "state": r.state.value, "segment": r.segment_path,
                  "dropped": r.packets_dropped, "segments": r.segments_written} for r in statuses]
    return {"mono": time.monotonic(), "pid": os.getpid(), "rss_mb": round(rss_mb(), 1), "threads": threads,
            "fds": sum(fd_kinds.values()), "fd_kinds": fd_kinds,
            "tiles": [tile_sample(t) for t in wall.tiles if t.view is not None], "recorders": recorders}


def run(args: argparse.Namespace) -> int:
    setup_logging("warning")
    app = create_application(offscreen=True, language="en")
    station = Station.open(args.data_dir, secrets_kind="memory")
    try:
        station.recording_service(RecorderConfig(segment_s=args.segment_seconds, retry_every_s=1.0,
                                                 resume_free_bytes=args.resume_free_mb * 1024 * 1024))
        ids = [camera.id for camera in station.cameras.list()]
        wall = WallWindow(station.supervisor, ids, ZoneInfo(station.settings.timezone),
                          repaint_hz=station.settings.wall_repaint_hz)
        wall.resize(*WALL_SIZE)
        wall.show()
        recording = RecordingController(station)
        recording.warnings_changed.connect(lambda texts: print(json.dumps({"warnings": texts}), flush=True))
        recording.start_if_configured()
        timer = QTimer()
        timer.timeout.connect(lambda: print(json.dumps(sample(wall, station)), flush=True))
        timer.start(int(args.every * 1000))

        def finish() -> None:
            timer.stop()
            recording.close()
            wall.close()
            app.quit()

        wake = close_on_signals(finish)
        app.exec()
        wake.stop()
    finally:
        station.close()
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--every", type=float, default=0.25, help="seconds between status lines")
    parser.add_argument("--segment-seconds", type=float, default=10.0)
    parser.add_argument("--resume-free-mb", type=int, default=16,
                        help="free space the recorder waits for after the disk filled up")
    return run(parser.parse_args())


if __name__ == "__main__":
    sys.exit(main())
