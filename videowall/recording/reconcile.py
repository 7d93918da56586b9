"""Bringing the index and the files back into agreement when recording starts.

After a crash: segments left "recording" are re-read from their files (torn tail trimmed) and marked
RECOVERED; files the index never heard of are indexed as RECOVERED with times read from the file;
index rows whose file is gone are removed. Removals are audited. Nothing is done when the recordings
root has lost its marker file (an unmounted disk must not empty the index).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from videowall.recording.digest import seal_segment
from videowall.recording.fmp4_boxes import trim_torn_tail
from videowall.recording.index import RecordingStore
from videowall.recording.segment_probe import NotASegment, ProbedSegment, probe_segment
from videowall.recording.timebase import from_us
from videowall.recording.types import SegmentState
from videowall.runtime.errors import ErrorKind, VideowallError

log = logging.getLogger(__name__)

ROOT_MARKER = ".videowall-recordings"


@dataclass
class ReconcileReport:
    recovered: list[str] = field(default_factory=list)        # re-read after a crash or found unindexed
    trimmed: list[str] = field(default_factory=list)          # torn tails cut off
    removed_missing: list[str] = field(default_factory=list)  # index rows whose file was gone
    unreadable: list[str] = field(default_factory=list)       # files left alone: not a readable segment


def prepare_root(root: Path, create: bool) -> None:
    """Check (or on first use create) the recordings root and its marker.

    Raises STORAGE_ERROR when the root exists without its marker while ``create`` is False — typically a
    recordings disk that is not mounted — so nothing is deleted from the index by mistake.
    """
    marker = root / ROOT_MARKER
    if marker.exists():
        return
    if not create:
        raise VideowallError(
            ErrorKind.STORAGE_ERROR,
            f"The recordings folder {root} is missing or is not the one recorded to before (no {ROOT_MARKER} "
            f"file). If its disk is not mounted, mount it and start again.")
    root.mkdir(parents=True, exist_ok=True)
    marker.write_text("videowall recordings root: do not delete\n", encoding="utf-8")


def reconcile(store: RecordingStore, since_us: int | None = None) -> ReconcileReport:
    """Runs on the calling thread before any recorder starts (the caller holds the recordings lock).

    ``since_us``: only segments starting from then (and any left "recording"), and only day folders
    from that date, are checked — what a recorder that ran since then can have left behind. None
    checks everything (first start, or nothing is known about the last run).
    """
    report = ReconcileReport()
    indexed: set[str] = set()
    segments = store.all_segments() if since_us is None else store.segments_from(since_us)
    seen = {s.id for s in segments}
    segments += [s for s in store.all_segments(SegmentState.RECORDING) if s.id not in seen]
    for segment in segments:
        rel = store.relative(segment.path)
        indexed.add(rel)
        if not segment.path.exists():
            _remove_missing(store, segment.id, rel, segment.camera_id, segment.start_utc.isoformat(), report)
        elif segment.state is SegmentState.RECORDING:
            probed = _read(segment.path, report)
            if probed is None:    # cut before its first fragment: no footage in it
                segment.path.unlink(missing_ok=True)
                _remove_missing(store, segment.id, rel, segment.camera_id, segment.start_utc.isoformat(), report,
                                "no playable frame in the file")
                continue
            store.replace_times(segment.id, probed.start_us, probed.end_us, segment.path.stat().st_size,
                                SegmentState.RECOVERED)
            seal_segment(store, segment.id, segment.path)
            _audit_recovered(store, rel, probed, "left open by a stopped recorder")
            report.recovered.append(rel)
    for path in _segment_files(store.root, since_us):
        rel = store.relative(path)
        if rel in indexed or store.segment_by_path(rel) is not None:
            continue
        probed = _read(path, report)
        if probed is None:
            report.unreadable.append(rel)
            continue
        segment_id = store.add_recovered(rel, probed, path.stat().st_size)
        seal_segment(store, segment_id, path)
        _audit_recovered(store, rel, probed, "found on disk, not in the index")
        report.recovered.append(rel)
    if report.recovered or report.removed_missing or report.unreadable:
        log.warning("recordings reconciled: %d recovered, %d missing removed, %d unreadable",
                    len(report.recovered), len(report.removed_missing), len(report.unreadable))
    return report


def _segment_files(root: Path, since_us: int | None) -> list[Path]:
    """``<root>/<camera>/<YYYY-MM-DD>/*.mp4``, only day folders from ``since_us``'s UTC date on."""
    first_day = from_us(since_us).strftime("%Y-%m-%d") if since_us is not None else ""
    days = [day for day in root.glob("*/*") if day.is_dir() and day.name >= first_day]
    return sorted(path for day in days for path in day.glob("*.mp4"))


def _read(path: Path, report: ReconcileReport) -> ProbedSegment | None:
    try:
        if trim_torn_tail(path).torn:
            report.trimmed.append(path.name)
        return probe_segment(path)
    except (NotASegment, OSError) as err:
        log.warning("cannot index %s: %s", path.name, err)
        return None


def _remove_missing(store: RecordingStore, segment_id: int, rel: str, camera_id: int, start: str,
                    report: ReconcileReport, reason: str = "file missing") -> None:
    with store.locked_transaction():
        store.delete_row(segment_id)
        store.audit("recording.index_removed", {"segment_id": segment_id, "camera_id": camera_id, "path": rel,
                                                "start_utc": start, "reason": reason})
    report.removed_missing.append(rel)


def _audit_recovered(store: RecordingStore, rel: str, probed: ProbedSegment, why: str) -> None:
    with store.locked_transaction():
        store.audit("recording.recovered", {"camera_id": probed.camera_id, "path": rel,
                                            "start_utc": from_us(probed.start_us).isoformat(),
                                            "end_utc": from_us(probed.end_us).isoformat(), "reason": why})
