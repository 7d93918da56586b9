"""``videowall bookmark add|list|show|edit|evidence|release|withdraw|restore``: bookmarks from the command line.

Times given without an offset are read in the station's time zone, and every time is printed in it.
The operator is the logged-in user, as in the GUI.
"""

from __future__ import annotations

import argparse
import contextlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from videowall.bookmarks.output import CameraNames, print_bookmark, print_history, print_list
from videowall.bookmarks.store import BookmarkStore
from videowall.commands.light_station import light_station
from videowall.config.settings import Settings
from videowall.model.bookmark import BookmarkFilter
from videowall.runtime.errors import ErrorKind, VideowallError
from videowall.runtime.local_time import parse_local_time
from videowall.storage.cameras import CameraStore


def register(subparsers: argparse._SubParsersAction) -> None:
    bookmark = subparsers.add_parser("bookmark", help="mark incidents, search them, mark them as evidence",
                                     description="Bookmarks: marked incidents with their footage range.")
    bookmark.set_defaults(func=lambda _args: _print_help(bookmark))
    actions = bookmark.add_subparsers(dest="bookmark_command", metavar="ACTION")

    add = actions.add_parser("add", allow_abbrev=False, help="bookmark a moment on one or more cameras")
    add.add_argument("--camera", required=True, metavar="ID|NAME[,...]", help="the cameras (ids or names)")
    add.add_argument("--at", help="the moment, ISO 8601 (default: now); without an offset in the station's zone")
    add.add_argument("--category", required=True, help="one of the station's bookmark categories")
    add.add_argument("--pre", type=float, help="seconds of footage before the moment (default: the setting)")
    add.add_argument("--post", type=float, help="seconds of footage after the moment (default: the setting)")
    _text_options(add)
    add.set_defaults(func=_add)

    find = actions.add_parser("list", allow_abbrev=False, help="search bookmarks (newest first)")
    find.add_argument("--from", dest="start", help="only bookmarks overlapping this time or later")
    find.add_argument("--to", dest="end", help="only bookmarks overlapping this time or earlier")
    find.add_argument("--camera", metavar="ID|NAME", help="only bookmarks of this camera")
    find.add_argument("--category", help="only this category")
    find.add_argument("--operator", help="only bookmarks this operator created")
    find.add_argument("--text", default="", help="words in the description, place, case number or category")
    find.add_argument("--evidence", action="store_true", help="only bookmarks marked as evidence")
    find.add_argument("--withdrawn", action="store_true", help="include withdrawn bookmarks")
    find.add_argument("--limit", type=int, default=2000, help="at most this many (default 2000)")
    find.set_defaults(func=_list)

    show = actions.add_parser("show", help="a bookmark with its full history")
    show.add_argument("id", type=int)
    show.set_defaults(func=_show)

    edit = actions.add_parser("edit", allow_abbrev=False, help="change a bookmark (kept in its history)")
    edit.add_argument("id", type=int)
    edit.add_argument("--camera", metavar="ID|NAME[,...]", help="the new list of cameras")
    edit.add_argument("--category", help="the new category")
    edit.add_argument("--start", help="the new start of the footage range")
    edit.add_argument("--end", help="the new end of the footage range")
    _text_options(edit)
    edit.set_defaults(func=_edit)

    evidence = actions.add_parser("evidence", allow_abbrev=False,
                                  help="mark as evidence: put a legal hold on its footage")
    evidence.add_argument("id", type=int)
    evidence.add_argument("--reason", required=True, help="why the footage is secured (e.g. the request)")
    evidence.add_argument("--case", help="case number (default: the bookmark's; one is required)")
    evidence.set_defaults(func=_evidence)

    for name, text, handler in (("release", "lift the evidence holds", _release),
                                ("withdraw", "withdraw a bookmark made by mistake (it is kept)", _withdraw),
                                ("restore", "bring back a withdrawn bookmark", _restore)):
        action = actions.add_parser(name, allow_abbrev=False, help=text)
        action.add_argument("id", type=int)
        action.add_argument("--reason", required=True, help="why (kept in the history and the audit log)")
        action.set_defaults(func=handler)

    for action in actions.choices.values():
        action.add_argument("--data-dir", help="data directory (default: $VIDEOWALL_DATA_DIR or the user data dir)")


def _text_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--description", help="what happened")
    parser.add_argument("--place", help="where it happened")
    parser.add_argument("--case", help="case number")
    parser.add_argument("--result", help="the outcome (for the activity record)")


def _print_help(parser: argparse.ArgumentParser) -> int:
    parser.print_help()
    return 2


@dataclass(frozen=True)
class _Context:
    settings: Settings
    zone: ZoneInfo
    bookmarks: BookmarkStore
    cameras: CameraStore
    operator: str

    def camera_ids(self, text: str) -> tuple[int, ...]:
        return tuple(camera.id for camera in self.cameras.find_listed(text))

    def names(self) -> CameraNames:
        return CameraNames({camera.id: camera.name for camera in self.cameras.list()})

    def time(self, text: str, option: str) -> datetime:
        return parse_local_time(text, self.zone, option)


@contextlib.contextmanager
def _opened(args: argparse.Namespace) -> Iterator[_Context]:
    with light_station(args.data_dir) as station:
        yield _Context(station.settings, station.zone, station.bookmarks(), station.cameras, station.operator)


def _add(args: argparse.Namespace) -> int:
    with _opened(args) as ctx:
        at = ctx.time(args.at, "--at") if args.at else datetime.now(ctx.zone)
        created = ctx.bookmarks.create(
            at_utc=at, camera_ids=ctx.camera_ids(args.camera), category=args.category, operator=ctx.operator,
            description=args.description or "", place=args.place or "", case_number=args.case or "",
            result=args.result or "",
            pre_roll_s=ctx.settings.bookmark_pre_roll_s if args.pre is None else args.pre,
            post_roll_s=ctx.settings.bookmark_post_roll_s if args.post is None else args.post)
        print(f"Bookmark {created.id} created.")
        print_bookmark(created, ctx.names(), ctx.zone)
    return 0


def _list(args: argparse.Namespace) -> int:
    if args.limit < 1:
        raise VideowallError(ErrorKind.INVALID_INPUT, "--limit must be at least 1.")
    with _opened(args) as ctx:
        flt = BookmarkFilter(
            start_utc=ctx.time(args.start, "--from") if args.start else None,
            end_utc=ctx.time(args.end, "--to") if args.end else None,
            camera_id=ctx.cameras.find(args.camera).id if args.camera else None,
            category=args.category, operator=args.operator, text=args.text, evidence_only=args.evidence,
            include_withdrawn=args.withdrawn)
        print_list(ctx.bookmarks.search(flt, args.limit), ctx.names(), ctx.zone)
    return 0


def _show(args: argparse.Namespace) -> int:
    with _opened(args) as ctx:
        print_bookmark(ctx.bookmarks.get(args.id), ctx.names(), ctx.zone)
        print_history(ctx.bookmarks.history(args.id), ctx.zone)
    return 0


def _edit(args: argparse.Namespace) -> int:
    with _opened(args) as ctx:
        changes: dict[str, object] = {name: getattr(args, option) for name, option in (
            ("category", "category"), ("description", "description"), ("place", "place"),
            ("case_number", "case"), ("result", "result")) if getattr(args, option) is not None}
        if args.camera is not None:
            changes["camera_ids"] = ctx.camera_ids(args.camera)
        if args.start is not None:
            changes["start_utc"] = ctx.time(args.start, "--start")
        if args.end is not None:
            changes["end_utc"] = ctx.time(args.end, "--end")
        if not changes:
            raise VideowallError(ErrorKind.INVALID_INPUT, "Say what to change, e.g. --description or --end.")
        before = ctx.bookmarks.get(args.id).revision
        edited = ctx.bookmarks.update(args.id, edited_by=ctx.operator, expected_revision=before, **changes)
        print(f"Bookmark {edited.id} " + ("unchanged." if edited.revision == before
                                          else f"saved as revision {edited.revision}."))
        print_bookmark(edited, ctx.names(), ctx.zone)
    return 0


def _evidence(args: argparse.Namespace) -> int:
    with _opened(args) as ctx:
        marked = ctx.bookmarks.mark_as_evidence(args.id, by=ctx.operator, reason=args.reason, case_number=args.case)
        print(f"Bookmark {marked.id} is evidence in case {marked.case_number}: legal holds "
              f"{', '.join(map(str, marked.hold_ids))} keep its footage.")
    return 0


def _release(args: argparse.Namespace) -> int:
    with _opened(args) as ctx:
        before = ctx.bookmarks.get(args.id)
        released = ctx.bookmarks.release_evidence(args.id, by=ctx.operator, reason=args.reason)
        print(f"Bookmark {released.id}: legal holds {', '.join(map(str, before.hold_ids))} lifted; its footage "
              "follows the normal retention again.")
    return 0


def _withdraw(args: argparse.Namespace) -> int:
    with _opened(args) as ctx:
        ctx.bookmarks.withdraw(args.id, by=ctx.operator, reason=args.reason)
        print(f"Bookmark {args.id} withdrawn (kept with its history; list --withdrawn shows it).")
    return 0


def _restore(args: argparse.Namespace) -> int:
    with _opened(args) as ctx:
        ctx.bookmarks.restore(args.id, by=ctx.operator, reason=args.reason)
        print(f"Bookmark {args.id} restored.")
    return 0
