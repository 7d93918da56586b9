"""``videowall onvif probe|add|discover`` and ``videowall ptz CAMERA move|stop|presets|goto|set|home``.

Passwords come from stdin (``--password-stdin``) or a terminal prompt, never from argv.
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from dataclasses import asdict

from videowall.commands.light_station import light_station
from videowall.model.camera import Credentials
from videowall.runtime.errors import ErrorKind, VideowallError
from videowall.runtime.redaction import redact, register_secret


def register(subparsers: argparse._SubParsersAction) -> None:
    onvif = subparsers.add_parser("onvif", help="probe, discover and add ONVIF cameras")
    onvif.set_defaults(func=lambda _a: (onvif.print_help(), 2)[1])
    actions = onvif.add_subparsers(dest="onvif_command", metavar="ACTION")
    probe = actions.add_parser("probe", allow_abbrev=False, help="print what an ONVIF device reports, as JSON")
    _address_options(probe)
    probe.set_defaults(func=_probe)
    add = actions.add_parser("add", allow_abbrev=False, help="onboard an ONVIF camera and save it")
    add.add_argument("--name", required=True, help="unique camera name")
    _address_options(add)
    _data_dir_option(add)
    add.set_defaults(func=_add)
    fingerprint = actions.add_parser("fingerprint", help="print an HTTPS device's certificate SHA-256 to pin")
    fingerprint.add_argument("address", metavar="https://HOST:PORT")
    fingerprint.set_defaults(func=_fingerprint)
    discover = actions.add_parser("discover", help="list ONVIF devices answering a WS-Discovery probe (JSON)")
    discover.add_argument("--target", default=None, help="HOST:PORT to probe by unicast (default: multicast)")
    discover.add_argument("--seconds", type=float, default=2.0, help="how long to wait for answers (default 2)")
    discover.set_defaults(func=_discover)

    ptz = subparsers.add_parser("ptz", help="drive a saved PTZ camera")
    ptz.add_argument("camera", metavar="ID|NAME")
    _data_dir_option(ptz)
    ptz_actions = ptz.add_subparsers(dest="ptz_command", metavar="ACTION", required=True)
    move = ptz_actions.add_parser("move", help="continuous move, then stop after --seconds")
    for axis in ("pan", "tilt", "zoom"):
        move.add_argument(f"--{axis}", type=float, default=0.0, help=f"{axis} velocity -1..1")
    move.add_argument("--seconds", type=float, default=1.0, help="how long to move (default 1)")
    ptz_actions.add_parser("stop", help="stop moving")
    ptz_actions.add_parser("presets", help="list presets (JSON)")
    goto = ptz_actions.add_parser("goto", help="go to a preset")
    goto.add_argument("preset", metavar="TOKEN")
    save = ptz_actions.add_parser("set", help="save the current position as a preset")
    save.add_argument("name")
    ptz_actions.add_parser("home", help="go to the home position")
    ptz.set_defaults(func=_ptz)


def _address_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("address", metavar="http://HOST:PORT", help="device address (or full device_service URL)")
    parser.add_argument("--user", help="ONVIF username; the password comes from --password-stdin or a prompt")
    parser.add_argument("--password-stdin", action="store_true", help="read the password from stdin (one line)")
    parser.add_argument("--trust-sha256", default=None, help="accept exactly this HTTPS certificate (fingerprint)")
    parser.add_argument("--max-reply-mb", type=_reply_limit, default=None, metavar="MB",
                        help="refuse device replies larger than this (default 4)")


def _reply_limit(text: str) -> int:
    try:
        megabytes = float(text)
    except ValueError:
        megabytes = 0.0
    if not 0.01 <= megabytes <= 256:
        raise argparse.ArgumentTypeError(f"expected a size in MB between 0.01 and 256, got {text!r}")
    return int(megabytes * 1024 * 1024)


def _limit(args: argparse.Namespace) -> dict[str, int]:
    return {"max_reply_bytes": args.max_reply_mb} if args.max_reply_mb else {}


def _data_dir_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data-dir", help="data directory (default: $VIDEOWALL_DATA_DIR or the user data dir)")


def _credentials(args: argparse.Namespace) -> Credentials | None:
    if not args.user:
        if args.password_stdin:
            raise VideowallError(ErrorKind.INVALID_INPUT, "--password-stdin needs --user.")
        return None
    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    elif sys.stdin.isatty():
        password = getpass.getpass(f"Password for {args.user}: ")
    else:
        raise VideowallError(ErrorKind.INVALID_INPUT, "Give the password on stdin with --password-stdin.")
    register_secret(password)
    return Credentials(args.user, password)


def _print_json(value: object) -> None:
    print(redact(json.dumps(value, indent=2, ensure_ascii=False)))


def _probe(args: argparse.Namespace) -> int:
    from videowall.onvif.onboarding import probe

    _print_json(asdict(probe(args.address, _credentials(args), args.trust_sha256, **_limit(args))))
    return 0


def _add(args: argparse.Namespace) -> int:
    from videowall.onvif.saved import add_camera

    credentials = _credentials(args)
    with light_station(args.data_dir) as station:
        camera, report = add_camera(station.cameras, station.secrets if credentials is not None else None,
                                    args.name, args.address, credentials, args.trust_sha256, **_limit(args))
    print(f"{camera.id}\t{camera.name}\t{report.info.manufacturer} {report.info.model}\tptz={report.ptz}")
    return 0


def _fingerprint(args: argparse.Namespace) -> int:
    from videowall.onvif.client import certificate_sha256

    print(certificate_sha256(args.address))
    return 0


def _discover(args: argparse.Namespace) -> int:
    from videowall.onvif.discovery import discover

    target = None
    if args.target:
        host, _, port = args.target.rpartition(":")
        target = (host, int(port))
    _print_json([asdict(device) for device in discover(args.seconds, target)])
    return 0


def _ptz(args: argparse.Namespace) -> int:
    """One PTZ command, through the station's PTZ gate as the wall's are: permission and the camera's lease."""
    import time

    from videowall.onvif.ptz_queue import PtzAction

    action = {"move": PtzAction.MOVE, "stop": PtzAction.STOP, "presets": PtzAction.PRESETS, "goto": PtzAction.GOTO,
              "set": PtzAction.SET_PRESET, "home": PtzAction.HOME}[args.ptz_command]
    with light_station(args.data_dir) as station:
        camera_id = station.cameras.find(args.camera).id
        gate = station.ptz_gate()
        if not gate.before(camera_id, action):
            lease = gate.leases.current(camera_id)
            holder = lease.holder.label if lease else "another station"
            print(f"videowall: not stopped: PTZ: {holder} moves this camera; it is theirs to stop.", file=sys.stderr)
            return 1
        device = station.ptz_device(camera_id)
        if action is PtzAction.MOVE:
            device.move(args.pan, args.tilt, args.zoom, max(args.seconds, 0.1) + 1.0)
            try:
                time.sleep(max(0.0, args.seconds))
            finally:
                device.stop()  # also on Ctrl-C: never leave the camera moving
                gate.stopped(camera_id)
        elif action is PtzAction.STOP:
            device.stop()
            gate.stopped(camera_id)
        elif action is PtzAction.PRESETS:
            _print_json([asdict(preset) for preset in device.presets()])
        elif action is PtzAction.GOTO:
            device.goto_preset(args.preset)
        elif action is PtzAction.SET_PRESET:
            print(device.set_preset(args.name))
        else:
            device.goto_home()
    return 0
