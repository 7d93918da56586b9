"""Evidence export throughput against a plain copy of the same bytes to the same place, in one run.

    .venv/bin/python -m bench.export [--out DIR] [--cameras 2] [--minutes 5] [--rounds 3]

Footage: ffmpeg encodes 20 s of 1080p25 H.264 (GOP 1 s, ≈16 Mbit/s) once and cuts it into 10 s fMP4
segments; the index repeats them to build ``--minutes`` of recording per camera (the remux anchors
each segment on its own start time, so repeated files are fine). Both sides are made durable:
the plain copy is ``shutil.copyfile`` + fsync of the segment files the export reads; the export is
the full job (remux, framehash lists, SHA-256, manifest, CMS signature, PDF, fsync, read-back from
the device with the page cache dropped, signature check, rename). The two alternate, and the
median of ``--rounds`` is reported. Needs ffmpeg on PATH.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

from videowall.audit import AuditLog
from videowall.evidence.fileio import drop_cache
from videowall.evidence.job import ExportJob
from videowall.evidence.plan import plan_export
from videowall.evidence.request import ExportRequest, Exporter
from videowall.evidence.signing import self_signed_identity
from videowall.model.camera import Camera
from videowall.recording.types import RecordedSegment, SegmentState, TimeSource
from videowall.storage.db import open_database

SEGMENT_S = 10
T0 = datetime(2026, 1, 15, 9, 0, tzinfo=timezone.utc)


class RepeatingIndex:
    def __init__(self, files: list[Path], cameras: int, minutes: float) -> None:
        count = int(minutes * 60 // SEGMENT_S)
        self.segments_by_camera = {
            cam: [RecordedSegment(cam * 100000 + n, cam, "main", files[n % len(files)],
                                  T0 + timedelta(seconds=n * SEGMENT_S), T0 + timedelta(seconds=(n + 1) * SEGMENT_S),
                                  files[n % len(files)].stat().st_size, TimeSource.RECEIVE, SegmentState.COMPLETE)
                  for n in range(count)] for cam in range(1, cameras + 1)}

    def segments(self, camera_id, start_utc, end_utc):
        return [s for s in self.segments_by_camera[camera_id] if s.start_utc < end_utc and s.end_utc > start_utc]

    def gaps(self, camera_id, start_utc, end_utc):
        return []


def make_footage(folder: Path) -> list[Path]:
    subprocess.run(["ffmpeg", "-v", "error", "-f", "lavfi", "-i", "testsrc2=size=1920x1080:rate=25", "-t", "20",
                    "-c:v", "libx264", "-preset", "ultrafast", "-g", "25", "-b:v", "16M", "-maxrate", "16M",
                    "-bufsize", "8M", "-pix_fmt", "yuv420p", "-f", "segment", "-segment_time", str(SEGMENT_S),
                    "-segment_format", "mp4", "-segment_format_options",
                    "movflags=frag_keyframe+empty_moov+default_base_moof", str(folder / "seg%03d.mp4")],
                   check=True, timeout=600)
    return sorted(folder.glob("seg*.mp4"))


class StageTimer:
    """Progress callback that notes how long each stage of the job took."""

    def __init__(self) -> None:
        self.times: dict[str, float] = {}
        self._stage, self._since = None, time.perf_counter()

    def __call__(self, report) -> None:
        if report.stage != self._stage:
            self.finish()
            self._stage = report.stage

    def finish(self) -> dict[str, float]:
        now = time.perf_counter()
        if self._stage is not None:
            self.times[self._stage] = self.times.get(self._stage, 0.0) + now - self._since
        self._since = now
        return self.times


def plain_copy(sources: list[Path], target: Path) -> int:
    target.mkdir()
    total = 0
    for number, source in enumerate(sources):
        copy = target / f"{number:05d}.mp4"
        shutil.copyfile(source, copy)
        with open(copy, "rb") as handle:
            os.fsync(handle.fileno())
        total += copy.stat().st_size
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=None, help="destination folder (default: a temp dir in /var/tmp)")
    parser.add_argument("--sources", type=Path, default=Path("/var/tmp"),
                        help="where the recorded footage is made (the station's disk; default /var/tmp)")
    parser.add_argument("--cameras", type=int, default=2)
    parser.add_argument("--minutes", type=float, default=5.0)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="vw-bench-export-", dir=args.out or "/var/tmp"))
    recordings = Path(tempfile.mkdtemp(prefix="vw-bench-footage-", dir=args.sources))
    try:
        files = make_footage(recordings)
        index = RepeatingIndex(files, args.cameras, args.minutes)
        cameras = [Camera(cam, f"Kamera {cam}", f"rtsp://127.0.0.1/cam{cam}") for cam in range(1, args.cameras + 1)]
        identity = self_signed_identity("Benchmark", "bench", datetime.now(timezone.utc))
        conn = open_database(recordings / "bench.sqlite3")
        audit = AuditLog(conn)
        end = T0 + timedelta(minutes=args.minutes)
        sources = [s.path for cam in index.segments_by_camera.values() for s in cam]
        export_rates, copy_rates, stage_times, export_bytes = [], [], [], 0
        export_cpu, copy_cpu = [], []   # CPU seconds (all threads) per GB: independent of other load
        for round_number in range(args.rounds):
            for source in set(sources):   # both sides start with the sources in the same (cached) state
                with open(source, "rb") as handle:
                    drop_cache(handle.fileno())
            started, cpu = time.perf_counter(), time.process_time()
            copied = plain_copy(sources, work / f"copy{round_number}")
            copy_rates.append(copied / (time.perf_counter() - started))
            copy_cpu.append((time.process_time() - cpu) / (copied / 1e9))
            request = ExportRequest(f"BENCH-{round_number}", tuple(c.id for c in cameras), T0, end, "bench",
                                    "bench", "bench")
            plan = plan_export(request, cameras, index, work)
            stages = StageTimer()
            started, cpu = time.perf_counter(), time.process_time()
            result = ExportJob(plan, Exporter(), lambda: identity, audit, progress=stages).run()
            export_rates.append(result.total_bytes / (time.perf_counter() - started))
            export_cpu.append((time.process_time() - cpu) / (result.total_bytes / 1e9))
            stage_times.append(stages.finish())
            export_bytes = result.total_bytes
            shutil.rmtree(work / f"copy{round_number}")
            shutil.rmtree(result.package_dir)
        conn.close()
        copy_mb, export_mb = statistics.median(copy_rates) / 1e6, statistics.median(export_rates) / 1e6
        print(f"package {export_bytes / 1e6:.0f} MB ({args.cameras} cameras × {args.minutes:g} min), "
              f"{args.rounds} rounds, destination {work}")
        print(f"plain copy + fsync        {copy_mb:8.1f} MB/s   (rounds: {', '.join(f'{r / 1e6:.0f}' for r in copy_rates)})")
        print(f"export + hash + read-back {export_mb:8.1f} MB/s   (rounds: {', '.join(f'{r / 1e6:.0f}' for r in export_rates)})")
        print(f"ratio export / copy       {export_mb / copy_mb:8.2f}")
        print(f"CPU per GB: copy {statistics.median(copy_cpu):.1f} s, export {statistics.median(export_cpu):.1f} s "
              f"(all threads; {os.cpu_count()} cores, load average now {os.getloadavg()[0]:.1f})")
        median_round = stage_times[export_rates.index(statistics.median_low(export_rates))]
        print("export stages (s), median round: " + ", ".join(f"{k} {v:.1f}" for k, v in median_round.items()))
        print(json.dumps({"copy_mb_s": round(copy_mb, 1), "export_mb_s": round(export_mb, 1),
                          "ratio": round(export_mb / copy_mb, 3), "package_mb": round(export_bytes / 1e6, 1),
                          "export_cpu_s_per_gb": round(statistics.median(export_cpu), 1),
                          "copy_cpu_s_per_gb": round(statistics.median(copy_cpu), 1)}))
    finally:
        shutil.rmtree(work, ignore_errors=True)
        shutil.rmtree(recordings, ignore_errors=True)


if __name__ == "__main__":
    main()
