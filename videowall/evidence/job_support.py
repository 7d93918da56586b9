"""Pieces of the export job that are plain bookkeeping: progress arithmetic, records, summaries."""

from __future__ import annotations

import hashlib
import os
import threading
from collections.abc import Callable
from concurrent.futures import Executor
from pathlib import Path

from cryptography.hazmat.primitives import serialization

from videowall.evidence.av_io import write_framehash
from videowall.evidence.fileio import sha256_file
from videowall.evidence.manifest import CameraItem, ClipFileRecord, FileRecord, utc_text
from videowall.evidence.plan import ExportPlan
from videowall.evidence.progress import CancelToken, ExportProgress, overall
from videowall.evidence.protocol_pdf import ProtocolCamera, ProtocolData
from videowall.evidence.remux import ClipResult
from videowall.evidence.signing import SigningIdentity

_MIN_STEP = 0.005


class Reporter:
    """Turns byte counts into throttled ExportProgress reports; called from the job's threads."""

    def __init__(self, callback: Callable[[ExportProgress], None] | None, estimated_bytes: int) -> None:
        self._callback = callback
        self._estimate = max(1, estimated_bytes)
        self._stage = "validate"
        self._stage_bytes = 0
        self._last = -1.0
        self._lock = threading.Lock()

    def stage(self, name: str) -> None:
        with self._lock:
            self._stage, self._stage_bytes = name, 0
        self._emit(force=True)

    def remuxed(self, count: int) -> None:
        self.counted(count)

    def read_back(self, count: int) -> None:
        self.counted(count)

    def counted(self, count: int) -> None:
        with self._lock:
            self._stage_bytes += count
        self._emit()

    def done(self) -> None:
        if self._callback is not None:
            self._callback(ExportProgress("finish", 1.0, 1.0, "done"))

    def _emit(self, force: bool = False) -> None:
        if self._callback is None:
            return
        with self._lock:
            stage = self._stage
            fraction = min(1.0, self._stage_bytes / self._estimate) if stage in ("remux", "read_back") else 0.0
            total = overall(stage, fraction)
            if not force and total - self._last < _MIN_STEP:
                return
            self._last = max(self._last, total)
        self._callback(ExportProgress(stage, fraction, total))


def audit_details(package_id: str, plan: ExportPlan) -> dict:
    request = plan.request
    return {"package_id": package_id, "exhibit_id": request.exhibit_id, "case_number": request.case_number,
            "authority": request.authority, "request_ref": request.request_ref, "officer": request.officer.name,
            "legal_basis": request.legal_basis, "reason": request.reason,
            "camera_ids": list(request.camera_ids), "bookmark_ids": list(request.bookmark_ids),
            "from_utc": utc_text(request.start_utc), "to_utc": utc_text(request.end_utc),
            "destination": str(plan.destination.path), "filesystem": plan.destination.filesystem}


def rename_single_part(clip: ClipResult, target: Path) -> None:
    """A clip that needed no split loses its ``_p001`` suffix."""
    if len(clip.parts) == 1:
        os.rename(clip.parts[0].path, target)
        clip.parts[0].path = target


def submit_part_records(pool: Executor, clip: ClipResult, root: Path, cancel: CancelToken) -> list[tuple]:
    """Start, per part, its framehash list and its SHA-256 (two tasks, so they run side by side)."""
    return [(part, pool.submit(_record, part.path, root, cancel), pool.submit(_framehash_record, part.path, root, cancel))
            for part in clip.parts]


def collect_part_records(submitted: list[tuple]) -> list[ClipFileRecord]:
    return [ClipFileRecord(clip.result(), framehash.result(), part.first_frame_utc, part.last_frame_utc, part.packets)
            for part, clip, framehash in submitted]


def _framehash_record(clip: Path, root: Path, cancel: CancelToken) -> FileRecord:
    listing = clip.with_suffix(".framehash.txt")
    with open(listing, "wb") as sink:
        write_framehash(clip, sink, check=lambda: cancel.raise_if_cancelled("remux"))
    return _record(listing, root, cancel)


def _record(path: Path, root: Path, cancel: CancelToken) -> FileRecord:
    return FileRecord(path.relative_to(root).as_posix(), path.stat().st_size, sha256_file(path, cancel=cancel))


def protocol_data(manifest: dict, manifest_sha256: str, identity: SigningIdentity, plan: ExportPlan,
                  items: list[CameraItem]) -> ProtocolData:
    request, exporter = plan.request, manifest["exporter"]
    der = identity.certificate.public_bytes(serialization.Encoding.DER)
    officer = ", ".join(v for v in (request.officer.rank, request.officer.name,
                                    f"nr {request.officer.badge}" if request.officer.badge else "") if v)
    where = plan.destination
    medium = (f"{where.label} — {where.filesystem.upper()}, "
              f"{'nośnik wymienny' if where.removable else 'folder'}{' ' + where.bus.upper() if where.bus else ''}")
    cameras = tuple(ProtocolCamera(f"CAM{i.camera.id:03d} {i.camera.name}" + (f" ({i.camera.location})"
                                                                             if i.camera.location else ""),
                                   i.first_frame_utc, i.last_frame_utc, len(i.gaps)) for i in items)
    files = tuple((f.clip.path, f.clip.bytes, f.clip.sha256) for i in items for f in i.files)
    return ProtocolData(
        exhibit_id=request.exhibit_id, package_id=manifest["package_id"],
        created_utc=_parse_utc(manifest["created"]["utc"]), timezone=manifest["created"]["tz"],
        organisation=exporter["organisation"], unit=exporter["unit"],
        operator=exporter["operator"]["name"] or exporter["operator"]["id"],
        authority=request.authority, case_number=request.case_number, request_ref=request.request_ref,
        officer=officer, legal_basis=request.legal_basis, reason=request.reason, manifest_sha256=manifest_sha256,
        signer_subject=identity.certificate.subject.rfc4514_string(),
        signer_sha256=hashlib.sha256(der).hexdigest(), signer_sha1=hashlib.sha1(der).hexdigest(),
        medium=medium, cameras=cameras, files=files)


def _parse_utc(text: str):
    from datetime import datetime
    return datetime.fromisoformat(text.replace("Z", "+00:00"))
