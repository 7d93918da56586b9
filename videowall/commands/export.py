"""Handlers of ``videowall export`` and ``videowall signing-key`` (see ``videowall.commands.evidence``)."""

from __future__ import annotations

import argparse
import contextlib
import functools
import getpass
import sys
import threading
from collections.abc import Callable, Iterator
from typing import ContextManager
from pathlib import Path

from videowall.commands.footage import open_remote, skew_line
from videowall.evidence.job import ExportJob
from videowall.evidence.plan import plan_export
from videowall.evidence.progress import ExportCancelled, ExportProgress
from videowall.evidence.request import ExportRequest, Officer
from videowall.evidence.signing import fingerprints_text
from videowall.recording.types import RecordingIndex
from videowall.runtime.errors import ErrorKind, VideowallError
from videowall.runtime.local_time import parse_local_time
from videowall.station import Station

EXIT_CANCELLED = 130


@contextlib.contextmanager
def station_recordings(station: Station) -> Iterator[RecordingIndex]:
    """The station's recordings index (closed with the station; recording is not started)."""
    yield station.recording_service().store


@contextlib.contextmanager
def recorder_recordings(station: Station, args: argparse.Namespace) -> Iterator[RecordingIndex]:
    """The footage of the recording server ``--recorder`` (closed after the export)."""
    footage = open_remote(args, station.data_dir)
    try:
        print(skew_line(footage.recorder_clock().skew_s), file=sys.stderr)
        yield footage
    finally:
        footage.close()


def export_command(args: argparse.Namespace,
                   recordings: Callable[[Station], ContextManager[RecordingIndex]] = station_recordings) -> int:
    if getattr(args, "recorder", None):
        recordings = functools.partial(recorder_recordings, args=args)
    station = Station.open(args.data_dir)
    try:
        zone = station.zone
        cameras = station.cameras.find_listed(args.camera)
        request = ExportRequest(
            exhibit_id=args.exhibit, camera_ids=tuple(c.id for c in cameras),
            start_utc=parse_local_time(args.start, zone), end_utc=parse_local_time(args.end, zone),
            authority=args.authority, case_number=args.case, reason=args.reason, legal_basis=args.legal_basis,
            request_ref=args.request_ref, officer=Officer(args.officer, args.officer_rank, args.officer_badge),
            bookmark_ids=tuple(args.bookmark), incident_description=args.incident, incident_place=args.place)
        with recordings(station) as index:
            plan = plan_export(request, station.cameras.list(), index, Path(args.out), args.part_size)
            return _export(args, station, plan, getattr(index, "verified_path", None))
    finally:
        station.close()


def _export(args: argparse.Namespace, station: Station, plan, fetch=None) -> int:
    if args.acting:
        station.login(args.acting, getpass.getpass(f"Password of {args.acting}: ") if sys.stdin.isatty()
                      else sys.stdin.readline().rstrip("\r\n"))
    exporter = station.exporter(organisation=args.organisation, unit=args.unit, operator_name=args.operator,
                                camera_ids=plan.request.camera_ids)
    operator = station.operator if args.acting else args.operator or getpass.getuser()
    with station.audit() as audit:
        job = ExportJob(plan, exporter, lambda: station.signing_identity(args.organisation), audit,
                        actor=operator, progress=_print_progress, fetch=fetch)
        return _run_interruptible(job)


def signing_key_show(args: argparse.Namespace) -> int:
    station = Station.open(args.data_dir)
    try:
        identity = station.signing_identity(args.organisation)
    finally:
        station.close()
    print(f"{identity.source} key, {identity.hash_alg}")
    print(fingerprints_text(identity))
    return 0


def signing_key_import(args: argparse.Namespace) -> int:
    password = sys.stdin.readline().rstrip("\r\n") if args.password_stdin else getpass.getpass("PKCS#12 password: ")
    try:
        data = Path(args.pkcs12).read_bytes()
    except OSError as err:
        raise VideowallError(ErrorKind.INVALID_INPUT, f"Cannot read {args.pkcs12}: {err.strerror or err}.") from None
    station = Station.open(args.data_dir)
    try:
        identity = station.signing_keys().import_pkcs12(data, password or None)
    finally:
        station.close()
    print("Imported; exports are signed with this certificate from now on:")
    print(fingerprints_text(identity))
    return 0


def _run_interruptible(job: ExportJob) -> int:
    """Run the job on a worker thread so Ctrl-C becomes a clean cancel instead of an exception mid-write."""
    outcome: dict[str, object] = {}

    def work() -> None:
        try:
            outcome["result"] = job.run()
        except BaseException as err:  # handed to the main thread below
            outcome["error"] = err

    worker = threading.Thread(target=work, name="evidence-export", daemon=True)
    worker.start()
    try:
        while worker.is_alive():
            worker.join(0.2)
    except KeyboardInterrupt:
        job.cancel.cancel()
        worker.join()
    error = outcome.get("error")
    if isinstance(error, ExportCancelled):
        print(f"\nvideowall: export cancelled; the incomplete files are in {job.plan.partial_dir}", file=sys.stderr)
        return EXIT_CANCELLED
    if error is not None:
        raise error
    result = outcome["result"]
    print(f"\nExported {job.plan.request.exhibit_id} to {result.package_dir}")
    print(f"  manifest.json SHA-256: {result.manifest_sha256}")
    print(f"  signer certificate SHA-256: {result.signer_cert_sha256}")
    print(f"  {result.files} files, {result.total_bytes} bytes; read back from the medium and verified")
    return 0


def _print_progress(progress: ExportProgress) -> None:
    print(f"\r{progress.stage:<10} {progress.overall_fraction * 100:5.1f} %", end="", file=sys.stderr, flush=True)
