"""Benchmark: recording N simulated cameras on top of live view, vs. ``ffmpeg -c copy`` of the same streams.

    .venv/bin/python bench/recording.py --cameras 16 --profile sub --seconds 20

Phases, all in one run against one simulator:
  1. live view only: N sessions, each decoding to a 480×270 tile (the wall's work without painting);
  2. the same plus recording (``--profile sub``: the live sessions themselves; ``main``: N more sessions);
     extra CPU = phase 2 − phase 1, and the bytes written per second; phases 1 and 2 alternate
     ``--rounds`` times and are averaged. On a busy machine that difference is noisy, so the CPU of the
     recording code itself is measured too (writer threads' CPU clocks + the hand-over in on_packet);
  3. baseline: N ``ffmpeg -c copy`` processes writing fragmented MP4 from the same streams;
  4. seek latency: random seeks in what phase 2 recorded, decoded to 640×360 (p50/p95).
CPU is in cores (1.0 = one full core) of this process, measured with /proc.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.measure import percentile, process_cpu_s, rss_mb, stop_processes  # noqa: E402
from videowall.model.camera import Profile  # noqa: E402
from videowall.recording.camera_playback import CameraPlayback  # noqa: E402
from videowall.recording.index import RecordingStore  # noqa: E402
from videowall.recording.recorder import CameraRecorder  # noqa: E402
from videowall.recording.recorder_types import RecorderConfig  # noqa: E402
from videowall.model.retention import RetentionPolicy  # noqa: E402
from videowall.recording.service import RecordingService  # noqa: E402
from videowall.recording.timebase import to_us  # noqa: E402
from videowall.recording.types import SegmentState  # noqa: E402
from videowall.sim.simulator import SimulatorProcess  # noqa: E402
from videowall.storage.cameras import CameraStore  # noqa: E402
from videowall.storage.db import open_database  # noqa: E402
from videowall.streams.supervisor import StreamSupervisor  # noqa: E402

TILE = (480, 270)


class RecorderCpu:
    """CPU spent on recording itself, which a busy machine cannot blur: the writer threads (read through
    their own CPU clocks) and the packet hand-over on the sessions' demux threads (timed in on_packet)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.handover_s = 0.0
        original = CameraRecorder.on_packet

        def timed(recorder, packet, received_monotonic):
            started = time.thread_time()
            original(recorder, packet, received_monotonic)
            spent = time.thread_time() - started
            with self._lock:
                self.handover_s += spent
        CameraRecorder.on_packet = timed

    @staticmethod
    def writers_s() -> float:
        return sum(time.clock_gettime(time.pthread_getcpuclockid(t.ident)) for t in threading.enumerate()
                   if t.name.startswith("recorder-cam") and t.ident is not None)


def measure(seconds: float, recorder_cpu: RecorderCpu) -> tuple[float, float]:
    """(whole process, recording itself) CPU in cores over ``seconds``."""
    process0, writers0, handover0 = process_cpu_s(os.getpid()), recorder_cpu.writers_s(), recorder_cpu.handover_s
    t0 = time.monotonic()
    time.sleep(seconds)
    elapsed = time.monotonic() - t0
    own = recorder_cpu.writers_s() - writers0 + recorder_cpu.handover_s - handover0
    return (process_cpu_s(os.getpid()) - process0) / elapsed, own / elapsed


def folder_bytes(root: Path) -> int:
    return sum(p.stat().st_size for p in root.rglob("*.mp4"))


def ffmpeg_copy_cpu(urls: list[str], out_dir: Path, seconds: float, warmup_s: float) -> tuple[float, float]:
    """(CPU in cores, bytes/s written) of ``ffmpeg -c copy`` to fragmented MP4, one process per stream."""
    out_dir.mkdir(parents=True, exist_ok=True)
    # Probing options as our own sessions use (ffmpeg's default would probe for 5 s before writing).
    procs = [subprocess.Popen(["ffmpeg", "-nostdin", "-loglevel", "error", "-rtsp_transport", "tcp",
                               "-analyzeduration", "100000", "-probesize", "32768", "-i", url,
                               "-c", "copy", "-f", "mp4", "-movflags", "frag_keyframe+empty_moov+default_base_moof",
                               str(out_dir / f"{n}.mp4")], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
             for n, url in enumerate(urls)]
    try:
        time.sleep(warmup_s)
        cpu0, bytes0, t0 = sum(process_cpu_s(p.pid) for p in procs), folder_bytes(out_dir), time.monotonic()
        time.sleep(seconds)
        elapsed = time.monotonic() - t0
        return ((sum(process_cpu_s(p.pid) for p in procs) - cpu0) / elapsed,
                (folder_bytes(out_dir) - bytes0) / elapsed)
    finally:
        stop_processes(procs)


def seek_latencies(store: RecordingStore, camera_ids: list[int], count: int) -> list[float]:
    rng = random.Random(7)
    players = {cid: CameraPlayback(store, cid, box=(640, 360)) for cid in camera_ids}
    segments = {cid: [s for s in store.segments_us(cid, 0, 2**62) if s.state is SegmentState.COMPLETE]
                for cid in camera_ids}
    times = []
    try:
        for _ in range(count):
            cid = rng.choice(camera_ids)
            segment = rng.choice(segments[cid])
            target = rng.randrange(to_us(segment.start_utc), to_us(segment.end_utc))
            t0 = time.perf_counter()
            frame = players[cid].frame_at(target)
            times.append(time.perf_counter() - t0)
            if frame is None or target - frame.utc_us >= 1_000_000:
                raise AssertionError(f"seek to {target} in segment {segment.id} of camera {cid} "
                                     f"({segment.path.name}) found {frame and frame.utc_us}")
    finally:
        for player in players.values():
            player.close()
    return times


def run(args: argparse.Namespace) -> dict:
    profile = Profile(args.profile)
    work = Path(tempfile.mkdtemp(prefix="bench-recording-"))
    if args.keep:
        print(f"work dir: {work}", file=sys.stderr)
    sim = SimulatorProcess(cameras=args.cameras, main_size=(1280, 720),
                           max_seconds=(args.seconds + args.warmup) * (2 * args.rounds + 1) + 120)
    sim.start()
    cameras = CameraStore(open_database(work / "videowall.sqlite3"))
    supervisor = StreamSupervisor(cameras.get, lambda _cid: None)
    service = None
    try:
        ids = [cameras.add(name=f"CAM {n}", main_url=sim.url(n, "main"), sub_url=sim.url(n, "sub")).id
               for n in range(1, args.cameras + 1)]
        views = [supervisor.open_view(cid, *TILE) for cid in ids]
        store = RecordingStore.open(work / "videowall.sqlite3", work / "recordings")
        service = RecordingService(store, supervisor, recorder_config=RecorderConfig(segment_s=args.segment_seconds),
                                   policy=RetentionPolicy(min_free_bytes=0, warn_free_bytes=0))
        service.start()
        recorder_cpu = RecorderCpu()
        live, recording, own, rates = [], [], [], []
        # Alternate the phases, so a change of load on the machine hits both alike.
        for _ in range(args.rounds):
            time.sleep(args.warmup)
            live.append(measure(args.seconds, recorder_cpu)[0])
            for cid in ids:
                store.set_recording(cid, True, profile)
            service.refresh()
            time.sleep(args.warmup)
            bytes0, t0 = folder_bytes(store.root), time.monotonic()
            process, itself = measure(args.seconds, recorder_cpu)
            recording.append(process)
            own.append(itself)
            rates.append((folder_bytes(store.root) - bytes0) / (time.monotonic() - t0))
            sessions = supervisor.session_count()
            dropped = sum(s.packets_dropped for s in service.status().recorders)
            for cid in ids:
                store.set_recording(cid, False)
            service.refresh()
        live_cpu, recording_cpu = sum(live) / len(live), sum(recording) / len(recording)
        own_cpu = sum(own) / len(own)
        write_rate = sum(rates) / len(rates)
        service.stop()
        service = None
        for view in views:
            view.release()
        seeks = seek_latencies(store, ids, args.seeks)
        store.close()
        urls = [sim.url(n, profile.value) for n in range(1, args.cameras + 1)]
        ffmpeg_cpu, ffmpeg_rate = ffmpeg_copy_cpu(urls, work / "ffmpeg", args.seconds, args.warmup)
    finally:
        if service is not None:
            service.stop()
        supervisor.close()
        sim.stop()
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    extra = recording_cpu - live_cpu
    return {
        "cameras": args.cameras, "profile": profile.value, "seconds": args.seconds,
        "sessions_while_recording": sessions, "packets_dropped": dropped,
        "rounds": args.rounds, "cpu_live_only_cores": round(live_cpu, 3), "cpu_live_plus_recording_cores": round(recording_cpu, 3),
        "cpu_recording_extra_cores": round(extra, 3),
        "cpu_recording_threads_cores": round(own_cpu, 3),
        "write_mb_per_s": round(write_rate / 1e6, 2),
        "ffmpeg_copy_cpu_cores": round(ffmpeg_cpu, 3), "ffmpeg_write_mb_per_s": round(ffmpeg_rate / 1e6, 2),
        "ratio_recording_extra_vs_ffmpeg": round(extra / ffmpeg_cpu, 2) if ffmpeg_cpu > 0 else None,
        "ratio_recording_threads_vs_ffmpeg": round(own_cpu / ffmpeg_cpu, 2) if ffmpeg_cpu > 0 else None,
        "seek_ms_p50": round(percentile(seeks, 50) * 1000, 1), "seek_ms_p95": round(percentile(seeks, 95) * 1000, 1),
        "rss_mb": round(rss_mb(), 1), "load_average_1min_at_end": round(os.getloadavg()[0], 1),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cameras", type=int, default=16)
    parser.add_argument("--profile", choices=("sub", "main"), default="sub",
                        help="sub: record the live sessions' own streams; main: record the main streams too")
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--warmup", type=float, default=6.0, help="settling time before each phase")
    parser.add_argument("--rounds", type=int, default=2, help="live / live+recording phase pairs")
    parser.add_argument("--segment-seconds", type=float, default=10.0)
    parser.add_argument("--seeks", type=int, default=200)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--keep", action="store_true", help="keep the recordings (printed work dir) for a look")
    args = parser.parse_args()
    result = run(args)
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        for key, value in result.items():
            print(f"{key:34} {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
