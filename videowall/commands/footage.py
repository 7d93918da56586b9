"""A station's side of the recording server: which one, with which session; ``videowall footage`` commands.

``--recorder URL`` (and ``--recorder-ca FILE`` for a deployment's own CA) picks the server; the session
token comes from stdin (``--recorder-token-stdin``) or ``$VIDEOWALL_RECORDER_TOKEN``, never from a file or
the command line. Downloaded segments are kept in ``<data dir>/footage-cache/<server>``.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
from pathlib import Path

from videowall.runtime.errors import ErrorKind, VideowallError

TOKEN_ENV = "VIDEOWALL_RECORDER_TOKEN"
CACHE_DIR = "footage-cache"
SKEW_WARN_S = 2.0


def add_recorder_options(parser: argparse.ArgumentParser, required: bool = False) -> None:
    parser.add_argument("--recorder", required=required, metavar="URL",
                        help="read footage from this recording server (https://HOST:PORT) instead of this PC")
    parser.add_argument("--recorder-ca", type=Path, metavar="FILE", help="CA certificate the recorder's is checked with")
    parser.add_argument("--recorder-token-stdin", action="store_true",
                        help=f"read the station session token from stdin (else ${TOKEN_ENV})")


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("footage", help="footage on a recording server (clock, segments)")
    actions = parser.add_subparsers(dest="footage_action", metavar="ACTION", required=True)
    status = actions.add_parser("status", help="the recorder's clock and how far this station's is from it")
    segments = actions.add_parser("segments", help="list a camera's segments on the recorder")
    segments.add_argument("--camera", type=int, required=True, help="camera id")
    segments.add_argument("--from", dest="start", required=True, metavar="ISO")
    segments.add_argument("--to", dest="end", required=True, metavar="ISO")
    for sub in (status, segments):
        sub.add_argument("--data-dir", help="data directory (default: $VIDEOWALL_DATA_DIR or the user data dir)")
        add_recorder_options(sub, required=True)
    status.set_defaults(func=footage_status)
    segments.set_defaults(func=footage_segments)


def open_remote(args: argparse.Namespace, data_dir: Path):
    """The RemoteFootage of ``--recorder``, caching under ``data_dir``."""
    from videowall.footage.client import RecorderClient
    from videowall.footage.remote import RemoteFootage

    token = sys.stdin.readline().strip() if args.recorder_token_stdin else os.environ.get(TOKEN_ENV, "").strip()
    if not token:
        raise VideowallError(ErrorKind.AUTH_FAILED, f"No session token for the recording server: pipe it in with "
                                                    f"--recorder-token-stdin or set ${TOKEN_ENV}.")
    client = RecorderClient(args.recorder, token, ca_file=args.recorder_ca)
    server = hashlib.sha256(client.base_url.encode()).hexdigest()[:16]
    return RemoteFootage(client, Path(data_dir) / CACHE_DIR / server)


def skew_line(skew_s: float) -> str:
    where = "ahead of" if skew_s > 0 else "behind"
    text = f"the recorder's clock is {abs(skew_s):.1f} s {where} this station's; footage times are the recorder's (UTC)"
    return text + (" - check both hosts' time sync (NTP)" if abs(skew_s) >= SKEW_WARN_S else "")


def footage_status(args: argparse.Namespace) -> int:
    from videowall.config.paths import data_dir
    footage = open_remote(args, data_dir(args.data_dir))
    try:
        clock = footage.recorder_clock()
    finally:
        footage.close()
    print(f"recorder {footage.client.base_url}: {clock.server_utc.isoformat(timespec='milliseconds')}")
    print(skew_line(clock.skew_s))
    return 0


def footage_segments(args: argparse.Namespace) -> int:
    from datetime import timezone

    from videowall.config.paths import data_dir
    from videowall.runtime.local_time import parse_local_time

    start = parse_local_time(args.start, timezone.utc, "--from")
    end = parse_local_time(args.end, timezone.utc, "--to")
    footage = open_remote(args, data_dir(args.data_dir))
    try:
        segments = footage.segments(args.camera, start, end)
        gaps = footage.gaps(args.camera, start, end)
    finally:
        footage.close()
    for segment in segments:
        print(f"{segment.id}\t{segment.start_utc:%Y-%m-%dT%H:%M:%S.%f}Z\t{segment.end_utc:%Y-%m-%dT%H:%M:%S.%f}Z\t"
              f"{segment.bytes}\t{segment.state.value}\t{segment.sha256 or '-'}")
    for gap in gaps:
        print(f"gap\t{gap.start_utc:%Y-%m-%dT%H:%M:%S}Z\t{gap.end_utc:%Y-%m-%dT%H:%M:%S}Z\t{gap.reason}")
    return 0
