"""The faults the soak benchmark injects, one function each, and how it waits for the station to recover.

Each fault function takes the running soak (``bench.soak.Soak``: simulator, proxy, station process, disks)
and returns a FaultRecord: when the fault began and ended, which cameras it hit and, per camera, when the
tile was live again with a fresh picture (None: it never came back within the wait).
"""

from __future__ import annotations

import errno
import os
import re
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from videowall.config.paths import database_path
from videowall.recording.index import RecordingStore
from videowall.recording.types import SegmentState

FRESH_MS = 1000           # a tile is live again when its picture was captured at most this long ago
RECOVERY_TIMEOUT_S = 150  # longer than the auth backoff's second step (10 s, then 20 s) plus start-up
UNHIT_S = 3.0             # a tile fresh throughout this long after a fault's end was not hit by it
STALL_S = 10.0
THROTTLE_S = 15.0
THROTTLE_BYTES_PER_S = 20_000      # about a third of a sub stream's rate
AUTH_REFUSED_S = 15.0
AUTH_CAMERAS = 4
DISK_FULL_S = 20.0
EXPORT_CAMERAS = 8
EXPORT_SECONDS = 60


@dataclass
class FaultRecord:
    kind: str
    start: float                         # monotonic
    end: float
    cameras: list[int]
    recovered_at: dict[int, float | None] = field(default_factory=dict)
    retry_in_at_end: dict[int, float] = field(default_factory=dict)   # backoff left when the fault ended
    affects_live: bool = True
    details: dict = field(default_factory=dict)

    def recovery_s(self) -> dict[int, float | None]:
        return {cam: None if at is None else max(0.0, at - self.end) for cam, at in self.recovered_at.items()}


def is_fresh(tile: dict) -> bool:
    return tile["state"] == "live" and tile["age_ms"] is not None and tile["age_ms"] <= FRESH_MS


def wait_recovered(soak, record: FaultRecord, timeout_s: float = RECOVERY_TIMEOUT_S) -> None:
    """Fill ``record.recovered_at``: per tile, the first status line after the fault's end showing it fresh
    again after it went stale or down. A tile still fresh ``UNHIT_S`` after the end was not hit (0 s)."""
    pending = set(record.cameras)
    down: set[int] = set()
    deadline = time.monotonic() + timeout_s
    seen = 0
    while pending and time.monotonic() < deadline and soak.station.alive():
        samples = soak.station.samples_since(record.start)
        for sample in samples[seen:]:
            now = sample["mono"]
            for tile in sample["tiles"]:
                cam = tile["camera_id"]
                if cam not in pending:
                    continue
                fresh = is_fresh(tile)
                if not fresh:
                    down.add(cam)
                if now < record.end:
                    continue
                record.retry_in_at_end.setdefault(cam, tile["retry_in_s"] or 0.0)
                if fresh and (cam in down or now >= record.end + UNHIT_S):
                    record.recovered_at[cam] = now if cam in down else record.end
                    pending.discard(cam)
        seen = len(samples)
        time.sleep(0.2)
    for cam in pending:
        record.recovered_at[cam] = None
    record.details["tiles_hit"] = len(down)


def _hold(seconds: float) -> float:
    time.sleep(seconds)
    return time.monotonic()


def connection_cut(soak) -> FaultRecord:
    start = time.monotonic()
    cut = soak.proxy.cut()
    record = FaultRecord("connection cut", start, time.monotonic(), soak.camera_ids, details={"connections": cut})
    wait_recovered(soak, record)
    return record


def stall(soak) -> FaultRecord:
    start = time.monotonic()
    soak.proxy.stall(True)
    try:
        end = _hold(STALL_S)
    finally:
        soak.proxy.stall(False)
    record = FaultRecord("10 s stall", start, end, soak.camera_ids)
    wait_recovered(soak, record)
    return record


def throttle(soak) -> FaultRecord:
    start = time.monotonic()
    soak.proxy.throttle(THROTTLE_BYTES_PER_S)
    try:
        end = _hold(THROTTLE_S)
    finally:
        soak.proxy.throttle(None)
    record = FaultRecord("throttled", start, end, soak.camera_ids, details={"bytes_per_s": THROTTLE_BYTES_PER_S})
    wait_recovered(soak, record)
    return record


def auth_refused(soak) -> FaultRecord:
    cameras = soak.camera_ids[:AUTH_CAMERAS]
    start = time.monotonic()
    soak.proxy.refuse_auth([soak.sim_camera[c] for c in cameras], True)
    try:
        end = _hold(AUTH_REFUSED_S)
    finally:
        soak.proxy.refuse_auth([soak.sim_camera[c] for c in cameras], False)
    record = FaultRecord("401 then recovering", start, end, cameras)
    wait_recovered(soak, record)
    return record


def simulator_restart(soak) -> FaultRecord:
    start = time.monotonic()
    os.kill(soak.sim.pid, signal.SIGKILL)
    soak.sim.stop()          # reaps it
    soak.sim.start(timeout_s=60)
    record = FaultRecord("simulator killed + restarted", start, time.monotonic(), soak.camera_ids)
    wait_recovered(soak, record)
    return record


def disk_full(soak) -> FaultRecord:
    """Fill the recordings disk with a ballast file, hold, delete it; time until every recorder records again."""
    ballast = soak.recordings_disk.path / "ballast.bin"
    start = time.monotonic()
    _fill(ballast)
    states: set[int] = set()
    deadline = start + DISK_FULL_S
    while time.monotonic() < deadline:
        latest = soak.station.latest() or {}
        states |= {r["camera_id"] for r in latest.get("recorders", []) if r["state"] == "disk_full"}
        time.sleep(0.5)
    ballast.unlink()
    end = time.monotonic()
    resumed: dict[int, float | None] = {cam: None for cam in soak.camera_ids}
    wait_until = end + 60
    while time.monotonic() < wait_until and any(v is None for v in resumed.values()):
        for sample in soak.station.samples_since(end):
            for r in sample.get("recorders", []):
                if r["state"] == "recording" and resumed.get(r["camera_id"], 0) is None:
                    resumed[r["camera_id"]] = sample["mono"] - end
        time.sleep(0.5)
    return FaultRecord("recordings disk full", start, end, soak.camera_ids, affects_live=False,
                       details={"recorders_disk_full": len(states), "resumed_s": resumed})


def _fill(path: Path) -> None:
    """Write ``path`` until its filesystem has no space left."""
    block = b"\0" * (1 << 20)
    with open(path, "wb", buffering=0) as fh:
        try:
            while True:
                fh.write(block)
        except OSError as err:
            if err.errno != errno.ENOSPC:
                raise


def export_medium_gone(soak, number: int) -> FaultRecord:
    """Export to a small tmpfs that is unmounted (lazily, as a pulled stick) once the remux is under way."""
    usb = soak.export_disk
    usb.mount()
    zone = ZoneInfo("Europe/Warsaw")
    end_local = datetime.now(zone) - timedelta(seconds=15)
    local = lambda moment: moment.replace(tzinfo=None, microsecond=0).isoformat()   # noqa: E731
    exhibit = f"SOAK-{number:04d}"
    cameras = soak.camera_ids[:EXPORT_CAMERAS]
    command = [sys.executable, "-m", "videowall.cli", "export", "--data-dir", str(soak.data_dir),
               "--camera", ",".join(map(str, cameras)),
               "--from", local(end_local - timedelta(seconds=EXPORT_SECONDS)), "--to", local(end_local),
               "--exhibit", exhibit, "--case", "SOAK/1", "--authority", "soak benchmark", "--reason", "soak",
               "--organisation", "soak", "--out", str(usb.path)]
    start = time.monotonic()
    proc = subprocess.Popen(command, cwd=soak.repo, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            stdin=subprocess.DEVNULL, env=dict(os.environ, VIDEOWALL_KEYRING="memory"))
    soak.children.append(proc)
    stderr = bytearray()
    pulled_at_stage: list[str] = []

    def watch() -> None:
        while chunk := proc.stderr.read1(4096):
            stderr.extend(chunk)
            stages = re.findall(rb"(\w+)\s+([\d.]+) %", bytes(stderr[-200:]))
            if not pulled_at_stage and any(s == b"remux" and float(p) >= 5 for s, p in stages):
                usb.unmount()
                pulled_at_stage.append(f"remux {float(stages[-1][1]):.0f} %")

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    killer = threading.Timer(300, proc.kill)     # a hung export must not hang the soak
    killer.start()
    out = proc.stdout.read()          # stderr belongs to the watcher: no communicate()
    proc.wait()
    killer.cancel()
    watcher.join(10)
    if usb.mounted:          # finished (or failed) before the remux got far: pull it now
        usb.unmount()
    end = time.monotonic()
    text = stderr.decode(errors="replace")
    (soak.work / f"export-{number}.log").write_text(text)
    message = text.rsplit("videowall:", 1)[1].strip() if "videowall:" in text else ""
    left = sorted(os.listdir(usb.path)) if usb.path.exists() else []
    details = {
        "exit_code": proc.returncode, "pulled_at": pulled_at_stage[0] if pulled_at_stage else "after it ended",
        "message": message[:300], "traceback": "Traceback (most recent call last)" in text,
        "complete_looking_package": exhibit in left or (usb.path / exhibit / "manifest.json").exists(),
        "completed": proc.returncode == 0 and b"Exported" in out,
    }
    return FaultRecord("export medium gone", start, end, cameras, affects_live=False, details=details)


def ffprobe_frames(path: Path) -> tuple[int, str]:
    """(frames read, error text) of a recorded segment: it plays when frames > 0 and the text is empty."""
    done = subprocess.run(["ffprobe", "-v", "error", "-count_frames", "-select_streams", "v:0", "-show_entries",
                           "stream=nb_read_frames", "-of", "csv=p=0", str(path)], capture_output=True, text=True,
                          timeout=120)
    try:
        frames = int(done.stdout.strip().splitlines()[0])
    except (ValueError, IndexError):
        frames = 0
    return frames, done.stderr.strip()


def station_kill9(soak) -> FaultRecord:
    """kill -9 of the station mid-segment, restart; then whether each camera's last segment before it plays."""
    start = time.monotonic()
    killed_us = time.time_ns() // 1000
    soak.station.kill9()
    soak.station.spawn()
    end = time.monotonic()
    record = FaultRecord("station kill -9 + restart", start, end, soak.camera_ids)
    wait_recovered(soak, record)
    deadline = time.monotonic() + 60     # the restarted recorder reconciles the index first
    while time.monotonic() < deadline and not (soak.station.latest() or {}).get("recorders"):
        time.sleep(0.5)
    store = RecordingStore.open(database_path(soak.data_dir), soak.recordings_root)
    try:
        last = [max(found, key=lambda s: s.start_utc) for cam in soak.camera_ids
                if (found := store.segments_us(cam, killed_us - 3_600_000_000, killed_us))]
    finally:
        store.close()
    plays, broken = 0, []
    for segment in last:
        frames, errors = ffprobe_frames(segment.path)
        if frames > 0 and not errors:
            plays += 1
        else:
            broken.append(f"{segment.path.name} ({segment.state.value}): {frames} frames, {errors[:120]}")
    record.details |= {"cameras": len(soak.camera_ids), "last_segments": len(last), "play": plays,
                       "recovered": sum(1 for s in last if s.state is SegmentState.RECOVERED), "broken": broken}
    return record
