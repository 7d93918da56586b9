"""The recordings index in the station's database: segments, the reasons for gaps, and which cameras record.

One connection, shared by the recorder threads and the service: every method takes the store's lock,
so calls may come from any thread. Paths are stored relative to the recordings root.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path, PurePosixPath

from videowall.audit.log import AuditLog
from videowall.model.camera import Profile
from videowall.recording.timebase import from_us, to_us
from videowall.recording.types import RecordedSegment, SegmentState, TimeGap, TimeSource
from videowall.runtime.clock import SYSTEM_CLOCK, Clock
from videowall.storage.database import Database, transaction
from videowall.storage.db import open_database
from videowall.storage.migrations import MIGRATIONS, Migration

# A segment is cut at the first keyframe after its target length and never runs past this; range
# queries use it as the lower bound of a segment's start, so they stay index lookups.
MAX_SEGMENT_US = 30 * 60 * 1_000_000
MIN_GAP_US = 500_000          # shorter holes (a lost packet or two) are not shown as gaps
NO_RECORDING = "no recording"
# A segment's end never goes before its start (SQLite's two-argument max() is not standard SQL).
_NOT_BEFORE_START = "CASE WHEN :end_us > start_us THEN :end_us ELSE start_us END"
_SEGMENT_COLUMNS = ("id, camera_id, profile, path, start_us, end_us, bytes, time_source, clock_offset_ms, "
                    "state, codec, width, height, sha256")


@dataclass(frozen=True)
class NewSegment:
    camera_id: int
    profile: str
    relative_path: str
    start_us: int
    time_source: TimeSource
    clock_offset_s: float | None
    codec: str
    width: int
    height: int


class RecordingStore:
    """Implements ``RecordingIndex`` (read side) and the recorder's write side."""

    def __init__(self, conn: Database, root: Path, clock: Clock = SYSTEM_CLOCK) -> None:
        self.conn = conn
        self.root = Path(root)
        self._clock = clock
        self._lock = threading.RLock()
        self._audit = AuditLog(conn, clock)

    @classmethod
    def open(cls, db_path: Path, root: Path, clock: Clock = SYSTEM_CLOCK,
             migrations: tuple[Migration, ...] | None = None) -> RecordingStore:
        """A store on its own connection to the station's database (runs on the calling thread)."""
        return cls(open_database(db_path, migrations or MIGRATIONS, clock), root, clock)

    def audit(self, action: str, details: dict, actor: str = "system") -> None:
        """Append to the audit log; call inside ``locked_transaction`` so the entry commits with the change."""
        with self._lock:
            self._audit.append(action, details, actor)

    @contextmanager
    def locked_transaction(self) -> Iterator[Database]:
        """The store's lock and one database transaction (nested calls become savepoints)."""
        with self._lock, transaction(self.conn) as conn:
            yield conn

    @contextmanager
    def reading(self) -> Iterator[Database]:
        """The connection under the store's lock, for reads (no write lock taken)."""
        with self._lock:
            yield self.conn

    def close(self) -> None:
        with self._lock:
            self.conn.close()

    # -- cameras ---------------------------------------------------------------------------------
    def cameras_to_record(self) -> list[tuple[int, Profile]]:
        with self._lock:
            rows = self.conn.execute("SELECT id, record_profile FROM cameras WHERE record = 1 ORDER BY id")
            return [(int(cid), Profile(profile)) for cid, profile in rows.fetchall()]

    def set_recording(self, camera_id: int, record: bool, profile: Profile = Profile.MAIN) -> None:
        with self.locked_transaction() as conn:
            conn.execute("UPDATE cameras SET record = :record, record_profile = :profile WHERE id = :id",
                         {"record": int(record), "profile": profile.value, "id": camera_id})

    # -- write side (recorder) ------------------------------------------------------------------
    def begin_segment(self, new: NewSegment) -> int:
        offset_ms = None if new.clock_offset_s is None else round(new.clock_offset_s * 1000)
        with self.locked_transaction() as conn:
            return int(conn.scalar(
                "INSERT INTO recording_segments (camera_id, profile, path, start_us, end_us, bytes, time_source,"
                " clock_offset_ms, state, codec, width, height, created_utc)"
                " VALUES (:camera_id, :profile, :path, :start_us, :start_us, 0, :time_source, :offset_ms,"
                " 'recording', :codec, :width, :height, :now) RETURNING id",
                {"camera_id": new.camera_id, "profile": new.profile, "path": new.relative_path,
                 "start_us": new.start_us, "time_source": new.time_source.value, "offset_ms": offset_ms,
                 "codec": new.codec, "width": new.width, "height": new.height, "now": self._now()}))

    def update_segment(self, segment_id: int, end_us: int, size: int,
                       state: SegmentState | None = None) -> None:
        with self.locked_transaction() as conn:
            params = {"end_us": end_us, "size": size, "id": segment_id}
            if state is None:
                conn.execute(f"UPDATE recording_segments SET end_us = {_NOT_BEFORE_START}, bytes = :size"
                             " WHERE id = :id", params)
            else:
                conn.execute(f"UPDATE recording_segments SET end_us = {_NOT_BEFORE_START}, bytes = :size,"
                             " state = :state WHERE id = :id", {**params, "state": state.value})

    def replace_times(self, segment_id: int, start_us: int, end_us: int, size: int, state: SegmentState) -> None:
        with self.locked_transaction() as conn:
            conn.execute("UPDATE recording_segments SET start_us = :start_us, end_us = :end_us, bytes = :size,"
                         " state = :state WHERE id = :id",
                         {"start_us": start_us, "end_us": max(start_us, end_us), "size": size, "state": state.value,
                          "id": segment_id})

    def add_recovered(self, relative_path: str, probed, size: int) -> int:
        """Index a segment found on disk (``probed``: a segment_probe.ProbedSegment) as RECOVERED."""
        with self.locked_transaction():
            segment_id = self.begin_segment(NewSegment(
                probed.camera_id, probed.profile, relative_path, probed.start_us, probed.time_source, None,
                probed.codec, probed.width, probed.height))
            self.replace_times(segment_id, probed.start_us, probed.end_us, size, SegmentState.RECOVERED)
        return segment_id

    def set_digest(self, segment_id: int, sha256: str) -> None:
        """The recorder's SHA-256 of a segment's file, taken once the file is final."""
        with self.locked_transaction() as conn:
            conn.execute("UPDATE recording_segments SET sha256 = :sha256 WHERE id = :id",
                         {"sha256": sha256, "id": segment_id})

    def add_gap(self, camera_id: int, start_us: int, end_us: int, reason: str) -> None:
        if end_us <= start_us:
            return
        with self.locked_transaction() as conn:
            conn.execute("INSERT INTO recording_gaps (camera_id, start_us, end_us, reason)"
                         " VALUES (:camera_id, :start_us, :end_us, :reason)",
                         {"camera_id": camera_id, "start_us": start_us, "end_us": end_us, "reason": reason})

    def delete_row(self, segment_id: int) -> None:
        """Drop a segment's index row only (callers delete the file and write the audit entry)."""
        with self.locked_transaction() as conn:
            conn.execute("DELETE FROM recording_segments WHERE id = :id", {"id": segment_id})

    # -- read side --------------------------------------------------------------------------------
    def segment(self, segment_id: int) -> RecordedSegment | None:
        with self._lock:
            row = self.conn.execute(f"SELECT {_SEGMENT_COLUMNS} FROM recording_segments WHERE id = :id",
                                    {"id": segment_id}).fetchone()
        return self._segment(row) if row else None

    def segment_by_path(self, relative_path: str) -> RecordedSegment | None:
        with self._lock:
            row = self.conn.execute(f"SELECT {_SEGMENT_COLUMNS} FROM recording_segments WHERE path = :path",
                                    {"path": relative_path}).fetchone()
        return self._segment(row) if row else None

    def segments(self, camera_id: int, start_utc: datetime, end_utc: datetime) -> list[RecordedSegment]:
        return self.segments_us(camera_id, to_us(start_utc), to_us(end_utc))

    def segments_us(self, camera_id: int, start_us: int, end_us: int) -> list[RecordedSegment]:
        with self._lock:
            rows = self.conn.execute(
                f"SELECT {_SEGMENT_COLUMNS} FROM recording_segments WHERE camera_id = :camera_id"
                " AND start_us >= :earliest AND start_us < :end_us AND end_us > :start_us ORDER BY start_us, id",
                {"camera_id": camera_id, "earliest": start_us - MAX_SEGMENT_US, "end_us": end_us,
                 "start_us": start_us}).fetchall()
        return [self._segment(row) for row in rows]

    def all_segments(self, state: SegmentState | None = None) -> list[RecordedSegment]:
        """Every segment (oldest first), optionally only those in ``state``."""
        query = f"SELECT {_SEGMENT_COLUMNS} FROM recording_segments"
        params: dict[str, str] = {}
        if state is not None:
            query += " WHERE state = :state"
            params = {"state": state.value}
        with self._lock:
            rows = self.conn.execute(query + " ORDER BY start_us, id", params).fetchall()
        return [self._segment(row) for row in rows]

    def segments_from(self, start_us: int) -> list[RecordedSegment]:
        """Every segment starting at or after ``start_us`` (all cameras), oldest first."""
        with self._lock:
            rows = self.conn.execute(f"SELECT {_SEGMENT_COLUMNS} FROM recording_segments WHERE start_us >= :start_us"
                                     " ORDER BY start_us, id", {"start_us": start_us}).fetchall()
        return [self._segment(row) for row in rows]

    def oldest_segments(self, limit: int, before_us: int | None = None) -> list[RecordedSegment]:
        """Finished segments, oldest end first (what retention looks at)."""
        query = f"SELECT {_SEGMENT_COLUMNS} FROM recording_segments WHERE state != 'recording'"
        params = {"limit": int(limit), "before_us": before_us}
        if before_us is not None:
            query += " AND end_us <= :before_us"
        with self._lock:
            rows = self.conn.execute(query + " ORDER BY end_us, id LIMIT :limit", params).fetchall()
        return [self._segment(row) for row in rows]

    def segment_count(self) -> int:
        with self._lock:
            return int(self.conn.scalar("SELECT count(*) FROM recording_segments"))

    def last_end_us(self, camera_id: int) -> int | None:
        with self._lock:
            last = self.conn.scalar("SELECT max(end_us) FROM recording_segments WHERE camera_id = :camera_id",
                                    {"camera_id": camera_id})
        return None if last is None else int(last)

    def gaps(self, camera_id: int, start_utc: datetime, end_utc: datetime) -> list[TimeGap]:
        return self.gaps_us(camera_id, to_us(start_utc), to_us(end_utc))

    def gaps_us(self, camera_id: int, start_us: int, end_us: int) -> list[TimeGap]:
        """Holes in the recording, each with its reason. A short hole is shown only when the recorder
        knows why it is there (a camera reconnecting in 0.3 s is a real loss); unexplained ones below
        MIN_GAP_US are the jitter of a clock anchor switching, not missing footage."""
        holes: list[tuple[int, int]] = []
        cursor = start_us
        for seg in self.segments_us(camera_id, start_us, end_us):
            seg_start, seg_end = to_us(seg.start_utc), to_us(seg.end_utc)
            if seg_start > cursor:
                holes.append((cursor, seg_start))
            cursor = max(cursor, seg_end)
        if end_us > cursor:
            holes.append((cursor, end_us))
        gaps = []
        for a, b in holes:
            reason = self._reason(camera_id, a, b)
            if b - a >= MIN_GAP_US or reason != NO_RECORDING:
                gaps.append(TimeGap(from_us(a), from_us(b), reason))
        return gaps

    def reason_at(self, camera_id: int, t_us: int) -> str:
        """Why ``camera_id`` has no recording at ``t_us`` (NO_RECORDING when nothing says why)."""
        return self._reason(camera_id, t_us, t_us + 1)

    def _reason(self, camera_id: int, start_us: int, end_us: int) -> str:
        with self._lock:
            row = self.conn.execute(
                "SELECT reason FROM recording_gaps WHERE camera_id = :camera_id AND start_us < :end_us"
                " AND end_us > :start_us ORDER BY"
                " (CASE WHEN end_us < :end_us THEN end_us ELSE :end_us END)"
                " - (CASE WHEN start_us > :start_us THEN start_us ELSE :start_us END) DESC LIMIT 1",
                {"camera_id": camera_id, "end_us": end_us, "start_us": start_us}).fetchone()
        return row[0] if row else NO_RECORDING

    def segment_path(self, segment: RecordedSegment) -> Path:
        """A local file holding the segment's bytes (``FootageSource``): here, the segment's own file."""
        return segment.path

    def relative(self, path: Path) -> str:
        return PurePosixPath(Path(path).relative_to(self.root)).as_posix()

    def _segment(self, row: tuple) -> RecordedSegment:
        (sid, camera_id, profile, rel, start, end, size, source, offset_ms, state, codec, width, height, sha256) = row
        return RecordedSegment(
            id=sid, camera_id=camera_id, profile=profile, path=self.root / PurePosixPath(rel),
            start_utc=from_us(start), end_utc=from_us(end), bytes=size, time_source=TimeSource(source),
            state=SegmentState(state), codec=codec, width=width, height=height,
            clock_offset_s=None if offset_ms is None else offset_ms / 1000, sha256=sha256)

    def _now(self) -> str:
        return self._clock.now_utc().astimezone(timezone.utc).isoformat(timespec="seconds")
