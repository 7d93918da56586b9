"""Validation before anything is written: footage in range, space (+10 %), writable, FAT32 → parts.

``plan_export`` either returns an ``ExportPlan`` the job can run, or raises a VideowallError that
says what to change. A GUI dialog calls it (off the GUI thread) to show problems before starting.
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

from videowall.evidence.destination import Destination
from videowall.evidence.destinations import probe_folder
from videowall.evidence.request import ExportRequest
from videowall.model.camera import Camera
from videowall.recording.types import RecordedSegment, RecordingIndex, TimeGap
from videowall.runtime.errors import ErrorKind, VideowallError

FAT32_MAX_PART_BYTES = 4 * 1024**3 - 64 * 1024**2   # files must stay below 4 GiB; margin for the MP4 index
SPACE_MARGIN = 1.10
FIXED_OVERHEAD_BYTES = 2 * 1024**2                  # texts, certificates, PDF, manifest
FRAMEHASH_BYTES_PER_S = 30 * 130                    # ≈130 bytes per frame line at up to 30 fps
GOP_SLACK = timedelta(seconds=4)                    # the clip starts at the keyframe before the range
PARTIAL_SUFFIX = ".partial"


@dataclass(frozen=True)
class CameraPlan:
    camera: Camera
    segments: tuple[RecordedSegment, ...]
    gaps: tuple[TimeGap, ...]
    estimated_bytes: int


@dataclass(frozen=True)
class ExportPlan:
    request: ExportRequest
    cameras: tuple[CameraPlan, ...]
    destination: Destination
    max_part_bytes: int | None       # None: no splitting needed
    estimated_bytes: int
    required_bytes: int

    @property
    def final_dir(self) -> Path:
        return self.destination.path / self.request.exhibit_id

    @property
    def partial_dir(self) -> Path:
        return self.destination.path / (self.request.exhibit_id + PARTIAL_SUFFIX)


def plan_export(request: ExportRequest, cameras: list[Camera], index: RecordingIndex, out_dir: Path | str,
                part_bytes: int | None = None, destination: Destination | None = None) -> ExportPlan:
    """Check everything that can be checked before writing. ``part_bytes`` lowers the part size
    (tests, or media with smaller limits); FAT filesystems get FAT32_MAX_PART_BYTES anyway."""
    request.validate()
    by_id = {c.id: c for c in cameras}
    missing = [cid for cid in request.camera_ids if cid not in by_id]
    if missing:
        raise VideowallError(ErrorKind.NOT_FOUND, f"There is no camera with id {missing[0]}.")
    camera_plans = tuple(_camera_plan(by_id[cid], request, index) for cid in request.camera_ids)
    root = Path(out_dir).expanduser()
    if not root.is_dir():
        raise VideowallError(ErrorKind.INVALID_INPUT, f"The destination folder {root} does not exist.")
    where = destination or probe_folder(root)
    _check_writable(root)
    for existing in (root / request.exhibit_id, root / (request.exhibit_id + PARTIAL_SUFFIX)):
        if existing.exists():
            raise VideowallError(ErrorKind.INVALID_INPUT,
                                 f"{existing} already exists. Use another exhibit id, or move the old folder away "
                                 "(an existing package is never overwritten).")
    estimated = sum(p.estimated_bytes for p in camera_plans) + FIXED_OVERHEAD_BYTES
    required = int(estimated * SPACE_MARGIN)
    if where.free_bytes < required:
        raise VideowallError(ErrorKind.STORAGE_ERROR,
                             f"Not enough free space on {root}: the export needs about {_mib(required)} "
                             f"(with a 10 % margin) and {_mib(where.free_bytes)} is free. Use a larger medium "
                             "or a shorter time range.")
    limit = FAT32_MAX_PART_BYTES if where.is_fat else None
    if part_bytes is not None:
        if part_bytes < 256 * 1024:
            raise VideowallError(ErrorKind.INVALID_INPUT, "The part size must be at least 256 KiB.")
        limit = min(limit or part_bytes, part_bytes)
    return ExportPlan(request, camera_plans, where, limit, estimated, required)


def _camera_plan(camera: Camera, request: ExportRequest, index: RecordingIndex) -> CameraPlan:
    segments = index.segments(camera.id, request.start_utc - GOP_SLACK, request.end_utc)
    in_range = [s for s in segments if s.end_utc > request.start_utc - GOP_SLACK]
    if not any(s.start_utc < request.end_utc and s.end_utc > request.start_utc for s in in_range):
        raise VideowallError(ErrorKind.NOT_FOUND,
                             f"There is no recording of camera {camera.id} ({camera.name}) between "
                             f"{request.start_utc.astimezone(timezone.utc):%Y-%m-%d %H:%M:%S} and "
                             f"{request.end_utc.astimezone(timezone.utc):%Y-%m-%d %H:%M:%S} UTC. "
                             "Choose a time range with footage.")
    gaps = tuple(index.gaps(camera.id, request.start_utc, request.end_utc))
    estimate = sum(_overlap_bytes(s, request.start_utc - GOP_SLACK, request.end_utc) for s in in_range)
    seconds = (request.end_utc - request.start_utc + GOP_SLACK).total_seconds()
    return CameraPlan(camera, tuple(in_range), gaps, int(estimate + seconds * FRAMEHASH_BYTES_PER_S))


def _overlap_bytes(segment: RecordedSegment, start: datetime, end: datetime) -> float:
    length = (segment.end_utc - segment.start_utc).total_seconds()
    if length <= 0:
        return float(segment.bytes)
    overlap = (min(end, segment.end_utc) - max(start, segment.start_utc)).total_seconds()
    return segment.bytes * max(0.0, min(1.0, overlap / length))


def _check_writable(root: Path) -> None:
    probe = root / f".videowall-write-test-{secrets.token_hex(4)}"
    try:
        with open(probe, "wb") as handle:
            handle.write(b"videowall")
            handle.flush()
            os.fsync(handle.fileno())
        probe.unlink()
    except OSError as err:
        raise VideowallError(ErrorKind.STORAGE_ERROR,
                             f"Cannot write to {root}: {err.strerror or err}. Check that the medium is not "
                             "write-protected and that you may write there.", detail=repr(err)) from err


def _mib(count: int) -> str:
    return f"{count / 1024**2:.1f} MiB"
