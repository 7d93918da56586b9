"""``videowall audit access``: who watched or exported which camera, when, why (the access log, from the audit chain).

Times given without an offset are read in the station's time zone and shown in it; the log stores UTC.
Reading the log needs a shift supervisor or an administrator (``--as LOGIN``) once the deployment has users.
"""

from __future__ import annotations

import argparse
from datetime import datetime
from zoneinfo import ZoneInfo

from videowall.runtime.local_time import parse_local_time


def register(audit_actions: argparse._SubParsersAction) -> None:
    access = audit_actions.add_parser(
        "access", allow_abbrev=False, help="list view sessions and exports (who, camera, why)",
        description="List the view sessions (live and playback) and exports of the access log, optionally of one "
                    "camera and of a period. Times without an offset are read in the station's time zone.")
    access.add_argument("--camera", metavar="ID|NAME", help="only this camera")
    access.add_argument("--from", dest="start", metavar="ISO", help="sessions open at or after this time")
    access.add_argument("--to", dest="end", metavar="ISO", help="sessions open at or before this time")
    access.add_argument("--as", dest="acting", metavar="LOGIN", help="who reads the log (their password is asked)")
    access.add_argument("--password-stdin", action="store_true", help="read the password from stdin")
    access.add_argument("--data-dir", help="data directory (default: $VIDEOWALL_DATA_DIR or the user data dir)")
    access.set_defaults(func=audit_access_command)


def audit_access_command(args: argparse.Namespace) -> int:
    from videowall.access.roles import Permission
    from videowall.commands.users import acting_session
    from videowall.station import Station

    station = Station.open(args.data_dir, streams=False)
    try:
        station.session = acting_session(args, station.users, Permission.READ_ACCESS_LOG)
        zone = station.zone
        camera = station.cameras.find(args.camera) if args.camera else None
        start = parse_local_time(args.start, zone, "--from") if args.start else None
        end = parse_local_time(args.end, zone, "--to") if args.end else None
        names = {c.id: c.name for c in station.cameras.list()}
        sessions = station.access_log(camera.id if camera else None, start, end)
    finally:
        station.close()
    print(f"Times in {zone.key}. Session\tkind\tcamera\tfootage\twho\tstation\tcase number\treason")
    for s in sessions:
        cameras = ", ".join(s.cameras if any(s.cameras) else (names.get(cid, f"camera {cid}") for cid in s.camera_ids))
        ended = "not closed" if s.ended_utc is None else _local(s.ended_utc, zone)
        footage = "-" if s.footage_from_utc is None else (
            f"{_local(s.footage_from_utc, zone)} – {_local(s.footage_to_utc, zone) if s.footage_to_utc else '?'}")
        print(f"{_local(s.started_utc, zone)} – {ended}\t{s.kind}\t{cameras}\t{footage}\t{s.actor}\t"
              f"{s.station or '-'}\t{s.case_number or '-'}\t{s.reason or '-'}")
    print(f"{len(sessions)} session(s).")
    return 0


def _local(moment: datetime, zone: ZoneInfo) -> str:
    return f"{moment.astimezone(zone):%Y-%m-%d %H:%M:%S %Z}"
