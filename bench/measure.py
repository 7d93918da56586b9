"""Measuring helpers shared by the benchmarks: CPU of processes, percentiles, RSS."""

from __future__ import annotations

import os
import subprocess
import time
from collections.abc import Sequence

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


def ffmpeg_decode_cpu(urls: Sequence[str], seconds: float, warmup_s: float = 2.0) -> float:
    """CPU (in cores, 1.0 = one full core) of plain ``ffmpeg -f null`` decoding ``urls`` concurrently.

    Measured over ``seconds`` after ``warmup_s``, the same window the wall is measured over.
    """
    procs = [subprocess.Popen(["ffmpeg", "-nostdin", "-loglevel", "error", "-rtsp_transport", "tcp",
                               "-i", url, "-f", "null", "-"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) for url in urls]
    try:
        time.sleep(warmup_s)
        start = sum(process_cpu_s(p.pid) for p in procs)
        t0 = time.monotonic()
        time.sleep(seconds)
        used = sum(process_cpu_s(p.pid) for p in procs) - start
        return used / (time.monotonic() - t0)
    finally:
        stop_processes(procs)


def stop_processes(procs: Sequence[subprocess.Popen], timeout_s: float = 5.0) -> None:
    """Terminate, then kill whatever has not exited within ``timeout_s``."""
    for p in procs:
        p.terminate()
    for p in procs:
        try:
            p.wait(timeout=timeout_s)
        except subprocess.TimeoutExpired:
            p.kill()
