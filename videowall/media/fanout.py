"""Hands one session's packets to its consumers; a failing consumer is logged and skipped, never fatal.

``deliver``/``attach``/``detach`` run on the session thread; ``add``/``remove`` on any thread. One re-entrant
lock serialises them, so a consumer never sees two calls at once and gets none after ``remove`` returns.
Every consumer gets the same packet object: consumers must not change it (the live decoder keeps the
packets of the current GOP to decode them again on resume; the recorder copies what it needs).
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass

from videowall.media.av_errors import exception_text
from videowall.media.stats import StatsRecorder
from videowall.media.types import PacketConsumer

log = logging.getLogger(__name__)

_LOG_EVERY = 500   # after the first failure of a consumer, log one in this many


@dataclass
class _Slot:
    consumer: PacketConsumer
    opened: bool = False
    removed: bool = False
    failures: int = 0


class Fanout:
    def __init__(self, name: str, stats: StatsRecorder) -> None:
        self._name = name
        self._stats = stats
        self._lock = threading.RLock()
        self._slots: list[_Slot] = []
        self._stream = None

    def add(self, consumer: PacketConsumer) -> None:
        with self._lock:
            if any(slot.consumer is consumer for slot in self._slots):
                return
            bind = getattr(consumer, "bind_stats", None)
            if callable(bind):
                bind(self._stats)
            self._slots.append(_Slot(consumer))

    def remove(self, consumer: PacketConsumer) -> None:
        with self._lock:
            for slot in self._slots:
                if slot.consumer is consumer:
                    self._slots.remove(slot)
                    slot.removed = True
                    if slot.opened:
                        self._call(slot, "on_stream_closed")
                    return

    def attach(self, stream) -> None:
        """A stream was opened: each consumer gets ``on_stream_opened`` before its first packet."""
        with self._lock:
            self._stream = stream
            for slot in self._slots:
                slot.opened = False

    def detach(self) -> None:
        """The stream is gone: consumers that saw it get ``on_stream_closed``."""
        with self._lock:
            for slot in self._slots:
                if slot.opened:
                    slot.opened = False
                    self._call(slot, "on_stream_closed")
            self._stream = None

    def deliver(self, packet, received_monotonic: float) -> None:
        with self._lock:
            for slot in list(self._slots):
                if slot.removed:  # removed by a consumer called earlier in this loop
                    continue
                if not slot.opened:
                    slot.opened = True
                    self._call(slot, "on_stream_opened", self._stream)
                self._call(slot, "on_packet", packet, received_monotonic)

    def _call(self, slot: _Slot, method: str, *args) -> None:
        try:
            getattr(slot.consumer, method)(*args)
        except Exception as exc:
            slot.failures += 1
            if slot.failures == 1 or slot.failures % _LOG_EVERY == 0:
                log.error("%s: consumer %s failed in %s (%d failures so far): %s", self._name,
                          type(slot.consumer).__name__, method, slot.failures, exception_text(exc))
