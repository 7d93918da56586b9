"""``videowall recorder``: record every camera marked for recording, without a GUI.

For a recording PC with no operators, and for tests. Runs until ``--seconds`` pass, or SIGINT/SIGTERM,
then closes its segments cleanly. Cameras marked or unmarked while it runs are picked up within
``REFRESH_S``. One line per recorder state change goes to stdout.
"""

from __future__ import annotations

import argparse
import signal
import sys
import threading
import time

from videowall.recording.recorder_types import RecorderConfig, RecorderStatus
from videowall.recording.service import RecordingService
from videowall.runtime.errors import ErrorKind, VideowallError

REFRESH_S = 10.0


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "recorder", help="record the cameras marked for recording (headless)",
        description="Record every camera marked for recording until stopped (Ctrl+C, SIGTERM) or --seconds.")
    parser.add_argument("--data-dir", help="data directory (default: $VIDEOWALL_DATA_DIR or the user data dir)")
    parser.add_argument("--seconds", type=float, help="stop after this many seconds (default: run until stopped)")
    parser.add_argument("--segment-seconds", type=float, default=RecorderConfig.segment_s,
                        help=f"segment length (default {RecorderConfig.segment_s:g})")
    parser.set_defaults(func=run_recorder)


def run_recorder(args: argparse.Namespace) -> int:
    if args.seconds is not None and args.seconds <= 0:
        raise VideowallError(ErrorKind.INVALID_INPUT, "--seconds must be more than 0.")
    if not 1 <= args.segment_seconds <= 600:
        raise VideowallError(ErrorKind.INVALID_INPUT, "--segment-seconds must be from 1 to 600.")
    from videowall.station import Station  # the station pulls in the media engine: only when recording

    stop = threading.Event()
    _stop_on_signals(stop)
    station = Station.open(args.data_dir)
    try:
        service = station.recording_service(RecorderConfig(segment_s=args.segment_seconds))
        report = service.start()
        if report.recovered or report.removed_missing:
            print(f"index reconciled: {len(report.recovered)} segment(s) recovered, "
                  f"{len(report.removed_missing)} missing file(s) removed from the index", flush=True)
        if not service.status().recorders:
            print("no camera is marked for recording yet; waiting", file=sys.stderr, flush=True)
        _run_until(stop, service, args.seconds)
    finally:
        station.close()     # stops the recorders (closing their segments cleanly) before the sessions
    return 0


def _run_until(stop: threading.Event, service: RecordingService, seconds: float | None) -> None:
    deadline = None if seconds is None else time.monotonic() + seconds
    shown: dict[int, tuple] = {}
    next_refresh = time.monotonic() + REFRESH_S
    while not stop.is_set():
        for status in service.status().recorders:
            key = (status.state, status.message)
            if shown.get(status.camera_id) != key:
                shown[status.camera_id] = key
                print(_line(status), flush=True)
        now = time.monotonic()
        if deadline is not None and now >= deadline:
            return
        if now >= next_refresh:
            next_refresh = now + REFRESH_S
            service.refresh()
        stop.wait(0.5 if deadline is None else min(0.5, max(0.0, deadline - now)))


def _line(status: RecorderStatus) -> str:
    text = f"camera {status.camera_id} ({status.profile}): {status.state.value}"
    return f"{text} - {status.message}" if status.message else text


def _stop_on_signals(stop: threading.Event) -> None:
    if threading.current_thread() is not threading.main_thread():
        return
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: stop.set())
