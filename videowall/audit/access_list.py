"""The access log read back from the audit chain: view sessions and exports, filtered by camera and period."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from videowall.audit.log import AuditLog
from videowall.audit.view_log import ENDED, STARTED
from videowall.runtime.errors import ErrorKind, VideowallError

EXPORT_STARTED = "evidence.export.started"
MAX_LISTED = 10_000     # far beyond a real query; more means the period was chosen by mistake


@dataclass(frozen=True)
class AccessSession:
    kind: str                       # "live", "playback" or "export"
    actor: str                      # the person and role
    camera_ids: tuple[int, ...]
    cameras: tuple[str, ...]        # names when the entry carries them
    started_utc: datetime
    ended_utc: datetime | None      # None: not closed (still open, or the station stopped)
    footage_from_utc: datetime | None
    footage_to_utc: datetime | None
    reason: str
    case_number: str
    station: str
    start_seq: int


def access_sessions(log: AuditLog, *, camera_id: int | None = None, start_utc: datetime | None = None,
                    end_utc: datetime | None = None) -> list[AccessSession]:
    """Sessions that were open at some moment of [start, end] (either may be None), oldest first."""
    if start_utc is not None and end_utc is not None and end_utc <= start_utc:
        raise VideowallError(ErrorKind.INVALID_INPUT, "The end of the period must be after its start.")
    sessions: dict[int, AccessSession] = {}
    for entry in log.entries(action_prefix="view.") + log.entries(action_prefix=EXPORT_STARTED):
        details = entry.details
        if entry.action == STARTED:
            sessions[entry.seq] = _view(entry.seq, entry.recorded_utc, entry.actor, details)
        elif entry.action == ENDED and details.get("start_seq") in sessions:
            started = sessions[details["start_seq"]]
            sessions[started.start_seq] = _ended(started, entry.recorded_utc, details)
        elif entry.action == EXPORT_STARTED:
            sessions[entry.seq] = _export(entry.seq, entry.recorded_utc, entry.actor, details)
    chosen = [s for s in sorted(sessions.values(), key=lambda s: (s.started_utc, s.start_seq))
              if (camera_id is None or camera_id in s.camera_ids)
              and (end_utc is None or s.started_utc <= end_utc)
              and (start_utc is None or s.ended_utc is None or s.ended_utc >= start_utc)]
    if len(chosen) > MAX_LISTED:
        raise VideowallError(ErrorKind.INVALID_INPUT,
                             f"More than {MAX_LISTED} access sessions match; choose a shorter period or one camera.")
    return chosen


def _time(text: Any) -> datetime | None:
    """A UTC time of an entry (view entries and export entries write ISO 8601 with a Z)."""
    if not isinstance(text, str) or not text:
        return None
    try:
        return datetime.fromisoformat(text).astimezone(timezone.utc)
    except ValueError:
        return None


def _view(seq: int, at: datetime, actor: str, details: dict) -> AccessSession:
    return AccessSession(kind=str(details.get("kind", "")), actor=actor,
                         camera_ids=(int(details.get("camera_id", 0)),), cameras=(str(details.get("camera", "")),),
                         started_utc=at, ended_utc=None, footage_from_utc=_time(details.get("footage_from_utc")),
                         footage_to_utc=_time(details.get("footage_to_utc")), reason=str(details.get("reason") or ""),
                         case_number=str(details.get("case_number") or ""), station=str(details.get("station") or ""),
                         start_seq=seq)


def _ended(started: AccessSession, at: datetime, details: dict) -> AccessSession:
    return AccessSession(**{**started.__dict__, "ended_utc": at,
                            "footage_from_utc": _time(details.get("footage_from_utc")) or started.footage_from_utc,
                            "footage_to_utc": _time(details.get("footage_to_utc")) or started.footage_to_utc})


def _export(seq: int, at: datetime, actor: str, details: dict) -> AccessSession:
    ids = tuple(int(cid) for cid in details.get("camera_ids", ()))
    return AccessSession(kind="export", actor=actor, camera_ids=ids, cameras=(), started_utc=at, ended_utc=at,
                         footage_from_utc=_time(details.get("from_utc")),
                         footage_to_utc=_time(details.get("to_utc")),
                         reason=str(details.get("reason") or ""), case_number=str(details.get("case_number") or ""),
                         station=str(details.get("station") or ""), start_seq=seq)
