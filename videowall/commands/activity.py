"""``videowall activity-record``: the activity record ("informacja") of one bookmark or of a shift, as a PDF."""

from __future__ import annotations

import argparse
from pathlib import Path

from videowall.runtime.errors import ErrorKind, VideowallError
from videowall.runtime.local_time import parse_local_time


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "activity-record", allow_abbrev=False, help="print the activity record (informacja) of a bookmark or a shift",
        description="Write the activity record required by Rozporządzenie RM of 16 Dec 2009 as a PDF: of one "
                    "bookmark, or of every bookmark of a period (a shift), optionally one operator's. Times "
                    "without an offset are read in the station's time zone.")
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--bookmark", type=int, metavar="ID", help="the record of this bookmark")
    source.add_argument("--from", dest="start", metavar="ISO", help="the start of the shift (with --to)")
    parser.add_argument("--to", dest="end", metavar="ISO", help="the end of the shift")
    parser.add_argument("--operator", metavar="NAME", help="only this operator's bookmarks (shift only)")
    parser.add_argument("--access-log", action="store_true",
                        help="include the access log of the period: view sessions and exports (shift only)")
    parser.add_argument("--out", required=True, metavar="FILE.pdf", help="the PDF to write (replaced if it exists)")
    parser.add_argument("--data-dir", help="data directory (default: $VIDEOWALL_DATA_DIR or the user data dir)")
    parser.set_defaults(func=activity_record_command)


def activity_record_command(args: argparse.Namespace) -> int:
    if args.bookmark is not None and (args.end or args.operator or args.access_log):
        raise VideowallError(ErrorKind.INVALID_INPUT,
                             "--to, --operator and --access-log go with --from, not with --bookmark.")
    if args.start and not args.end:
        raise VideowallError(ErrorKind.INVALID_INPUT, "--from needs --to: give the end of the shift.")
    # The station pulls in the media engine, the record reportlab: only when run.
    from videowall.activity.pdf import write_activity_pdf
    from videowall.activity.record import record_for_shift, record_from_bookmark
    from videowall.station import Station

    station = Station.open(args.data_dir)
    try:
        names = {camera.id: camera.name for camera in station.cameras.list()}
        bookmarks = station.bookmarks()
        if args.bookmark is not None:
            record = record_from_bookmark(bookmarks.get(args.bookmark), names, station.settings)
        else:
            zone = station.zone
            start, end = parse_local_time(args.start, zone), parse_local_time(args.end, zone)
            record = record_for_shift(bookmarks, names, station.settings, start_utc=start, end_utc=end,
                                      operator=args.operator,
                                      alarms=station.alarms_over(start, end),
                                      access=station.access_log(start_utc=start, end_utc=end) if args.access_log else None)
        written = write_activity_pdf(record, Path(args.out))
    finally:
        station.close()
    access = "" if record.access is None else f", {len(record.access)} access session(s)"
    print(f"Activity record written: {written} ({len(record.entries)} event(s), {len(record.alarms)} alarm(s){access}).")
    return 0

