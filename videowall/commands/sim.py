"""``videowall sim``: run the camera simulator in the foreground and print its stream URLs."""

from __future__ import annotations

import argparse
import signal
import sys
import threading
import time

from videowall.runtime.errors import ErrorKind, VideowallError
from videowall.sim.simulator import SimulatorProcess


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "sim", help="run simulated RTSP cameras (for demos and tests)",
        description="Serve N simulated RTSP cameras at rtsp://HOST:PORT/camN/main and /camN/sub "
                    "until Ctrl-C, SIGTERM or --seconds.")
    parser.add_argument("--cameras", type=int, default=9, help="number of cameras (default 9)")
    parser.add_argument("--port", type=int, default=8554, help="RTSP port (default 8554; 0 picks a free one)")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    parser.add_argument("--user", help="require RTSP authentication as this user")
    parser.add_argument("--password-stdin", action="store_true",
                        help="read the password for --user from the first line of stdin")
    parser.add_argument("--auth", choices=("basic", "digest", "both"), default="both",
                        help="RTSP auth methods offered with --user (default both)")
    parser.add_argument("--main-size", type=_size, default=(1280, 720), metavar="WxH",
                        help="main stream size (default 1280x720; the sub stream is 640x360)")
    parser.add_argument("--fps", type=int, default=25, help="frames per second (default 25)")
    parser.add_argument("--look", choices=("test", "scene"), default="test",
                        help="test: camera colours with a machine-readable time code (default); "
                             "scene: a street with traffic and the time burned in")
    parser.add_argument("--seconds", type=float, default=None, help="stop after this many seconds")
    parser.add_argument("--onvif", action="store_true",
                        help="also serve ONVIF (device, media, PTZ) over HTTP, with WS-Discovery")
    parser.add_argument("--ptz-cameras", type=_camera_numbers, default=(), metavar="N,N",
                        help="cameras that have PTZ (implies --onvif), e.g. 1,3")
    parser.add_argument("--onvif-auth", choices=("wsse", "digest", "both"), default="both",
                        help="ONVIF authentication with --user: WS-UsernameToken, HTTP Digest or either (default)")
    parser.add_argument("--discovery-multicast", action="store_true",
                        help="also answer WS-Discovery on 239.255.255.250:3702 (standard discovery tools)")
    parser.add_argument("--motion-cameras", type=_camera_numbers, default=None, metavar="N,N",
                        help="cameras whose moving box raises ONVIF motion events (default: all)")
    parser.add_argument("--tamper", type=_camera_numbers, default=(), metavar="N,N",
                        help="cameras that report tampering (ONVIF GlobalSceneChange) from the start")
    parser.set_defaults(func=run_sim)


def _camera_numbers(text: str) -> tuple[int, ...]:
    try:
        return tuple(int(part) for part in text.split(",") if part.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected camera numbers like 1,3, got {text!r}") from None


def _size(text: str) -> tuple[int, int]:
    width, sep, height = text.lower().partition("x")
    try:
        size = int(width), int(height)
    except ValueError:
        size = (0, 0)
    if not sep or min(size) < 16 or size[0] % 2 or size[1] % 2:
        raise argparse.ArgumentTypeError(f"expected an even size like 1920x1080, got {text!r}")
    return size


def run_sim(args: argparse.Namespace) -> int:
    password = _read_password(args)
    # The server exits by itself a little after --seconds even if this process is killed hard.
    max_seconds = args.seconds + 5 if args.seconds is not None else None
    sim = SimulatorProcess(cameras=args.cameras, port=args.port, host=args.host, user=args.user,
                           password=password, main_size=args.main_size, fps=args.fps, max_seconds=max_seconds,
                           auth=args.auth, onvif=args.onvif or args.discovery_multicast or bool(args.tamper),
                           ptz_cameras=args.ptz_cameras, onvif_auth=args.onvif_auth,
                           discovery_multicast=args.discovery_multicast,
                           motion_cameras=(tuple(range(1, args.cameras + 1)) if args.motion_cameras is None
                                           else args.motion_cameras), tamper_cameras=args.tamper,
                           look=args.look)
    stop = threading.Event()
    previous = signal.signal(signal.SIGTERM, lambda _sig, _frame: stop.set())
    try:
        sim.start()
        _print_urls(sim)
        _wait(stop, sim, args.seconds)
    except KeyboardInterrupt:
        pass
    finally:
        sim.stop()
        signal.signal(signal.SIGTERM, previous)
    return 0


def _read_password(args: argparse.Namespace) -> str | None:
    if args.user is None:
        if args.password_stdin:
            raise VideowallError(ErrorKind.INVALID_INPUT, "--password-stdin needs --user.")
        return None
    if not args.password_stdin:
        raise VideowallError(ErrorKind.INVALID_INPUT,
                             "--user needs --password-stdin (a password is never taken from the command line).")
    password = sys.stdin.readline().rstrip("\r\n")
    if not password:
        raise VideowallError(ErrorKind.INVALID_INPUT, "No password on stdin.")
    return password


def _print_urls(sim: SimulatorProcess) -> None:
    auth = f" (user {sim.user}, {sim.auth} auth)" if sim.user else ""
    print(f"Simulator: {sim.cameras} cameras on {sim.host}:{sim.port}{auth}, pid {sim.pid}", flush=True)
    for camera in range(1, sim.cameras + 1):
        print(f"  {sim.url(camera, 'main')}  {sim.url(camera, 'sub')}", flush=True)
        if sim.onvif:
            ptz = "  (PTZ)" if camera in sim.ptz_cameras else ""
            print(f"    ONVIF {sim.onvif_url(camera)}{ptz}", flush=True)
    if sim.onvif:
        multicast = " and 239.255.255.250:3702" if sim.discovery_multicast else ""
        print(f"  WS-Discovery: Probe to {sim.host}:{sim.discovery_port}{multicast}", flush=True)


def _wait(stop: threading.Event, sim: SimulatorProcess, seconds: float | None) -> None:
    """Main thread: wake twice a second so Ctrl-C and a server that died are noticed."""
    deadline = None if seconds is None else time.monotonic() + seconds
    while not stop.wait(0.5):
        if not sim.is_running:
            raise VideowallError(ErrorKind.SIMULATOR_ERROR, "The camera simulator stopped unexpectedly.")
        if deadline is not None and time.monotonic() >= deadline:
            return

