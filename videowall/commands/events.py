"""``videowall alarm rules|rule|list`` and ``videowall events``: alarm rules, the alarm list and event search
from the command line. Times without an offset are read, and all times printed, in the station's zone."""

from __future__ import annotations

import argparse
import contextlib
from collections.abc import Iterator
from zoneinfo import ZoneInfo

from videowall.bookmarks.identity import current_operator
from videowall.config.paths import data_dir, database_path, settings_path
from videowall.config.settings import load_settings
from videowall.events.model import EventFilter, EventKind, Show
from videowall.events.rules import DEFAULT_RULES, AlarmRule
from videowall.events.store import EventStore
from videowall.runtime.errors import ErrorKind, VideowallError
from videowall.runtime.local_time import parse_local_time
from videowall.storage.cameras import CameraStore
from videowall.storage.db import open_database

KINDS = [kind.value for kind in EventKind]


def register(subparsers: argparse._SubParsersAction) -> None:
    alarm = subparsers.add_parser("alarm", help="alarm rules and the alarm list",
                                  description="Which events raise alarms, and the alarms raised.")
    actions = alarm.add_subparsers(dest="alarm_command", metavar="ACTION", required=True)
    rules = actions.add_parser("rules", help="the rules in force (saved ones, then the built-in defaults)")
    _data_dir_option(rules)
    rules.set_defaults(func=_rules)
    rule = actions.add_parser("rule", help="set the rule of an event type (for a camera, a group or all)")
    rule.add_argument("--kind", required=True, choices=KINDS)
    rule.add_argument("--priority", required=True, type=int, help="1 (most urgent) … 5; 0 raises no alarm")
    rule.add_argument("--show", choices=[s.value for s in Show], default="none",
                      help="put the camera on the chosen tile or the alarm monitor (default none)")
    rule.add_argument("--sound", default="", help="a sound name; empty: silent")
    rule.add_argument("--debounce-s", type=float, default=30.0, help="merge equal events this close (default 30)")
    scope = rule.add_mutually_exclusive_group()
    scope.add_argument("--camera", metavar="ID|NAME", help="only this camera")
    scope.add_argument("--group", help="only cameras of this group")
    _data_dir_option(rule)
    rule.set_defaults(func=_set_rule)
    listing = actions.add_parser("list", help="open alarms, most urgent first")
    listing.add_argument("--all", action="store_true", help="closed ones too")
    _data_dir_option(listing)
    listing.set_defaults(func=_list_alarms)

    events = subparsers.add_parser("events", help="search stored events by camera, type and time")
    events.add_argument("--camera", metavar="ID|NAME")
    events.add_argument("--kind", choices=KINDS)
    events.add_argument("--from", dest="start", metavar="ISO", help="from this moment")
    events.add_argument("--to", dest="end", metavar="ISO", help="up to this moment")
    events.add_argument("--limit", type=int, default=200)
    _data_dir_option(events)
    events.set_defaults(func=_search)


def _data_dir_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data-dir", help="data directory (default: $VIDEOWALL_DATA_DIR or the user data dir)")


@contextlib.contextmanager
def _opened(args: argparse.Namespace) -> Iterator[tuple[EventStore, CameraStore, ZoneInfo]]:
    root = data_dir(args.data_dir)
    settings, _error = load_settings(settings_path(root))
    conn = open_database(database_path(root))
    try:
        yield EventStore(conn), CameraStore(conn), ZoneInfo(settings.timezone)
    finally:
        conn.close()


def _rules(args: argparse.Namespace) -> int:
    with _opened(args) as (store, cameras, _zone):
        names = {camera.id: camera.name for camera in cameras.list()}
        saved = store.rules()
    for rule in saved:
        scope = (f"camera {names.get(rule.camera_id, rule.camera_id)}" if rule.camera_id is not None
                 else f"group {rule.group}" if rule.group is not None else "all cameras")
        print(_rule_line(rule, scope))
    for rule in DEFAULT_RULES.values():
        print(_rule_line(rule, "default"))
    return 0


def _rule_line(rule: AlarmRule, scope: str) -> str:
    alarm = f"priority {rule.priority}, show {rule.show.value}" if rule.raises_alarm else "no alarm"
    sound = f", sound {rule.sound}" if rule.sound else ""
    return f"{rule.kind.value:<20} {scope:<24} {alarm}{sound}, debounce {rule.debounce_s:g} s"


def _set_rule(args: argparse.Namespace) -> int:
    with _opened(args) as (store, cameras, _zone):
        camera_id = cameras.find(args.camera).id if args.camera else None
        rule = AlarmRule(EventKind(args.kind), args.priority, Show(args.show), args.sound, args.debounce_s,
                         camera_id, args.group.strip() if args.group else None)
        store.save_rule(rule, by=current_operator())
    print(f"Rule saved: {_rule_line(rule, args.camera or args.group or 'all cameras')}")
    print("A running station applies it within 10 seconds.")
    return 0


def _list_alarms(args: argparse.Namespace) -> int:
    with _opened(args) as (store, cameras, zone):
        names = {camera.id: camera.name for camera in cameras.list()}
        alarms = store.alarms(include_closed=args.all)
    for a in alarms:
        camera = names.get(a.camera_id, "station" if a.camera_id is None else f"#{a.camera_id}")
        handled = a.closed_by or a.acknowledged_by
        print(f"#{a.id:<5} P{a.priority} {a.state.value:<12} {a.first_utc.astimezone(zone):%Y-%m-%d %H:%M:%S}  "
              f"{camera:<20} {a.kind.value} {a.source} ×{a.count}" + (f"  ({handled})" if handled else ""))
    if not alarms:
        print("No alarms." if args.all else "No open alarms.")
    return 0


def _search(args: argparse.Namespace) -> int:
    if args.limit < 1:
        raise VideowallError(ErrorKind.INVALID_INPUT, "--limit must be at least 1.")
    with _opened(args) as (store, cameras, zone):
        names = {camera.id: camera.name for camera in cameras.list()}
        flt = EventFilter(camera_id=cameras.find(args.camera).id if args.camera else None,
                          kind=EventKind(args.kind) if args.kind else None,
                          start_utc=parse_local_time(args.start, zone) if args.start else None,
                          end_utc=parse_local_time(args.end, zone) if args.end else None, limit=args.limit)
        found = store.search_events(flt)
    for e in found:
        camera = names.get(e.camera_id, "station" if e.camera_id is None else f"#{e.camera_id}")
        state = "" if e.active is None else (" on" if e.active else " off")
        what = e.kind.value if e.kind is not EventKind.OTHER else e.topic
        print(f"{e.first_utc.astimezone(zone):%Y-%m-%d %H:%M:%S}  {camera:<20} {what}{state} {e.source} ×{e.count}")
    print(f"{len(found)} event(s).")
    return 0
