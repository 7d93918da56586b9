"""AlarmEngine: events in (any thread, never blocking), stored events and raised or merged alarms out.

Sources call ``submit``; a bounded queue takes the events to one worker thread, which handles them in
batches (one transaction each): equal events within the rule's debounce time extend one stored event and
one alarm (count shown) instead of adding rows, so a flapping input or a storm of 1,000 events a second is
one alarm whose count grows. When the queue is full, further events are not dropped but counted per merge
key and handed over with the next batch (bounded too: beyond ``MAX_OVERFLOW_KEYS`` distinct keys an event is
lost and counted in ``lost``). Listeners get the changed alarms of each batch on the worker thread.
Events a camera reports as its initial state (``operation`` Initialized) are stored but raise no alarm.
"""

from __future__ import annotations

import logging
import queue
import sqlite3
import threading
import time
from collections.abc import Callable
from datetime import datetime

from videowall.events.model import Alarm, CameraEvent
from videowall.events.rules import AlarmRule, rule_for
from videowall.events.store import EventStore
from videowall.model.camera import Camera
from videowall.runtime.errors import VideowallError

log = logging.getLogger(__name__)

QUEUE_SIZE = 2000
BATCH_SIZE = 500
MAX_OVERFLOW_KEYS = 10_000
WAKE_S = 0.5
BATCH_LINGER_S = 0.02    # a storm's events a few ms apart go in one transaction, not one each
AlarmListener = Callable[[list[Alarm], set[int]], None]    # (changed alarms, ids of the newly raised)


class AlarmEngine:
    def __init__(self, store: EventStore, camera_lookup: Callable[[int], Camera]) -> None:
        self.store = store
        self._camera_lookup = camera_lookup
        self._queue: queue.Queue[CameraEvent] = queue.Queue(QUEUE_SIZE)
        self._overflow: dict[tuple, tuple[CameraEvent, int, datetime]] = {}
        self._overflow_lock = threading.Lock()
        self.lost = 0
        self._listeners: list[AlarmListener] = []
        self._rules: list[AlarmRule] = store.rules()
        self._open_events: dict[tuple, tuple[int, datetime]] = {}   # merge key → (event row, last time)
        self._pending = 0                     # submitted, not yet handled
        self._pending_lock = threading.Condition()
        self._stopping = False
        self._thread = threading.Thread(target=self._run, name="alarm-engine", daemon=True)
        self._thread.start()

    def add_listener(self, listener: AlarmListener) -> None:
        self._listeners.append(listener)

    def reload_rules(self) -> None:
        self._rules = self.store.rules()

    def submit(self, event: CameraEvent) -> None:
        """Any thread; never blocks."""
        with self._pending_lock:
            self._pending += 1
        try:
            self._queue.put_nowait(event)
        except queue.Full:
            with self._overflow_lock:
                held = self._overflow.get(event.merge_key)
                if held is not None:
                    self._overflow[event.merge_key] = (held[0], held[1] + 1, max(held[2], event.at_utc))
                elif len(self._overflow) < MAX_OVERFLOW_KEYS:
                    self._overflow[event.merge_key] = (event, 1, event.at_utc)
                else:
                    self.lost += 1
                    self._done(1)

    def wait_idle(self, timeout_s: float) -> bool:
        """True once every submitted event is handled (for tests, benchmarks and an orderly close)."""
        with self._pending_lock:
            return self._pending_lock.wait_for(lambda: self._pending == 0, timeout_s)

    def close(self, timeout_s: float = 5.0) -> None:
        self._stopping = True
        self._thread.join(timeout_s)

    # -- the worker -------------------------------------------------------------------------------
    def _done(self, count: int) -> None:
        with self._pending_lock:
            self._pending -= count
            if self._pending == 0:
                self._pending_lock.notify_all()

    def _run(self) -> None:
        while not self._stopping:
            batch: list[CameraEvent] = []
            try:
                batch.append(self._queue.get(timeout=WAKE_S))   # the wake-up also collects a late overflow
            except queue.Empty:
                pass
            linger_until = time.monotonic() + BATCH_LINGER_S
            while batch and len(batch) < BATCH_SIZE:
                try:
                    batch.append(self._queue.get(timeout=max(0.0, linger_until - time.monotonic())))
                except queue.Empty:
                    break
            with self._overflow_lock:
                overflow, self._overflow = list(self._overflow.values()), {}
            if batch or overflow:
                self._handle_safely(batch, overflow)
                self._done(len(batch) + sum(count for _event, count, _last in overflow))

    def _handle_safely(self, batch: list[CameraEvent], overflow: list[tuple[CameraEvent, int, datetime]]) -> None:
        try:
            changed, raised = self._handle(batch, overflow)
        except (VideowallError, sqlite3.Error) as err:   # a full or locked database: lost, the wall goes on
            log.error("%d events not stored: %s", len(batch) + len(overflow), getattr(err, "user_message", err))
            return
        alarms = self.store.alarms_by_id(changed)
        for listener in list(self._listeners):
            try:
                listener(alarms, raised)
            except Exception:              # noqa: BLE001 — one broken listener must not stop the alarms
                log.exception("alarm listener failed")

    def _handle(self, batch: list[CameraEvent],
                overflow: list[tuple[CameraEvent, int, datetime]]) -> tuple[set[int], set[int]]:
        """One batch (taken at once from the queue): equal events are one run, stored and alarmed once."""
        runs: dict[tuple, tuple[CameraEvent, int, datetime]] = {}
        for event, count, last in [*overflow, *((event, 1, event.at_utc) for event in batch)]:
            held = runs.get(event.merge_key)
            runs[event.merge_key] = ((held[0], held[1] + count, max(held[2], last)) if held is not None
                                     else (event, count, last))
        changed: set[int] = set()
        raised: set[int] = set()
        groups: dict[int, str] = {}
        open_events = dict(self._open_events)      # restored if the transaction fails
        try:
            with self.store.batch():
                for event, count, last in runs.values():
                    rule = rule_for(self._rules, event.kind, event.camera_id, self._group(event.camera_id, groups))
                    self._store_event(event, count, last, rule)
                    if rule.raises_alarm and event.active is not False and not event.initial:
                        alarm_id, new = self.store.merge_alarm(event, rule, count, last)
                        changed.add(alarm_id)
                        if new:
                            raised.add(alarm_id)
        except BaseException:
            self._open_events = open_events        # rows of a rolled-back batch do not exist
            raise
        return changed, raised

    def _store_event(self, event: CameraEvent, count: int, last: datetime, rule: AlarmRule) -> None:
        held = self._open_events.get(event.merge_key)
        if held is not None and (event.at_utc - held[1]).total_seconds() <= max(rule.debounce_s, 1.0):
            self.store.extend_event(held[0], last, count)
            self._open_events[event.merge_key] = (held[0], max(held[1], last))
            return
        if len(self._open_events) >= MAX_OVERFLOW_KEYS:
            self._open_events.clear()     # only a merge is missed: the next event starts a new row
        self._open_events[event.merge_key] = (self.store.insert_event(event, count, last), last)

    def _group(self, camera_id: int | None, cache: dict[int, str]) -> str:
        if camera_id is None:
            return ""
        if camera_id not in cache:
            try:
                cache[camera_id] = self._camera_lookup(camera_id).group
            except VideowallError:        # removed meanwhile: no group rule applies
                cache[camera_id] = ""
        return cache[camera_id]
