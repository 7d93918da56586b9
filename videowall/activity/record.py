"""The activity record's content, built from one bookmark or from a shift's bookmarks."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import TYPE_CHECKING

from videowall.audit.access_list import AccessSession
from videowall.model.bookmark import Bookmark, BookmarkFilter, polish_category
from videowall.config.settings import Settings
from videowall.events.model import Alarm
from videowall.runtime.clock import SYSTEM_CLOCK, Clock
from videowall.runtime.errors import ErrorKind, VideowallError

if TYPE_CHECKING:
    from videowall.bookmarks.store import BookmarkStore

MAX_ENTRIES = 5000      # far beyond a real shift; more means the period was chosen by mistake


@dataclass(frozen=True)
class ActivityEntry:
    start_utc: datetime
    end_utc: datetime
    operator: str
    event: str                  # the category, then the description
    place: str
    result: str
    cameras: tuple[str, ...]
    case_number: str
    bookmark_id: int


@dataclass(frozen=True)
class AlarmActivity:
    """An alarm of the station during the period and how it was handled."""
    first_utc: datetime
    last_utc: datetime
    kind: str                   # EventKind value; the PDF names it
    camera: str
    priority: int
    count: int
    state: str                  # AlarmState value
    acknowledged_by: str
    closed_by: str
    comment: str
    alarm_id: int


@dataclass(frozen=True)
class ActivityRecord:
    organisation: str
    unit: str
    station_name: str
    period_start_utc: datetime
    period_end_utc: datetime
    operator: str | None        # None: every operator's events of the period
    entries: tuple[ActivityEntry, ...]
    generated_utc: datetime
    timezone: str
    alarms: tuple[AlarmActivity, ...] = ()      # a shift's record: the station's alarms of the period
    access: tuple[AccessSession, ...] | None = None     # the access log of the period, when asked for

    def operators(self) -> tuple[str, ...]:
        """The operators named in the entries, in order of first appearance."""
        return tuple(dict.fromkeys(entry.operator for entry in self.entries))


def entry_from_bookmark(bookmark: Bookmark, camera_names: Mapping[int, str]) -> ActivityEntry:
    description = bookmark.description.strip()
    category = polish_category(bookmark.category)
    event = f"{category} — {description}" if description else category
    cameras = tuple(camera_names.get(cid, f"kamera nr {cid}") for cid in bookmark.camera_ids)
    return ActivityEntry(start_utc=bookmark.start_utc, end_utc=bookmark.end_utc, operator=bookmark.operator,
                         event=event, place=bookmark.place, result=bookmark.result, cameras=cameras,
                         case_number=bookmark.case_number, bookmark_id=bookmark.id)


def alarm_activity(alarm: Alarm, camera_names: Mapping[int, str]) -> AlarmActivity:
    camera = ("stanowisko" if alarm.camera_id is None
              else camera_names.get(alarm.camera_id, f"kamera nr {alarm.camera_id}"))
    return AlarmActivity(alarm.first_utc, alarm.last_utc, alarm.kind.value, camera, alarm.priority, alarm.count,
                         alarm.state.value, alarm.acknowledged_by, alarm.closed_by, alarm.comment, alarm.id)


def record_from_bookmark(bookmark: Bookmark, camera_names: Mapping[int, str], settings: Settings,
                         clock: Clock = SYSTEM_CLOCK) -> ActivityRecord:
    if bookmark.withdrawn:
        raise VideowallError(ErrorKind.INVALID_INPUT,
                             f"Bookmark {bookmark.id} was withdrawn, so there is no activity to document.")
    return ActivityRecord(
        organisation=settings.organisation, unit=settings.unit, station_name=settings.station_name,
        period_start_utc=bookmark.start_utc, period_end_utc=bookmark.end_utc, operator=bookmark.operator,
        entries=(entry_from_bookmark(bookmark, camera_names),), generated_utc=clock.now_utc(),
        timezone=settings.timezone)


def record_for_shift(bookmarks: BookmarkStore, camera_names: Mapping[int, str], settings: Settings, *,
                     start_utc: datetime, end_utc: datetime, operator: str | None,
                     clock: Clock = SYSTEM_CLOCK, alarms: Sequence[Alarm] = (),
                     access: Sequence[AccessSession] | None = None) -> ActivityRecord:
    """Every bookmark overlapping [start, end] that was not withdrawn (one operator's when given), oldest
    first, the station's ``alarms`` of the period with their handling, and, when given, the view sessions and
    exports of the access log (``access``). A period without bookmarks still
    makes a record: it states that no events were noted."""
    if start_utc.tzinfo is None or end_utc.tzinfo is None:
        raise VideowallError(ErrorKind.INVALID_INPUT, "The period of the activity record needs a time zone.")
    if end_utc <= start_utc:
        raise VideowallError(ErrorKind.INVALID_INPUT, "The end of the period must be after its start.")
    start_utc, end_utc = start_utc.astimezone(timezone.utc), end_utc.astimezone(timezone.utc)
    operator = (operator or "").strip() or None
    found = bookmarks.search(BookmarkFilter(start_utc=start_utc, end_utc=end_utc, operator=operator),
                             limit=MAX_ENTRIES + 1)
    if len(found) > MAX_ENTRIES:
        raise VideowallError(ErrorKind.INVALID_INPUT,
                             f"The period holds more than {MAX_ENTRIES} events; choose a shorter period.")
    found.sort(key=lambda b: (b.start_utc, b.id))
    return ActivityRecord(
        organisation=settings.organisation, unit=settings.unit, station_name=settings.station_name,
        period_start_utc=start_utc, period_end_utc=end_utc, operator=operator,
        entries=tuple(entry_from_bookmark(b, camera_names) for b in found if not b.withdrawn),
        generated_utc=clock.now_utc(), timezone=settings.timezone,
        alarms=tuple(alarm_activity(a, camera_names) for a in sorted(alarms, key=lambda a: (a.first_utc, a.id))),
        access=None if access is None else tuple(access))
