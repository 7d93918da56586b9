"""GUI sub-commands added to the core CLI: ``gui`` (the default) and ``demo``."""

from __future__ import annotations

import argparse
from pathlib import Path

from videowall.runtime.errors import ErrorKind, VideowallError


def register(subparsers: argparse._SubParsersAction) -> None:
    gui = subparsers.add_parser("gui", help="open the video wall (default)")
    gui.add_argument("--data-dir", type=Path)
    gui.add_argument("--offscreen", action="store_true", help="render without a screen")
    gui.add_argument("--seconds", type=float, help="close after this many seconds")
    gui.add_argument("--report", type=Path, help="write a per-tile JSON report on exit")
    gui.add_argument("--language", choices=("pl", "en"))
    gui.set_defaults(func=_gui)

    demo = subparsers.add_parser("demo", help="open a wall on the built-in simulated cameras")
    demo.add_argument("--cameras", type=int, default=9)
    demo.add_argument("--port", type=int, default=0, help="simulator RTSP port (default: a free one)")
    demo.add_argument("--data-dir", type=Path, help="keep the demo's data here (default: a temp dir)")
    demo.add_argument("--offscreen", action="store_true", help="render without a screen")
    demo.add_argument("--seconds", type=float, help="close after this many seconds")
    demo.add_argument("--report", type=Path, help="write a per-tile JSON report on exit")
    demo.add_argument("--language", choices=("pl", "en"))
    demo.set_defaults(func=_demo)


def _gui(args: argparse.Namespace) -> int:
    from ui.runner import run_wall
    from videowall.station import Station

    station = Station.open(args.data_dir)
    try:
        ids = [camera.id for camera in station.cameras.list()]
        if not ids:     # first start: the welcome page offers discovery, adding by hand, or the demo
            from ui.setup.welcome import DEMO, run_welcome

            choice = run_welcome(station, offscreen=args.offscreen, seconds=args.seconds, language=args.language)
            ids = [camera.id for camera in station.cameras.list()]
            if choice == DEMO:
                station.close()
                return _demo(argparse.Namespace(cameras=9, port=0, offscreen=args.offscreen, seconds=args.seconds,
                                                report=args.report, data_dir=None, language=args.language))
            if not ids:
                return 0
        return run_wall(station, ids[:16], offscreen=args.offscreen, seconds=args.seconds, report=args.report,
                        language=args.language, main_window=True)
    finally:
        station.close()


def _demo(args: argparse.Namespace) -> int:
    from ui.demo import run_demo

    if not 1 <= args.cameras <= 64:
        raise VideowallError(ErrorKind.INVALID_INPUT, "--cameras must be between 1 and 64.")
    return run_demo(cameras=args.cameras, port=args.port, offscreen=args.offscreen, seconds=args.seconds,
                    report=args.report, data_dir=args.data_dir, language=args.language)
