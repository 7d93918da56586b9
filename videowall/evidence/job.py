"""The evidence export job: remux → framehash → manifest → sign → write → fsync → read back → rename.

One job per package; ``run`` executes on a worker thread (never the GUI thread), reports through the
progress callback on that thread and stops at the next packet or file once the token is cancelled.
Everything is written to ``<ID>.partial`` and renamed to ``<ID>`` only after every file was read
back from the medium and matched, and the signature was checked; any failure or a cancel leaves the
``.partial`` folder (never a package that looks complete but is not) and an audit entry.
"""

from __future__ import annotations

import errno
import logging
import os
import uuid
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path
from zoneinfo import ZoneInfo

from videowall import __version__
from videowall.audit import AuditLog

from videowall.evidence.av_io import AV_ERRORS, library_versions
from videowall.evidence.cms_verify import CmsError, verify_detached
from videowall.runtime.atomic import fsync_dir
from videowall.evidence.fileio import fsync_path, sha256_file
from videowall.evidence.job_support import (Reporter, audit_details, collect_part_records, protocol_data,
                                            rename_single_part, submit_part_records)
from videowall.evidence.medium_check import MediumCheck
from videowall.evidence.manifest import MANIFEST, PROTOCOL_PDF, CameraItem, FileRecord, build_manifest, manifest_bytes
from videowall.evidence.package import PackageFiles
from videowall.evidence.plan import CameraPlan, ExportPlan
from videowall.evidence.progress import CancelToken, ExportCancelled, ExportProgress
from videowall.evidence.protocol_pdf import write_protocol
from videowall.evidence.remux import ClipResult, remux_range
from videowall.evidence.request import Exporter, clip_stem
from videowall.evidence.signing import SigningIdentity, cert_sha256, sign_detached
from videowall.model.camera import Profile
from videowall.recording.types import RecordedSegment
from videowall.runtime.clock import SYSTEM_CLOCK, Clock
from videowall.runtime.errors import ErrorKind, VideowallError
from videowall.runtime.redaction import redact

log = logging.getLogger(__name__)
ACTION = "evidence.export"
HASH_WORKERS = 2
PREFETCH = 2        # remote segments fetched ahead of the remux


@dataclass(frozen=True)
class ExportResult:
    package_dir: Path
    package_id: str
    manifest_sha256: str
    signer_cert_sha256: str
    files: int
    total_bytes: int


class ExportJob:
    def __init__(self, plan: ExportPlan, exporter: Exporter, identity: Callable[[], SigningIdentity],
                 audit: AuditLog, actor: str = "system", clock: Clock = SYSTEM_CLOCK,
                 progress: Callable[[ExportProgress], None] | None = None, cancel: CancelToken | None = None,
                 fetch: Callable[[RecordedSegment], Path] | None = None) -> None:
        """``fetch``: for footage on a recording server, the local file of a segment, its bytes checked
        against the recorder's digest (``RemoteFootage.verified_path``); a failure fails the export."""
        self.plan = plan
        self._fetch = fetch
        self.cancel = cancel or CancelToken()
        self._helpers_cancel = CancelToken(parent=self.cancel)   # also set when the job fails
        self._exporter = exporter
        self._identity = identity
        self._audit = audit
        self._actor = actor
        self._clock = clock
        self._report = Reporter(progress, plan.estimated_bytes)
        self.package_id = str(uuid.uuid4())
        self._stage = "validate"

    def run(self) -> ExportResult:
        """Run the whole export on the calling (worker) thread. Raises ExportCancelled or VideowallError."""
        details = audit_details(self.package_id, self.plan) | {"station": self._exporter.station_name}
        started = self._audit.append(f"{ACTION}.started", details, self._actor)   # read back by the access log
        try:
            result = self._run(started.seq, started.entry_hash)
        except ExportCancelled as cancelled:
            cancelled.stage = self._stage   # the job knows best where it stopped
            self._audit_end("cancelled", {"stage": self._stage})
            raise
        except VideowallError as err:
            self._audit_end("failed", {"stage": self._stage, "error": redact(err.user_message)})
            raise self._with_partial_note(err) from err
        except OSError as err:
            wrapped = self._os_error(err)
            self._audit_end("failed", {"stage": self._stage, "error": wrapped.user_message})
            raise self._with_partial_note(wrapped) from err
        except AV_ERRORS as err:   # FFmpeg errors that carry no errno
            wrapped = VideowallError(ErrorKind.STORAGE_ERROR, f"Reading or writing the video failed: {err}.",
                                     detail=repr(err))
            self._audit_end("failed", {"stage": self._stage, "error": redact(wrapped.user_message)})
            raise self._with_partial_note(wrapped) from err
        except Exception as err:
            self._audit_end("failed", {"stage": self._stage, "error": f"internal error: {type(err).__name__}"})
            raise
        try:
            self._audit.append(f"{ACTION}.completed", {
                "package_id": self.package_id, "exhibit_id": self.plan.request.exhibit_id,
                "path": str(result.package_dir), "manifest_sha256": result.manifest_sha256,
                "signer_cert_sha256": result.signer_cert_sha256, "files": result.files, "bytes": result.total_bytes,
            }, self._actor)
        except VideowallError as err:
            raise VideowallError(err.kind, f"The package {result.package_dir} is complete and verified, but the "
                                           f"audit log could not record it: {err.user_message}", err.detail) from err
        return result

    def _run(self, anchor_seq: int, anchor_hash: str) -> ExportResult:
        plan = self.plan
        identity = self._identity()
        created = self._clock.now_utc()
        partial = plan.partial_dir
        partial.mkdir()
        files = PackageFiles(partial)
        (partial / "video").mkdir()
        self._enter("remux")
        # Hashing (framehash lists, clip SHA-256, read-back) runs on a small pool, next to the remux;
        # finished clips go to the medium and are read back from it meanwhile (MediumCheck).
        medium = MediumCheck(partial, self._helpers_cancel)
        with ThreadPoolExecutor(max_workers=HASH_WORKERS, thread_name_prefix="evidence-hash") as pool:
            try:
                remuxed = [self._remux_camera(camera_plan, pool, medium) for camera_plan in plan.cameras]
                items = [self._camera_item(camera_plan, clip, submitted, files)
                         for camera_plan, clip, submitted in remuxed]
                self._package(files, items, identity, created, anchor_seq, anchor_hash)
                self._enter("sync")
                self._sync(files)
                self._enter("read_back")
                self._read_back(files, pool, medium)
            except BaseException:
                self._helpers_cancel.cancel()   # stop hashing tasks still running; run() reports the cause
                pool.shutdown(wait=True, cancel_futures=True)
                raise
            finally:
                medium.close()
        self._enter("finish")
        self.cancel.raise_if_cancelled("finish")
        os.rename(partial, plan.final_dir)
        fsync_dir(plan.final_dir.parent)
        total = sum((plan.final_dir / p).stat().st_size for p in files.hashes)
        self._report.done()
        return ExportResult(plan.final_dir, self.package_id, files.hashes[MANIFEST],
                            cert_sha256(identity.certificate), len(files.hashes), total)

    def _package(self, files: PackageFiles, items: list[CameraItem], identity: SigningIdentity, created,
                 anchor_seq: int, anchor_hash: str) -> None:
        plan, request, partial = self.plan, self.plan.request, self.plan.partial_dir
        self._enter("package")
        files.write_certs(identity)
        files.write_audit_excerpt([e for e in self._audit.entries(first_seq=anchor_seq)
                                   if e.details.get("package_id") == self.package_id])
        video = [f.clip.path for item in items for f in item.files]
        files.write_texts(request.exhibit_id, request.case_number, request.authority,
                          created.astimezone(ZoneInfo(self._exporter.timezone)).isoformat(timespec="seconds"),
                          self._exporter.timezone, __version__,
                          video, bool(identity.chain))
        libs = {**library_versions(), "cryptography": _version_of("cryptography"),
                "reportlab": _version_of("reportlab")}
        manifest = build_manifest(self.package_id, request, self._exporter, created, items, files.other,
                                  (anchor_seq, anchor_hash), identity, libs)
        data = manifest_bytes(manifest)
        manifest_record = files.add(MANIFEST, data)
        files.write_signature(sign_detached(data, identity))
        write_protocol(partial / PROTOCOL_PDF, protocol_data(manifest, manifest_record.sha256, identity, plan, items))
        files.note(FileRecord(PROTOCOL_PDF, 0, sha256_file(partial / PROTOCOL_PDF)))
        files.write_sums()
        self.cancel.raise_if_cancelled("package")

    def _remux_camera(self, camera_plan: CameraPlan, pool: ThreadPoolExecutor, medium: MediumCheck):
        request, camera = self.plan.request, camera_plan.camera
        stem = clip_stem(camera.id, camera.name, request.start_utc, request.end_utc)
        video_dir = self.plan.partial_dir / "video"
        segments = self._local_segments(camera_plan)
        try:
            clip = remux_range(segments, request.start_utc, request.end_utc,
                               lambda n: video_dir / f"{stem}_p{n:03d}.mp4", self.plan.max_part_bytes, self.cancel,
                               self._report.remuxed)
        finally:
            segments.close()     # the remux may stop before the last segment: end the fetching now
        if clip is None:
            raise VideowallError(ErrorKind.NOT_FOUND, f"The recordings of camera {camera.id} ({camera.name}) hold no "
                                                      "frame in the requested time range.")
        rename_single_part(clip, video_dir / f"{stem}.mp4")
        for part in clip.parts:
            medium.submit(part.path)
        return camera_plan, clip, submit_part_records(pool, clip, self.plan.partial_dir, self._helpers_cancel)

    def _local_segments(self, camera_plan: CameraPlan) -> Iterator[RecordedSegment]:
        """The camera's segments as local files, in order. Remote ones are fetched on a thread of their own,
        ``PREFETCH`` ahead, so the download of the next overlaps the remux of this one."""
        if self._fetch is None:
            yield from camera_plan.segments
            return
        waiting = iter(camera_plan.segments)
        ahead: deque = deque()
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="evidence-fetch") as pool:
            def submit_next() -> None:
                segment = next(waiting, None)
                if segment is not None:
                    ahead.append((segment, pool.submit(self._fetch, segment)))
            for _ in range(PREFETCH):
                submit_next()
            try:
                while ahead:
                    segment, fetched = ahead.popleft()
                    self.cancel.raise_if_cancelled(self._stage)
                    path = fetched.result()
                    submit_next()
                    yield replace(segment, path=path)
            finally:
                for _segment, pending in ahead:
                    pending.cancel()

    def _camera_item(self, camera_plan: CameraPlan, clip: ClipResult, submitted, files: PackageFiles) -> CameraItem:
        camera = camera_plan.camera
        records = collect_part_records(submitted)
        for record in records:
            files.note(record.clip)
            files.note(record.framehash)
        profile = camera_plan.segments[0].profile
        uri = camera.url_for(Profile(profile) if profile in ("main", "sub") else camera.record_profile)
        return CameraItem(camera, clip.stream.as_manifest(), uri, clip.first_frame_utc, clip.last_frame_utc,
                          list(camera_plan.gaps) + clip.unreadable,
                          sorted({s.time_source.value for s in camera_plan.segments}), records)

    def _sync(self, files: PackageFiles) -> None:
        root = self.plan.partial_dir
        for relative in files.hashes:
            self.cancel.raise_if_cancelled("sync")
            fsync_path(root / relative)
        for folder in sorted({(root / p).parent for p in files.hashes}, key=lambda p: -len(p.parts)):
            fsync_dir(folder)
        fsync_dir(root.parent)

    def _read_back(self, files: PackageFiles, pool: ThreadPoolExecutor, medium: MediumCheck) -> None:
        root = self.plan.partial_dir
        early, early_bytes = medium.results()
        self._report.read_back(early_bytes)
        names = sorted(set(files.hashes) - set(early))
        hashed = pool.map(lambda name: sha256_file(root / name, from_device=True, cancel=self._helpers_cancel,
                                                   on_bytes=self._report.read_back), names)
        for relative, actual in [*early.items(), *zip(names, hashed)]:
            if actual != files.hashes[relative]:
                raise VideowallError(ErrorKind.STORAGE_ERROR,
                                     f"Reading back {relative} from the medium gave different bytes than were "
                                     "written: the medium is faulty. Use another one.")
        changed = medium.changed_since()
        if changed:
            raise VideowallError(ErrorKind.STORAGE_ERROR,
                                 f"{', '.join(changed)} changed on the medium after being verified, while later "
                                 "files were written: the medium overwrites its own data (a counterfeit or failing "
                                 "stick). Use another one.")
        try:
            verify_detached((root / "manifest.json.p7s").read_bytes(), (root / MANIFEST).read_bytes())
        except CmsError as err:
            raise VideowallError(ErrorKind.STORAGE_ERROR, f"The signature read back from the medium does not "
                                                          f"verify ({err}).") from err

    def _enter(self, stage: str) -> None:
        self.cancel.raise_if_cancelled(self._stage)
        self._stage = stage
        self._report.stage(stage)

    def _audit_end(self, outcome: str, extra: dict) -> None:
        details = {"package_id": self.package_id, "exhibit_id": self.plan.request.exhibit_id,
                   "partial_path": str(self.plan.partial_dir), **extra}
        try:
            self._audit.append(f"{ACTION}.{outcome}", details, self._actor)
        except VideowallError as err:  # the original failure matters more; the gap shows in the log
            log.error("could not record export %s in the audit log: %s", outcome, err.user_message)

    def _os_error(self, err: OSError) -> VideowallError:
        if err.errno in (errno.ENOSPC, errno.EFBIG, errno.EDQUOT):
            what = "is full" if err.errno != errno.EFBIG else "refused a file this large"
            return VideowallError(ErrorKind.STORAGE_ERROR, f"The destination {what} ({err.strerror}).",
                                  detail=repr(err))
        return VideowallError(ErrorKind.STORAGE_ERROR, f"Writing the export failed: {err.strerror or err}.",
                              detail=repr(err))

    def _with_partial_note(self, err: VideowallError) -> VideowallError:
        if self.plan.partial_dir.exists():
            return VideowallError(err.kind, f"{err.user_message} The export is NOT complete; what was written is "
                                            f"in {self.plan.partial_dir} (delete it).", err.detail)
        if self._stage == "validate":     # failed before anything was written: nothing to warn about
            return err
        # The folder being written is gone: the drive was pulled (or unmounted) mid-export.
        return VideowallError(err.kind, f"{err.user_message} The destination {self.plan.destination.path} is no "
                                        f"longer there (was the drive removed?). The export is NOT complete; "
                                        f"export again to a connected drive.", err.detail)


def _version_of(package: str) -> str:
    from importlib.metadata import PackageNotFoundError, version
    try:
        return version(package)
    except PackageNotFoundError:
        return "unknown"
