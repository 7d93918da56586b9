"""How the ``videowall bookmark`` commands print bookmarks and their history (times in the station's zone)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from videowall.model.bookmark import CREATED, Bookmark, BookmarkRevision

_TIME_FIELDS = ("at_utc", "start_utc", "end_utc")
_LABELS = {"at_utc": "moment", "start_utc": "start", "end_utc": "end", "camera_ids": "cameras",
           "case_number": "case number", "hold_ids": "legal holds"}
_SUMMARY_CHARS = 60


@dataclass(frozen=True)
class CameraNames:
    by_id: dict[int, str]

    def __call__(self, camera_ids: tuple[int, ...] | list[int]) -> str:
        return ", ".join(f"{self.by_id[cid]} ({cid})" if cid in self.by_id else f"#{cid} (removed)"
                         for cid in camera_ids)


def local(moment: datetime, zone: ZoneInfo) -> str:
    return moment.astimezone(zone).strftime("%Y-%m-%d %H:%M:%S %Z")


def print_list(bookmarks: list[Bookmark], names: CameraNames, zone: ZoneInfo) -> None:
    """One tab-separated line each: id, moment, category, cameras, operator, state, description."""
    if not bookmarks:
        print("No bookmarks match.")
        return
    for b in bookmarks:
        state = "withdrawn" if b.withdrawn else (f"evidence {b.case_number}" if b.evidence else "-")
        summary = " ".join(b.description.split())
        if len(summary) > _SUMMARY_CHARS:
            summary = summary[:_SUMMARY_CHARS - 1] + "…"
        print("\t".join((str(b.id), local(b.at_utc, zone), b.category, names(b.camera_ids), b.operator, state,
                         summary)))


def print_bookmark(b: Bookmark, names: CameraNames, zone: ZoneInfo) -> None:
    rows = [("Moment", local(b.at_utc, zone)),
            ("Footage", f"{local(b.start_utc, zone)} – {local(b.end_utc, zone)}"),
            ("Cameras", names(b.camera_ids)),
            ("Category", b.category),
            ("Description", b.description),
            ("Place", b.place),
            ("Case number", b.case_number),
            ("Result", b.result),
            ("Operator", b.operator),
            ("Created", local(b.created_utc, zone)),
            ("Updated", local(b.updated_utc, zone)),
            ("Evidence", f"yes, legal holds {', '.join(map(str, b.hold_ids))}" if b.evidence else "no")]
    if b.withdrawn:
        rows.append(("Withdrawn", "yes"))
    print(f"Bookmark {b.id} (revision {b.revision})")
    width = max(len(label) for label, _ in rows) + 1
    for label, value in rows:
        lines = value.splitlines() or [""]
        print(f"  {label + ':':<{width}} {lines[0]}")
        for line in lines[1:]:
            print(f"  {'':<{width}} {line}")


def print_history(revisions: list[BookmarkRevision], zone: ZoneInfo) -> None:
    print("History:")
    for rev in revisions:
        reason = f" (reason: {rev.reason})" if rev.reason else ""
        print(f"  {rev.revision}. {local(rev.changed_utc, zone)} {rev.changed_by}: "
              f"{rev.action.replace('_', ' ')}{reason}")
        for name, (old, new) in rev.changes.items():
            label = _LABELS.get(name, name.replace("_", " "))
            if rev.action == CREATED:
                if new not in ("", [], None):
                    print(f"      {label}: {_value(name, new, zone)}")
            else:
                print(f"      {label}: {_value(name, old, zone)} → {_value(name, new, zone)}")


def _value(name: str, value: Any, zone: ZoneInfo) -> str:
    if value in (None, ""):
        return "(empty)"
    if name in _TIME_FIELDS:
        return local(datetime.fromisoformat(value), zone)
    if isinstance(value, list):
        return ", ".join(map(str, value)) or "(none)"
    if isinstance(value, bool):
        return "yes" if value else "no"
    return repr(value) if isinstance(value, str) and "\n" in value else str(value)
