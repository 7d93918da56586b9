"""Deleting footage: expired segments, and the oldest ones when the disk runs short. Never held footage.

Each deletion is one transaction: the row is deleted only if no active hold covers it (checked in the
same statement, under SQLite's write lock, so a hold placed concurrently is never lost), the file is
removed, and an audit entry is written. If the file cannot be removed the transaction rolls back.
"""

from __future__ import annotations

import enum
import logging
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path, PurePosixPath

from videowall.recording.holds import HELD_SQL
from videowall.recording.index import RecordingStore
from videowall.model.retention import GIB, RetentionPolicy
from videowall.recording.timebase import from_us, to_us
from videowall.runtime.clock import SYSTEM_CLOCK, Clock

log = logging.getLogger(__name__)

DiskUsage = Callable[[Path], object]   # returns an object with a ``free`` attribute (bytes), like shutil's
_BATCH = 200


class SpaceState(enum.Enum):
    OK = "ok"
    LOW = "low"                  # below the warning level: the operator is told before anything must go
    RECLAIMING = "reclaiming"    # below the floor: footage deleted before its retention period ended
    EXHAUSTED = "exhausted"      # below the floor and nothing more may go (held, or within the legal minimum)


@dataclass(frozen=True)
class RetentionReport:
    deleted_expired: int
    deleted_for_space: int
    bytes_freed: int
    expired_but_held: int
    failed: int
    space: SpaceState
    free_bytes: int
    message: str = ""


class RetentionJob:
    """One pass of retention over the index. Runs on a background thread (never the GUI thread)."""

    def __init__(self, store: RecordingStore, policy: RetentionPolicy, clock: Clock = SYSTEM_CLOCK,
                 disk_usage: DiskUsage = shutil.disk_usage) -> None:
        self._store = store
        self._policy = policy
        self._clock = clock
        self._disk_usage = disk_usage

    def run(self) -> RetentionReport:
        now_us = to_us(self._clock.now_utc())
        cutoff_us = now_us - _days_us(self._policy.retention_days)
        expired, freed, failed = self._delete_expired(cutoff_us)
        for_space, space_freed, space_failed, free = self._reclaim_space(now_us)
        state = self._space_state(free, for_space)
        report = RetentionReport(
            deleted_expired=expired, deleted_for_space=for_space, bytes_freed=freed + space_freed,
            expired_but_held=self._count_held(cutoff_us), failed=failed + space_failed, space=state,
            free_bytes=free, message=self._message(state, free))
        if expired or for_space:
            log.info("retention: deleted %d expired and %d for space (%.1f MB)", expired, for_space,
                     report.bytes_freed / 1e6)
        return report

    def _delete_expired(self, cutoff_us: int) -> tuple[int, int, int]:
        deleted = freed = failed = 0
        skip: set[int] = set()
        while True:
            batch = [row for row in self._candidates(cutoff_us, _BATCH + len(skip)) if row[0] not in skip]
            if not batch:
                return deleted, freed, failed
            for row in batch:
                size = self._delete(row, "retention period ended")
                if size is None:
                    skip.add(row[0])
                    failed += 1
                else:
                    deleted, freed = deleted + 1, freed + size

    def _reclaim_space(self, now_us: int) -> tuple[int, int, int, int]:
        deleted = freed = failed = 0
        youngest_us = now_us - _days_us(self._policy.legal_minimum_days)
        skip: set[int] = set()
        free = self._free()
        while free < self._policy.min_free_bytes:
            rows = [row for row in self._candidates(youngest_us, 1 + len(skip)) if row[0] not in skip]
            if not rows:
                break
            size = self._delete(rows[0], "free-space floor")
            if size is None:
                skip.add(rows[0][0])
                failed += 1
            else:
                deleted, freed = deleted + 1, freed + size
            free = self._free()
        return deleted, freed, failed, free

    def _candidates(self, before_us: int, limit: int) -> list[tuple]:
        """Unheld finished segments ending at or before ``before_us``, oldest first."""
        with self._store.reading() as conn:
            return conn.execute(
                "SELECT id, camera_id, path, start_us, end_us, bytes FROM recording_segments"
                f" WHERE state != 'recording' AND end_us <= :before_us AND NOT {HELD_SQL} ORDER BY end_us, id"
                " LIMIT :limit", {"before_us": before_us, "limit": limit}).fetchall()

    def _delete(self, row: tuple, reason: str) -> int | None:
        """Delete one segment (row, file, audit entry together); its size, or None if it was kept."""
        segment_id, camera_id, rel_path, start_us, end_us, size = row
        path = self._store.root / PurePosixPath(rel_path)
        try:
            with self._store.locked_transaction() as conn:
                gone = conn.execute(f"DELETE FROM recording_segments WHERE id = :id AND state != 'recording'"
                                    f" AND NOT {HELD_SQL}", {"id": segment_id}).rowcount
                if gone != 1:
                    return None            # held or deleted meanwhile
                path.unlink(missing_ok=True)
                self._store.audit("recording.deleted", {
                    "segment_id": segment_id, "camera_id": camera_id, "path": rel_path,
                    "start_utc": from_us(start_us).isoformat(), "end_utc": from_us(end_us).isoformat(),
                    "bytes": size, "reason": reason})
        except OSError as err:
            log.error("retention: could not delete %s: %s", rel_path, err)
            return None
        _remove_empty_parents(path.parent, self._store.root)
        return size

    def _count_held(self, cutoff_us: int) -> int:
        with self._store.reading() as conn:
            return int(conn.scalar(f"SELECT count(*) FROM recording_segments WHERE end_us <= :cutoff AND {HELD_SQL}",
                                   {"cutoff": cutoff_us}))

    def _free(self) -> int:
        return int(self._disk_usage(self._store.root).free)

    def _space_state(self, free: int, deleted_for_space: int) -> SpaceState:
        if free < self._policy.min_free_bytes:
            return SpaceState.EXHAUSTED
        if deleted_for_space:
            return SpaceState.RECLAIMING
        if free < self._policy.warn_free_bytes:
            return SpaceState.LOW
        return SpaceState.OK

    def _message(self, state: SpaceState, free: int) -> str:
        free_gb = free / GIB
        if state is SpaceState.LOW:
            return (f"Recordings disk is getting full ({free_gb:.1f} GB free). Below "
                    f"{self._policy.min_free_bytes / GIB:.0f} GB the oldest footage will be deleted before its "
                    f"retention period ends.")
        if state is SpaceState.RECLAIMING:
            return (f"Recordings disk is full: the oldest footage was deleted before its retention period "
                    f"ended ({free_gb:.1f} GB free). Add disk space or shorten retention.")
        if state is SpaceState.EXHAUSTED:
            return (f"Recordings disk is full ({free_gb:.1f} GB free) and nothing more may be deleted "
                    f"(held as evidence or within the legal minimum of {self._policy.legal_minimum_days} days). "
                    f"Recording will stop when the disk is full.")
        return ""


def _days_us(days: int) -> int:
    return int(timedelta(days=days).total_seconds()) * 1_000_000


def _remove_empty_parents(folder: Path, root: Path) -> None:
    """Drop the day and camera folders once their last segment is gone."""
    while folder != root and root in folder.parents:
        try:
            folder.rmdir()
        except OSError:
            return
        folder = folder.parent
