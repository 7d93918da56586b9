"""``videowall camera add|list|remove``: the camera list from the command line.

Passwords never come from argv (other users can read it in the process list): they are read from
stdin (``--password-stdin``) or, on a terminal, from a prompt. A camera with credentials is saved
only if its credentials were stored in the keyring too.
"""

from __future__ import annotations

import argparse
import contextlib
import enum
import getpass
import json
import sys
from dataclasses import asdict
from typing import TYPE_CHECKING

from videowall.commands.light_station import light_station
from videowall.model.camera import Camera, Credentials, Profile, Transport
from videowall.runtime.errors import ErrorKind, VideowallError
from videowall.runtime.redaction import redact, register_secret

if TYPE_CHECKING:
    from videowall.config.secrets import SecretsStore
    from videowall.station import Station
    from videowall.storage.cameras import CameraStore


def register(subparsers: argparse._SubParsersAction) -> None:
    camera = subparsers.add_parser("camera", help="add, list and remove cameras",
                                   description="Manage the cameras of this station.")
    camera.set_defaults(func=lambda _args: _print_help(camera))
    actions = camera.add_subparsers(dest="camera_command", metavar="ACTION")

    # No abbreviations: "--password x" must be an error, not a prefix of --password-stdin.
    add = actions.add_parser("add", help="add a camera", allow_abbrev=False, description=(
        "Add a camera. Credentials go to the OS keyring; the password is read from stdin "
        "(--password-stdin) or prompted for on a terminal, never taken from the command line."))
    add.add_argument("--name", required=True, help="unique camera name")
    add.add_argument("--url", required=True, help="main stream RTSP URL, without user:password@")
    add.add_argument("--sub-url", help="sub (low resolution) stream RTSP URL")
    add.add_argument("--user", help="camera username; the password comes from --password-stdin or a prompt")
    add.add_argument("--password-stdin", action="store_true", help="read the password from stdin (one line)")
    add.add_argument("--location", default="", help="where the camera is, free text")
    add.add_argument("--group", default="", help="group name, free text")
    add.add_argument("--transport", choices=[t.value for t in Transport], default=Transport.AUTO.value,
                     help="RTSP transport: auto (default: TCP, then UDP if the camera refuses TCP), udp-tcp "
                          "(UDP first), tcp or udp (only that)")
    add.add_argument("--record", action="store_true", help="record this camera on this station")
    add.add_argument("--record-stream", choices=[p.value for p in Profile], default=Profile.MAIN.value,
                     help="which stream to record (default main)")
    _data_dir_option(add)
    add.set_defaults(func=_add)

    show = actions.add_parser("list", help="list the cameras")
    show.add_argument("--json", action="store_true", help="print JSON instead of '<id>\\t<name>' lines")
    _data_dir_option(show)
    show.set_defaults(func=_list)

    creds = actions.add_parser("credentials", allow_abbrev=False, help="set a camera's username and password",
                               description="Store a camera's username and password in the OS keyring (replacing "
                                           "what was stored); the password is read as by 'camera add'.")
    creds.add_argument("camera", metavar="ID|NAME", help="camera id or name")
    creds.add_argument("--user", required=True, help="camera username")
    creds.add_argument("--password-stdin", action="store_true", help="read the password from stdin (one line)")
    _data_dir_option(creds)
    creds.set_defaults(func=_set_credentials)

    remove = actions.add_parser("remove", help="remove a camera and its stored credentials")
    remove.add_argument("camera", metavar="ID|NAME", help="camera id or name")
    _data_dir_option(remove)
    remove.set_defaults(func=_remove)


def _data_dir_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data-dir", help="data directory (default: $VIDEOWALL_DATA_DIR or the user data dir)")


def _print_help(parser: argparse.ArgumentParser) -> int:
    parser.print_help()
    return 2


def _add(args: argparse.Namespace) -> int:
    with light_station(args.data_dir) as station:
        station.cameras.validate_new(args.name, args.url, args.sub_url, args.location, args.group)
        creds = _read_credentials(args)
        secrets = _secrets_or_explain(station, creds is not None, "The camera was not saved.")
        camera = _add_with_credentials(station.cameras, secrets, creds, args)
        if secrets is not None and not secrets.persistent:
            print("videowall: warning: the memory keyring is in use; this camera's password is forgotten "
                  "when this command exits.", file=sys.stderr)
    print(f"{camera.id}\t{camera.name}")
    return 0


def _add_with_credentials(store: CameraStore, secrets: SecretsStore | None, creds: Credentials | None,
                          args: argparse.Namespace) -> Camera:
    stored_id: int | None = None
    try:
        with store.transaction():
            camera = store.add(args.name, args.url, sub_url=args.sub_url, location=args.location,
                               group=args.group, transport=args.transport, has_credentials=creds is not None,
                               record=args.record, record_profile=args.record_stream)
            if secrets is not None and creds is not None:
                secrets.set(camera.id, creds)
                stored_id = camera.id
    except BaseException:
        if secrets is not None and stored_id is not None:  # the row was rolled back: drop its secret too
            with contextlib.suppress(VideowallError):  # the first error is the one to report
                secrets.delete(stored_id)
        raise
    return camera


def _list(args: argparse.Namespace) -> int:
    with light_station(args.data_dir) as station:
        cameras = station.cameras.list()
    if args.json:
        rows = [{k: v.value if isinstance(v, enum.Enum) else v for k, v in asdict(c).items()} for c in cameras]
        print(redact(json.dumps(rows, indent=2, ensure_ascii=False)))
    else:
        for camera in cameras:
            print(redact(f"{camera.id}\t{camera.name}"))
    return 0


def _remove(args: argparse.Namespace) -> int:
    with light_station(args.data_dir) as station:
        store = station.cameras
        camera = store.find(args.camera)
        # Credentials are deleted in the same step: without a keyring the camera stays, nothing is orphaned.
        secrets = _secrets_or_explain(station, camera.has_credentials, "The camera was not removed.")
        with store.transaction():
            store.remove(camera.id)
            if secrets is not None:
                secrets.delete(camera.id)
    print(f"{camera.id}\t{camera.name}")
    return 0


def _set_credentials(args: argparse.Namespace) -> int:
    with light_station(args.data_dir) as station:
        store = station.cameras
        camera = store.find(args.camera)
        creds = _read_credentials(args)
        secrets = _secrets_or_explain(station, True, "Nothing was changed.")
        with store.transaction():
            store.update(camera.id, has_credentials=True)
            secrets.set(camera.id, creds)
    print(f"{camera.id}\t{camera.name}")
    return 0


def _secrets_or_explain(station: Station, needed: bool, consequence: str) -> SecretsStore | None:
    """Open the station's keyring before anything is written, so a missing keyring leaves no half-done change."""
    if not needed:
        return None
    try:
        station.secrets.require()
        return station.secrets
    except VideowallError as err:
        raise VideowallError(err.kind, f"{err.user_message} {consequence}", err.detail) from None


def _read_credentials(args: argparse.Namespace) -> Credentials | None:
    if args.password_stdin and not args.user:
        raise VideowallError(ErrorKind.INVALID_INPUT, "--password-stdin needs --user.")
    if not args.user:
        return None
    user = args.user.strip()
    if not user or any(ord(ch) < 32 or ord(ch) == 127 for ch in user):
        raise VideowallError(ErrorKind.INVALID_INPUT,
                             "The username must be non-empty text without control characters.")
    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    elif sys.stdin.isatty():
        password = getpass.getpass(f"Password for {user}: ")
    else:
        raise VideowallError(ErrorKind.INVALID_INPUT,
                             "Give the password on stdin with --password-stdin (it is never taken from "
                             "the command line).")
    register_secret(password)
    if not password:
        raise VideowallError(ErrorKind.INVALID_INPUT, "The password is empty.")
    return Credentials(username=user, password=password)
