"""The hand-over from a session's demux thread to a recorder's writer thread.

Packets are bounded (by count and bytes) and never block the producer: a full queue refuses the packet
and the producer drops until the next keyframe. Control items (stream opened/closed, stop) are always
accepted, so the writer learns about every connection change even while packets are being dropped.

A packet does not wake the writer: the writer drains the queue every ``get`` timeout (a fraction of a
second — nothing waits for a recording) instead of waking 25 times a second per camera. With 16
cameras that is 80 wake-ups a second instead of 400, each of which had to win the GIL from the decoders.
Control items wake it at once.
"""

from __future__ import annotations

import collections
import threading


class PacketQueue:
    def __init__(self, max_packets: int, max_bytes: int) -> None:
        self._max_packets = max_packets
        self._max_bytes = max_bytes
        self._items: collections.deque[tuple[object, int]] = collections.deque()
        self._packets = 0
        self._bytes = 0
        self._ready = threading.Condition(threading.Lock())

    def offer(self, item: object, size: int) -> bool:
        """Queue a packet of ``size`` bytes unless the queue is full; never blocks. Any thread."""
        with self._ready:
            if self._packets >= self._max_packets or self._bytes + size > self._max_bytes:
                return False
            self._items.append((item, size))
            self._packets += 1
            self._bytes += size
            return True

    def put_control(self, item: object) -> None:
        """Queue a control item regardless of the bounds. Any thread."""
        with self._ready:
            self._items.append((item, -1))
            self._ready.notify()

    def get(self, timeout_s: float) -> object | None:
        """The next item; waits up to ``timeout_s`` (or a control item) when empty, then None. Consumer thread."""
        with self._ready:
            if not self._items and not self._ready.wait(timeout_s):
                return None
            if not self._items:
                return None
            item, size = self._items.popleft()
            if size >= 0:
                self._packets -= 1
                self._bytes -= size
            return item

    def __len__(self) -> int:
        with self._ready:
            return len(self._items)
