"""``videowall recorder``: record every camera marked for recording, without a GUI, and serve the footage.

For a recording PC with no operators, and for tests. Runs until ``--seconds`` pass, or SIGINT/SIGTERM,
then closes its segments cleanly. Cameras marked or unmarked while it runs are picked up within
``REFRESH_S``. One line per recorder state change goes to stdout. With ``--listen`` it also serves its
footage to stations (``videowall.footage.server``); ``videowall recorder token`` issues a station session.
"""

from __future__ import annotations

import argparse
import contextlib
import ipaddress
import signal
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

from videowall.recording.recorder_types import RecorderConfig, RecorderStatus
from videowall.recording.service import RecordingService
from videowall.runtime.errors import ErrorKind, VideowallError

REFRESH_S = 10.0
DEFAULT_SESSION_DAYS = 30


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "recorder", help="record the cameras marked for recording (headless) and serve the footage",
        description="Record every camera marked for recording until stopped (Ctrl+C, SIGTERM) or --seconds. "
                    "With --listen, serve the footage to stations over HTTPS.")
    _data_dir(parser)
    parser.add_argument("--seconds", type=float, help="stop after this many seconds (default: run until stopped)")
    parser.add_argument("--segment-seconds", type=float, default=RecorderConfig.segment_s,
                        help=f"segment length (default {RecorderConfig.segment_s:g})")
    parser.add_argument("--listen", metavar="HOST:PORT",
                        help="serve footage on this address (port 0: a free one, printed at start)")
    parser.add_argument("--tls-cert", type=Path, help="PEM certificate (chain) of the footage server")
    parser.add_argument("--tls-key", type=Path, help="PEM private key of the footage server")
    parser.set_defaults(func=run_recorder)
    actions = parser.add_subparsers(dest="recorder_action", metavar="ACTION")
    token = actions.add_parser("token", help="issue a station session; prints its token once",
                               description="Issue a session for a station user and print its bearer token "
                                           "(shown only now; the recorder keeps only its hash).")
    _data_dir(token)
    token.add_argument("--user", required=True, help="the station user the session is for")
    token.add_argument("--days", type=int, default=DEFAULT_SESSION_DAYS,
                       help=f"how long it is valid (default {DEFAULT_SESSION_DAYS})")
    token.set_defaults(func=issue_token)
    revoke = actions.add_parser("revoke", help="end every session of a station user")
    _data_dir(revoke)
    revoke.add_argument("--user", required=True)
    revoke.set_defaults(func=revoke_sessions)


def _data_dir(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data-dir", help="data directory (default: $VIDEOWALL_DATA_DIR or the user data dir)")


def run_recorder(args: argparse.Namespace) -> int:
    if args.seconds is not None and args.seconds <= 0:
        raise VideowallError(ErrorKind.INVALID_INPUT, "--seconds must be more than 0.")
    if not 1 <= args.segment_seconds <= 600:
        raise VideowallError(ErrorKind.INVALID_INPUT, "--segment-seconds must be from 1 to 600.")
    listen = _listen_address(args)
    from videowall.station import Station  # the station pulls in the media engine: only when recording

    stop = threading.Event()
    _stop_on_signals(stop)
    station = Station.open(args.data_dir)
    server = None
    try:
        service = station.recording_service(RecorderConfig(segment_s=args.segment_seconds))
        report = service.start()
        if report.recovered or report.removed_missing:
            print(f"index reconciled: {len(report.recovered)} segment(s) recovered, "
                  f"{len(report.removed_missing)} missing file(s) removed from the index", flush=True)
        if listen is not None:
            server = _start_server(station, service, listen, args)
            print(f"serving footage on {server.url}", flush=True)
        if not service.status().recorders:
            print("no camera is marked for recording yet; waiting", file=sys.stderr, flush=True)
        _run_until(stop, service, args.seconds)
    finally:
        if server is not None:
            server.stop()
        station.close()     # stops the recorders (closing their segments cleanly) before the sessions
    return 0


def issue_token(args: argparse.Namespace) -> int:
    with _sessions(args) as sessions:
        session, token = sessions.issue(args.user, args.days)
    print(f"session {session.id} for {session.user_name}, valid until {session.expires_utc:%Y-%m-%d %H:%M} UTC;"
          " give this token to the station (it is shown only once):", file=sys.stderr)
    print(token, flush=True)
    return 0


def revoke_sessions(args: argparse.Namespace) -> int:
    with _sessions(args) as sessions:
        count = sessions.revoke_user(args.user)
    print(f"{count} session(s) of {args.user.strip()} revoked")
    return 0


@contextlib.contextmanager
def _sessions(args: argparse.Namespace) -> Iterator:
    """The session store on the data dir's database, closed after use."""
    from videowall.config.paths import data_dir
    from videowall.footage.sessions import SessionStore
    from videowall.storage.deployment import open_station_database
    db = open_station_database(data_dir(args.data_dir))
    try:
        yield SessionStore(db)
    finally:
        db.close()


def _listen_address(args: argparse.Namespace) -> tuple[str, int] | None:
    if args.listen is None:
        if args.tls_cert or args.tls_key:
            raise VideowallError(ErrorKind.INVALID_INPUT, "--tls-cert and --tls-key need --listen.")
        return None
    host, _, port_text = args.listen.rpartition(":")
    try:
        port = int(port_text)
        address = ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        raise VideowallError(ErrorKind.INVALID_INPUT,
                             f"--listen {args.listen}: give an IP address and a port, e.g. 0.0.0.0:8443.") from None
    if not 0 <= port <= 65535:
        raise VideowallError(ErrorKind.INVALID_INPUT, f"--listen {args.listen}: the port must be 0 to 65535.")
    if (args.tls_cert is None) != (args.tls_key is None):
        raise VideowallError(ErrorKind.INVALID_INPUT, "Give both --tls-cert and --tls-key.")
    if args.tls_cert is None and not address.is_loopback:
        raise VideowallError(ErrorKind.INVALID_INPUT,
                             "Footage leaves this PC only over HTTPS: give --tls-cert and --tls-key "
                             "(plain HTTP is allowed on a loopback address only).")
    return str(address), port


def _start_server(station, service: RecordingService, listen: tuple[str, int], args: argparse.Namespace):
    from videowall.footage.server import FootageServer, tls_context
    from videowall.recording.index import RecordingStore
    from videowall.storage.deployment import open_station_database

    tls = tls_context(args.tls_cert, args.tls_key) if args.tls_cert else None
    store = RecordingStore(open_station_database(station.data_dir), service.store.root)
    server = FootageServer(store, listen[0], listen[1], tls)
    server.start()
    return server


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
