"""AlarmsController: the one place the GUI reaches the station's events and alarms.

The event service is built and the cameras subscribed on a worker thread (keyring reads, database); every
store call runs on that worker too, with results back on the GUI thread through a queued signal. The
engine's alarm updates arrive on its own thread and are re-emitted on the GUI thread as ``alarms_changed``.
Subscription states (e.g. a camera without an event service) are read every few seconds.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from ui.i18n.core import core_text
from videowall.events.model import Alarm, EventFilter, StoredEvent
from videowall.runtime.errors import ErrorKind, VideowallError

log = logging.getLogger(__name__)
STATUS_POLL_MS = 2000
UPDATE_MS = 100

Done = Callable[[Any], None]
Failed = Callable[[VideowallError], None]


class AlarmsController(QObject):
    alarms_changed = Signal(object, object)    # list[Alarm] changed, set[int] of the ids newly raised
    statuses_changed = Signal(object)          # {camera id: SubscriptionStatus}
    ready = Signal()                           # the service runs and the cameras are being subscribed
    failed = Signal(str)
    _finished = Signal(object, object, object)
    _from_engine = Signal(object, object)

    def __init__(self, station, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.station = station
        self.service = None
        self._closed = False
        self._statuses: dict = {}
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="alarms")
        self._finished.connect(self._on_self_finished, Qt.ConnectionType.QueuedConnection)
        self._from_engine.connect(self._on_self_from_engine, Qt.ConnectionType.QueuedConnection)
        # A storm changes its alarm with every batch: a new alarm is shown at once, further changes of
        # alarms already shown at most every UPDATE_MS, all that changed meanwhile together.
        self._held: dict[int, Alarm] = {}
        self._held_raised: set[int] = set()
        self._throttle = QTimer(self)
        self._throttle.setSingleShot(True)
        self._throttle.setInterval(UPDATE_MS)
        self._throttle.timeout.connect(self._on_throttle_timeout)
        self._timer = QTimer(self)
        self._timer.setInterval(STATUS_POLL_MS)
        self._timer.timeout.connect(self._on_timer_timeout)

    @property
    def operator(self) -> str:
        return self.station.operator

    def start(self) -> None:
        def begin(_service) -> None:
            self._timer.start()
            self.ready.emit()

        self._call(lambda service: service, begin)     # the worker opens the service first

    def _open_service(self):
        service = self.station.events()
        service.add_listener(self._on_engine_alarms)
        service.subscribe_all()
        self.service = service
        return service

    # -- operator actions -------------------------------------------------------------------------
    def acknowledge(self, alarm_id: int, done: Done | None = None, error: Failed | None = None) -> None:
        who = self.operator
        self._call(lambda s: s.store.acknowledge(alarm_id, who), self._announcing(done), error)

    def close_alarm(self, alarm_id: int, comment: str, done: Done | None = None, error: Failed | None = None) -> None:
        who = self.operator
        self._call(lambda s: s.store.close(alarm_id, who, comment), self._announcing(done), error)

    def alarms(self, include_closed: bool, done: Callable[[list[Alarm]], None]) -> None:
        self._call(lambda s: s.store.alarms(include_closed=include_closed), done)

    def search(self, flt: EventFilter, done: Callable[[list[StoredEvent]], None], error: Failed | None = None) -> None:
        self._call(lambda s: s.store.search_events(flt), done, error)

    def events_over(self, camera_id: int, start_utc: datetime, end_utc: datetime) -> list[StoredEvent]:
        """For a caller already on a worker thread (the playback timeline): runs there."""
        return self.station.events().store.events_over(camera_id, start_utc, end_utc)

    def close(self) -> None:
        self._closed = True
        self._timer.stop()
        self._throttle.stop()
        self._worker.shutdown(wait=False, cancel_futures=True)

    # -- internals --------------------------------------------------------------------------------
    def _announcing(self, done: Done | None) -> Done:
        def announce(alarm: Alarm) -> None:
            self.alarms_changed.emit([alarm], set())
            if done is not None:
                done(alarm)
        return announce

    def _call(self, work: Callable[[Any], Any], done: Done | None = None, error: Failed | None = None) -> None:
        if self._closed:
            return

        def job() -> None:
            try:
                service = self.service or self._open_service()
                result, err = work(service), None
            except VideowallError as caught:
                result, err = None, caught
            except Exception as caught:   # noqa: BLE001 — reported to the operator, logged with its trace
                log.exception("alarm operation failed")
                result, err = None, VideowallError(ErrorKind.INTERNAL, "The alarm operation failed unexpectedly; "
                                                   "the details are in the log.", detail=repr(caught))
            try:
                self._finished.emit((done, error), result, err)
            except RuntimeError:          # the controller was deleted meanwhile (the app is closing)
                pass

        self._worker.submit(job)

    def _on_engine_alarms(self, alarms: list[Alarm], raised: set[int]) -> None:
        """The engine's thread."""
        try:
            self._from_engine.emit(alarms, raised)
        except RuntimeError:
            pass

    def _on_self_from_engine(self, alarms: list[Alarm], raised: set[int]) -> None:
        self._held.update((alarm.id, alarm) for alarm in alarms)
        self._held_raised |= raised
        if raised or not self._throttle.isActive():
            self._on_throttle_timeout()

    def _on_throttle_timeout(self) -> None:
        if not self._held:
            return
        alarms, raised = list(self._held.values()), self._held_raised
        self._held, self._held_raised = {}, set()
        self._throttle.start()
        self.alarms_changed.emit(alarms, raised)

    def _on_self_finished(self, callbacks, result, err: VideowallError | None) -> None:
        done, error = callbacks
        if err is not None:
            (error or (lambda e: self.failed.emit(core_text(e.user_message))))(err)
        elif done is not None:
            done(result)

    def _on_timer_timeout(self) -> None:
        if self.service is None:
            return
        statuses = self.service.subscriptions.statuses()
        if statuses != self._statuses:
            self._statuses = statuses
            self.statuses_changed.emit(statuses)
