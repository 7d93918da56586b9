"""Measuring helpers shared by the benchmarks: CPU of processes, percentiles, RSS."""

from __future__ import annotations

import os
import subprocess
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def process_cpu_s(pid: int) -> float:
    """User + system CPU seconds used so far by ``pid`` (Linux /proc)."""
    with open(f"/proc/{pid}/stat", encoding="ascii") as fh:
        fields = fh.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS


def rss_mb(pid: int | None = None) -> float:
    with open(f"/proc/{pid or os.getpid()}/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def percentile(values: Sequence[float], q: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    k = (len(ordered) - 1) * q / 100
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def ffmpeg_cpu(urls: Sequence[str], seconds: float, warmup_s: float = 2.0,
               video_filters: Sequence[str | None] | None = None) -> float:
    """CPU (in cores, 1.0 = one full core) of one plain ``ffmpeg … -f null`` process per URL, all at once.

    ``video_filters[i]`` (e.g. ``scale=476:268:flags=fast_bilinear,format=bgra``) is applied to ``urls[i]``;
    None or no list: decode only. Measured over ``seconds`` after ``warmup_s``.
    """
    filters = list(video_filters) if video_filters is not None else [None] * len(urls)
    procs = []
    for url, vf in zip(urls, filters):
        args = ["ffmpeg", "-nostdin", "-loglevel", "error", "-rtsp_transport", "tcp", "-i", url]
        if vf:
            args += ["-vf", vf]
        procs.append(subprocess.Popen(args + ["-f", "null", "-"], stdout=subprocess.DEVNULL,
                                      stderr=subprocess.DEVNULL))
    try:
        time.sleep(warmup_s)
        start = sum(process_cpu_s(p.pid) for p in procs)
        t0 = time.monotonic()
        time.sleep(seconds)
        used = sum(process_cpu_s(p.pid) for p in procs) - start
        return used / (time.monotonic() - t0)
    finally:
        stop_processes(procs)


def keep_mounts_streaming(urls: Sequence[str], timeout_s: float = 60.0,
                          wait: Callable[[Callable[[], bool], float], bool] | None = None) -> subprocess.Popen:
    """One ffmpeg reading every mount (copy, no decoding); returns once all are open and flowing.

    The simulator encodes a mount only while someone watches it (real cameras encode all the time): this
    keeps its load the same in every phase of a benchmark. ``wait(condition, timeout_s)`` polls (a Qt
    benchmark passes one that spins its event loop); by default it sleeps between polls.
    """
    progress = Path(tempfile.mkdtemp(prefix="bench-ffmpeg-keeper-")) / "progress.txt"
    args = ["ffmpeg", "-nostdin", "-loglevel", "error"]
    for url in urls:
        args += ["-rtsp_transport", "tcp", "-i", url]
    for index in range(len(urls)):
        args += ["-map", f"{index}:v"]
    args += ["-c", "copy", "-f", "null", "-progress", str(progress), "-"]
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    # ffmpeg reports progress once every input is open and the output runs.
    if (wait or _sleep_until)(lambda: progress.exists() and "progress=" in progress.read_text(errors="replace"),
                              timeout_s):
        return proc
    stop_processes([proc])
    raise RuntimeError("ffmpeg could not open every simulator mount")


def _sleep_until(condition: Callable[[], bool], timeout_s: float) -> bool:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


def stop_processes(procs: Sequence[subprocess.Popen], timeout_s: float = 5.0) -> None:
    """Terminate, then kill whatever has not exited within ``timeout_s``."""
    for p in procs:
        p.terminate()
    for p in procs:
        try:
            p.wait(timeout=timeout_s)
        except subprocess.TimeoutExpired:
            p.kill()
