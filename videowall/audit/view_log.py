"""View sessions in the audit chain: who opened which camera, live or playback, why, from which station.

A session writes a ``view.started`` entry when it opens (before any footage is shown, so a station crash
cannot lose it) and a ``view.ended`` entry naming the start's sequence number when it closes. A start
without an end is listed as not closed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone

from videowall.audit.entry import format_utc
from videowall.audit.log import AuditLog

STARTED = "view.started"
ENDED = "view.ended"


@dataclass(frozen=True)
class ViewTicket:
    """An open view session: the sequence number of its start entry names it."""
    start_seq: int
    camera_id: int
    kind: str           # "live" or "playback"
    actor: str


def start_view(log: AuditLog, *, actor: str, login: str | None, role: str | None, station: str, camera_id: int,
               camera_name: str, kind: str, reason: str, case_number: str, footage_from: datetime | None = None,
               footage_to: datetime | None = None) -> ViewTicket:
    """``actor``: the person and role as the log names them; ``login``/``role``: None on a site without users."""
    details = {"camera_id": camera_id, "camera": camera_name, "kind": kind, "station": station,
               "login": login, "role": role, "reason": reason, "case_number": case_number,
               "footage_from_utc": _utc(footage_from), "footage_to_utc": _utc(footage_to)}
    entry = log.append(STARTED, details, actor=actor)
    return ViewTicket(entry.seq, camera_id, kind, actor)


def end_view(log: AuditLog, ticket: ViewTicket, footage_from: datetime | None = None,
             footage_to: datetime | None = None) -> None:
    """Close the session; a playback names the footage it showed (earliest and latest moment)."""
    log.append(ENDED, {"start_seq": ticket.start_seq, "camera_id": ticket.camera_id,
                       "footage_from_utc": _utc(footage_from), "footage_to_utc": _utc(footage_to)},
               actor=ticket.actor)


def _utc(moment: datetime | None) -> str | None:
    return None if moment is None else format_utc(moment.astimezone(timezone.utc))
