"""What the soak benchmark runs and owns: small real filesystems, and the station child process."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
# Lines of the station's stderr that mean something went wrong that no test should ever see.
CRASH_MARKERS = ("Traceback (most recent call last)", "uncaught error", "Fatal Python error", "Segmentation fault")


class Tmpfs:
    """A tmpfs of ``size_mb`` mounted at ``path`` (needs root); ``unmount`` is lazy, so it works while busy."""

    def __init__(self, path: Path, size_mb: int) -> None:
        self.path = path
        self.size_mb = size_mb
        self.mounted = False

    def mount(self) -> None:
        self.path.mkdir(parents=True, exist_ok=True)
        done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={self.size_mb}m,mode=0755", "tmpfs",
                               str(self.path)], capture_output=True, text=True, timeout=30)
        if done.returncode != 0:
            raise SystemExit(f"soak: cannot mount a tmpfs at {self.path} (run as root): {done.stderr.strip()}")
        self.mounted = True

    def unmount(self) -> None:
        if self.mounted:
            subprocess.run(["umount", "-l", str(self.path)], capture_output=True, timeout=30)
            self.mounted = False


def can_mount() -> bool:
    return os.name == "posix" and os.geteuid() == 0


@dataclass
class Incarnation:
    """One run of the station process, from spawn to its end, and what it reported."""

    pid: int
    spawned: float                       # monotonic
    samples: list[dict] = field(default_factory=list)
    ended: float | None = None
    killed: bool = False                 # by the benchmark (kill -9): not a crash
    returncode: int | None = None


class StationProcess:
    """The station child (bench/soak_station.py); its status lines are collected on a reader thread."""

    def __init__(self, data_dir: Path, log_path: Path, samples_path: Path, segment_s: float) -> None:
        self._data_dir = data_dir
        self._log_path = log_path
        self._samples_path = samples_path
        self._segment_s = segment_s
        self._proc: subprocess.Popen | None = None
        self._reader: threading.Thread | None = None
        self._lock = threading.Lock()
        self.incarnations: list[Incarnation] = []
        self.warnings: list[tuple[float, list[str]]] = []

    @property
    def current(self) -> Incarnation:
        return self.incarnations[-1]

    def spawn(self) -> Incarnation:
        log = self._log_path.open("ab")
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
        self._proc = subprocess.Popen(
            [sys.executable, "-m", "bench.soak_station", "--data-dir", str(self._data_dir),
             "--segment-seconds", str(self._segment_s)],
            cwd=REPO, stdout=subprocess.PIPE, stderr=log, stdin=subprocess.DEVNULL, env=env, text=True)
        log.close()
        incarnation = Incarnation(self._proc.pid, time.monotonic())
        with self._lock:
            self.incarnations.append(incarnation)
        self._reader = threading.Thread(target=self._read, args=(self._proc, incarnation), daemon=True)
        self._reader.start()
        return incarnation

    def latest(self) -> dict | None:
        with self._lock:
            samples = self.current.samples if self.incarnations else []
            return samples[-1] if samples else None

    def samples_since(self, since: float) -> list[dict]:
        with self._lock:
            return [s for s in self.current.samples if s["mono"] >= since]

    def alive(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    def kill9(self) -> None:
        proc = self._proc
        self.current.killed = True
        os.kill(proc.pid, signal.SIGKILL)
        self._finish(proc.wait(30))

    def stop(self, timeout_s: float = 60) -> bool:
        """SIGTERM and wait; True if it closed in order (exit code 0) in time."""
        proc = self._proc
        if proc is None or proc.poll() is not None:
            return proc is not None and proc.returncode == 0
        proc.send_signal(signal.SIGTERM)
        try:
            code = proc.wait(timeout_s)
        except subprocess.TimeoutExpired:
            self.current.killed = True
            proc.kill()
            self._finish(proc.wait(30))
            return False
        self._finish(code)
        return code == 0

    def ensure_stopped(self) -> None:
        """Kill by PID whatever is still running (cleanup on any exit)."""
        proc = self._proc
        if proc is not None and proc.poll() is None:
            proc.kill()
            proc.wait(30)

    def crash_lines(self) -> list[str]:
        try:
            text = self._log_path.read_text(errors="replace")
        except OSError:
            return []
        return [line for line in text.splitlines() if any(marker in line for marker in CRASH_MARKERS)]

    def _finish(self, code: int) -> None:
        if self._reader is not None:
            self._reader.join(10)
        self.current.returncode = code
        self.current.ended = time.monotonic()

    def _read(self, proc: subprocess.Popen, incarnation: Incarnation) -> None:
        with self._samples_path.open("a", encoding="utf-8") as dump:
            for line in proc.stdout:
                dump.write(line)
                self._take(line, incarnation)
        proc.stdout.close()

    def _take(self, line: str, incarnation: Incarnation) -> None:
        try:
            item = json.loads(line)
        except ValueError:
            return
        with self._lock:
            if "warnings" in item:
                self.warnings.append((time.monotonic(), item["warnings"]))
            else:
                incarnation.samples.append(item)
