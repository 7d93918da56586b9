"""Legal holds (zabezpieczenie nagrania): footage secured as evidence, never deleted while held.

A hold covers one camera or all cameras over a time range, with a reason and a case number. It is
lifted (never deleted) with a reason of its own; both changes go to the audit log in the same
transaction as the change itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timezone

from videowall.recording.index import RecordingStore
from videowall.recording.timebase import from_us, to_us
from videowall.recording.types import RecordedSegment
from videowall.runtime.clock import SYSTEM_CLOCK, Clock
from videowall.runtime.errors import ErrorKind, VideowallError

MAX_REASON_CHARS = 500
MAX_CASE_CHARS = 100
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")   # newlines and tabs are fine in a reason
_COLUMNS = ("id, camera_id, start_us, end_us, reason, case_number, placed_by, placed_utc, released_by, "
            "released_utc, release_reason")

# A segment is held when an active hold of its camera (or of all cameras) overlaps it. Shared with
# retention, which deletes only rows for which this is false, in the same statement.
HELD_SQL = ("EXISTS (SELECT 1 FROM legal_holds h WHERE h.released_utc IS NULL"
            " AND (h.camera_id IS NULL OR h.camera_id = recording_segments.camera_id)"
            " AND h.start_us < recording_segments.end_us AND h.end_us > recording_segments.start_us)")


@dataclass(frozen=True)
class LegalHold:
    id: int
    camera_id: int | None          # None: all cameras
    start_utc: datetime
    end_utc: datetime
    reason: str
    case_number: str
    placed_by: str
    placed_utc: datetime
    released_by: str | None = None
    released_utc: datetime | None = None
    release_reason: str | None = None

    @property
    def active(self) -> bool:
        return self.released_utc is None

    def covers(self, segment: RecordedSegment) -> bool:
        return (self.active and (self.camera_id is None or self.camera_id == segment.camera_id)
                and self.start_utc < segment.end_utc and self.end_utc > segment.start_utc)


class HoldStore:
    """Holds in the station database. Any thread (the RecordingStore's lock serialises access)."""

    def __init__(self, store: RecordingStore, clock: Clock = SYSTEM_CLOCK) -> None:
        self._store = store
        self._clock = clock

    def place(self, camera_id: int | None, start_utc: datetime, end_utc: datetime, reason: str,
              case_number: str, actor: str) -> LegalHold:
        start_us, end_us = _range(start_utc, end_utc)
        reason = _text(reason, "The reason for the hold", MAX_REASON_CHARS)
        case_number = _text(case_number, "The case number", MAX_CASE_CHARS, single_line=True)
        actor = _text(actor, "The operator", 200, single_line=True)
        now = self._clock.now_utc().astimezone(timezone.utc)
        with self._store.locked_transaction() as conn:
            hold_id = int(conn.scalar(
                "INSERT INTO legal_holds (camera_id, start_us, end_us, reason, case_number, placed_by, placed_utc)"
                " VALUES (:camera_id, :start_us, :end_us, :reason, :case_number, :actor, :now) RETURNING id",
                {"camera_id": camera_id, "start_us": start_us, "end_us": end_us, "reason": reason,
                 "case_number": case_number, "actor": actor, "now": now.isoformat()}))
            self._store.audit("recording.hold_placed", {
                "hold_id": hold_id, "camera_id": camera_id, "start_utc": from_us(start_us).isoformat(),
                "end_utc": from_us(end_us).isoformat(), "reason": reason, "case_number": case_number}, actor)
        return self.get(hold_id)

    def release(self, hold_id: int, reason: str, actor: str) -> LegalHold:
        reason = _text(reason, "The reason for lifting the hold", MAX_REASON_CHARS)
        actor = _text(actor, "The operator", 200, single_line=True)
        now = self._clock.now_utc().astimezone(timezone.utc)
        with self._store.locked_transaction() as conn:
            hold = self.get(hold_id)
            if not hold.active:
                raise VideowallError(ErrorKind.INVALID_INPUT,
                                     f"Hold {hold_id} (case {hold.case_number}) was already lifted.")
            conn.execute("UPDATE legal_holds SET released_by = :actor, released_utc = :now, release_reason = :reason"
                         " WHERE id = :id", {"actor": actor, "now": now.isoformat(), "reason": reason, "id": hold_id})
            self._store.audit("recording.hold_released", {
                "hold_id": hold_id, "camera_id": hold.camera_id, "case_number": hold.case_number,
                "reason": reason}, actor)
        return self.get(hold_id)

    def get(self, hold_id: int) -> LegalHold:
        with self._store.reading() as conn:
            row = conn.execute(f"SELECT {_COLUMNS} FROM legal_holds WHERE id = :id", {"id": hold_id}).fetchone()
        if row is None:
            raise VideowallError(ErrorKind.NOT_FOUND, f"There is no legal hold with id {hold_id}.")
        return _hold(row)

    def list(self, include_released: bool = False) -> list[LegalHold]:
        query = f"SELECT {_COLUMNS} FROM legal_holds"
        if not include_released:
            query += " WHERE released_utc IS NULL"
        with self._store.reading() as conn:
            rows = conn.execute(query + " ORDER BY start_us, id").fetchall()
        return [_hold(row) for row in rows]

    def holds_over(self, camera_id: int, start_utc: datetime, end_utc: datetime) -> list[LegalHold]:
        """Active holds covering any part of the range for ``camera_id`` (for the timeline)."""
        start_us, end_us = to_us(start_utc), to_us(end_utc)
        with self._store.reading() as conn:
            rows = conn.execute(
                f"SELECT {_COLUMNS} FROM legal_holds WHERE released_utc IS NULL"
                " AND (camera_id IS NULL OR camera_id = :camera_id) AND start_us < :end_us AND end_us > :start_us"
                " ORDER BY start_us", {"camera_id": camera_id, "end_us": end_us, "start_us": start_us}).fetchall()
        return [_hold(row) for row in rows]

    def is_held(self, segment: RecordedSegment) -> bool:
        return bool(self.holds_over(segment.camera_id, segment.start_utc, segment.end_utc))


def _range(start_utc: datetime, end_utc: datetime) -> tuple[int, int]:
    if start_utc.tzinfo is None or end_utc.tzinfo is None:
        raise VideowallError(ErrorKind.INVALID_INPUT, "The hold's start and end need a time zone.")
    start_us, end_us = to_us(start_utc), to_us(end_utc)
    if end_us <= start_us:
        raise VideowallError(ErrorKind.INVALID_INPUT, "The hold must end after it starts.")
    return start_us, end_us


def _text(value: str, label: str, limit: int, single_line: bool = False) -> str:
    cleaned = (value or "").strip()
    if not cleaned:
        raise VideowallError(ErrorKind.INVALID_INPUT, f"{label} is required.")
    if len(cleaned) > limit:
        raise VideowallError(ErrorKind.INVALID_INPUT, f"{label} is too long ({len(cleaned)} characters; "
                                                      f"at most {limit}).")
    if _CONTROL.search(cleaned) or (single_line and ("\n" in cleaned or "\t" in cleaned)):
        raise VideowallError(ErrorKind.INVALID_INPUT, f"{label} must not contain control characters.")
    return cleaned


def _hold(row: tuple) -> LegalHold:
    (hold_id, camera_id, start, end, reason, case, placed_by, placed, released_by, released, release_reason) = row
    return LegalHold(id=hold_id, camera_id=camera_id, start_utc=from_us(start), end_utc=from_us(end),
                     reason=reason, case_number=case, placed_by=placed_by,
                     placed_utc=datetime.fromisoformat(placed), released_by=released_by,
                     released_utc=datetime.fromisoformat(released) if released else None,
                     release_reason=release_reason)
