"""Events, alarms and alarm rules in the station database (tables of ``storage.schema_events``).

Any thread: every call holds the connection's lock. Writes of one batch go through ``transaction``. Alarm
handling (acknowledge, close) is written to the audit log in the same transaction as the change.
SQL is kept portable (no INSERT OR REPLACE, no SQLite-only functions but COALESCE / CASE).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import datetime

from videowall.audit import AuditLog
from videowall.events.model import (
    Alarm, AlarmState, CameraEvent, EventFilter, EventKind, Origin, Show, StoredEvent,
)
from videowall.events.rules import AlarmRule
from videowall.recording.timebase import from_us, to_us
from videowall.runtime.clock import SYSTEM_CLOCK, Clock
from videowall.runtime.errors import ErrorKind, VideowallError
from sqlalchemy import bindparam, text

from videowall.storage.database import Database, transaction

MAX_COMMENT_CHARS = 2000
_EVENT_COLUMNS = "id, camera_id, kind, first_us, last_us, count, active, source, topic, origin, data"
_ALARM_COLUMNS = ("id, camera_id, kind, source, priority, state, first_us, last_us, count, sound, show, "
                  "acknowledged_by, acknowledged_us, closed_by, closed_us, comment")
_RULE_COLUMNS = "kind, priority, show, sound, debounce_s, camera_id, grp"
_ALARMS_BY_ID = text(f"SELECT {_ALARM_COLUMNS} FROM alarms WHERE id IN :ids").bindparams(
    bindparam("ids", expanding=True))


class EventStore:
    def __init__(self, conn: Database, clock: Clock = SYSTEM_CLOCK) -> None:
        self.conn = conn
        self._clock = clock
        self._audit = AuditLog(conn, clock)
        self._lock = conn.lock

    # -- events (written by the alarm engine only) --------------------------------------------------
    def batch(self):
        """One transaction around a batch of writes (one commit, one fsync, for hundreds of events)."""
        return transaction(self.conn)

    def insert_event(self, event: CameraEvent, count: int = 1, last_utc: datetime | None = None) -> int:
        at_us = to_us(event.at_utc)
        last_us = max(at_us, to_us(last_utc)) if last_utc is not None else at_us
        active = None if event.active is None else int(event.active)
        with self._lock:
            return self.conn.scalar(
                "INSERT INTO events (camera_id, kind, origin, active, source, topic, first_us, last_us, count, data)"
                " VALUES (:camera_id, :kind, :origin, :active, :source, :topic, :first_us, :last_us, :count, :data)"
                " RETURNING id",
                {"camera_id": event.camera_id, "kind": event.kind.value, "origin": event.origin.value,
                 "active": active, "source": event.source, "topic": event.topic, "first_us": at_us,
                 "last_us": last_us, "count": count, "data": json.dumps(event.data, ensure_ascii=False)})

    def extend_event(self, event_id: int, last_utc: datetime, count: int) -> None:
        last_us = to_us(last_utc)
        with self._lock:
            self.conn.execute("UPDATE events SET count = count + :count, "
                              "last_us = CASE WHEN last_us < :last_us THEN :last_us ELSE last_us END WHERE id = :id",
                              {"count": count, "last_us": last_us, "id": event_id})

    def search_events(self, flt: EventFilter) -> list[StoredEvent]:
        """Newest first; a run of events matches if it overlaps the period."""
        sql = f"SELECT {_EVENT_COLUMNS} FROM events WHERE 1 = 1"
        params: dict[str, object] = {"limit": max(1, min(flt.limit, 100_000))}
        if flt.camera_id is not None:
            sql += " AND camera_id = :camera_id"
            params["camera_id"] = flt.camera_id
        if flt.kind is not None:
            sql += " AND kind = :kind"
            params["kind"] = flt.kind.value
        if flt.start_utc is not None:
            sql += " AND last_us >= :start_us"
            params["start_us"] = to_us(flt.start_utc)
        if flt.end_utc is not None:
            sql += " AND first_us <= :end_us"
            params["end_us"] = to_us(flt.end_utc)
        sql += " ORDER BY first_us DESC, id DESC LIMIT :limit"
        with self._lock:
            rows = self.conn.execute(sql, params).fetchall()
        return [_event(row) for row in rows]

    def events_over(self, camera_id: int, start_utc: datetime, end_utc: datetime) -> list[StoredEvent]:
        """The camera's events overlapping [start, end], oldest first (timeline marks)."""
        found = self.search_events(EventFilter(camera_id=camera_id, start_utc=start_utc, end_utc=end_utc,
                                               limit=10_000))
        return found[::-1]

    # -- alarms -----------------------------------------------------------------------------------
    def merge_alarm(self, event: CameraEvent, rule: AlarmRule, count: int, last_utc: datetime) -> tuple[int, bool]:
        """Add ``count`` events to the open alarm of the same camera, kind and source seen within the rule's
        debounce time, or raise a new alarm. Returns (alarm id, raised new)."""
        first_us, last_us = to_us(event.at_utc), to_us(last_utc)
        with transaction(self.conn) as conn:
            row = conn.execute(
                "UPDATE alarms SET count = count + :count,"
                " last_us = CASE WHEN last_us < :last_us THEN :last_us ELSE last_us END"
                " WHERE id = (SELECT MAX(id) FROM alarms WHERE COALESCE(camera_id, 0) = :camera AND kind = :kind"
                " AND source = :source AND state != 'closed') AND last_us >= :since RETURNING id",
                {"count": count, "last_us": last_us, "camera": event.camera_id or 0, "kind": event.kind.value,
                 "source": event.source, "since": first_us - int(rule.debounce_s * 1_000_000)}).fetchone()
            if row is not None:
                return row[0], False
            alarm_id = conn.scalar(
                "INSERT INTO alarms (camera_id, kind, source, priority, first_us, last_us, count, sound, show)"
                " VALUES (:camera_id, :kind, :source, :priority, :first_us, :last_us, :count, :sound, :show)"
                " RETURNING id",
                {"camera_id": event.camera_id, "kind": event.kind.value, "source": event.source,
                 "priority": rule.priority, "first_us": first_us, "last_us": last_us, "count": count,
                 "sound": rule.sound, "show": rule.show.value})
            self._audit.append("alarm.raised", {"alarm_id": alarm_id, "camera_id": event.camera_id,
                                                "kind": event.kind.value, "source": event.source,
                                                "priority": rule.priority, "at_utc": event.at_utc.isoformat()})
            return alarm_id, True

    def acknowledge(self, alarm_id: int, by: str) -> Alarm:
        who = _who(by)
        with transaction(self.conn) as conn:
            current = self._alarm(conn, alarm_id)
            if current.state is not AlarmState.NEW:
                return current          # acknowledged twice (two operators at once): the first one counts
            conn.execute("UPDATE alarms SET state = 'acknowledged', acknowledged_by = :who, acknowledged_us = :now"
                         " WHERE id = :id", {"who": who, "now": to_us(self._clock.now_utc()), "id": alarm_id})
            self._audit.append("alarm.acknowledged", {"alarm_id": alarm_id}, actor=who)
            return self._alarm(conn, alarm_id)

    def close(self, alarm_id: int, by: str, comment: str) -> Alarm:
        """Close with the operator's comment (required: what was seen and done)."""
        who, text = _who(by), (comment or "").strip()
        if not text:
            raise VideowallError(ErrorKind.INVALID_INPUT, "Closing an alarm needs a comment: what was seen and done.")
        if len(text) > MAX_COMMENT_CHARS:
            raise VideowallError(ErrorKind.INVALID_INPUT, f"The comment is longer than {MAX_COMMENT_CHARS} characters.")
        with transaction(self.conn) as conn:
            current = self._alarm(conn, alarm_id)
            if current.state is AlarmState.CLOSED:
                raise VideowallError(ErrorKind.INVALID_INPUT,
                                     f"Alarm {alarm_id} was already closed by {current.closed_by}.")
            now_us = to_us(self._clock.now_utc())
            conn.execute("UPDATE alarms SET state = 'closed', closed_by = :who, closed_us = :now, comment = :comment,"
                         " acknowledged_by = CASE WHEN acknowledged_by = '' THEN :who ELSE acknowledged_by END,"
                         " acknowledged_us = COALESCE(acknowledged_us, :now) WHERE id = :id",
                         {"who": who, "now": now_us, "comment": text, "id": alarm_id})
            self._audit.append("alarm.closed", {"alarm_id": alarm_id, "comment": text}, actor=who)
            return self._alarm(conn, alarm_id)

    def alarm(self, alarm_id: int) -> Alarm:
        with self._lock:
            return self._alarm(self.conn, alarm_id)

    def alarms_by_id(self, alarm_ids: Iterable[int]) -> list[Alarm]:
        ids = sorted(set(alarm_ids))
        if not ids:
            return []
        with self._lock:
            rows = self.conn.execute(_ALARMS_BY_ID, {"ids": ids}).fetchall()
        return [_alarm(row) for row in rows]

    def alarms(self, include_closed: bool = False, camera_id: int | None = None, limit: int = 500) -> list[Alarm]:
        """Open alarms (or all), most urgent first, then newest."""
        sql, params = f"SELECT {_ALARM_COLUMNS} FROM alarms WHERE 1 = 1", {"limit": limit, "camera_id": camera_id}
        if not include_closed:
            sql += " AND state != 'closed'"
        if camera_id is not None:
            sql += " AND camera_id = :camera_id"
        sql += " ORDER BY CASE WHEN state = 'closed' THEN 1 ELSE 0 END, priority, last_us DESC LIMIT :limit"
        with self._lock:
            return [_alarm(row) for row in self.conn.execute(sql, params).fetchall()]

    def alarms_over(self, start_utc: datetime, end_utc: datetime, limit: int = 5000) -> list[Alarm]:
        """Every alarm (any state) whose events overlap [start, end], oldest first (a shift's record)."""
        with self._lock:
            rows = self.conn.execute(f"SELECT {_ALARM_COLUMNS} FROM alarms WHERE last_us >= :start_us"
                                     " AND first_us <= :end_us ORDER BY first_us, id LIMIT :limit",
                                     {"start_us": to_us(start_utc), "end_us": to_us(end_utc), "limit": limit}).fetchall()
        return [_alarm(row) for row in rows]

    def _alarm(self, conn: Database, alarm_id: int) -> Alarm:
        row = conn.execute(f"SELECT {_ALARM_COLUMNS} FROM alarms WHERE id = :id", {"id": alarm_id}).fetchone()
        if row is None:
            raise VideowallError(ErrorKind.NOT_FOUND, f"There is no alarm {alarm_id}.")
        return _alarm(row)

    # -- rules ------------------------------------------------------------------------------------
    def rules(self) -> list[AlarmRule]:
        with self._lock:
            rows = self.conn.execute(f"SELECT {_RULE_COLUMNS} FROM alarm_rules ORDER BY id").fetchall()
        return [AlarmRule(EventKind(k), p, Show(s), snd, d, cam, grp) for k, p, s, snd, d, cam, grp in rows]

    def save_rule(self, rule: AlarmRule, by: str) -> None:
        with transaction(self.conn) as conn:
            conn.execute("DELETE FROM alarm_rules WHERE COALESCE(camera_id, 0) = :camera AND COALESCE(grp, '') = :grp"
                         " AND kind = :kind", {"camera": rule.camera_id or 0, "grp": rule.group or "",
                                               "kind": rule.kind.value})
            conn.execute(f"INSERT INTO alarm_rules ({_RULE_COLUMNS})"
                         " VALUES (:kind, :priority, :show, :sound, :debounce_s, :camera_id, :grp)",
                         {"kind": rule.kind.value, "priority": rule.priority, "show": rule.show.value,
                          "sound": rule.sound, "debounce_s": rule.debounce_s, "camera_id": rule.camera_id,
                          "grp": rule.group})
            self._audit.append("alarm.rule_saved", {"kind": rule.kind.value, "camera_id": rule.camera_id,
                                                    "group": rule.group, "priority": rule.priority,
                                                    "show": rule.show.value, "debounce_s": rule.debounce_s},
                               actor=_who(by))


def _who(by: str) -> str:
    who = (by or "").strip()
    if not who:
        raise VideowallError(ErrorKind.INVALID_INPUT, "An alarm is handled by a named operator.")
    return who


def _event(row) -> StoredEvent:
    eid, camera_id, kind, first_us, last_us, count, active, source, topic, origin, data = row
    return StoredEvent(eid, camera_id, EventKind(kind), from_us(first_us), from_us(last_us), count,
                       None if active is None else bool(active), source, topic, Origin(origin), json.loads(data))


def _alarm(row) -> Alarm:
    (aid, camera_id, kind, source, priority, state, first_us, last_us, count, sound, show, ack_by, ack_us,
     closed_by, closed_us, comment) = row
    return Alarm(aid, camera_id, EventKind(kind), source, priority, AlarmState(state), from_us(first_us),
                 from_us(last_us), count, sound, Show(show), ack_by, from_us(ack_us) if ack_us is not None else None,
                 closed_by, from_us(closed_us) if closed_us is not None else None, comment)
