"""Where the wall's CPU goes: thread-CPU timing of named parts of the frame path, for one benchmark phase.

Each part is a method (of a class, or of one object) wrapped so that it adds the CPU time of its calling thread
(``time.thread_time``) to the part's total, **exclusive** of the parts it calls itself: nested parts are never
counted twice, and a thread's CPU outside every part is left for the caller to attribute (e.g. the demux
loop). The wrapper also adds up each part's wall time minus its CPU time: inside a part that does not
wait on I/O, that is time spent ready but not running — waiting for the GIL or a lock, or preempted by the
OS (on a shared machine both happen).

The wrappers themselves cost ≈1–2 µs per call: the CPU figures of a benchmark come from an uninstrumented
phase, these only split them.
"""

from __future__ import annotations

import threading
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass


@dataclass(frozen=True)
class Part:
    owner: object           # a class (every instance) or one object
    method: str
    name: str               # what the report calls it


class PartTimer:
    def __init__(self) -> None:
        self._local = threading.local()
        self._lock = threading.Lock()
        self._threads: list[tuple[dict, dict, dict]] = []     # per thread: cpu, waiting, calls by part

    def _mine(self) -> tuple[dict, dict, dict, list]:
        mine = getattr(self._local, "totals", None)
        if mine is None:
            mine = (defaultdict(float), defaultdict(float), defaultdict(int))
            self._local.totals, self._local.stack = mine, []
            with self._lock:
                self._threads.append(mine)
        return (*mine, self._local.stack)

    def wrap(self, fn: Callable, name: str) -> Callable:
        def timed(*args, **kwargs):
            cpu_total, wait_total, calls, stack = self._mine()
            stack.append([0.0, 0.0])          # CPU and wall time of nested parts
            c0, w0 = time.thread_time(), time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                cpu, wall = time.thread_time() - c0, time.perf_counter() - w0
                child_cpu, child_wall = stack.pop()
                cpu_total[name] += cpu - child_cpu
                wait_total[name] += max(0.0, (wall - child_wall) - (cpu - child_cpu))
                calls[name] += 1
                if stack:
                    stack[-1][0] += cpu
                    stack[-1][1] += wall
        return timed

    @contextmanager
    def installed(self, parts: Iterable[Part]) -> Iterator[PartTimer]:
        """Wrap the parts for the duration of the block; the originals are put back after it."""
        undo = []
        for part in parts:
            original = part.owner.__dict__.get(part.method) if isinstance(part.owner, type) else None
            bound = getattr(part.owner, part.method)
            setattr(part.owner, part.method, self.wrap(original or bound, part.name))
            undo.append((part.owner, part.method, original))
        try:
            yield self
        finally:
            for owner, method, original in reversed(undo):
                if original is not None:
                    setattr(owner, method, original)
                else:
                    delattr(owner, method)        # the instance attribute goes: the class's method shows again

    def report(self, elapsed_s: float) -> dict[str, dict]:
        """Per part: cores of CPU, cores of waiting (GIL, locks, preemption), calls per second."""
        cpu, wait, calls = defaultdict(float), defaultdict(float), defaultdict(int)
        with self._lock:
            for thread_cpu, thread_wait, thread_calls in self._threads:
                for name, value in list(thread_cpu.items()):
                    cpu[name] += value
                for name, value in list(thread_wait.items()):
                    wait[name] += value
                for name, value in list(thread_calls.items()):
                    calls[name] += value
        return {name: {"cores": round(cpu[name] / elapsed_s, 4), "waiting_cores": round(wait[name] / elapsed_s, 4),
                       "calls_per_s": round(calls[name] / elapsed_s, 1),
                       "us_per_call": round(cpu[name] / calls[name] * 1e6, 1) if calls[name] else None}
                for name in sorted(cpu, key=lambda n: -cpu[n])}
