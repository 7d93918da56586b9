"""CPU, user/system split and context switches of this process's threads, grouped by what they do (Linux /proc)."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from dataclasses import dataclass, field

from bench.measure import CLOCK_TICKS

GroupOf = Callable[[threading.Thread | None], str]


@dataclass
class GroupUsage:
    user_s: float = 0.0
    system_s: float = 0.0
    switches: int = 0          # voluntary + involuntary context switches
    threads: set[int] = field(default_factory=set)

    def minus(self, earlier: GroupUsage) -> GroupUsage:
        return GroupUsage(self.user_s - earlier.user_s, self.system_s - earlier.system_s,
                          self.switches - earlier.switches, self.threads | earlier.threads)


def default_group(thread: threading.Thread | None) -> str:
    """GUI (the main thread), stream (a session's demux/decode thread) or other (Qt, closers, unknown)."""
    if thread is threading.main_thread():
        return "gui"
    if thread is not None and thread.name.startswith("stream-"):
        return "stream"
    return "other"


def sample(group_of: GroupOf = default_group) -> dict[str, GroupUsage]:
    """Cumulative usage per group of the threads alive now (a thread that ended since is not counted)."""
    by_tid = {t.native_id: t for t in threading.enumerate()}
    usage: dict[str, GroupUsage] = {}
    for name in os.listdir("/proc/self/task"):
        tid = int(name)
        try:
            with open(f"/proc/self/task/{tid}/stat", encoding="ascii") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
            with open(f"/proc/self/task/{tid}/status", encoding="ascii") as fh:
                switches = sum(int(line.split()[1]) for line in fh if "ctxt_switches" in line)
        except FileNotFoundError:       # the thread ended while we read
            continue
        group = usage.setdefault(group_of(by_tid.get(tid)), GroupUsage())
        group.user_s += int(fields[11]) / CLOCK_TICKS
        group.system_s += int(fields[12]) / CLOCK_TICKS
        group.switches += switches
        group.threads.add(tid)
    return usage


def per_second(before: dict[str, GroupUsage], after: dict[str, GroupUsage], elapsed_s: float) -> dict[str, dict]:
    """Cores (user, system) and context switches per second of each group over an interval.

    Only threads alive at both ends count fully; the session threads of a steady wall live through it.
    """
    rows = {}
    for name, end in sorted(after.items()):
        start = before.get(name, GroupUsage())
        delta = end.minus(start)
        rows[name] = {"threads": len(end.threads),
                      "cores": round((delta.user_s + delta.system_s) / elapsed_s, 3),
                      "system_cores": round(delta.system_s / elapsed_s, 3),
                      "switches_per_s": round(delta.switches / elapsed_s)}
    return rows
