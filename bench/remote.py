"""Footage from a recording server against local files, in one run: seek latency and export throughput.

    .venv/bin/python -m bench.remote [--minutes 2] [--seeks 40] [--rounds 3]

Footage: ffmpeg encodes 20 s of 1280×720 25 fps H.264 (GOP 1 s, ≈4 Mbit/s) once, cut into 10 s fMP4 segments,
copied to ``--minutes`` of one camera's recording and indexed in a real station database (with the recorder's
SHA-256 of each file). The recording server is the real ``videowall recorder --listen`` process on 127.0.0.1
over HTTPS (openssl's certificate). Printed:

- seek: time from a seek to the rendered frame (PlaybackSession at a 640×360 box) at random positions, on the
  local index and files, and on RemoteFootage with an empty cache (cold: each seek fetches its segment) and
  with the segments cached (warm); p50 and p95.
- export: the full evidence export (remux, framehash, SHA-256, sign, fsync, read-back) from the server with an
  empty cache, against downloading the same segment bytes over the same client connection (+ fsync), and the
  local export of the same footage; medians of ``--rounds``.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

from videowall.audit import AuditLog
from videowall.evidence.job import ExportJob
from videowall.evidence.plan import plan_export
from videowall.evidence.request import ExportRequest, Exporter
from videowall.evidence.signing import self_signed_identity
from videowall.footage.client import RecorderClient
from videowall.footage.remote import RemoteFootage
from videowall.footage.sessions import SessionStore
from videowall.model.camera import Camera
from videowall.recording.digest import file_sha256
from videowall.recording.index import NewSegment, RecordingStore
from videowall.recording.playback import PlaybackSession
from videowall.recording.reconcile import prepare_root
from videowall.recording.timebase import to_us
from videowall.recording.types import SegmentState, TimeSource
from videowall.storage.db import open_database

SEGMENT_S = 10
CAMERA = 1
BOX = (640, 360)


def make_footage(folder: Path) -> list[Path]:
    subprocess.run(["ffmpeg", "-v", "error", "-f", "lavfi", "-i", "testsrc2=size=1280x720:rate=25", "-t", "20",
                    "-c:v", "libx264", "-preset", "ultrafast", "-g", "25", "-b:v", "4M", "-maxrate", "4M",
                    "-bufsize", "2M", "-pix_fmt", "yuv420p", "-f", "segment", "-segment_time", str(SEGMENT_S),
                    "-segment_format", "mp4", "-segment_format_options",
                    "movflags=frag_keyframe+empty_moov+default_base_moof", str(folder / "src%03d.mp4")],
                   check=True, timeout=600)
    return sorted(folder.glob("src*.mp4"))


def index_footage(data_dir: Path, sources: list[Path], minutes: float, t0: datetime) -> RecordingStore:
    root = data_dir / "recordings"
    prepare_root(root, create=True)
    store = RecordingStore.open(data_dir / "videowall.sqlite3", root)
    for n in range(int(minutes * 60 // SEGMENT_S)):
        start = t0 + timedelta(seconds=n * SEGMENT_S)
        path = root / str(CAMERA) / f"seg{n:04d}.mp4"
        path.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(sources[n % len(sources)], path)
        segment_id = store.begin_segment(NewSegment(CAMERA, "main", store.relative(path), to_us(start),
                                                    TimeSource.RECEIVE, None, "h264", 1280, 720))
        store.replace_times(segment_id, to_us(start), to_us(start) + SEGMENT_S * 1_000_000, path.stat().st_size,
                            SegmentState.COMPLETE)
        store.set_digest(segment_id, file_sha256(path))
    return store


def start_recorder(data_dir: Path, cert: Path, key: Path) -> tuple[subprocess.Popen, str]:
    process = subprocess.Popen([sys.executable, "-m", "videowall.cli", "recorder", "--data-dir", str(data_dir),
                                "--seconds", "3600", "--listen", "127.0.0.1:0", "--tls-cert", str(cert),
                                "--tls-key", str(key)], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    found: list[str] = []
    ready = threading.Event()

    def read() -> None:
        for line in process.stdout:
            if line.startswith("serving footage on "):
                found.append(line.split()[-1])
                ready.set()
        ready.set()

    threading.Thread(target=read, daemon=True).start()
    if not ready.wait(120) or not found:
        process.kill()
        raise SystemExit("the recorder did not start serving")
    return process, found[0]


def make_certificate(folder: Path) -> tuple[Path, Path]:
    cert, key = folder / "recorder.pem", folder / "recorder.key"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                    "-days", "1", "-subj", "/CN=bench", "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", str(key),
                    "-out", str(cert)], check=True, capture_output=True, timeout=60)
    return cert, key


def seek_times_ms(index, positions: list[int]) -> list[float]:
    session = PlaybackSession(index, [CAMERA], positions[0])
    session.set_box(CAMERA, *BOX)
    session.run_pending()
    times = []
    try:
        for position in positions:
            started = time.perf_counter()
            session.seek(position)
            session.run_pending()
            session.render()
            times.append((time.perf_counter() - started) * 1000)
            assert session.picture(CAMERA).frame is not None, "no frame at a recorded position"
    finally:
        session.close()
    return times


def percentiles(values: list[float]) -> tuple[float, float]:
    ordered = sorted(values)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def http_copy(client: RecorderClient, segments, target: Path) -> int:
    target.mkdir()
    total = 0
    for segment in segments:
        part = target / f"{segment.id}.mp4"
        client.download(segment.id, part)
        with open(part, "rb") as handle:
            os.fsync(handle.fileno())
        total += part.stat().st_size
    return total


def export_rate(index, work: Path, name: str, start: datetime, end: datetime, identity, audit, fetch=None) -> float:
    camera = Camera(CAMERA, "Kamera 1", "rtsp://127.0.0.1/cam1")
    plan = plan_export(ExportRequest(name, (CAMERA,), start, end, "bench", "bench", "bench"), [camera], index, work)
    started = time.perf_counter()
    result = ExportJob(plan, Exporter(), lambda: identity, audit, fetch=fetch).run()
    rate = result.total_bytes / (time.perf_counter() - started)
    shutil.rmtree(result.package_dir)
    return rate


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--minutes", type=float, default=2.0)
    parser.add_argument("--seeks", type=int, default=40)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="vw-bench-remote-", dir="/var/tmp"))
    recorder = None
    try:
        t0 = (datetime.now(timezone.utc) - timedelta(hours=1)).replace(microsecond=0)
        store = index_footage(work / "recorder", make_footage(work), args.minutes, t0)
        conn = open_database(work / "recorder" / "videowall.sqlite3")
        _session, token = SessionStore(conn).issue("bench", 1)
        conn.close()
        cert, key = make_certificate(work)
        recorder, url = start_recorder(work / "recorder", cert, key)
        end = t0 + timedelta(minutes=args.minutes)
        rng = random.Random(7)
        positions = [to_us(t0) + rng.randrange(0, int(args.minutes * 60 * 1_000_000) - 1_000_000)
                     for _ in range(args.seeks)]

        local = percentiles(seek_times_ms(store, positions))
        remote = RemoteFootage(RecorderClient(url, token, ca_file=cert), work / "seek-cache")
        cold = percentiles(seek_times_ms(remote, positions))
        warm = percentiles(seek_times_ms(remote, positions))
        remote.close()

        identity = self_signed_identity("Benchmark", "bench", datetime.now(timezone.utc))
        audit_conn = open_database(work / "station.sqlite3")
        audit = AuditLog(audit_conn)
        (work / "out").mkdir()
        copy_rates, remote_rates, local_rates = [], [], []
        for n in range(args.rounds):
            footage = RemoteFootage(RecorderClient(url, token, ca_file=cert), work / f"cache{n}")
            segments = footage.segments(CAMERA, t0 - timedelta(seconds=4), end)
            started = time.perf_counter()
            copied = http_copy(footage.client, segments, work / f"copy{n}")
            copy_rates.append(copied / (time.perf_counter() - started))
            shutil.rmtree(work / f"copy{n}")
            remote_rates.append(export_rate(footage, work / "out", f"REMOTE-{n}", t0, end, identity, audit,
                                            footage.verified_path))
            footage.close()
            shutil.rmtree(work / f"cache{n}")
            local_rates.append(export_rate(store, work / "out", f"LOCAL-{n}", t0, end, identity, audit))
        audit_conn.close()
        store.close()
        copy_mb, remote_mb, local_mb = (statistics.median(r) / 1e6 for r in (copy_rates, remote_rates, local_rates))
        print(f"footage: 1 camera × {args.minutes:g} min of 720p25 ≈4 Mbit/s, {SEGMENT_S} s segments; "
              f"{args.seeks} seeks; {args.rounds} export rounds; load average {os.getloadavg()[0]:.1f}")
        print(f"seek local            p50 {local[0]:7.1f} ms   p95 {local[1]:7.1f} ms")
        print(f"seek remote (cold)    p50 {cold[0]:7.1f} ms   p95 {cold[1]:7.1f} ms")
        print(f"seek remote (cached)  p50 {warm[0]:7.1f} ms   p95 {warm[1]:7.1f} ms")
        print(f"HTTP copy + fsync         {copy_mb:7.1f} MB/s  (rounds {', '.join(f'{r / 1e6:.0f}' for r in copy_rates)})")
        print(f"remote export             {remote_mb:7.1f} MB/s  (rounds {', '.join(f'{r / 1e6:.0f}' for r in remote_rates)})")
        print(f"local export              {local_mb:7.1f} MB/s  (rounds {', '.join(f'{r / 1e6:.0f}' for r in local_rates)})")
        print(f"ratio remote export / HTTP copy {remote_mb / copy_mb:.2f}; remote / local export {remote_mb / local_mb:.2f}")
        print(json.dumps({"seek_local_ms": [round(v, 1) for v in local], "seek_remote_cold_ms": [round(v, 1) for v in cold],
                          "seek_remote_cached_ms": [round(v, 1) for v in warm], "http_copy_mb_s": round(copy_mb, 1),
                          "remote_export_mb_s": round(remote_mb, 1), "local_export_mb_s": round(local_mb, 1)}))
    finally:
        if recorder is not None:
            recorder.terminate()
            recorder.wait(30)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
